package th.qaflow.goodpractice;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the good-practice round, after the schools' SARs and the district's synthesis (the
 * academic year's end, April–September of the next calendar year). The nomination window is closed
 * by a timer in the model at its due date.
 */
public enum GoodPracticeStage implements Stage {
  GP_NOMINATION(StageDates.of(4, 1, 1, 6, 30, 1)) {
    @Override
    public boolean escalatedByModelTimer() {
      return true;
    }
  },
  GP_SELECTION(StageDates.of(7, 1, 1, 7, 31, 1)),
  GP_HONOURS(StageDates.of(7, 1, 1, 8, 15, 1)),
  GP_SHARING(StageDates.of(8, 1, 1, 9, 30, 1));

  private final StageDates dates;

  GoodPracticeStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
