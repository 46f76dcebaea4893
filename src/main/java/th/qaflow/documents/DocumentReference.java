package th.qaflow.documents;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a process variable refers to a stored file: a map with the version id and what people need to
 * see of it (version, name, hash), never the content. Older values may be the bare version id.
 */
public final class DocumentReference {
  private DocumentReference() {}

  /** The variable value for a stored version. */
  public static Map<String, Object> of(DocumentVersion v) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("versionId", v.versionId());
    d.put("documentId", v.documentId());
    d.put("version", v.version());
    d.put("filename", v.filename());
    d.put("mimeType", v.mimeType());
    d.put("size", v.size());
    d.put("sha256", v.sha256());
    return d;
  }

  /** The version id a file variable refers to, or {@code null} when it refers to none. */
  public static String versionId(Object fileValue) {
    if (fileValue instanceof String id) {
      return id;
    }
    return fileValue instanceof Map<?, ?> m && m.get("versionId") instanceof String id ? id : null;
  }
}
