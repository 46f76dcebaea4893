package th.qaflow.notification;

/**
 * Reminders on request, e.g. the "remind now" action of the monitoring dashboard's overdue list.
 */
public interface Reminders {
  /**
   * Writes a reminder mail about an open task to the outbox, for its assignee or, if unclaimed,
   * every member of its candidate groups: at most once per task, person and day (Bangkok), however
   * often it is asked for. Returns how many mails this call wrote (0 when everyone was already
   * reminded today).
   *
   * @throws java.util.NoSuchElementException if there is no open task with a due date of that id
   */
  int remindNow(String taskId, String requestedBy);
}
