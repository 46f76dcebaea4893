package th.qaflow.schoolgroup.internal;

import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.schoolgroup.GroupStage;
import th.qaflow.schoolgroup.GroupYearProcess;

/**
 * Moves the school groups' years along with a changed stage: their open tasks of the stage get the
 * new due date, and a new opening of GROUP_ASSESSMENT, GROUP_MEETINGS_ONE or GROUP_MEETINGS_TWO
 * moves the pending timer that waits for it.
 */
@Component
class GroupDeadlineFollower implements DeadlineFollower {
  static final Map<GroupStage, String> TIMERS =
      Map.of(
          GroupStage.GROUP_ASSESSMENT, GroupYearProcess.TIMER_YEAR_END,
          GroupStage.GROUP_MEETINGS_ONE, GroupYearProcess.TIMER_MEETING_CHECK_ONE,
          GroupStage.GROUP_MEETINGS_TWO, GroupYearProcess.TIMER_MEETING_CHECK_TWO);

  private final StageDeadlines stageDeadlines;

  GroupDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(String districtCode, int yearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof GroupStage stage)) {
      return Followed.NOTHING;
    }
    int tasks =
        before.due().equals(after.due())
            ? 0
            : stageDeadlines.followDue(
                GroupYearProcess.PROCESS_ID, districtCode, yearBE, stage, Date.from(after.dueAt()));
    String timer = TIMERS.get(stage);
    int timers =
        timer != null && !before.opens().equals(after.opens())
            ? stageDeadlines.followTimer(
                GroupYearProcess.PROCESS_ID,
                districtCode,
                yearBE,
                timer,
                Date.from(after.opensAt()))
            : 0;
    return new Followed(tasks, timers);
  }
}
