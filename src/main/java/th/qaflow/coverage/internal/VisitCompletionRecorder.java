package th.qaflow.coverage.internal;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.visit.DistrictVisitProcess;

/**
 * Records a school's visit as completed when the visit's last task (the school's acknowledgement of
 * the approved report, after which DistrictVisit ends) completes. The Camunda Spring Boot starter
 * publishes every task event inside the engine's command ({@code camunda.bpm.eventing.task}), so
 * the row commits or rolls back with the completion, without a listener in the visit's BPMN.
 */
@Component
class VisitCompletionRecorder {
  private final JdbcVisitCoverage coverage;
  private final Clock clock;

  VisitCompletionRecorder(JdbcVisitCoverage coverage, Clock clock) {
    this.coverage = coverage;
    this.clock = clock;
  }

  @EventListener
  public void onTask(DelegateTask task) {
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
        || !DistrictVisitProcess.TASK_ACKNOWLEDGE_VISIT.equals(task.getTaskDefinitionKey())
        || task.getProcessDefinitionId() == null
        || !task.getProcessDefinitionId().startsWith(DistrictVisitProcess.PROCESS_ID + ":")) {
      return;
    }
    Object school = task.getVariable(ProcessVariables.SCHOOL_CODE);
    Object year = task.getVariable(ProcessVariables.ACADEMIC_YEAR);
    Object district = task.getVariable(ProcessVariables.DISTRICT_CODE);
    Object round = task.getVariable(DistrictVisitProcess.VAR_VISIT_ROUND_NO);
    if (school == null || !(year instanceof Number y) || district == null) {
      return;
    }
    coverage.completed(
        school.toString(),
        y.intValue(),
        district.toString(),
        round instanceof Number r ? r.intValue() : 0,
        task.getProcessInstanceId(),
        clock.instant());
  }
}
