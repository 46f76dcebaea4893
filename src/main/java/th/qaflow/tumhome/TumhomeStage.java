package th.qaflow.tumhome;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the TUMHOME drive (TumhomeDrive) on the district calendar, after the seed's phases
 * (004 L276-306): preparation (T the driving team, U the baseline and plan, approved by the
 * district director) at the start of the academic year, the directors' meeting and the MOUs by
 * July, the supervision progress (O) across the first semester into January, the mentoring round
 * (M) in the second semester, and the evaluation (E) in February–March.
 */
public enum TumhomeStage implements Stage {
  TUMHOME_TEAM(StageDates.of(5, 16, 0, 6, 15, 0)),
  TUMHOME_BASELINE(StageDates.of(5, 16, 0, 6, 30, 0)),
  TUMHOME_PLAN_APPROVAL(StageDates.of(6, 1, 0, 7, 10, 0)),
  TUMHOME_MEETING(StageDates.of(6, 15, 0, 7, 20, 0)),
  TUMHOME_MOU(StageDates.of(6, 15, 0, 7, 31, 0)),
  TUMHOME_PROGRESS(StageDates.of(8, 1, 0, 1, 31, 1)),
  TUMHOME_MENTORING(StageDates.of(11, 1, 0, 2, 15, 1)),
  TUMHOME_EVALUATION(StageDates.of(2, 1, 1, 3, 31, 1));

  private final StageDates dates;

  TumhomeStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
