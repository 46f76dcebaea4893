package th.qaflow.forms;

import java.util.Objects;

/**
 * A file the user sent with a form (a multipart part of a {@code filepicker}). The forms module
 * only checks it against the form ({@code required}, {@code accept}, {@code multiple}) and hands it
 * on in {@link FormResult#values()}; storing it is the documents module's work.
 *
 * @param filename the name the browser gave (without directories)
 * @param contentType the MIME type the browser claimed, may be {@code null}
 * @param size bytes
 * @param content the bytes
 */
public record UploadedFile(String filename, String contentType, long size, byte[] content) {

  public UploadedFile {
    filename = filename == null ? "" : filename;
    content = content == null ? new byte[0] : content;
  }

  /** A browser sends an empty part when no file was chosen: no name and no bytes. */
  public boolean isEmpty() {
    return filename.isBlank() && size <= 0 && content.length == 0;
  }

  /** The lower-case extension with its dot ({@code .pdf}), or {@code ""}. */
  public String extension() {
    int dot = filename.lastIndexOf('.');
    return dot < 0 ? "" : filename.substring(dot).toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadedFile f
        && filename.equals(f.filename)
        && Objects.equals(contentType, f.contentType)
        && size == f.size
        && java.util.Arrays.equals(content, f.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(filename, contentType, size) * 31 + java.util.Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "UploadedFile[" + filename + ", " + contentType + ", " + size + " bytes]";
  }
}
