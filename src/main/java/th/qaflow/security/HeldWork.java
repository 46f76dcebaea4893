package th.qaflow.security;

import java.util.Set;

/**
 * Work handed to a user outside their usual scope: an open task of a school assigned to them by
 * name (the QA officer hands a SAR review to a supervisor of another cluster). Implemented by the
 * module that owns the tasks.
 */
public interface HeldWork {
  /** The schools of the open tasks the user holds (as assignee). */
  Set<String> schoolsHeldBy(String userId);

  /** Does the user hold (as assignee) an open task about this school? */
  default boolean holdsWorkOf(String userId, String schoolCode) {
    return userId != null && schoolCode != null && schoolsHeldBy(userId).contains(schoolCode);
  }
}
