package th.qaflow.assistance.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.assistance.AssistanceStage;
import th.qaflow.assistance.SchoolAssistanceProcess;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;

/**
 * Moves the district's help cases of the year along with a changed ASSIST_* stage: their open tasks
 * of the stage get the new due date (the model has no calendar timer to move).
 */
@Component
class AssistanceDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  AssistanceDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof AssistanceStage) || before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    int tasks =
        stageDeadlines.followDue(
            SchoolAssistanceProcess.PROCESS_ID,
            districtCode,
            academicYearBE,
            after.stage(),
            Date.from(after.dueAt()));
    return new Followed(tasks, 0);
  }
}
