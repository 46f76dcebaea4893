package th.qaflow.assistance;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the help for a school below the standard, in the academic year the help runs (the
 * year after the SARs' year): the synthesis is done by 30 June, so the team and the plan follow in
 * July–August, the follow-up visits run through the first semester to January, and the result is
 * reported after the school's self-checks (December–March).
 */
public enum AssistanceStage implements Stage {
  ASSIST_TEAM(StageDates.of(7, 1, 0, 7, 15, 0)),
  ASSIST_PLAN(StageDates.of(7, 1, 0, 7, 31, 0)),
  ASSIST_PLAN_APPROVAL(StageDates.of(7, 1, 0, 8, 15, 0)),
  ASSIST_FOLLOW_UP(StageDates.of(8, 1, 0, 1, 31, 1)),
  ASSIST_RESULT(StageDates.of(12, 1, 0, 3, 31, 1));

  private final StageDates dates;

  AssistanceStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
