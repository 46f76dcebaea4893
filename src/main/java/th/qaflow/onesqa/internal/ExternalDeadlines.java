package th.qaflow.onesqa.internal;

import static th.qaflow.onesqa.ExternalAssessmentSchoolProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.EscalationDue;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.onesqa.OnesqaStage;

/**
 * ONESQA's draft report is due {@code qaflow.external.draft-report-days} (default 15) after the
 * visit. The task that waits for it is due then, and the boundary timer {@code
 * Timer_DraftReportOverdue} fires then ({@code ${externalDeadlines.draftReportDue(execution)}}):
 * the school's row is marked late and an escalation goes out through {@link EscalationDue}; the
 * task stays open. The waiting task is the district QA officers', so the notification module sends
 * it to district staff (the district's QA officers), not to the school.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("externalDeadlines")
public class ExternalDeadlines {
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
  private final TaskService tasks;
  private final ApplicationEventPublisher events;
  private final ExternalStore store;

  ExternalDeadlines(
      @Lazy TaskService tasks, ApplicationEventPublisher events, ExternalStore store) {
    this.tasks = tasks;
    this.events = events;
    this.store = store;
  }

  /** The end of the draft report's due day (Bangkok time), from {@code draftReportDueOn}. */
  public Date draftReportDue(DelegateExecution execution) {
    return endOfDay(ExternalSteps.date(execution.getVariable(VAR_DRAFT_REPORT_DUE)));
  }

  /**
   * The waiting task is due when the report is (it is marked {@code due=listener}, so the calendar
   * keeps out).
   */
  public void draftReportTaskCreated(DelegateTask task) {
    LocalDate due = ExternalSteps.date(task.getVariable(VAR_DRAFT_REPORT_DUE));
    if (due != null) {
      task.setDueDate(endOfDay(due));
    }
  }

  /**
   * The draft report is late: mark it and escalate (to district staff: the task is the district's).
   */
  public void escalate(DelegateExecution execution) {
    execution.setVariable(VAR_DRAFT_REPORT_LATE, true);
    String school = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    int year = ExternalSteps.year(execution);
    store.draftLate(ExternalSteps.district(execution), year, school);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(TASK_RECEIVE_DRAFT_REPORT)
            .singleResult();
    if (task != null) {
      events.publishEvent(
          new EscalationDue(
              execution.getProcessInstanceId(),
              task.getId(),
              school,
              year,
              OnesqaStage.ONESQA_DRAFT_REPORT.name(),
              "SUPERVISOR",
              task.getDueDate()));
    }
  }

  static Date endOfDay(LocalDate day) {
    if (day == null) {
      throw new IllegalStateException(
          "The visit date is missing, so the draft report has no due date");
    }
    return Date.from(day.atTime(END_OF_DAY).atZone(AcademicYears.ZONE).toInstant());
  }
}
