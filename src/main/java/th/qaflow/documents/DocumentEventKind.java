package th.qaflow.documents;

/** What happened to a document version, as recorded in its append-only audit trail. */
public enum DocumentEventKind {
  UPLOADED,
  APPROVED,
  RETURNED,
  SUBMITTED,
  /**
   * A district's own version was published to the district's schools (its guidance, SAR template,
   * forms): from then on the users of that district's schools may read this version.
   */
  PUBLISHED_TO_SCHOOLS
}
