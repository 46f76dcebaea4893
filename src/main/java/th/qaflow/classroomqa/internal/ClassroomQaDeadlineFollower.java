package th.qaflow.classroomqa.internal;

import java.util.Date;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.classroomqa.ClassroomQaProcess;
import th.qaflow.classroomqa.ClassroomQaStage;
import th.qaflow.kernel.StageDeadlines;

/** Moves the pilot along with a changed stage: its open tasks of the stage get the new due. */
@Component
class ClassroomQaDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;

  ClassroomQaDeadlineFollower(StageDeadlines stageDeadlines) {
    this.stageDeadlines = stageDeadlines;
  }

  @Override
  public Followed follow(String districtCode, int yearBE, StageWindow before, StageWindow after) {
    if (!(after.stage() instanceof ClassroomQaStage) || before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    return new Followed(
        stageDeadlines.followDue(
            ClassroomQaProcess.PROCESS_ID,
            districtCode,
            yearBE,
            after.stage(),
            Date.from(after.dueAt())),
        0);
  }
}
