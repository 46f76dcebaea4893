package th.qaflow.cycle;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/** The stages of a school's QA year (SchoolQaCycle), with the default windows of domain.md. */
public enum SchoolStage implements Stage {
  STANDARDS(StageDates.of(5, 16, 0, 5, 24, 0)),
  STANDARDS_ENDORSEMENT(StageDates.of(5, 16, 0, 5, 28, 0)),
  STANDARDS_ANNOUNCEMENT(StageDates.of(5, 16, 0, 5, 31, 0)),
  PLANS(StageDates.of(6, 1, 0, 6, 30, 0)),
  SELF_CHECK_1(StageDates.of(8, 1, 0, 8, 31, 0)),
  SELF_CHECK_2(StageDates.of(12, 1, 0, 1, 31, 1)),
  INTERNAL_ASSESSMENT(StageDates.of(3, 1, 1, 3, 31, 1)),
  SAR_DRAFT(StageDates.of(4, 1, 1, 4, 30, 1)),
  SAR_DIRECTOR_REVIEW(StageDates.of(4, 1, 1, 5, 7, 1)),
  SAR_BOARD_APPROVAL(StageDates.of(4, 1, 1, 5, 15, 1)),
  SAR_SUBMISSION(StageDates.of(4, 1, 1, 5, 31, 1)),
  SAR_PUBLICATION(StageDates.of(4, 1, 1, 5, 31, 1));

  private final StageDates dates;

  SchoolStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }

  /**
   * The school's stages keep the order of the year: each opens no earlier than the one before it.
   */
  @Override
  public boolean keepsYearOrder() {
    return true;
  }

  /** The SAR's board approval and submission escalate by the boundary timers of SchoolQaCycle. */
  @Override
  public boolean escalatedByModelTimer() {
    return this == SAR_BOARD_APPROVAL || this == SAR_SUBMISSION;
  }
}
