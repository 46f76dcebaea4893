package th.qaflow.documents;

/** What happened to a document version, as recorded in its append-only audit trail. */
public enum DocumentEventKind {
  UPLOADED,
  APPROVED,
  RETURNED,
  SUBMITTED
}
