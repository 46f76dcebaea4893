package th.qaflow.tasklist;

import java.util.List;
import java.util.Map;
import th.qaflow.security.QaUser;

/** The participants' work on tasks; controllers go through this, never to the engine directly. */
public interface TaskWork {
  List<TaskRow> myTasks(QaUser user);

  /** Tasks of the user's groups that are not theirs: unclaimed, or claimed by a colleague. */
  List<TaskRow> groupTasks(QaUser user);

  /** The task page, or NotFoundException when it does not exist or lies outside the user's scope. */
  TaskPage open(String taskId, QaUser user);

  void claim(String taskId, QaUser user);

  void unclaim(String taskId, QaUser user);

  /** Validates the submitted form; completes the task only if the whole form is valid. */
  Completion complete(String taskId, QaUser user, Map<String, String[]> params);

  void comment(String taskId, QaUser user, String text);
}
