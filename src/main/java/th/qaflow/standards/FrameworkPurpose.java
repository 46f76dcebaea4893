package th.qaflow.standards;

/**
 * What a framework is used for: the school's own (internal) QA, or ONESQA's external assessment.
 */
public enum FrameworkPurpose {
  INTERNAL,
  EXTERNAL
}
