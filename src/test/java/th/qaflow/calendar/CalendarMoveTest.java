package th.qaflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUser;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;

/**
 * Moving a district's deadlines through {@link CalendarEditor}: open tasks of the stage get the new
 * due date (a redraft keeps its seven days), timers waiting for a stage to open fire at the new
 * time, SAR escalation timers follow their task, other districts and years are untouched, every
 * change is recorded, and a refused or invalid save changes nothing.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
@RecordApplicationEvents
class CalendarMoveTest {
  @Autowired th.qaflow.kernel.Stages stages;
  @Autowired java.time.Clock engineTime;
  @Autowired CalendarEditor editor;
  @Autowired QaCalendar calendar;
  @Autowired CycleService cycles;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired OrganisationImport organisation;
  @Autowired QaUsers users;
  @Autowired ApplicationEvents events;

  int year;
  int ce;
  QaUser officer;

  @BeforeEach
  void setUp() {
    CalendarFixtures.importOrganisation(organisation);
    year = CalendarFixtures.nextYear();
    ce = year - 543;
    CalendarFixtures.clock(ce, 5, 16, 8, 0);
    officer = users.byId(CalendarFixtures.user("qaoff"));
  }

  @Test
  void aWaitingSemesterOneTimerMovesAndFiresAtTheNewTime() {
    String pi = start(CalendarFixtures.SCHOOL_1, year);
    String otherDistrict = start(CalendarFixtures.OTHER_SCHOOL, year);
    walkToTimer(pi);
    walkToTimer(otherDistrict);
    Date defaultOpening = Date.from(StageWindow.defaults(SchoolStage.SELF_CHECK_1, year).opensAt());
    assertThat(timer(pi).getDuedate()).isEqualTo(defaultOpening);

    StageWindow later =
        new StageWindow(SchoolStage.SELF_CHECK_1, LocalDate.of(ce, 8, 15), LocalDate.of(ce, 9, 15));
    CalendarChangeReport report =
        editor.save(CalendarFixtures.DISTRICT, year, List.of(later), officer);

    assertThat(report.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.stage()).isEqualTo(SchoolStage.SELF_CHECK_1);
              assertThat(c.timersMoved()).isEqualTo(1);
              assertThat(c.tasksMoved()).isZero();
            });
    Date newOpening = Date.from(later.opensAt());
    assertThat(timer(pi).getDuedate()).isEqualTo(newOpening);
    assertThat(timer(otherDistrict).getDuedate())
        .as("another district's timer")
        .isEqualTo(defaultOpening);

    // the old opening passes without the window opening; the new one opens it
    CalendarFixtures.clockAt(plus(defaultOpening, Duration.ofHours(1)));
    assertThat(management.createJobQuery().processInstanceId(pi).executable().count()).isZero();
    CalendarFixtures.clockAt(plus(newOpening, Duration.ofMinutes(1)));
    assertThat(management.createJobQuery().processInstanceId(pi).executable().count()).isOne();
    management.executeJob(timer(pi).getId());
    Task selfCheck = openTask(pi);
    assertThat(selfCheck.getTaskDefinitionKey())
        .isEqualTo(SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_ONE);
    assertThat(selfCheck.getDueDate()).isEqualTo(Date.from(later.dueAt()));
  }

  @Test
  void openTasksOfTheStageMoveAndOthersStay() {
    String school1 = start(CalendarFixtures.SCHOOL_1, year);
    String school2 = start(CalendarFixtures.SCHOOL_2, year);
    String otherDistrict = start(CalendarFixtures.OTHER_SCHOOL, year);
    int otherYear = CalendarFixtures.nextYear();
    String nextYear = start(CalendarFixtures.SCHOOL_3, otherYear);
    Date defaultDue = Date.from(StageWindow.defaults(SchoolStage.STANDARDS, year).dueAt());
    Date otherYearDue = openTask(nextYear).getDueDate();

    StageWindow standards =
        new StageWindow(SchoolStage.STANDARDS, LocalDate.of(ce, 5, 16), LocalDate.of(ce, 5, 27));
    CalendarChangeReport report =
        editor.save(CalendarFixtures.DISTRICT, year, List.of(standards), officer);

    Date moved = Date.from(standards.dueAt());
    assertThat(openTask(school1).getDueDate()).isEqualTo(moved);
    assertThat(openTask(school2).getDueDate()).isEqualTo(moved);
    assertThat(openTask(otherDistrict).getDueDate()).as("other district").isEqualTo(defaultDue);
    assertThat(openTask(nextYear).getDueDate()).as("other year").isEqualTo(otherYearDue);
    assertThat(report.tasksMoved()).isEqualTo(2);
    assertThat(calendar.window(CalendarFixtures.DISTRICT, year, SchoolStage.STANDARDS))
        .isEqualTo(standards);
    assertThat(calendar.window(CalendarFixtures.OTHER_DISTRICT, year, SchoolStage.STANDARDS))
        .isEqualTo(StageWindow.defaults(SchoolStage.STANDARDS, year));

    assertThat(editor.history(CalendarFixtures.DISTRICT, year))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.stage()).isEqualTo(SchoolStage.STANDARDS);
              assertThat(c.oldOpens()).isEqualTo(LocalDate.of(ce, 5, 16));
              assertThat(c.oldDue()).isEqualTo(LocalDate.of(ce, 5, 24));
              assertThat(c.newOpens()).isEqualTo(LocalDate.of(ce, 5, 16));
              assertThat(c.newDue()).isEqualTo(LocalDate.of(ce, 5, 27));
              assertThat(c.changedBy()).isEqualTo(CalendarFixtures.user("qaoff"));
              // the engines time (tests move it), not the wall clock: the record agrees with the
              // tasks it moved
              assertThat(c.changedAt())
                  .isCloseTo(
                      engineTime.instant(),
                      org.assertj.core.api.Assertions.within(
                          Duration.ofMinutes(5).toMillis(), java.time.temporal.ChronoUnit.MILLIS));
              assertThat(c.tasksMoved()).isEqualTo(2);
              assertThat(c.timersMoved()).isZero();
            });
    assertThat(editor.history(CalendarFixtures.OTHER_DISTRICT, year)).isEmpty();
    assertThat(events.stream(DeadlineMoved.class))
        .containsExactly(
            new DeadlineMoved(
                CalendarFixtures.DISTRICT,
                year,
                SchoolStage.STANDARDS,
                LocalDate.of(ce, 5, 24),
                LocalDate.of(ce, 5, 27)));

    // saving the same dates again changes nothing and records nothing
    assertThat(editor.save(CalendarFixtures.DISTRICT, year, List.of(standards), officer).changes())
        .isEmpty();
    assertThat(editor.history(CalendarFixtures.DISTRICT, year)).hasSize(1);
  }

  @Test
  void aRedraftKeepsItsSevenDaysWhenTheDeadlineMovesEarlier() {
    String pi = start(CalendarFixtures.SCHOOL_2, year);
    CalendarFixtures.clock(ce, 5, 20, 9, 0);
    tasks.complete(openTask(pi).getId());
    tasks.complete(openTask(pi).getId(), Map.of("endorsementDecision", "return"));
    Task redraft = openTask(pi);
    Date sevenDays = plus(redraft.getCreateTime(), Duration.ofDays(7));
    assertThat(redraft.getDueDate()).isEqualTo(sevenDays);

    editor.save(
        CalendarFixtures.DISTRICT,
        year,
        List.of(
            new StageWindow(
                SchoolStage.STANDARDS, LocalDate.of(ce, 5, 16), LocalDate.of(ce, 5, 25))),
        officer);
    assertThat(openTask(pi).getDueDate())
        .as("never less than seven days for a redraft")
        .isEqualTo(sevenDays);

    StageWindow later =
        new StageWindow(SchoolStage.STANDARDS, LocalDate.of(ce, 5, 16), LocalDate.of(ce, 5, 30));
    CalendarChangeReport report =
        editor.save(CalendarFixtures.DISTRICT, year, List.of(later), officer);
    assertThat(openTask(pi).getDueDate()).isEqualTo(Date.from(later.dueAt()));
    assertThat(report.tasksMoved()).isOne();
  }

  @Test
  void movingTheBoardApprovalDeadlineMovesItsEscalationTimers() {
    String pi = start(CalendarFixtures.SCHOOL_3, year);
    walkTo(pi, SchoolQaCycleProcess.TASK_BOARD_APPROVE_SAR);
    StageWindow earlier =
        new StageWindow(
            SchoolStage.SAR_BOARD_APPROVAL,
            LocalDate.of(ce + 1, 4, 1),
            LocalDate.of(ce + 1, 5, 10));

    CalendarChangeReport report =
        editor.save(CalendarFixtures.DISTRICT, year, List.of(earlier), officer);

    Date due = Date.from(earlier.dueAt());
    assertThat(openTask(pi).getDueDate()).isEqualTo(due);
    assertThat(
            escalationTimer(pi, SchoolQaCycleProcess.TIMER_BOARD_APPROVAL_OVERDUE_DIRECTOR)
                .getDuedate())
        .isEqualTo(plus(due, Duration.ofDays(1)));
    assertThat(
            escalationTimer(pi, SchoolQaCycleProcess.TIMER_BOARD_APPROVAL_OVERDUE_SUPERVISOR)
                .getDuedate())
        .isEqualTo(plus(due, Duration.ofDays(7)));
    assertThat(report.tasksMoved()).isOne();
    assertThat(report.timersMoved()).isEqualTo(2);
  }

  @Test
  void anInvalidCalendarChangesNothing() {
    String pi = start(CalendarFixtures.SCHOOL_1, year);
    Date due = openTask(pi).getDueDate();
    List<StageWindow> bad =
        List.of(
            new StageWindow(
                SchoolStage.STANDARDS,
                LocalDate.of(ce, 5, 16),
                LocalDate.of(ce, 5, 27)), // fine alone
            new StageWindow(
                SchoolStage.PLANS,
                LocalDate.of(ce, 6, 30),
                LocalDate.of(ce, 6, 1)), // due before opens
            new StageWindow(
                SchoolStage.SELF_CHECK_1,
                LocalDate.of(ce, 5, 17),
                LocalDate.of(ce, 8, 31)), // before PLANS opens
            new StageWindow(
                SchoolStage.SELF_CHECK_2,
                LocalDate.of(ce, 12, 1),
                LocalDate.of(ce + 1, 6, 1)), // after the year
            new StageWindow(
                SchoolStage.SAR_SUBMISSION,
                LocalDate.of(ce + 1, 4, 1),
                LocalDate.of(ce + 1, 6, 30))); // allowed

    assertThatThrownBy(() -> editor.save(CalendarFixtures.DISTRICT, year, bad, officer))
        .isInstanceOfSatisfying(
            CalendarValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(
                        CalendarError::stage, CalendarError::field, CalendarError::messageKey)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            SchoolStage.PLANS, "due", "calendar.error.dueBeforeOpens"),
                        org.assertj.core.groups.Tuple.tuple(
                            SchoolStage.SELF_CHECK_1, "opens", "calendar.error.order"),
                        org.assertj.core.groups.Tuple.tuple(
                            SchoolStage.SELF_CHECK_2, "due", "calendar.error.dueOutsideYear")));
    assertThatThrownBy(() -> editor.save(CalendarFixtures.DISTRICT, year - 543, List.of(), officer))
        .isInstanceOfSatisfying(
            CalendarValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(CalendarError::messageKey)
                    .containsExactly("calendar.error.yearCe"));

    assertUnchanged(pi, due);
  }

  @Test
  void theWrongUserIsRefusedAndNothingChanges() {
    String pi = start(CalendarFixtures.SCHOOL_1, year);
    Date due = openTask(pi).getDueDate();
    List<StageWindow> change =
        List.of(
            new StageWindow(
                SchoolStage.STANDARDS, LocalDate.of(ce, 5, 16), LocalDate.of(ce, 5, 29)));
    for (String who :
        List.of(
            CalendarFixtures.user("sup"),
            CalendarFixtures.user("supdir"),
            CalendarFixtures.user("ddir"),
            CalendarFixtures.user("qa1"),
            CalendarFixtures.user("obec"),
            "u2111qaoff")) {
      QaUser user = users.byId(who);
      assertThatThrownBy(() -> editor.save(CalendarFixtures.DISTRICT, year, change, user))
          .as(who)
          .isInstanceOf(AccessDeniedException.class);
    }
    assertUnchanged(pi, due);
    // the administrator may
    assertThat(
            editor
                .save(
                    CalendarFixtures.DISTRICT,
                    year,
                    change,
                    users.byId(CalendarFixtures.user("admin")))
                .tasksMoved())
        .isOne();
  }

  // --- helpers --------------------------------------------------------------------------------

  private void assertUnchanged(String pi, Date due) {
    assertThat(editor.windows(CalendarFixtures.DISTRICT, year))
        .isEqualTo(stages.all().stream().map(s -> StageWindow.defaults(s, year)).toList());
    assertThat(editor.history(CalendarFixtures.DISTRICT, year)).isEmpty();
    assertThat(openTask(pi).getDueDate()).isEqualTo(due);
    assertThat(events.stream(DeadlineMoved.class)).isEmpty();
  }

  private String start(String school, int academicYear) {
    return cycles.startSchool(school, academicYear, CalendarFixtures.user("qaoff")).orElseThrow();
  }

  private Task openTask(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private Job timer(String pi) {
    return management
        .createJobQuery()
        .timers()
        .processInstanceId(pi)
        .activityId(SchoolQaCycleProcess.TIMER_SEMESTER_ONE_OPENS)
        .singleResult();
  }

  private Job escalationTimer(String pi, String activityId) {
    return management
        .createJobQuery()
        .timers()
        .processInstanceId(pi)
        .activityId(activityId)
        .singleResult();
  }

  private void walkToTimer(String pi) {
    walkTo(pi, SchoolQaCycleProcess.TIMER_SEMESTER_ONE_OPENS);
  }

  /**
   * Completes tasks (approving, sending on) and fires timers until the process waits at the
   * activity.
   */
  private void walkTo(String pi, String activityId) {
    for (int step = 0; step < 40; step++) {
      Task task = openTask(pi);
      if (task != null && task.getTaskDefinitionKey().equals(activityId)) {
        return;
      }
      if (task != null) {
        tasks.complete(task.getId(), ProcessDriver.SCHOOL_CYCLE_APPROVALS);
        continue;
      }
      Job job = management.createJobQuery().processInstanceId(pi).singleResult();
      if (activityId.equals(
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(pi)
              .unfinished()
              .activityId(activityId)
              .list()
              .stream()
              .findFirst()
              .map(a -> a.getActivityId())
              .orElse(null))) {
        return;
      }
      CalendarFixtures.clockAt(plus(job.getDuedate(), Duration.ofHours(1)));
      management.executeJob(job.getId());
    }
    throw new AssertionError("never reached " + activityId);
  }

  private static Date plus(Date date, Duration duration) {
    return Date.from(date.toInstant().plus(duration));
  }
}
