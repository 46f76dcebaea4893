package th.qaflow.districtplan.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.districtplan.DistrictQaPlanProcess;
import th.qaflow.districtplan.PlanStage;
import th.qaflow.kernel.StageDeadlines;

/**
 * Moves the plan year along with a changed stage: its open tasks of the stage get the new due date,
 * and a new opening of PLAN_EVALUATION moves the pending evaluation-window timer.
 */
@Component
class PlanDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  PlanDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof PlanStage)) {
      return Followed.NOTHING;
    }
    int tasks =
        before.due().equals(after.due())
            ? 0
            : stageDeadlines.followDue(
                DistrictQaPlanProcess.PROCESS_ID,
                districtCode,
                academicYearBE,
                after.stage(),
                Date.from(after.dueAt()));
    int timers =
        after.stage() == PlanStage.PLAN_EVALUATION && !before.opens().equals(after.opens())
            ? stageDeadlines.followTimer(
                DistrictQaPlanProcess.PROCESS_ID,
                districtCode,
                academicYearBE,
                DistrictQaPlanProcess.TIMER_EVALUATION_WINDOW,
                Date.from(after.opensAt()))
            : 0;
    return new Followed(tasks, timers);
  }
}
