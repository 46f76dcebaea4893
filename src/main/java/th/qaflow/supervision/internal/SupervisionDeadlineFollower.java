package th.qaflow.supervision.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.supervision.SupervisionPlanProcess;
import th.qaflow.supervision.SupervisionStage;

/**
 * Moves the supervision plan along with a changed stage: its open tasks of the stage get the new
 * due date, and a new opening of SUPERVISION_PROGRESS moves the projects' pending window timers.
 */
@Component
class SupervisionDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  SupervisionDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(String districtCode, int yearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof SupervisionStage)) {
      return Followed.NOTHING;
    }
    int tasks =
        before.due().equals(after.due())
            ? 0
            : stageDeadlines.followDue(
                SupervisionPlanProcess.PROCESS_ID,
                districtCode,
                yearBE,
                after.stage(),
                Date.from(after.dueAt()));
    int timers =
        after.stage() == SupervisionStage.SUPERVISION_PROGRESS
                && !before.opens().equals(after.opens())
            ? stageDeadlines.followTimer(
                SupervisionPlanProcess.PROCESS_ID,
                districtCode,
                yearBE,
                SupervisionPlanProcess.TIMER_PROGRESS_WINDOW,
                Date.from(after.opensAt()))
            : 0;
    return new Followed(tasks, timers);
  }
}
