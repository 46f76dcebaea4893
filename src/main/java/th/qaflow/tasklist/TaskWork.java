package th.qaflow.tasklist;

import java.util.List;
import java.util.Map;
import java.util.Set;
import th.qaflow.forms.FormSubmission;
import th.qaflow.security.QaUser;

/** The participants' work on tasks; controllers go through this, never to the engine directly. */
public interface TaskWork {
  /**
   * One page of the tasks the user may act on (assigned to them, or candidates through their
   * groups), narrowed and ordered by the filter in the engine's task query; never more than that.
   */
  TaskListPage list(QaUser user, TaskFilter filter);

  List<TaskRow> myTasks(QaUser user);

  /** Tasks of the user's groups that are not theirs: unclaimed, or claimed by a colleague. */
  List<TaskRow> groupTasks(QaUser user);

  /**
   * The task page, or NotFoundException when it does not exist or lies outside the user's scope.
   */
  TaskPage open(String taskId, QaUser user);

  void claim(String taskId, QaUser user);

  /** Claims each task as {@link #claim} does, one at a time; one lost claim stops no other. */
  BulkClaim claimAll(List<String> taskIds, QaUser user);

  /**
   * Sets (or with null clears) the assignee's follow-up date of a task they hold; anyone else is
   * refused.
   */
  void followUp(String taskId, QaUser user, java.time.LocalDate date);

  void unclaim(String taskId, QaUser user);

  /**
   * Validates the submitted form; only if the whole form is valid are its files stored (as document
   * versions) and the task completed, all in one transaction.
   */
  Completion complete(String taskId, QaUser user, FormSubmission submission);

  default Completion complete(String taskId, QaUser user, Map<String, String[]> params) {
    return complete(taskId, user, FormSubmission.of(params));
  }

  /**
   * The fields a partly filled form hides right now (FEEL conditions), for the page to follow as
   * the user types.
   */
  Set<String> hiddenFields(String taskId, QaUser user, Map<String, String[]> params);

  void comment(String taskId, QaUser user, String text);
}
