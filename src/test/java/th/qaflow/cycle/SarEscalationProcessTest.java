package th.qaflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import th.qaflow.QaFlowTest;
import th.qaflow.calendar.CalendarFixtures;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.EscalationDue;
import th.qaflow.kernel.Stage;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;

/**
 * The SAR escalations of SchoolQaCycle on the real engine under a controlled clock: the boundary
 * timers of the board approval and the submission fire one day (director) and seven days
 * (supervisor) after the task's due date and publish {@link EscalationDue} once each; approving in
 * time leaves nothing to fire; a returned SAR gets fresh timers in its next round, timed from that
 * round's due date.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
@RecordApplicationEvents
class SarEscalationProcessTest {
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired ApplicationEvents events;

  int year;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    CalendarFixtures.importOrganisation(organisation);
    year = CalendarFixtures.nextYear();
    int ce = year - 543;
    CalendarFixtures.clock(ce, 5, 16, 8, 0);
  }

  @Test
  void boardApprovalEscalatesToTheDirectorAfterOneDayAndToTheSupervisorAfterSeven() {
    ProcessInstance pi = startAndWalkTo(CalendarFixtures.SCHOOL_1, TASK_BOARD_APPROVE_SAR);
    Task board = openTask(pi);
    Date due = Date.from(window(SchoolStage.SAR_BOARD_APPROVAL).dueAt());
    assertThat(board.getDueDate()).isEqualTo(due);
    Job toDirector = timer(pi, TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR);
    Job toSupervisor = timer(pi, TIMER_BOARD_APPROVAL_OVERDUE_SUPERVISOR);
    assertThat(toDirector.getDuedate()).isEqualTo(plusDays(due, 1));
    assertThat(toSupervisor.getDuedate()).isEqualTo(plusDays(due, 7));

    // one minute after the deadline nothing is due yet
    CalendarFixtures.clockAt(plusMinutes(due, 1));
    assertThat(dueJobs(pi)).isEmpty();

    CalendarFixtures.clockAt(plusMinutes(plusDays(due, 1), 1));
    assertThat(dueJobs(pi)).extracting(Job::getId).containsExactly(toDirector.getId());
    fire(toDirector, TASK_ESCALATE_BOARD_APPROVAL_TO_DIRECTOR);
    assertThat(escalations())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.level()).isEqualTo(LEVEL_DIRECTOR);
              assertThat(e.stage()).isEqualTo("SAR_BOARD_APPROVAL");
              assertThat(e.taskId()).isEqualTo(board.getId());
              assertThat(e.processInstanceId()).isEqualTo(pi.getId());
              assertThat(e.schoolCode()).isEqualTo(CalendarFixtures.SCHOOL_1);
              assertThat(e.academicYear()).isEqualTo(year);
              assertThat(e.dueDate()).isEqualTo(due);
            });
    assertThat(pi)
        .hasPassed(END_BOARD_APPROVAL_ESCALATED_TO_DIRECTOR)
        .isWaitingAt(TASK_BOARD_APPROVE_SAR);
    assertThat(dueJobs(pi)).as("the director is told once").isEmpty();

    CalendarFixtures.clockAt(plusMinutes(plusDays(due, 7), 1));
    fire(
        timer(pi, TIMER_BOARD_APPROVAL_OVERDUE_SUPERVISOR),
        TASK_ESCALATE_BOARD_APPROVAL_TO_SUPERVISOR);
    assertThat(escalations())
        .extracting(EscalationDue::level)
        .containsExactly(LEVEL_DIRECTOR, LEVEL_SUPERVISOR);
    assertThat(pi)
        .hasPassed(END_BOARD_APPROVAL_ESCALATED_TO_SUPERVISOR)
        .isWaitingAt(TASK_BOARD_APPROVE_SAR);
    assertThat(openTask(pi).getId())
        .as("the overdue task stays where it is")
        .isEqualTo(board.getId());
    assertThat(dueJobs(pi)).isEmpty();

    // approved late, the SAR goes on to submission with its own two timers
    tasks.complete(board.getId(), Map.of("boardDecision", "approve"));
    assertThat(pi).isWaitingAt(TASK_SUBMIT_SAR);
    assertThat(timer(pi, TIMER_SUBMISSION_OVERDUE_DIRECTOR)).isNotNull();
    assertThat(timer(pi, TIMER_SUBMISSION_OVERDUE_SUPERVISOR)).isNotNull();
  }

  @Test
  void submissionEscalatesToTheDirectorAndTheSupervisor() {
    ProcessInstance pi = startAndWalkTo(CalendarFixtures.SCHOOL_2, TASK_SUBMIT_SAR);
    Task submit = openTask(pi);
    Date due = Date.from(window(SchoolStage.SAR_SUBMISSION).dueAt());
    assertThat(submit.getDueDate()).isEqualTo(due);
    assertThat(timer(pi, TIMER_SUBMISSION_OVERDUE_DIRECTOR).getDuedate())
        .isEqualTo(plusDays(due, 1));
    assertThat(timer(pi, TIMER_SUBMISSION_OVERDUE_SUPERVISOR).getDuedate())
        .isEqualTo(plusDays(due, 7));

    CalendarFixtures.clockAt(plusMinutes(plusDays(due, 1), 1));
    fire(timer(pi, TIMER_SUBMISSION_OVERDUE_DIRECTOR), TASK_ESCALATE_SUBMISSION_TO_DIRECTOR);
    CalendarFixtures.clockAt(plusMinutes(plusDays(due, 7), 1));
    fire(timer(pi, TIMER_SUBMISSION_OVERDUE_SUPERVISOR), TASK_ESCALATE_SUBMISSION_TO_SUPERVISOR);

    assertThat(escalations())
        .extracting(EscalationDue::stage, EscalationDue::level, EscalationDue::taskId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SAR_SUBMISSION", LEVEL_DIRECTOR, submit.getId()),
            org.assertj.core.groups.Tuple.tuple(
                "SAR_SUBMISSION", LEVEL_SUPERVISOR, submit.getId()));
    assertThat(pi)
        .hasPassed(END_SUBMISSION_ESCALATED_TO_DIRECTOR, END_SUBMISSION_ESCALATED_TO_SUPERVISOR)
        .isWaitingAt(TASK_SUBMIT_SAR);
  }

  @Test
  void approvingInTimeCancelsTheTimersAndNothingIsEscalated() {
    ProcessInstance pi = startAndWalkTo(CalendarFixtures.SCHOOL_3, TASK_BOARD_APPROVE_SAR);
    Date boardDue = Date.from(window(SchoolStage.SAR_BOARD_APPROVAL).dueAt());
    CalendarFixtures.clockAt(plusDays(boardDue, -2));
    tasks.complete(openTask(pi).getId(), Map.of("boardDecision", "approve"));

    assertThat(jobs(pi, TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR)).isEmpty();
    assertThat(jobs(pi, TIMER_BOARD_APPROVAL_OVERDUE_SUPERVISOR)).isEmpty();
    assertThat(pi).isWaitingAt(TASK_SUBMIT_SAR);
    assertThat(jobs(pi, TIMER_SUBMISSION_OVERDUE_DIRECTOR)).hasSize(1);
    assertThat(jobs(pi, TIMER_SUBMISSION_OVERDUE_SUPERVISOR)).hasSize(1);

    // past the board's escalation dates but before the submission's: nothing can fire
    CalendarFixtures.clockAt(plusDays(boardDue, 8));
    assertThat(dueJobs(pi)).isEmpty();
    assertThat(escalations()).isEmpty();
    assertThat(pi)
        .hasNotPassed(
            TASK_ESCALATE_BOARD_APPROVAL_TO_DIRECTOR, TASK_ESCALATE_BOARD_APPROVAL_TO_SUPERVISOR);

    // the submission in time too: the process ends with no escalation at all
    tasks.complete(openTask(pi).getId());
    // the district advises on the submitted SAR (its own SarReview process, answered by message)
    // while the school publishes
    assertThat(pi).isWaitingAt(EVENT_SAR_REVIEWED);
    tasks.complete(
        tasks
            .createTaskQuery()
            .processDefinitionKey("SarReview")
            .processInstanceBusinessKey(pi.getBusinessKey())
            .singleResult()
            .getId(),
        Map.of("reviewDecision", "advice", "reviewComments", "ข้อเสนอแนะ"));
    tasks.complete(openTask(pi).getId());
    assertThat(pi).isEnded();
    assertThat(escalations()).isEmpty();
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aReturnedSarGetsFreshTimersForTheNextRound() {
    ProcessInstance pi = startAndWalkTo(CalendarFixtures.SCHOOL_1, TASK_BOARD_APPROVE_SAR);
    Date calendarDue = Date.from(window(SchoolStage.SAR_BOARD_APPROVAL).dueAt());
    Job firstRound = timer(pi, TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR);

    // returned the day before the deadline; the redraft and review take until after it
    CalendarFixtures.clockAt(plusDays(calendarDue, -1));
    tasks.complete(
        openTask(pi).getId(), Map.of("boardDecision", "return", "boardComments", "ขาดหลักฐาน"));
    assertThat(jobs(pi, TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR)).isEmpty();
    CalendarFixtures.clockAt(plusDays(calendarDue, 1));
    tasks.complete(openTask(pi).getId());
    tasks.complete(openTask(pi).getId(), Map.of("directorDecision", "toBoard"));

    Task secondRound = openTask(pi);
    assertThat(secondRound.getTaskDefinitionKey()).isEqualTo(TASK_BOARD_APPROVE_SAR);
    Date due = secondRound.getDueDate();
    assertThat(due)
        .as("rework: seven days from the new round")
        .isEqualTo(plusDays(secondRound.getCreateTime(), 7));
    Job toDirector = timer(pi, TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR);
    assertThat(toDirector.getId()).isNotEqualTo(firstRound.getId());
    assertThat(toDirector.getDuedate()).isEqualTo(plusDays(due, 1));
    assertThat(timer(pi, TIMER_BOARD_APPROVAL_OVERDUE_SUPERVISOR).getDuedate())
        .isEqualTo(plusDays(due, 7));

    // the calendar's deadline plus one day has passed, but this round's has not
    assertThat(dueJobs(pi)).isEmpty();
    CalendarFixtures.clockAt(plusMinutes(plusDays(due, 1), 1));
    fire(toDirector, TASK_ESCALATE_BOARD_APPROVAL_TO_DIRECTOR);
    assertThat(escalations())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.taskId()).isEqualTo(secondRound.getId());
              assertThat(e.dueDate()).isEqualTo(due);
            });
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Starts the school's cycle and completes every task (approving, sending on) until the target
   * task waits.
   */
  private ProcessInstance startAndWalkTo(String school, String target) {
    String id = cycles.startSchool(school, year, "u2110qaoff").orElseThrow();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    for (int step = 0; step < 40; step++) {
      Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
      if (task != null) {
        if (task.getTaskDefinitionKey().equals(target)) {
          return pi;
        }
        tasks.complete(task.getId(), ProcessDriver.SCHOOL_CYCLE_APPROVALS);
      } else {
        Job job = management.createJobQuery().processInstanceId(id).singleResult();
        CalendarFixtures.clockAt(plusMinutes(job.getDuedate(), 60));
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("never reached " + target);
  }

  private Task openTask(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private Job timer(ProcessInstance pi, String activityId) {
    return management
        .createJobQuery()
        .timers()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .singleResult();
  }

  private List<Job> jobs(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
  }

  private List<Job> dueJobs(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).executable().list();
  }

  /** Fires a timer, then runs the asynchronous escalation service task it leads to. */
  private void fire(Job timer, String serviceTask) {
    management.executeJob(timer.getId());
    Job async =
        management
            .createJobQuery()
            .processInstanceId(timer.getProcessInstanceId())
            .activityId(serviceTask)
            .singleResult();
    assertThat(async).as("async continuation of " + serviceTask).isNotNull();
    management.executeJob(async.getId());
  }

  private List<EscalationDue> escalations() {
    return events.stream(EscalationDue.class).toList();
  }

  private StageWindow window(Stage stage) {
    return StageWindow.defaults(stage, year);
  }

  private static Date plusDays(Date date, int days) {
    return Date.from(date.toInstant().plus(Duration.ofDays(days)));
  }

  private static Date plusMinutes(Date date, int minutes) {
    return Date.from(date.toInstant().plus(Duration.ofMinutes(minutes)));
  }
}
