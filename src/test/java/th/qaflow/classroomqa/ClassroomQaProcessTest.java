package th.qaflow.classroomqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.classroomqa.ClassroomQaProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.StageWindow;
import th.qaflow.classroomqa.ClassroomQaPilots.Cycle;
import th.qaflow.classroomqa.ClassroomQaPilots.Pilot;
import th.qaflow.classroomqa.ClassroomQaPilots.Readiness;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;

/**
 * ClassroomQaPilot on the real engine, every path: the pilot school and its network chosen (the
 * school told by mail), PLC promoted, the lesson-study loop run twice (another cycle, then done)
 * with each cycle's record, the supervision, the readiness loop (not ready, improve, assessed
 * again, ready), the announcement and the spreading (every school of the district told by mail);
 * and the short path (one cycle, ready at once). Every task has its CQA_* stage and is due on the
 * district calendar (a repeated task gets its rework lead time); a moved stage moves the open task.
 * District 1099, academic years 2870–2871 and 2695 (nobody else's).
 */
@ProcessTest
class ClassroomQaProcessTest {
  static final String D = "1099";
  static final String PILOT = "1099010002";
  static final String CLUSTER = "1099-C1";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ClassroomQaPilots pilots;
  @Autowired CalendarEditor calendar;
  @Autowired QaUsers users;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2870 - 543, 5, 20, 9, 0);
  }

  @Test
  void twoLessonStudyCyclesAndTheNotReadyLoop() {
    ProcessInstance pi = start(2870);
    assertThat(pilots.start(D, 2870, "qaofficer")).as("never two per district and year").isEmpty();
    assertThat(pi.getBusinessKey()).isEqualTo("1099-2870-CLASSROOMQA");
    choose(pi, 2870);

    Pilot chosen = pilots.pilot(D, 2870).orElseThrow();
    assertThat(chosen.pilotSchoolCode()).isEqualTo(PILOT);
    assertThat(chosen.networkSchools())
        .as("the pilot itself is no network school")
        .containsExactly("1099010003", "1099010004");
    assertThat(runtime.getVariable(pi.getId(), ProcessVariables.SCHOOL_CODE)).isEqualTo(PILOT);
    assertThat(outbox("CLASSROOM_QA_CHOSEN:" + chosen.id() + ":"))
        .containsExactlyInAnyOrder(
            "CLASSROOM_QA_CHOSEN:" + chosen.id() + ":qa2",
            "CLASSROOM_QA_CHOSEN:" + chosen.id() + ":director2");

    assertThat(
            jdbc.sql("select subject from mail_outbox where dedup_key = :k")
                .param("k", "CLASSROOM_QA_CHOSEN:" + chosen.id() + ":qa2")
                .query(String.class)
                .single())
        .contains("โรงเรียนบ้านท่าน้ำ")
        .contains("สถานศึกษานำร่อง");

    promote(pi);
    assertThat(pilots.pilot(D, 2870).orElseThrow().plc()).contains("Co-5");

    runCycle(pi, 1, "yes", ClassroomQaStage.CQA_LESSON_STUDY);
    assertThat(pi).isWaitingAt(TASK_PLAN_LESSON);
    runCycle(pi, 2, "no", null);

    List<Cycle> cycles = pilots.cycles(chosen.id());
    assertThat(cycles).extracting(Cycle::cycleNo).containsExactly(1, 2);
    assertThat(cycles).allSatisfy(c -> assertThat(c.complete()).isTrue());
    assertThat(cycles.get(0).lesson()).isEqualTo("คณิตศาสตร์ ป.4 เศษส่วน รอบ 1");
    assertThat(cycles.get(0).lessonDate()).isEqualTo(LocalDate.of(2870 - 543, 7, 10));
    assertThat(cycles.get(0).observers()).isEqualTo("ศน.อรุณี และครู 3 คน รอบ 1");
    assertThat(cycles.get(0).observations()).isEqualTo("นักเรียนกลุ่มหลังไม่ได้ลงมือ รอบ 1");
    assertThat(cycles.get(0).reflection()).isEqualTo("ใช้คำถามปลายเปิดมากขึ้น รอบ 1");
    assertThat(cycles.get(1).revision()).isEqualTo("ปรับใบงานเป็นงานกลุ่ม รอบ 2");

    supervise(pi);
    assess(pi, NOT_READY, ClassroomQaStage.CQA_READINESS);
    complete(
        pi,
        TASK_IMPROVE,
        school(),
        ClassroomQaStage.CQA_READINESS,
        Map.of(VAR_IMPROVEMENT, "จัดทำคลังแผนการจัดการเรียนรู้"));
    assess(pi, READY, null);
    List<Readiness> rounds = pilots.readiness(chosen.id());
    assertThat(rounds).extracting(Readiness::ready).containsExactly(false, true);
    assertThat(rounds.get(0).improvement()).isEqualTo("จัดทำคลังแผนการจัดการเรียนรู้");
    assertThat(pilots.pilot(D, 2870).orElseThrow().readyAt()).isNotNull();

    announceAndSpread(pi, 2870);
    assertThat(pi).isEnded().hasPassed(END_SPREAD);
    Pilot done = pilots.pilot(D, 2870).orElseThrow();
    assertThat(done.announcementNo()).isEqualTo("12/2870");
    assertThat(done.announced()).isTrue();
    assertThat(done.finished()).isTrue();
    assertThat(pilots.pilotOfSchool(PILOT)).map(Pilot::pilotSchoolCode).contains(PILOT);
    // every school of the district is told: its director and QA staff
    assertThat(outbox("CLASSROOM_QA_SHARED:" + done.id() + ":"))
        .contains(
            "CLASSROOM_QA_SHARED:" + done.id() + ":qa1",
            "CLASSROOM_QA_SHARED:" + done.id() + ":director1",
            "CLASSROOM_QA_SHARED:" + done.id() + ":qa5")
        .noneMatch(k -> k.endsWith(":board1") || k.endsWith(":supervisor1"));
    assertThat(
            jdbc.sql("select body_text from mail_outbox where dedup_key = :k")
                .param("k", "CLASSROOM_QA_SHARED:" + done.id() + ":qa1")
                .query(String.class)
                .single())
        .contains("โรงเรียนบ้านท่าน้ำ")
        .contains("12/2870")
        .contains("เวทีแลกเปลี่ยนเรียนรู้ระดับเขต");
  }

  @Test
  void oneCycleAndReadyAtOnce() {
    ProcessInstance pi = start(2871);
    choose(pi, 2871);
    promote(pi);
    runCycle(pi, 1, "no", ClassroomQaStage.CQA_LESSON_STUDY);
    supervise(pi);
    assess(pi, READY, ClassroomQaStage.CQA_READINESS);
    announceAndSpread(pi, 2871);
    assertThat(pi).isEnded().hasPassed(END_SPREAD).hasNotPassed(TASK_IMPROVE);
    Pilot done = pilots.pilot(D, 2871).orElseThrow();
    assertThat(pilots.cycles(done.id())).hasSize(1);
    assertThat(pilots.readiness(done.id())).hasSize(1);
  }

  @Test
  void theStagesLieInTheAcademicYearAndAMovedDueDateMovesTheOpenTask() {
    int year = 2695; // the calendar takes years 2500–2700
    for (ClassroomQaStage stage : ClassroomQaStage.values()) {
      StageWindow w = StageWindow.defaults(stage, year);
      assertThat(w.opens()).isBefore(w.due());
      assertThat(w.opens()).isAfterOrEqualTo(LocalDate.of(year - 543, 5, 16));
      assertThat(w.due()).isBeforeOrEqualTo(LocalDate.of(year - 542, 5, 15));
    }
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    ProcessInstance pi = start(year);
    StageWindow choose = StageWindow.defaults(ClassroomQaStage.CQA_CHOOSE, year);
    StageWindow later = new StageWindow(choose.stage(), choose.opens(), choose.due().plusDays(10));
    calendar.save(D, year, List.of(later), users.byId("qaofficer"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(later.dueAt()));
  }

  private void choose(ProcessInstance pi, int year) {
    complete(
        pi,
        TASK_CHOOSE,
        staff(),
        ClassroomQaStage.CQA_CHOOSE,
        Map.of(
            VAR_PILOT_SCHOOL,
            PILOT,
            VAR_NETWORK_SCHOOLS,
            List.of("1099010003", PILOT, "1099010004"),
            VAR_CHOICE_REASON,
            "ครูพร้อมทำ PLC ปี " + year));
  }

  private void promote(ProcessInstance pi) {
    complete(
        pi,
        TASK_PROMOTE_PLC,
        List.of(Groups.clusterSupervisor(CLUSTER), Groups.supervisionDirector(D)),
        ClassroomQaStage.CQA_PLC,
        Map.of(
            VAR_STUDY, "ประชุมชี้แจงครูทั้งโรงเรียน",
            VAR_PLC, "ทีมครูคณิตศาสตร์พบกันทุกวันพุธ",
            VAR_CO5, "Co-5 STEPS ในคณิตศาสตร์ ป.4"));
  }

  private void runCycle(ProcessInstance pi, int no, String another, ClassroomQaStage stage) {
    complete(
        pi,
        TASK_PLAN_LESSON,
        school(),
        stage,
        Map.of(
            VAR_LESSON,
            "คณิตศาสตร์ ป.4 เศษส่วน รอบ " + no,
            VAR_LESSON_DATE,
            (2870 - 543) + "-07-" + (no == 1 ? "10" : "24"),
            VAR_TEAM,
            "ครูคณิตศาสตร์ 3 คน",
            VAR_LESSON_PLAN,
            "Co-5 STEPS 5 ขั้น"));
    assertThat(runtime.getVariable(pi.getId(), VAR_CYCLE_NO)).isEqualTo(no);
    complete(
        pi,
        TASK_TEACH_OBSERVE,
        List.of(Groups.clusterSupervisor(CLUSTER)),
        stage,
        Map.of(
            VAR_OBSERVERS, "ศน.อรุณี และครู 3 คน รอบ " + no,
            VAR_OBSERVATIONS, "นักเรียนกลุ่มหลังไม่ได้ลงมือ รอบ " + no));
    complete(
        pi,
        TASK_REFLECT,
        school(),
        stage,
        Map.of(VAR_REFLECTION, "ใช้คำถามปลายเปิดมากขึ้น รอบ " + no));
    complete(
        pi,
        TASK_REVISE,
        List.of(Groups.schoolQa(PILOT)),
        stage,
        Map.of(VAR_REVISION, "ปรับใบงานเป็นงานกลุ่ม รอบ " + no, VAR_ANOTHER_CYCLE, another));
  }

  private void supervise(ProcessInstance pi) {
    complete(
        pi,
        TASK_SUPERVISE,
        List.of(Groups.clusterSupervisor(CLUSTER), Groups.supervisionDirector(D)),
        ClassroomQaStage.CQA_SUPERVISION,
        Map.of(VAR_SUPERVISION, "นิเทศโรงเรียนต้นแบบและเครือข่าย 2 โรงเรียน"));
  }

  private void assess(ProcessInstance pi, String readiness, ClassroomQaStage stage) {
    complete(
        pi,
        TASK_ASSESS_READINESS,
        List.of(Groups.districtQaOfficer(D)),
        stage,
        Map.of(
            VAR_IQA_TEAM,
            "ทีม IQA ภาคตะวันออกเฉียงเหนือ",
            VAR_ASSESSED_ON,
            "2028-02-01",
            VAR_READINESS,
            readiness,
            VAR_READINESS_NOTES,
            "ข้อเสนอแนะ " + readiness));
  }

  private void announceAndSpread(ProcessInstance pi, int year) {
    complete(
        pi,
        TASK_ANNOUNCE,
        staff(),
        ClassroomQaStage.CQA_ANNOUNCE,
        Map.of(VAR_ANNOUNCEMENT_NO, "12/" + year, VAR_ANNOUNCED_ON, (year - 542) + "-03-10"));
    Map<String, Object> spread = new LinkedHashMap<>();
    spread.put(VAR_SHARING_ON, (year - 542) + "-03-25");
    spread.put(VAR_SHARING, "เวทีแลกเปลี่ยนเรียนรู้ระดับเขต");
    complete(pi, TASK_SPREAD, staff(), ClassroomQaStage.CQA_SHARING, spread);
  }

  private ProcessInstance start(int year) {
    String id = pilots.start(D, year, "qaofficer").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private List<String> outbox(String keyPrefix) {
    return jdbc.sql("select dedup_key from mail_outbox where dedup_key like :k")
        .param("k", keyPrefix + "%")
        .query(String.class)
        .list();
  }

  private void complete(
      ProcessInstance pi,
      String key,
      List<String> groups,
      ClassroomQaStage stage,
      Map<String, Object> vars) {
    Task task = ProcessDriver.openTask(tasks, runtime, pi.getId(), key, groups, stage);
    if (stage == null) {
      assertThat(task.getDueDate()).as("a repeated task gets a due date").isNotNull();
    }
    tasks.complete(task.getId(), vars);
  }

  static List<String> staff() {
    return List.of(Groups.districtQaOfficer(D), Groups.supervisionDirector(D));
  }

  static List<String> school() {
    return List.of(Groups.schoolQa(PILOT), Groups.schoolDirector(PILOT));
  }
}
