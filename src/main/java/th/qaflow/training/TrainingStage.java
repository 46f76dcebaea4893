package th.qaflow.training;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of a training event (TrainingEvent) on the district calendar. Events are planned
 * whenever the district needs one, so each stage's window is the teaching year (16 May – 31 March)
 * and each task's due date is the event's own (approval within 5 days, registration until its
 * deadline, attendance on the day, evaluation 7 days after it, the report 14 days later); the
 * event's dates themselves are shown on the calendar as events.
 */
public enum TrainingStage implements Stage {
  TRAINING_APPROVAL,
  TRAINING_REGISTRATION,
  TRAINING_ATTENDANCE,
  TRAINING_EVALUATION,
  TRAINING_REPORT;

  private static final StageDates YEAR = StageDates.of(5, 16, 0, 3, 31, 1);

  @Override
  public StageDates dates() {
    return YEAR;
  }
}
