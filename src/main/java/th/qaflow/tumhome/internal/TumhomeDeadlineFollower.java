package th.qaflow.tumhome.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.tumhome.TumhomeProcess;
import th.qaflow.tumhome.TumhomeStage;

/**
 * Moves the TUMHOME drive along with a changed stage: its open tasks of the stage get the new due.
 */
@Component
class TumhomeDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  TumhomeDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(String districtCode, int yearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof TumhomeStage) || before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    return new Followed(
        stageDeadlines.followDue(
            TumhomeProcess.PROCESS_ID,
            districtCode,
            yearBE,
            after.stage(),
            Date.from(after.dueAt())),
        0);
  }
}
