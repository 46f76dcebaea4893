package th.qaflow.cycle.internal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.QaCalendar;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stages;
import th.qaflow.kernel.TaskModel;

/**
 * Gives every new user task its stage and due date. The stage is the {@code stage} property of the
 * user task in the BPMN; the due date comes from the district calendar. A task done again after a
 * return (redraft) gets at least {@code qaflow.calendar.rework-days} from now (see {@link
 * DueDates}), as does a task the model marks {@code due=calendarOrLead} (the SAR's publication,
 * created whenever the school submits: never born overdue), and its escalation timers, created with
 * the calendar's date before the task existed, follow that later date. A task marked {@code
 * due=listener} ({@link TaskModel#PROPERTY_DUE}) keeps the date its model's listener set.
 */
@Component
class TaskDeadlines {
  private final QaCalendar calendar;
  private final DueDates dueDates;
  private final EscalationTimers escalationTimers;
  private final Stages stages;

  TaskDeadlines(
      QaCalendar calendar, DueDates dueDates, EscalationTimers escalationTimers, Stages stages) {
    this.calendar = calendar;
    this.dueDates = dueDates;
    this.escalationTimers = escalationTimers;
    this.stages = stages;
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void onCreate(DelegateTask task) {
    markBranchSchool(task);
    String stageCode = stageOf(task);
    if (stageCode == null) {
      return;
    }
    task.setVariableLocal(ProcessVariables.STAGE, stageCode);
    if (TaskModel.dueFromListener(task.getBpmnModelElementInstance())) {
      return; // the model's own create listener has set the due date
    }
    Date calendarDue = calendar.dueAt(task, stageCode);
    // a rework, or a task that must not be born overdue (due=calendarOrLead), gets its lead time
    boolean rework =
        TaskModel.dueCalendarOrLead(task.getBpmnModelElementInstance())
            || dueDates.isRework(task.getProcessInstanceId(), task.getTaskDefinitionKey());
    // the task's create time follows the engine clock, which tests and the demo may set
    Date due = dueDates.taskDue(calendarDue, rework, task.getCreateTime());
    task.setDueDate(due);
    if (!due.equals(calendarDue)) {
      escalationTimers.followTaskDueAfterCommand(
          task.getProcessInstanceId(), stages.byCode(stageCode), due);
    }
  }

  /**
   * A task of one school's branch of a district's process (the ONESQA coordination runs one
   * readiness branch per school) keeps its school as a task-local variable: the history then tells
   * each school's entries apart, so a school's timeline shows its own and no other school's. A
   * school's own process needs none.
   */
  static void markBranchSchool(DelegateTask task) {
    Object school = task.getVariable(ProcessVariables.SCHOOL_CODE);
    if (school != null
        && task.getExecution() != null
        && task.getExecution().getProcessInstance().getVariableLocal(ProcessVariables.SCHOOL_CODE)
            == null) {
      task.setVariableLocal(ProcessVariables.SCHOOL_CODE, school);
    }
  }

  /**
   * The task's stage from its model, checked against the registry (a typo in a model fails loudly).
   */
  private String stageOf(DelegateTask task) {
    String stage = TaskModel.stageOf(task.getBpmnModelElementInstance());
    return stage == null ? null : stages.byCode(stage).name();
  }
}
