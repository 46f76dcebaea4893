package th.qaflow.cycle.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.QaCalendar;
import th.qaflow.calendar.Stage;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.TaskStages;

/**
 * Gives every new user task its stage and due date. The stage is the {@code stage} property of the user
 * task in the BPMN; the due date comes from the district calendar. A task done again after a return
 * (redraft) gets at least {@code qaflow.calendar.rework-days} from now (see {@link DueDates}), and its
 * escalation timers, created with the calendar's date before the task existed, follow that later date.
 * A task marked {@code due=listener} ({@link TaskStages#PROPERTY_DUE}) keeps the date its model's listener set.
 */
@Component
class TaskDeadlines {
  private final QaCalendar calendar;
  private final DueDates dueDates;
  private final EscalationTimers escalationTimers;

  TaskDeadlines(QaCalendar calendar, DueDates dueDates, EscalationTimers escalationTimers) {
    this.calendar = calendar;
    this.dueDates = dueDates;
    this.escalationTimers = escalationTimers;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onCreate(DelegateTask task) {
    markBranchSchool(task);
    String stageCode = stageOf(task);
    if (stageCode == null) {
      return;
    }
    task.setVariableLocal(TaskStages.VAR_STAGE, stageCode);
    if (TaskStages.DUE_FROM_LISTENER.equals(property(task, TaskStages.PROPERTY_DUE))) {
      return; // the model's own create listener has set the due date
    }
    Date calendarDue = calendar.dueAt(task, stageCode);
    boolean rework = dueDates.isRework(task.getProcessInstanceId(), task.getTaskDefinitionKey());
    // the task's create time follows the engine clock, which tests and the demo may set
    Date due = dueDates.taskDue(calendarDue, rework, task.getCreateTime());
    task.setDueDate(due);
    if (!due.equals(calendarDue)) {
      escalationTimers.followTaskDueAfterCommand(task.getProcessInstanceId(), Stage.valueOf(stageCode), due);
    }
  }

  /**
   * A task of one school's branch of a district's process (the ONESQA coordination runs one readiness branch per
   * school) keeps its school as a task-local variable: the history then tells each school's entries apart, so a
   * school's timeline shows its own and no other school's. A school's own process needs none.
   */
  static void markBranchSchool(DelegateTask task) {
    Object school = task.getVariable(SchoolQaCycleProcess.VAR_SCHOOL_CODE);
    if (school != null && task.getExecution() != null
        && task.getExecution().getProcessInstance().getVariableLocal(SchoolQaCycleProcess.VAR_SCHOOL_CODE) == null) {
      task.setVariableLocal(SchoolQaCycleProcess.VAR_SCHOOL_CODE, school);
    }
  }

  static String stageOf(DelegateTask task) {
    String stage = property(task, TaskStages.PROPERTY_STAGE);
    return stage == null ? null : Stage.valueOf(stage).name();
  }

  /** A {@code camunda:property} of the task's BPMN element, or null. */
  static String property(DelegateTask task, String name) {
    return property(task.getBpmnModelElementInstance(), name);
  }

  static String property(UserTask model, String name) {
    if (model == null || model.getExtensionElements() == null) {
      return null;
    }
    return model.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst()
        .orElse(null);
  }
}
