package th.qaflow.district.internal;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.StageDeadlines;

/**
 * Moves the district's cycle along with a changed stage: the open DistrictQaCycle tasks of the
 * stage get the new due date, and a new SAR_SUBMISSION due date moves the pending SAR-deadline
 * timer (at which the schools that have not submitted are listed and chased). The SAR review keeps
 * its own due date (working days after the school's submission). Runs inside the calendar's saving
 * transaction, on the public engine API only.
 */
@Component
class DistrictDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;
  private final RuntimeService runtime;
  private final ManagementService management;

  DistrictDeadlineFollower(
      StageDeadlines stageDeadlines,
      @Lazy RuntimeService runtime,
      @Lazy ManagementService management) {
    this.stageDeadlines = stageDeadlines;
    this.runtime = runtime;
    this.management = management;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    if (before.due().equals(after.due())) {
      return Followed.NOTHING;
    }
    Date due = Date.from(after.dueAt());
    int tasks =
        stageDeadlines.followDue(
            DistrictQaCycleProcess.PROCESS_ID, districtCode, academicYearBE, after.stage(), due);
    int timers =
        after.stage() == SchoolStage.SAR_SUBMISSION
            ? followSarDeadline(districtCode, academicYearBE, due)
            : 0;
    return new Followed(tasks, timers);
  }

  private int followSarDeadline(String districtCode, int academicYearBE, Date due) {
    int moved = 0;
    for (ProcessInstance cycle :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(DistrictQaCycleProcess.PROCESS_ID)
            .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, academicYearBE)
            .list()) {
      for (Job job :
          management
              .createJobQuery()
              .timers()
              .processInstanceId(cycle.getId())
              .activityId(DistrictQaCycleProcess.TIMER_SAR_DEADLINE)
              .list()) {
        if (!due.equals(job.getDuedate())) {
          management.setJobDuedate(job.getId(), due);
          moved++;
        }
      }
    }
    return moved;
  }
}
