package th.qaflow.documents;

/** A stored version's content no longer hashes to its recorded SHA-256: nothing was recorded. */
public class DocumentIntegrityException extends RuntimeException {
  public DocumentIntegrityException(String message) {
    super(message);
  }
}
