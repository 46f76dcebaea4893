package th.qaflow.training.internal;

import static th.qaflow.training.TrainingEventProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.TrainingEvaluationDue;
import th.qaflow.kernel.TrainingInvited;
import th.qaflow.organisation.Person;
import th.qaflow.training.Trainings.Event;
import th.qaflow.training.Trainings.Status;

/**
 * The expressions of bpmn/TrainingEvent.bpmn: the due dates and timer dates (read from the event's
 * row, so a task and its timer agree), the event's status as it moves, the invitations and the
 * evaluation reminder (kernel events the notification module mails), the director's comment and the
 * report.
 */
@Component("trainingSteps")
public class TrainingSteps {
  private final JdbcTrainings store;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  TrainingSteps(JdbcTrainings store, Clock clock, ApplicationEventPublisher events) {
    this.store = store;
    this.clock = clock;
    this.events = events;
  }

  private static long id(DelegateExecution execution) {
    return ((Number) execution.getVariable(VAR_EVENT_ID)).longValue();
  }

  private Event event(DelegateExecution execution) {
    long id = id(execution);
    return store.event(id).orElseThrow(() -> new IllegalStateException("no training " + id));
  }

  /** Task_ApproveEvent and Task_ReviseEvent: {@link #APPROVAL_DAYS} days from now. */
  public Date approvalDue(DelegateExecution execution) {
    return Date.from(endOfDay(clock.instant().plus(Duration.ofDays(APPROVAL_DAYS))));
  }

  /** Timer_RegistrationCloses and Task_CloseRegistration's due date: the event's deadline. */
  public Date registrationCloses(DelegateExecution execution) {
    return Date.from(event(execution).plan().registrationDeadline());
  }

  /** Task_RecordAttendance: the end of the event's day. */
  public Date attendanceDue(DelegateExecution execution) {
    return Date.from(endOfDay(event(execution).plan().endsAt()));
  }

  /**
   * Timer_EvaluationCloses and Task_CloseEvaluation's due date, set when attendance was recorded.
   */
  public Date evaluationCloses(DelegateExecution execution) {
    Event e = event(execution);
    Instant closes = e.evaluationCloses() != null ? e.evaluationCloses() : closesAfter(e);
    return Date.from(closes);
  }

  /** Timer_EvaluationReminder: {@link #REMINDER_DAYS_BEFORE} days before the evaluation closes. */
  public Date evaluationReminder(DelegateExecution execution) {
    Instant closes = evaluationCloses(execution).toInstant();
    return Date.from(closes.minus(Duration.ofDays(REMINDER_DAYS_BEFORE)));
  }

  /** Task_WriteReport: {@link #REPORT_DAYS} days after the evaluation closed. */
  public Date reportDue(DelegateExecution execution) {
    return Date.from(endOfDay(clock.instant().plus(Duration.ofDays(REPORT_DAYS))));
  }

  /**
   * The evaluation closes {@link #EVALUATION_DAYS} days after the event's day, and never less than
   * {@link #REMINDER_DAYS_BEFORE} + 1 days after the attendance is recorded (recorded late).
   */
  Instant closesAfter(Event e) {
    Instant byEvent = endOfDay(e.plan().endsAt().plus(Duration.ofDays(EVALUATION_DAYS)));
    Instant least = endOfDay(clock.instant().plus(Duration.ofDays(REMINDER_DAYS_BEFORE + 1)));
    return byEvent.isBefore(least) ? least : byEvent;
  }

  static Instant endOfDay(Instant at) {
    return LocalDate.ofInstant(at, AcademicYears.ZONE)
        .atTime(LocalTime.of(23, 59, 59))
        .atZone(AcademicYears.ZONE)
        .toInstant();
  }

  /** A user task is created: the event's status follows the step. */
  public void entered(DelegateTask task) {
    long id = id(task.getExecution());
    Status status =
        switch (task.getTaskDefinitionKey()) {
          case TASK_APPROVE -> Status.APPROVAL;
          case TASK_REVISE -> Status.REVISION;
          case TASK_RECORD_ATTENDANCE -> Status.ATTENDANCE;
          case TASK_CLOSE_EVALUATION -> Status.EVALUATION;
          case TASK_WRITE_REPORT -> Status.REPORT;
          default -> null;
        };
    if (status != null) {
      store.status(id, status);
    }
  }

  /** Task_ApproveEvent completed: the director's comment is kept on the event. */
  public void decided(DelegateTask task) {
    Object comment = task.getVariable(VAR_DIRECTOR_COMMENT);
    store.directorComment(id(task.getExecution()), comment == null ? null : comment.toString());
  }

  /** Task_SendInvitations: registration opens and every targeted person is invited by mail. */
  public void invite(DelegateExecution execution) {
    Event e = event(execution);
    store.status(e.id(), Status.REGISTRATION);
    events.publishEvent(
        new TrainingInvited(
            e.id(),
            e.title(),
            e.plan().topic(),
            e.startsAt(),
            e.plan().place() != null ? e.plan().place() : e.plan().onlineLink(),
            e.plan().registrationDeadline(),
            store.invitees(e).stream().map(Person::userId).toList(),
            "/training/" + e.id(),
            clock.instant()));
  }

  /** Task_RecordAttendance completed: the evaluation's closing date is fixed. */
  public void attendanceRecorded(DelegateTask task) {
    Event e = event(task.getExecution());
    store.evaluationCloses(e.id(), closesAfter(e));
  }

  /** Timer_EvaluationReminder: the attendees who have not evaluated yet are reminded. */
  public void remind(DelegateExecution execution) {
    Event e = event(execution);
    var who = store.notEvaluated(e.id());
    if (who.isEmpty()) {
      return;
    }
    events.publishEvent(
        new TrainingEvaluationDue(
            e.id(),
            e.title(),
            e.evaluationCloses() != null ? e.evaluationCloses() : closesAfter(e),
            who,
            "/training/" + e.id(),
            clock.instant()));
  }

  /** Task_WriteReport completed: the report is kept on the event. */
  public void reported(DelegateTask task) {
    Object text = task.getVariable(VAR_REPORT);
    store.reportWritten(
        id(task.getExecution()), text == null ? "" : text.toString(), clock.instant());
  }

  /** Task_CloseEvent. */
  public void close(DelegateExecution execution) {
    store.status(id(execution), Status.CLOSED);
  }
}
