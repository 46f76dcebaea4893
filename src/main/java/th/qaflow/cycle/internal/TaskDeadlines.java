package th.qaflow.cycle.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.QaCalendar;
import th.qaflow.calendar.Stage;
import th.qaflow.cycle.TaskStages;

/**
 * Gives every new user task its stage and due date. The stage is the {@code stage} property of the user
 * task in the BPMN; the due date comes from the district calendar. A task done again after a return
 * (redraft) gets at least {@code qaflow.calendar.rework-days} from now, so a return near the deadline
 * still leaves time to work.
 */
@Component
class TaskDeadlines {
  private final QaCalendar calendar;
  private final HistoryService history;
  private final Duration reworkTime;

  TaskDeadlines(QaCalendar calendar, HistoryService history, @Value("${qaflow.calendar.rework-days:7}") int reworkDays) {
    this.calendar = calendar;
    this.history = history;
    this.reworkTime = Duration.ofDays(reworkDays);
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onCreate(DelegateTask task) {
    String stageCode = stageOf(task);
    if (stageCode == null) {
      return;
    }
    task.setVariableLocal(TaskStages.VAR_STAGE, stageCode);
    Date due = calendar.dueAt(task, stageCode);
    if (isRework(task)) {
      // the task's create time follows the engine clock, which tests and the demo may set
      Instant reworkDue = task.getCreateTime().toInstant().plus(reworkTime);
      if (due.toInstant().isBefore(reworkDue)) {
        due = Date.from(reworkDue);
      }
    }
    task.setDueDate(due);
  }

  private boolean isRework(DelegateTask task) {
    return history.createHistoricTaskInstanceQuery()
        .processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(task.getTaskDefinitionKey())
        .finished()
        .count() > 0;
  }

  static String stageOf(DelegateTask task) {
    UserTask model = task.getBpmnModelElementInstance();
    if (model == null || model.getExtensionElements() == null) {
      return null;
    }
    return model.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> TaskStages.PROPERTY_STAGE.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .map(v -> Stage.valueOf(v).name())
        .findFirst()
        .orElse(null);
  }
}
