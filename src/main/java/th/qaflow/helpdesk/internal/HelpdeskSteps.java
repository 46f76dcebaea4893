package th.qaflow.helpdesk.internal;

import static th.qaflow.helpdesk.SchoolQuestionProcess.*;

import java.time.Clock;
import java.time.Instant;
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
import th.qaflow.helpdesk.Helpdesk.Status;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.EscalationDue;
import th.qaflow.kernel.HelpdeskQuestionAnswered;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.WorkingDays;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;

/**
 * The expressions of bpmn/SchoolQuestion.bpmn: the answer's due date (and the escalation timer at
 * it), writing the thread when a task completes, the escalation and the close.
 */
@Component("helpdeskSteps")
public class HelpdeskSteps {
  private final JdbcHelpdesk store;
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final ApplicationEventPublisher events;
  private final WorkingDays workingDays;

  HelpdeskSteps(
      JdbcHelpdesk store,
      Clock clock,
      OrganisationDirectory directory,
      @Lazy TaskService tasks,
      ApplicationEventPublisher events,
      WorkingDays workingDays) {
    this.store = store;
    this.clock = clock;
    this.directory = directory;
    this.tasks = tasks;
    this.events = events;
    this.workingDays = workingDays;
  }

  /**
   * Task_AnswerQuestion's due date and Timer_Escalate's date: the end (23:59:59, Bangkok) of the
   * third working day (Monday to Friday, not a district holiday) after the question reached the
   * supervisors. Both are evaluated in the same transaction, so the task and its timer agree.
   */
  public Date answerDue(DelegateExecution execution) {
    LocalDate asked = LocalDate.ofInstant(clock.instant(), AcademicYears.ZONE);
    LocalDate day = workingDays.after(asked, ANSWER_WORKING_DAYS);
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(AcademicYears.ZONE).toInstant());
  }

  /** Task_AnswerQuestion completed: the answer joins the thread and is mailed to the asker. */
  public void answered(DelegateTask task) {
    long qid = ((Number) task.getVariable(VAR_QUESTION_ID)).longValue();
    String text = String.valueOf(task.getVariable(VAR_ANSWER));
    String author = task.getAssignee() != null ? task.getAssignee() : "unknown";
    Instant now = clock.instant();
    store.post(qid, "ANSWER", text, author, now);
    store.status(qid, Status.ANSWERED, now);
    int round = ((Number) task.getVariable(VAR_ROUND)).intValue();
    events.publishEvent(
        new HelpdeskQuestionAnswered(
            qid,
            round,
            (String) task.getVariable(VAR_ASKED_BY),
            (String) task.getVariable(VAR_QUESTION_TITLE),
            text,
            directory.person(author).map(Person::displayName).orElse(author),
            "/helpdesk/questions/" + qid,
            now));
  }

  /**
   * Task_ConfirmSolved completed: the asker's follow-up joins the thread; not solved reopens the
   * question for the next round and tells the supervisors again.
   */
  public void replied(DelegateTask task) {
    long qid = ((Number) task.getVariable(VAR_QUESTION_ID)).longValue();
    Object followUp = task.getVariable(VAR_FOLLOW_UP);
    String text = followUp == null ? "" : followUp.toString().trim();
    Instant now = clock.instant();
    String asker = (String) task.getVariable(VAR_ASKED_BY);
    if (!text.isEmpty()) {
      store.post(qid, "FOLLOW_UP", text, asker, now);
    }
    if (NOT_SOLVED.equals(task.getVariable(VAR_SOLVED))) {
      int round = ((Number) task.getVariable(VAR_ROUND)).intValue() + 1;
      task.getExecution().setVariable(VAR_ROUND, round);
      task.getExecution()
          .setVariable(
              VAR_QUESTION_TEXT,
              task.getVariable(VAR_QUESTION_TEXT) + "\n\n---\n" + (text.isEmpty() ? "-" : text));
      task.getExecution().setVariable(VAR_ANSWER, null);
      store.status(qid, Status.OPEN, now);
      store
          .question(qid)
          .ifPresent(
              q ->
                  directory
                      .school(q.schoolCode())
                      .ifPresent(
                          s ->
                              store.tellSupervisors(
                                  qid,
                                  round,
                                  s,
                                  q.title(),
                                  text.isEmpty() ? q.body() : text,
                                  now)));
    }
  }

  /**
   * Timer_Escalate: the answer is overdue: the district's supervision director joins the task's
   * candidates and the notification module mails the escalation about the task as the engine has
   * it.
   */
  public void escalate(DelegateExecution execution) {
    String district = (String) execution.getVariable(ProcessVariables.DISTRICT_CODE);
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(TASK_ANSWER)
            .active()
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (task == null) {
      return;
    }
    tasks.addCandidateGroup(task.getId(), Groups.supervisionDirector(district));
    Object year = execution.getVariable(ProcessVariables.ACADEMIC_YEAR);
    events.publishEvent(
        new EscalationDue(
            execution.getProcessInstanceId(),
            task.getId(),
            (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
            year instanceof Number n ? n.intValue() : AcademicYears.current(clock),
            null,
            "DIRECTOR",
            task.getDueDate()));
  }

  /** Task_CloseQuestion: solved, or the asker did not reply in time. */
  public void close(DelegateExecution execution) {
    long qid = ((Number) execution.getVariable(VAR_QUESTION_ID)).longValue();
    store.status(qid, Status.CLOSED, clock.instant());
  }
}
