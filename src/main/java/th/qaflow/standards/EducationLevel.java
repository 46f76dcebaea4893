package th.qaflow.standards;

/**
 * The two levels of basic education a school may offer; early childhood is listed first everywhere.
 */
public enum EducationLevel {
  EARLY_CHILDHOOD,
  BASIC
}
