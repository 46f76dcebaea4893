package th.qaflow.notification;

/**
 * How a person receives reminders before a due date. Escalations of overdue work are always sent at
 * once, whatever the mode.
 */
public enum NotificationMode {
  /** A mail for each reminder as it falls due. */
  IMMEDIATE,
  /** One mail a day listing due-soon and overdue tasks, grouped by school (the default). */
  DIGEST,
  /** Unsubscribed from the digest: no reminders, escalations only. */
  NONE
}
