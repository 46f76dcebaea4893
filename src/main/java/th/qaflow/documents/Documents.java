package th.qaflow.documents;

import java.util.List;
import java.util.Optional;
import th.qaflow.security.QaUser;

/**
 * Uploaded files (SAR, plans, orders, evidence) stored in the database with versions, SHA-256 and a
 * MIME type detected from the content. Process variables hold version ids, never content. Accepted:
 * PDF, DOCX, XLSX, JPEG and PNG up to {@code qaflow.documents.max-size} (default 20 MB); the file
 * name's extension must agree with the content.
 */
public interface Documents {

  /**
   * All checks of {@link #store} (file name, size, type); nothing is stored. Empty when acceptable.
   */
  Optional<UploadProblem> check(String filename, byte[] content);

  /**
   * Checks again, then stores the content as the next version of the slot's document (1 for a new
   * slot) and records an {@link DocumentEventKind#UPLOADED} event, in one transaction. Concurrent
   * stores to one slot get distinct version numbers. The file name is kept exactly as given.
   *
   * @throws InvalidUploadException when a check fails; nothing is stored then
   */
  DocumentVersion store(DocumentSlot slot, String filename, byte[] content, String userId);

  Optional<DocumentVersion> version(String versionId);

  /**
   * The version if {@code reader}'s scope covers its school ({@link QaUser#canSee}) or, for a
   * district's own document, if the reader is that district's staff, OBEC or an operator (the rule
   * of the district's tasks) or — for a version the district published to its schools ({@link
   * #publishToSchools}) — a user of one of that district's schools ({@link
   * th.qaflow.security.Scopes#canReadPublishedBy}); empty otherwise, the same as for an unknown id.
   */
  Optional<DocumentVersion> version(String versionId, QaUser reader);

  /**
   * Publishes a district's own version to the district's schools: records a {@link
   * DocumentEventKind#PUBLISHED_TO_SCHOOLS} event (re-hashing the content as {@link #recordEvent}
   * does), after which the users of that district's schools may read this version, and this version
   * only. Publishing a version twice records it once.
   *
   * @throws IllegalArgumentException for a school's document
   * @throws java.util.NoSuchElementException for an unknown version id
   */
  void publishToSchools(String versionId, String userId, String processInstanceId, String taskId);

  /**
   * What a district published to its schools: for every year and slot, the latest published version
   * and when it was published; newest year first, then by slot.
   */
  List<PublishedDocument> publishedToSchools(String districtCode);

  /** Every version of a document, newest first. */
  List<DocumentVersion> versions(String documentId);

  Optional<DocumentVersion> latest(DocumentSlot slot);

  /** The latest version of every slot of a school's year, ordered by slot. */
  List<DocumentVersion> ofSchool(String schoolCode, int academicYear);

  /** The latest version of every slot of a district's own documents of a year, ordered by slot. */
  List<DocumentVersion> ofDistrict(String districtCode, int academicYear);

  /**
   * The stored bytes of a version.
   *
   * @throws java.util.NoSuchElementException for an unknown id
   */
  byte[] content(String versionId);

  /**
   * Appends an audit row for a version. Re-reads and re-hashes the stored content and records the
   * hash it saw; if that differs from the version's recorded SHA-256 it throws {@link
   * DocumentIntegrityException} and records nothing.
   *
   * @throws java.util.NoSuchElementException for an unknown version id
   */
  void recordEvent(
      String versionId,
      DocumentEventKind kind,
      String userId,
      String processInstanceId,
      String taskId);

  /** The audit trail of a document, oldest first. */
  List<DocumentEvent> events(String documentId);

  /** The size limit in bytes ({@code qaflow.documents.max-size}). */
  long maxSize();
}
