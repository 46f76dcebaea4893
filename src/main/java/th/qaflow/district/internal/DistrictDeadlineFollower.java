package th.qaflow.district.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.kernel.StageDeadlines;

/**
 * Moves the district's cycle along with a changed stage: the open DistrictQaCycle tasks of the
 * stage get the new due date, and a new SAR_SUBMISSION due date moves the pending SAR-deadline
 * timer (at which the schools that have not submitted are listed and chased). The SAR review keeps
 * its own due date (working days after the school's submission). Runs inside the calendar's saving
 * transaction, on the public engine API only.
 */
@Component
class DistrictDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  DistrictDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    if (before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    Date due = Date.from(after.dueAt());
    int tasks =
        stageDeadlines.followDue(
            DistrictQaCycleProcess.PROCESS_ID, districtCode, academicYearBE, after.stage(), due);
    int timers =
        after.stage() == SchoolStage.SAR_SUBMISSION
            ? stageDeadlines.followTimer(
                DistrictQaCycleProcess.PROCESS_ID,
                districtCode,
                academicYearBE,
                DistrictQaCycleProcess.TIMER_SAR_DEADLINE,
                due)
            : 0;
    return new Followed(tasks, timers);
  }
}
