package th.qaflow.goodpractice.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.goodpractice.GoodPracticeRoundProcess;
import th.qaflow.goodpractice.GoodPracticeStage;
import th.qaflow.kernel.StageDeadlines;

/**
 * Moves the round along with a changed stage: its open tasks of the stage get the new due date, and
 * a new due date of GP_NOMINATION moves the pending timer that closes the nominations.
 */
@Component
class GoodPracticeDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  GoodPracticeDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof GoodPracticeStage) || before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    int tasks =
        stageDeadlines.followDue(
            GoodPracticeRoundProcess.PROCESS_ID,
            districtCode,
            academicYearBE,
            after.stage(),
            Date.from(after.dueAt()));
    int timers =
        after.stage() == GoodPracticeStage.GP_NOMINATION
            ? stageDeadlines.followTimer(
                GoodPracticeRoundProcess.PROCESS_ID,
                districtCode,
                academicYearBE,
                GoodPracticeRoundProcess.TIMER_NOMINATIONS_CLOSE,
                Date.from(after.dueAt()))
            : 0;
    return new Followed(tasks, timers);
  }
}
