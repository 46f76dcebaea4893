package th.qaflow.documents;

import java.time.Instant;

/**
 * One stored version of a document (without its content). {@code versionId} and {@code documentId}
 * are UUID strings; {@code version} counts from 1 per document; {@code mimeType} was detected from
 * the content; {@code sha256} is the lower-case hex SHA-256 of the content. A district's own
 * document has {@code districtCode} and no {@code schoolCode}; a school's has {@code schoolCode}
 * and no {@code districtCode}.
 */
public record DocumentVersion(
    String versionId,
    String documentId,
    int version,
    String schoolCode,
    int academicYear,
    String slot,
    String filename,
    String mimeType,
    long size,
    String sha256,
    String uploadedBy,
    Instant uploadedAt,
    String districtCode) {

  /** A school's version. */
  public DocumentVersion(
      String versionId,
      String documentId,
      int version,
      String schoolCode,
      int academicYear,
      String slot,
      String filename,
      String mimeType,
      long size,
      String sha256,
      String uploadedBy,
      Instant uploadedAt) {
    this(
        versionId,
        documentId,
        version,
        schoolCode,
        academicYear,
        slot,
        filename,
        mimeType,
        size,
        sha256,
        uploadedBy,
        uploadedAt,
        null);
  }

  public DocumentSlot documentSlot() {
    return new DocumentSlot(schoolCode, districtCode, academicYear, slot);
  }

  /** Whether the document belongs to a district rather than a school. */
  public boolean isDistrict() {
    return schoolCode == null;
  }

  /** The first 12 hex digits of the hash, for display (the full hash goes in a title attribute). */
  public String shortSha256() {
    return sha256.substring(0, 12);
  }
}
