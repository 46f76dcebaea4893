package th.qaflow.kernel;

import java.time.LocalDate;

/**
 * A stage of a QA year: the unit a user task belongs to, a district's calendar dates, the
 * dashboards group and reminders follow. Each process module declares its own stages as an enum
 * implementing this interface and contributes them to the registry ({@link Stages}) with a {@link
 * StageCatalog} bean. A stage's code is its {@link #name()}, unique across modules: it is stored in
 * the calendar tables, the task-local {@code stage} variable and the {@code stage} property of the
 * user tasks in the models.
 */
public interface Stage {
  /** The code, e.g. {@code SAR_SUBMISSION} (an enum's constant name). */
  String name();

  /** The default window of domain.md. */
  StageDates dates();

  /**
   * Whether the stage keeps the order of the school year (the calendar refuses a stage that opens
   * before the stage before it, see {@code CalendarRules}); the stages of the district's own work
   * run alongside it.
   */
  default boolean keepsYearOrder() {
    return false;
  }

  /**
   * Whether an overdue task of this stage is escalated by a boundary timer in its model (visible in
   * the diagram), so the reminder scan sends its before-due reminders but leaves the escalation to
   * the model.
   */
  default boolean escalatedByModelTimer() {
    return false;
  }

  default LocalDate defaultOpens(int academicYearBE) {
    return dates().opens(academicYearBE);
  }

  default LocalDate defaultDue(int academicYearBE) {
    return dates().due(academicYearBE);
  }

  /** Message key of the stage's name in the user's language. */
  default String messageKey() {
    return "stage." + name();
  }
}
