package th.qaflow.visit.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.visit.DistrictVisitProcess;

/**
 * Moves the open DistrictVisit tasks of a stage when the district moves the stage's due date
 * (inside the calendar's saving transaction).
 */
@Component
class VisitDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  VisitDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    if (before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    return new Followed(
        stageDeadlines.followDue(
            DistrictVisitProcess.PROCESS_ID,
            districtCode,
            academicYearBE,
            after.stage(),
            Date.from(after.dueAt())),
        0);
  }
}
