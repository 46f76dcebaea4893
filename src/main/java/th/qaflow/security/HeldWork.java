package th.qaflow.security;

/**
 * Work handed to a user outside their usual scope: an open task of a school assigned to them by
 * name (the QA officer hands a SAR review to a supervisor of another cluster). Implemented by the
 * module that owns the tasks.
 */
public interface HeldWork {
  /** Does the user hold (as assignee) an open task about this school? */
  boolean holdsWorkOf(String userId, String schoolCode);
}
