package th.qaflow.cycle.internal;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import th.qaflow.calendar.QaCalendar;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.Stage;

/**
 * When the SAR escalation boundary timers fire: the escalated task's due date plus {@code
 * qaflow.escalation.director-after-days} (default 1) for the school director and {@code
 * qaflow.escalation.supervisor-after-days} (default 7) for the cluster's supervisor. Used by the
 * BPMN as {@code ${escalationTimers.at(execution, 'SAR_BOARD_APPROVAL', 'DIRECTOR')}}.
 *
 * <p>The engine creates a boundary timer when the task's activity starts, before the task and its
 * due date exist, so {@link #at} uses the calendar's due date of the stage. When the task ends up
 * due later (a redraft round, see {@link DueDates}) the timers are re-timed to the task's due date
 * just before the creating transaction commits, and when a district moves the deadline they move
 * with the tasks.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("escalationTimers")
public class EscalationTimers {
  private static final Logger log = LoggerFactory.getLogger(EscalationTimers.class);

  private final QaCalendar calendar;
  private final ManagementService management;
  private final Duration directorAfter;
  private final Duration supervisorAfter;

  EscalationTimers(
      QaCalendar calendar,
      @Lazy ManagementService management,
      @Value("${qaflow.escalation.director-after-days:1}") int directorAfterDays,
      @Value("${qaflow.escalation.supervisor-after-days:7}") int supervisorAfterDays) {
    this.calendar = calendar;
    this.management = management;
    this.directorAfter = Duration.ofDays(directorAfterDays);
    this.supervisorAfter = Duration.ofDays(supervisorAfterDays);
  }

  /**
   * The timer date of a new escalation timer: the stage's due date in the calendar plus the level's
   * delay.
   */
  public Date at(DelegateExecution execution, String stage, String level) {
    return after(calendar.dueAt(execution, stage), level);
  }

  Date after(Date taskDue, String level) {
    return Date.from(
        taskDue
            .toInstant()
            .plus(
                switch (level) {
                  case SchoolQaCycleProcess.LEVEL_DIRECTOR -> directorAfter;
                  case SchoolQaCycleProcess.LEVEL_SUPERVISOR -> supervisorAfter;
                  default ->
                      throw new IllegalArgumentException("Unknown escalation level " + level);
                }));
  }

  /**
   * Sets the pending escalation timers of the stage's task in a process instance to the task's due
   * date plus each level's delay. Returns how many timers changed.
   */
  int follow(String processInstanceId, Stage stage, Date taskDue) {
    Map<String, String> timers = SchoolQaCycleProcess.ESCALATION_TIMERS.get(stage);
    if (timers == null) {
      return 0;
    }
    int moved = 0;
    for (Map.Entry<String, String> timer : timers.entrySet()) {
      Date wanted = after(taskDue, timer.getKey());
      for (Job job :
          management
              .createJobQuery()
              .timers()
              .processInstanceId(processInstanceId)
              .activityId(timer.getValue())
              .list()) {
        if (!wanted.equals(job.getDuedate())) {
          management.setJobDuedate(job.getId(), wanted);
          moved++;
        }
      }
    }
    return moved;
  }

  /**
   * Re-times the stage's escalation timers to a task's due date once the engine has written them,
   * i.e. just before the current transaction commits (inside it, so they commit or roll back
   * together).
   */
  void followTaskDueAfterCommand(String processInstanceId, Stage stage, Date taskDue) {
    if (!SchoolQaCycleProcess.ESCALATION_TIMERS.containsKey(stage)) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      log.warn(
          "No transaction: escalation timers of {} in {} keep the calendar's date",
          stage,
          processInstanceId);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            follow(processInstanceId, stage, taskDue);
          }
        });
  }
}
