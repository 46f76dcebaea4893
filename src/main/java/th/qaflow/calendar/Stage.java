package th.qaflow.calendar;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The stages of a school's QA year, with the default window of domain.md. Months are counted from the
 * start of the academic year (16 May of the year BE - 543): offset 1 means the following calendar year.
 */
public enum Stage {
  STANDARDS(md(5, 16), 0, md(5, 24), 0),
  STANDARDS_ENDORSEMENT(md(5, 16), 0, md(5, 28), 0),
  STANDARDS_ANNOUNCEMENT(md(5, 16), 0, md(5, 31), 0),
  PLANS(md(6, 1), 0, md(6, 30), 0),
  SELF_CHECK_1(md(8, 1), 0, md(8, 31), 0),
  SELF_CHECK_2(md(12, 1), 0, md(1, 31), 1),
  INTERNAL_ASSESSMENT(md(3, 1), 1, md(3, 31), 1),
  SAR_DRAFT(md(4, 1), 1, md(4, 30), 1),
  SAR_DIRECTOR_REVIEW(md(4, 1), 1, md(5, 7), 1),
  SAR_BOARD_APPROVAL(md(4, 1), 1, md(5, 15), 1),
  SAR_SUBMISSION(md(4, 1), 1, md(5, 31), 1),
  SAR_PUBLICATION(md(4, 1), 1, md(5, 31), 1),
  // visit
  VISIT_PLAN(md(8, 1), 0, md(8, 10), 0),
  VISIT_COMMITTEE(md(8, 1), 0, md(8, 15), 0),
  VISIT_EVIDENCE(md(8, 1), 0, md(8, 31), 0),
  VISIT_FINDINGS(md(8, 1), 0, md(9, 15), 0),
  VISIT_REPORT_APPROVAL(md(8, 1), 0, md(9, 22), 0),
  VISIT_ACKNOWLEDGEMENT(md(8, 1), 0, md(9, 30), 0),
  // district
  DISTRICT_GUIDANCE(md(5, 16), 0, md(5, 31), 0),
  DISTRICT_COMMITTEE(md(5, 16), 0, md(6, 15), 0),
  DISTRICT_LAST_YEAR_REPORT(md(5, 16), 0, md(6, 30), 0),
  DISTRICT_VISIT_ROUNDS(md(8, 1), 0, md(9, 30), 0),
  DISTRICT_SAR_CHASE(md(4, 1), 1, md(6, 7), 1),
  SAR_REVIEW(md(4, 1), 1, md(6, 20), 1),
  SYNTHESIS(md(4, 1), 1, md(6, 20), 1),
  SYNTHESIS_APPROVAL(md(4, 1), 1, md(6, 25), 1),
  DISTRICT_REPORT(md(4, 1), 1, md(6, 30), 1),
  DISTRICT_GOOD_PRACTICES(md(4, 1), 1, md(6, 30), 1),
  // external
  ONESQA_CRITERIA(md(5, 16), 0, md(6, 15), 0),
  ONESQA_READINESS(md(6, 16), 0, md(7, 15), 0),
  ONESQA_READINESS_CONFIRMATION(md(6, 16), 0, md(7, 31), 0),
  ONESQA_READINESS_LIST(md(8, 1), 0, md(8, 15), 0),
  ONESQA_SAR_COLLECTION(md(8, 1), 0, md(8, 31), 0),
  ONESQA_SCHEDULE(md(9, 1), 0, md(9, 30), 0),
  ONESQA_SCHEDULE_REVIEW(md(9, 1), 0, md(10, 15), 0),
  ONESQA_PREPARATION(md(10, 1), 0, md(11, 30), 0),
  ONESQA_COMMITTEE(md(10, 1), 0, md(11, 30), 0),
  ONESQA_VISIT(md(11, 1), 0, md(1, 31), 1),
  ONESQA_DRAFT_REPORT(md(11, 1), 0, md(2, 15), 1),
  ONESQA_COMMENTS(md(12, 1), 0, md(2, 28), 1),
  ONESQA_FINAL_RESULT(md(1, 1), 1, md(3, 31), 1),
  ONESQA_REASSESSMENT(md(2, 1), 1, md(5, 15), 1),
  ONESQA_SYNTHESIS(md(4, 1), 1, md(5, 15), 1),
  ONESQA_FOLLOW_UP(md(4, 1), 1, md(5, 15), 1);

  private final MonthDay opens;
  private final int opensYearOffset;
  private final MonthDay due;
  private final int dueYearOffset;

  Stage(MonthDay opens, int opensYearOffset, MonthDay due, int dueYearOffset) {
    this.opens = opens;
    this.opensYearOffset = opensYearOffset;
    this.due = due;
    this.dueYearOffset = dueYearOffset;
  }

  private static MonthDay md(int month, int day) {
    return MonthDay.of(month, day);
  }

  public LocalDate defaultOpens(int academicYearBE) {
    return opens.atYear(AcademicYears.firstCalendarYear(academicYearBE) + opensYearOffset);
  }

  public LocalDate defaultDue(int academicYearBE) {
    return due.atYear(AcademicYears.firstCalendarYear(academicYearBE) + dueYearOffset);
  }

  /** Message key of the stage's name in the user's language. */
  public String messageKey() {
    return "stage." + name();
  }
}
