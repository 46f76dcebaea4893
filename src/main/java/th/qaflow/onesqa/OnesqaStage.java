package th.qaflow.onesqa;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/** The stages of ONESQA's external assessment (ExternalAssessment and its per-school process). */
public enum OnesqaStage implements Stage {
  ONESQA_CRITERIA(StageDates.of(5, 16, 0, 6, 15, 0)),
  ONESQA_READINESS(StageDates.of(6, 16, 0, 7, 15, 0)),
  ONESQA_READINESS_CONFIRMATION(StageDates.of(6, 16, 0, 7, 31, 0)),
  ONESQA_READINESS_LIST(StageDates.of(8, 1, 0, 8, 15, 0)),
  ONESQA_SAR_COLLECTION(StageDates.of(8, 1, 0, 8, 31, 0)),
  ONESQA_SCHEDULE(StageDates.of(9, 1, 0, 9, 30, 0)),
  ONESQA_SCHEDULE_REVIEW(StageDates.of(9, 1, 0, 10, 15, 0)),
  ONESQA_PREPARATION(StageDates.of(10, 1, 0, 11, 30, 0)),
  ONESQA_COMMITTEE(StageDates.of(10, 1, 0, 11, 30, 0)),
  ONESQA_VISIT(StageDates.of(11, 1, 0, 1, 31, 1)),
  ONESQA_DRAFT_REPORT(StageDates.of(11, 1, 0, 2, 15, 1)),
  ONESQA_COMMENTS(StageDates.of(12, 1, 0, 2, 28, 1)),
  ONESQA_FINAL_RESULT(StageDates.of(1, 1, 1, 3, 31, 1)),
  ONESQA_REASSESSMENT(StageDates.of(2, 1, 1, 5, 15, 1)),
  ONESQA_SYNTHESIS(StageDates.of(4, 1, 1, 5, 15, 1)),
  ONESQA_FOLLOW_UP(StageDates.of(4, 1, 1, 5, 15, 1));

  private final StageDates dates;

  OnesqaStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
