package th.qaflow.onesqa.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.onesqa.ExternalAssessmentProcess;
import th.qaflow.onesqa.ExternalAssessmentSchoolProcess;

/**
 * Moves the open ONESQA tasks (ExternalAssessment and each school's ExternalAssessmentSchool) of a
 * stage when the district moves the stage's due date, inside the calendar's saving transaction. The
 * task waiting for ONESQA's draft report keeps its date: it is due a number of days after the
 * recorded visit, not on the calendar's date (see {@link ExternalDeadlines}; the model marks it
 * {@code due=listener}), and so does its overdue timer.
 */
@Component
class ExternalDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  ExternalDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    if (before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    Date due = Date.from(after.dueAt());
    int moved =
        stageDeadlines.followDue(
                ExternalAssessmentProcess.PROCESS_ID,
                districtCode,
                academicYearBE,
                after.stage(),
                due)
            + stageDeadlines.followDue(
                ExternalAssessmentSchoolProcess.PROCESS_ID,
                districtCode,
                academicYearBE,
                after.stage(),
                due);
    return new Followed(moved, 0);
  }
}
