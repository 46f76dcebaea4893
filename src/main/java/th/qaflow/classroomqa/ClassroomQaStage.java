package th.qaflow.classroomqa;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the classroom-level QA pilot (ClassroomQaPilot) on the district calendar, after
 * seed 000 L380-399: the pilot school chosen at the start of the year, PLC and Lesson Study
 * promoted in the first months, the lesson-study cycles through both semesters, the district's
 * supervision in the second semester, the regional IQA team's readiness assessment, the
 * announcement and the spreading of the results at the end of the year.
 */
public enum ClassroomQaStage implements Stage {
  CQA_CHOOSE(StageDates.of(5, 16, 0, 6, 15, 0)),
  CQA_PLC(StageDates.of(6, 1, 0, 7, 15, 0)),
  CQA_LESSON_STUDY(StageDates.of(7, 1, 0, 1, 31, 1)),
  CQA_SUPERVISION(StageDates.of(11, 1, 0, 2, 15, 1)),
  CQA_READINESS(StageDates.of(1, 15, 1, 2, 28, 1)),
  CQA_ANNOUNCE(StageDates.of(3, 1, 1, 3, 31, 1)),
  CQA_SHARING(StageDates.of(3, 1, 1, 4, 30, 1));

  private final StageDates dates;

  ClassroomQaStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
