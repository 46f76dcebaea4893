package th.qaflow.goodpractice;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the good-practice round, at the academic year's end beside the schools' SARs and
 * the district's synthesis (March–June of the next calendar year, inside the year's calendar, which
 * ends on 30 June), so the selection is published by the district year's own good-practice step.
 * The nomination window is closed by a timer in the model at its due date.
 */
public enum GoodPracticeStage implements Stage {
  GP_NOMINATION(StageDates.of(3, 1, 1, 5, 15, 1)) {
    @Override
    public boolean escalatedByModelTimer() {
      return true;
    }
  },
  GP_SELECTION(StageDates.of(5, 1, 1, 5, 31, 1)),
  GP_HONOURS(StageDates.of(5, 1, 1, 6, 15, 1)),
  GP_SHARING(StageDates.of(5, 1, 1, 6, 30, 1));

  private final StageDates dates;

  GoodPracticeStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
