package th.qaflow.cycle.internal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.kernel.EscalationDue;
import th.qaflow.kernel.ProcessVariables;

/**
 * The escalation service tasks of SchoolQaCycle: {@code ${escalations.publish(execution,
 * 'SAR_SUBMISSION', 'SUPERVISOR')}} publishes {@link EscalationDue} synchronously, so listeners
 * work inside the engine's transaction. If the escalated task was completed meanwhile there is
 * nothing to escalate.
 */
@Component("escalations")
public class Escalations {
  private final TaskService tasks;
  private final ApplicationEventPublisher events;

  Escalations(@Lazy TaskService tasks, ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.events = events;
  }

  public void publish(DelegateExecution execution, String stage, String level) {
    String taskKey = SchoolQaCycleProcess.ESCALATED_TASKS.get(SchoolStage.valueOf(stage));
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      return;
    }
    events.publishEvent(
        new EscalationDue(
            execution.getProcessInstanceId(),
            task.getId(),
            (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
            ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue(),
            stage,
            level,
            task.getDueDate()));
  }
}
