package th.qaflow.districtplan.internal;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.districtplan.DistrictQaPlanProcess;
import th.qaflow.districtplan.PlanStage;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.StageDeadlines;

/**
 * Moves the plan year along with a changed stage: its open tasks of the stage get the new due date,
 * and a new opening of PLAN_EVALUATION moves the pending evaluation-window timer.
 */
@Component
class PlanDeadlineFollower implements DeadlineFollower {
  private final StageDeadlines stageDeadlines;
  private final RuntimeService runtime;
  private final ManagementService management;

  PlanDeadlineFollower(
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
            ? followEvaluationWindow(districtCode, academicYearBE, Date.from(after.opensAt()))
            : 0;
    return new Followed(tasks, timers);
  }

  private int followEvaluationWindow(String districtCode, int academicYearBE, Date opens) {
    int moved = 0;
    for (ProcessInstance plan :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(DistrictQaPlanProcess.PROCESS_ID)
            .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, academicYearBE)
            .list()) {
      for (Job job :
          management
              .createJobQuery()
              .timers()
              .processInstanceId(plan.getId())
              .activityId(DistrictQaPlanProcess.TIMER_EVALUATION_WINDOW)
              .list()) {
        if (!opens.equals(job.getDuedate())) {
          management.setJobDuedate(job.getId(), opens);
          moved++;
        }
      }
    }
    return moved;
  }
}
