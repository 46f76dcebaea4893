package th.qaflow.schoolgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.qaflow.schoolgroup.GroupYearProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.StageWindow;
import th.qaflow.committee.CommitteeMeetingProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TestOrganisation;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.web.NotFoundException;

/**
 * GroupYear on the real engine, tasks completed through the tasklist's form validation, every path:
 * the chair drafts the group plan (another school's director may not), the cluster's supervisor
 * returns it (a return without what to change is refused), the chair redrafts with the comments
 * shown, the supervisor approves; the process waits for 1 March; the chair gives each member school
 * a level, stored per school. A second start of the same year starts nothing. The tasks' due dates
 * come from the district calendar's GROUP_* stages, and a moved stage moves open tasks and the
 * timers that wait for it. Beside the plan, a month before each semester ends the meeting rule is
 * checked: met (held or called two) mails nobody, behind mails the chair, the vice-chair and the
 * supervisor once each (read with GreenMail) even when the check runs twice, a semester already
 * over mails nobody. District 7418, years 2690–2694 (one per test: the mails' keys hold the year).
 */
@ProcessTest
class GroupYearProcessTest {
  static final String D = "7418";
  static final String C = "7418-C1";
  static final int YEAR = 2690;
  static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  @Autowired SchoolGroups groups;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired CalendarEditor calendar;
  @Autowired GreenMail mail;
  @Autowired OutboxSender sender;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        D + ",สพป.ทดสอบปีกลุ่ม,Group year test,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        "7418010001,74180001,โรงเรียนปีกลุ่มหนึ่ง,Year One School,"
            + D
            + ","
            + C
            + ",กลุ่มทดสอบปี,false,true",
        "7418010002,74180002,โรงเรียนปีกลุ่มสอง,Year Two School,"
            + D
            + ","
            + C
            + ",กลุ่มทดสอบปี,false,true",
        "7418010003,74180003,โรงเรียนนอกกลุ่ม,Outside School,"
            + D
            + ",7418-C2,กลุ่มอื่น,false,true");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "gy1,ประยุทธ,หนึ่ง,gy1@qaflow.example,SCHOOL_DIRECTOR,,7418010001,,demo",
        "gy2,ประวิตร,สอง,gy2@qaflow.example,SCHOOL_DIRECTOR,,7418010002,,demo",
        "gy3,ประสิทธิ์,สาม,gy3@qaflow.example,SCHOOL_DIRECTOR,,7418010003,,demo",
        "gysup,วรรณา,นิเทศ,gysup@qaflow.example,SUPERVISOR," + D + ",," + C + ",demo",
        "gyqa,สมศรี,ประกัน,gyqa@qaflow.example,DISTRICT_QA_OFFICER," + D + ",,,demo");
    EngineTestClock.at(YEAR - 543, 5, 20, 9, 0);
  }

  @Test
  void returnedThenApprovedPlanAndTheChairAssessesEveryMemberSchool() throws Exception {
    groups.setUp(C, "gysup");
    groups.elect(C, "gy1", "gy2");
    long committeeId =
        jdbc.sql("select id from committee where cluster_code = :c")
            .param("c", C)
            .query(Long.class)
            .single();
    String pi = start();
    assertThat(startAgain()).isEmpty();

    Task draft = task(pi, TASK_DRAFT_GROUP_PLAN);
    assertThat(groupsOf(draft)).containsExactly(Groups.committeeSecretary(committeeId));
    assertStage(draft, GroupStage.GROUP_PLAN, YEAR);
    assertThatThrownBy(() -> work.complete(draft.getId(), users.byId("gy3"), params(plan("x"))))
        .isInstanceOf(NotFoundException.class);
    done(draft, "gy1", plan("ยกระดับผลสัมฤทธิ์ด้านการอ่าน"));

    Task approve = task(pi, TASK_APPROVE_GROUP_PLAN);
    assertThat(groupsOf(approve)).containsExactly(Groups.clusterSupervisor(C));
    assertStage(approve, GroupStage.GROUP_PLAN_APPROVAL, YEAR);
    Completion noComment =
        work.complete(
            approve.getId(),
            users.byId("gysup"),
            params(Map.of(VAR_PLAN_DECISION, DECISION_RETURN)));
    assertThat(noComment.done()).isFalse();
    assertThat(noComment.form().errors()).containsKey(VAR_PLAN_COMMENTS);
    done(
        approve,
        "gysup",
        Map.of(VAR_PLAN_DECISION, DECISION_RETURN, VAR_PLAN_COMMENTS, "เพิ่มตัวชี้วัดของโครงการ"));

    // back to the chair's group (the vice-chair may redraft too), the comments shown
    Task redraft = task(pi, TASK_DRAFT_GROUP_PLAN);
    assertThat(tasks.getVariable(redraft.getId(), VAR_PLAN_COMMENTS))
        .isEqualTo("เพิ่มตัวชี้วัดของโครงการ");
    done(redraft, "gy2", plan("ยกระดับผลสัมฤทธิ์ด้านการอ่าน ร้อยละ 80"));
    done(task(pi, TASK_APPROVE_GROUP_PLAN), "gysup", Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));

    // the plan is the group's; the process waits for the end of the year
    assertThat(
            jdbc.sql(
                    "select status from school_group_year where cluster_code = :c"
                        + " and academic_year = :y")
                .param("c", C)
                .param("y", YEAR)
                .query(String.class)
                .single())
        .isEqualTo("APPROVED");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isZero();
    // the meeting check of semester 1 (no meetings: the chair is reminded), then 1 March
    assertThat(timer(pi, TIMER_MEETING_CHECK_ONE).getDuedate())
        .isEqualTo(Date.from(LocalDateTime.of(2147, 10, 1, 8, 0).atZone(BANGKOK).toInstant()));
    fire(pi, TIMER_MEETING_CHECK_ONE);
    assertThat(runtime.getVariable(pi, VAR_MEETING_CHECK_PREFIX + 1)).isEqualTo(CHECK_REMINDED);
    Job timer = timer(pi, TIMER_YEAR_END);
    assertThat(timer.getDuedate())
        .isEqualTo(Date.from(LocalDateTime.of(2148, 3, 1, 8, 0).atZone(BANGKOK).toInstant()));
    fire(pi, TIMER_YEAR_END);

    Task assess = task(pi, TASK_ASSESS_MEMBER_SCHOOLS);
    assertThat(assess.getAssignee()).isEqualTo("gy1");
    assertStage(assess, GroupStage.GROUP_ASSESSMENT, YEAR);
    Map<String, String> levels = new LinkedHashMap<>();
    levels.put("schoolAssessments[0].assessedSchool", "7418010001");
    levels.put("schoolAssessments[0].assessedLevel", "4");
    levels.put("schoolAssessments[0].assessedNote", "ผลการอ่านดีขึ้นชัดเจน");
    levels.put("schoolAssessments[1].assessedSchool", "7418010002");
    levels.put("schoolAssessments[1].assessedLevel", "3");
    levels.put("schoolAssessments[1].assessedNote", "");
    done(assess, "gy1", levels);
    // the assessment is done; the year ends after the check of semester 2
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(END_GROUP_YEAR_DONE)
                .count())
        .isOne();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isOne();
    fire(pi, TIMER_MEETING_CHECK_TWO);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult())
        .satisfies(h -> assertThat(h.getEndTime()).isNotNull());
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(END_MEETING_CHECKS_DONE)
                .count())
        .isOne();
    List<Map<String, Object>> rows =
        jdbc.sql(
                "select school_code, quality_level from school_group_assessment"
                    + " where cluster_code = :c and academic_year = :y order by school_code")
            .param("c", C)
            .param("y", YEAR)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(2);
    assertThat(((Number) rows.get(0).get("QUALITY_LEVEL")).intValue()).isEqualTo(4);
    assertThat(((Number) rows.get(1).get("QUALITY_LEVEL")).intValue()).isEqualTo(3);
  }

  /** Two meetings held before the check: nobody is mailed. */
  @Test
  void aGroupThatMetTwiceIsNotReminded() {
    int year = 2691;
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    elected();
    String pi = start(year);
    meeting(year, (year - 543) + "-06-10");
    meeting(year, (year - 543) + "-09-10");
    EngineTestClock.at(year - 543, 10, 1, 9, 0);
    fire(pi, TIMER_MEETING_CHECK_ONE);
    assertThat(runtime.getVariable(pi, VAR_MEETING_CHECK_PREFIX + 1)).isEqualTo(CHECK_MET);
    sender.drain();
    assertThat(reminders(year, 1)).isEmpty();
  }

  /** One held, one called: called counts, nobody is mailed. */
  @Test
  void aGroupThatHasCalledItsSecondMeetingIsNotReminded() {
    int year = 2692;
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    elected();
    String pi = start(year);
    meeting(year, (year - 543) + "-06-10");
    meeting(year, (year - 543) + "-10-20");
    EngineTestClock.at(year - 543, 10, 1, 9, 0);
    fire(pi, TIMER_MEETING_CHECK_ONE);
    assertThat(runtime.getVariable(pi, VAR_MEETING_CHECK_PREFIX + 1)).isEqualTo(CHECK_MET);
    sender.drain();
    assertThat(reminders(year, 1)).isEmpty();
  }

  /**
   * One meeting held: the chair, the vice-chair and the supervisor get one mail each, in Thai, with
   * the count and the group's link, even when the check runs a second time.
   */
  @Test
  void aGroupBehindItsRuleIsRemindedOnceEvenWhenTheCheckRunsTwice() throws Exception {
    int year = 2693;
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    elected();
    String pi = start(year);
    meeting(year, (year - 543) + "-07-10");
    EngineTestClock.at(year - 543, 10, 1, 9, 0);
    fire(pi, TIMER_MEETING_CHECK_ONE);
    assertThat(runtime.getVariable(pi, VAR_MEETING_CHECK_PREFIX + 1)).isEqualTo(CHECK_REMINDED);
    // an operator runs the check again (e.g. after a retry): no second mail
    runtime
        .createProcessInstanceModification(pi)
        .startBeforeActivity(TASK_CHECK_MEETINGS_ONE)
        .execute();
    sender.drain();
    List<MimeMessage> mails = reminders(year, 1);
    assertThat(mails)
        .extracting(Mails::to)
        .containsExactlyInAnyOrder(
            "gy1@qaflow.example", "gy2@qaflow.example", "gysup@qaflow.example");
    MimeMessage chair =
        mails.stream().filter(m -> Mails.to(m).startsWith("gy1@")).findFirst().orElseThrow();
    assertThat(Mails.subject(chair))
        .contains("กลุ่มทดสอบปี")
        .contains("ภาคเรียนที่ 1/" + year)
        .contains("ยังไม่ครบ 2 ครั้ง");
    assertThat(Mails.plainText(chair))
        .contains("ประชุมแล้ว: 1 ครั้ง")
        .contains("นัดประชุมไว้แล้ว: 0 ครั้ง")
        .contains("31 ต.ค. " + year)
        .contains("เรียกประชุมคณะกรรมการกลุ่ม")
        .contains("/groups/" + C);
    MimeMessage supervisor =
        mails.stream().filter(m -> Mails.to(m).startsWith("gysup@")).findFirst().orElseThrow();
    assertThat(Mails.plainText(supervisor))
        .contains("ศึกษานิเทศก์ผู้รับผิดชอบ")
        .contains("ประสานประธานกลุ่ม")
        .contains("/groups/" + C);
  }

  /** A year started after semester 1 ended: its check runs at once and mails nobody. */
  @Test
  void aSemesterAlreadyOverWhenTheYearStartsMailsNobody() {
    int year = 2694;
    EngineTestClock.at(year - 543, 11, 5, 9, 0);
    elected();
    String pi = start(year);
    Task draft = task(pi, TASK_DRAFT_GROUP_PLAN);
    // the plan's window is over: due a lead time after today, never born overdue
    assertThat(draft.getDueDate()).isAfter(EngineTestClock.now());
    fire(pi, TIMER_MEETING_CHECK_ONE);
    assertThat(runtime.getVariable(pi, VAR_MEETING_CHECK_PREFIX + 1)).isEqualTo(CHECK_OVER);
    sender.drain();
    assertThat(reminders(year, 1)).isEmpty();
  }

  /** A district moves the plan's due date and the windows the timers wait for. */
  @Test
  void aMovedStageMovesTheOpenTaskAndTheTimers() {
    int year = 2695;
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    elected();
    String pi = start(year);
    StageWindow plan = StageWindow.defaults(GroupStage.GROUP_PLAN, year);
    StageWindow later = new StageWindow(plan.stage(), plan.opens(), plan.due().plusDays(10));
    StageWindow check = StageWindow.defaults(GroupStage.GROUP_MEETINGS_ONE, year);
    StageWindow earlier = new StageWindow(check.stage(), check.opens().minusDays(14), check.due());
    StageWindow assessment = StageWindow.defaults(GroupStage.GROUP_ASSESSMENT, year);
    StageWindow assessLater =
        new StageWindow(assessment.stage(), assessment.opens().plusDays(7), assessment.due());
    calendar.save(D, year, List.of(later, earlier, assessLater), users.byId("gyqa"));
    assertThat(task(pi, TASK_DRAFT_GROUP_PLAN).getDueDate()).isEqualTo(Date.from(later.dueAt()));
    assertThat(timer(pi, TIMER_MEETING_CHECK_ONE).getDuedate())
        .isEqualTo(Date.from(earlier.opensAt()));
    done(task(pi, TASK_DRAFT_GROUP_PLAN), "gy1", plan("แผน"));
    done(task(pi, TASK_APPROVE_GROUP_PLAN), "gysup", Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));
    assertThat(timer(pi, TIMER_YEAR_END).getDuedate()).isEqualTo(Date.from(assessLater.opensAt()));
  }

  private void elected() {
    groups.setUp(C, "gysup");
    groups.elect(C, "gy1", "gy2");
  }

  /** A group meeting called by the chair for the day (held once the day has passed). */
  private void meeting(int year, String day) {
    String mpi = groups.startMeeting(C, year, "gy1");
    Task agenda = tasks.createTaskQuery().processInstanceId(mpi).singleResult();
    assertThat(agenda.getTaskDefinitionKey()).isEqualTo(CommitteeMeetingProcess.TASK_DRAFT_AGENDA);
    Map<String, String> v = new LinkedHashMap<>();
    v.put(CommitteeMeetingProcess.VAR_MEETING_DATE, day);
    v.put(CommitteeMeetingProcess.VAR_MEETING_PLACE, "โรงเรียนปีกลุ่มหนึ่ง");
    v.put("agendaItems[0].agendaTitle", "ติดตามแผนพัฒนากลุ่ม");
    v.put("agendaItems[0].agendaNote", "");
    done(agenda, "gy1", v);
  }

  /** The meeting-rule mails of the year's semester to this test's people. */
  private List<MimeMessage> reminders(int year, int semester) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> Mails.kind(m).equals("GROUP_MEETINGS"))
        .filter(m -> Mails.to(m).startsWith("gy"))
        .filter(m -> Mails.subject(m).contains(semester + "/" + year))
        .toList();
  }

  private Job timer(String pi, String activityId) {
    Job job =
        management.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    return job;
  }

  /** Moves the clock to the timer (if it lies ahead) and fires it. */
  private void fire(String pi, String activityId) {
    Job job = timer(pi, activityId);
    if (job.getDuedate().after(EngineTestClock.now())) {
      EngineTestClock.at(new Date(job.getDuedate().getTime() + 60_000));
    }
    management.executeJob(job.getId());
  }

  private void assertStage(Task task, GroupStage stage, int year) {
    assertThat(tasks.getVariableLocal(task.getId(), ProcessVariables.STAGE))
        .isEqualTo(stage.name());
    Date calendarDue = Date.from(StageWindow.defaults(stage, year).dueAt());
    if (calendarDue.after(EngineTestClock.now())) {
      assertThat(task.getDueDate()).isEqualTo(calendarDue);
    } else {
      assertThat(task.getDueDate()).isAfter(EngineTestClock.now());
    }
  }

  private String start() {
    return startAgain().orElseThrow();
  }

  private String start(int year) {
    return groups.startYear(C, year, "gysup").orElseThrow();
  }

  private java.util.Optional<String> startAgain() {
    return groups.startYear(C, YEAR, "gysup");
  }

  private static Map<String, String> plan(String goals) {
    return Map.of(VAR_PLAN_GOALS, goals, VAR_PLAN_PROJECTS, "ค่ายการอ่านร่วมกันของกลุ่ม");
  }

  private Task task(String pi, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  private List<String> groupsOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private void done(Task task, String user, Map<String, String> values) {
    ProcessDriver.completeAs(work, users, task, user, values);
  }

  private static Map<String, String[]> params(Map<String, String> values) {
    return ProcessDriver.params(values);
  }
}
