package th.qaflow.assistance;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the help for a school below the standard, counted from the academic year whose SARs
 * the synthesis found below target: the synthesis is done by 30 June of the next calendar year, so
 * the team and the plan follow in July–August, the follow-up visits run through the next year's
 * first semester, and the result is checked at the school's next self-check.
 */
public enum AssistanceStage implements Stage {
  ASSIST_TEAM(StageDates.of(7, 1, 1, 7, 15, 1)),
  ASSIST_PLAN(StageDates.of(7, 1, 1, 7, 31, 1)),
  ASSIST_PLAN_APPROVAL(StageDates.of(7, 1, 1, 8, 15, 1)),
  ASSIST_FOLLOW_UP(StageDates.of(8, 1, 1, 11, 30, 1)),
  ASSIST_RESULT(StageDates.of(12, 1, 1, 2, 28, 2));

  private final StageDates dates;

  AssistanceStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
