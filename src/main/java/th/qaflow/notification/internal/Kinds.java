package th.qaflow.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalInt;
import th.qaflow.kernel.AcademicYears;

/**
 * The kinds of mail and when a reminder applies. Reminders are derived from a task's current due
 * date: the reminder of "n days before" falls due at {@code reminderTime} (Bangkok) n days before
 * the due date. At any moment only the LATEST reminder that has fallen due (and the task not yet
 * due) applies, so a deadline moved to tomorrow sends one DUE_IN_1, not DUE_IN_7, DUE_IN_3 and
 * DUE_IN_1 at once; a reminder whose moment passed while a later one already applies is skipped,
 * never sent late.
 */
public final class Kinds {
  public static final String DUE_TODAY = "DUE_TODAY";
  public static final String OVERDUE_DIRECTOR = "OVERDUE_DIRECTOR";
  public static final String OVERDUE_SUPERVISOR = "OVERDUE_SUPERVISOR";
  public static final String DIGEST = "DIGEST";

  /**
   * A reminder a manager asked for (monitoring's overdue list), at most one per task, person and
   * day.
   */
  public static final String REMIND_NOW = "REMIND_NOW";

  /** The district moved a task's deadline (DeadlineMoved): one mail per task, change and person. */
  public static final String DEADLINE_CHANGED = "DEADLINE_CHANGED";

  /** The district published its year's guidance (GuidancePublished): one mail per person. */
  public static final String GUIDANCE_PUBLISHED = "GUIDANCE_PUBLISHED";

  private Kinds() {}

  public static String beforeDue(int days) {
    return days == 0 ? DUE_TODAY : "DUE_IN_" + days;
  }

  /** n for DUE_IN_n, 0 for anything else. */
  public static int daysBefore(String kind) {
    return kind.startsWith("DUE_IN_") ? Integer.parseInt(kind.substring(7)) : 0;
  }

  public static boolean isEscalation(String kind) {
    return kind.startsWith("OVERDUE_");
  }

  public static String escalation(String level) {
    return "OVERDUE_" + level;
  }

  /**
   * The offset (days before due) of the reminder that applies now, if any. {@code days} is
   * descending.
   */
  public static OptionalInt applicableReminder(
      List<Integer> days, LocalDate dueDate, Instant due, Instant now, LocalTime reminderTime) {
    if (!now.isBefore(due)) {
      return OptionalInt.empty();
    }
    OptionalInt latest = OptionalInt.empty();
    for (int d : days) {
      Instant fires =
          dueDate.minusDays(d).atTime(reminderTime).atZone(AcademicYears.ZONE).toInstant();
      if (!fires.isAfter(now)) {
        latest = OptionalInt.of(d);
      }
    }
    return latest;
  }

  /** (task, kind, due date, recipient): the same reminder decided twice, anywhere, is one row. */
  public static String key(String taskId, String kind, LocalDate dueDate, String recipientId) {
    return taskId + "|" + kind + "|" + dueDate + "|" + recipientId;
  }

  /**
   * (task, DEADLINE_CHANGED, old date, new date, recipient): each change of a task's date is told
   * once.
   */
  public static String changedKey(
      String taskId, LocalDate oldDue, LocalDate newDue, String recipientId) {
    return taskId + "|" + DEADLINE_CHANGED + "|" + oldDue + ">" + newDue + "|" + recipientId;
  }

  /** (GUIDANCE_PUBLISHED, district-year, publication time, recipient): each publication once. */
  public static String guidanceKey(
      String districtCode, int academicYear, Instant publishedAt, String recipientId) {
    return GUIDANCE_PUBLISHED
        + "|"
        + districtCode
        + "-"
        + academicYear
        + "|"
        + publishedAt.toEpochMilli()
        + "|"
        + recipientId;
  }

  public static String digestKey(String userId, LocalDate date) {
    return DIGEST + "|" + userId + "|" + date;
  }
}
