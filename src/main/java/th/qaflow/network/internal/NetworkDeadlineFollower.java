package th.qaflow.network.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.network.NetworkProcess;
import th.qaflow.network.NetworkStage;

/**
 * Moves the network development along with a changed stage: its open tasks of the stage get the new
 * due date, and a new opening of NETWORK_SEMESTER_TWO moves the pending semester-two timer.
 */
@Component
class NetworkDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  NetworkDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(String districtCode, int yearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof NetworkStage)) {
      return Followed.NOTHING;
    }
    int tasks =
        before.due().equals(after.due())
            ? 0
            : stageDeadlines.followDue(
                NetworkProcess.PROCESS_ID,
                districtCode,
                yearBE,
                after.stage(),
                Date.from(after.dueAt()));
    int timers =
        after.stage() == NetworkStage.NETWORK_SEMESTER_TWO && !before.opens().equals(after.opens())
            ? stageDeadlines.followTimer(
                NetworkProcess.PROCESS_ID,
                districtCode,
                yearBE,
                NetworkProcess.TIMER_SEMESTER_TWO,
                Date.from(after.opensAt()))
            : 0;
    return new Followed(tasks, timers);
  }
}
