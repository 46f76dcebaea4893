package th.qaflow.schoolgroup;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of a school group's year (GroupYear) on the district calendar: the group plan and its
 * approval at the start of the year, the meeting-rule check a month before each semester ends (the
 * timers of GroupYear wait for these windows to open), and the chair's assessment of the member
 * schools in March.
 */
public enum GroupStage implements Stage {
  /** Task_DraftGroupPlan: the chair or vice-chair drafts the group development plan. */
  GROUP_PLAN(StageDates.of(5, 16, 0, 6, 30, 0)),
  /** Task_ApproveGroupPlan: the cluster's supervisor approves it or returns it. */
  GROUP_PLAN_APPROVAL(StageDates.of(5, 16, 0, 7, 15, 0)),
  /**
   * Timer_MeetingCheckOne opens it: fewer than two meetings in semester 1 (ends 31 October) and the
   * chair, vice-chair and supervisor are reminded.
   */
  GROUP_MEETINGS_ONE(StageDates.of(10, 1, 0, 10, 31, 0)),
  /** Timer_YearEnd opens it; Task_AssessMemberSchools: the chair's assessment of the schools. */
  GROUP_ASSESSMENT(StageDates.of(3, 1, 1, 3, 31, 1)),
  /** Timer_MeetingCheckTwo opens it: the check of semester 2 (ends 15 May). */
  GROUP_MEETINGS_TWO(StageDates.of(4, 15, 1, 5, 15, 1));

  private final StageDates dates;

  GroupStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
