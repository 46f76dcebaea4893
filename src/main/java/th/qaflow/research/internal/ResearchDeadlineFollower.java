package th.qaflow.research.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.research.ResearchProcess;
import th.qaflow.research.ResearchStage;
import th.qaflow.research.SchoolResearchProcess;

/**
 * Moves the district's research projects along with a changed stage: their open tasks of the stage
 * get the new due date, and a new opening of RESEARCH_SHARING moves the pending sharing timers.
 */
@Component
class ResearchDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  ResearchDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(String districtCode, int yearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof ResearchStage)) {
      return Followed.NOTHING;
    }
    int tasks =
        before.due().equals(after.due())
            ? 0
            : stageDeadlines.followDue(
                    ResearchProcess.PROCESS_ID,
                    districtCode,
                    yearBE,
                    after.stage(),
                    Date.from(after.dueAt()))
                + stageDeadlines.followDue(
                    SchoolResearchProcess.PROCESS_ID,
                    districtCode,
                    yearBE,
                    after.stage(),
                    Date.from(after.dueAt()));
    int timers =
        after.stage() == ResearchStage.RESEARCH_SHARING && !before.opens().equals(after.opens())
            ? stageDeadlines.followTimer(
                ResearchProcess.PROCESS_ID,
                districtCode,
                yearBE,
                ResearchProcess.TIMER_SHARING_OPENS,
                Date.from(after.opensAt()))
            : 0;
    return new Followed(tasks, timers);
  }
}
