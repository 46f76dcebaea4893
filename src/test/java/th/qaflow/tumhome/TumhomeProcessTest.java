package th.qaflow.tumhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.tumhome.TumhomeProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.StageWindow;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.tumhome.TumhomeDrives.Drive;

/**
 * TumhomeDrive on the real engine, every path: T, U, the plan returned once and approved, the
 * directors' meeting (MOU signing opens; schools sign between the meeting and the closing), the
 * closing with the count of signed MOUs, O, M, E and both ends (next cycle planned, drive closed).
 * Every task has its TUMHOME_* stage and is due on the district calendar; a moved stage moves the
 * open task. District 1099, academic years 2880–2881 and 2697 (nobody else's).
 */
@ProcessTest
class TumhomeProcessTest {
  static final String D = "1099";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired TumhomeDrives drives;
  @Autowired TumhomeFramework framework;
  @Autowired CalendarEditor calendar;
  @Autowired QaUsers users;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2880 - 543, 6, 1, 9, 0);
  }

  @Test
  void theFrameworkHasTheFourAreasOfTheSeed() {
    assertThat(framework.areas())
        .extracting(TumhomeFramework.Area::nameTh)
        .containsExactly(
            "ด้านการพัฒนาคุณภาพนักเรียน",
            "ด้านการพัฒนาคุณภาพครู",
            "ด้านการพัฒนาคุณภาพห้องเรียน",
            "ด้านการพัฒนาคุณภาพผู้อำนวยการโรงเรียน");
    assertThat(framework.areas()).allSatisfy(a -> assertThat(a.indicators()).isNotEmpty());
  }

  @Test
  void everyStepWithTheReturnLoopAndTheNextCycle() {
    ProcessInstance pi = start(2880);
    assertThat(drives.start(D, 2880, "qaofficer")).as("never two per district and year").isEmpty();
    assertThat(pi.getBusinessKey()).isEqualTo("1099-2880-TUMHOME");
    runThroughMeeting(pi, 2880, true);

    Drive met = drives.drive(D, 2880).orElseThrow();
    assertThat(met.meetingOn()).isEqualTo(LocalDate.of(2880 - 543, 6, 15));
    assertThat(met.signingOpen()).isTrue();
    assertThat(runtime.getVariable(pi.getId(), VAR_MOU_SIGNED)).isEqualTo(0);
    assertThat(drives.sign(met.id(), "1099010001", "director1")).isTrue();
    assertThat(drives.sign(met.id(), "1099010001", "director1")).as("once").isFalse();
    assertThat(drives.sign(met.id(), "1099010002", "director2")).isTrue();

    complete(
        pi,
        TASK_CLOSE_MOU,
        List.of(Groups.districtQaOfficer(D)),
        TumhomeStage.TUMHOME_MOU,
        Map.of());
    assertThat(runtime.getVariable(pi.getId(), VAR_MOU_SIGNED)).isEqualTo(2);
    Drive closed = drives.drive(D, 2880).orElseThrow();
    assertThat(closed.signingOpen()).isFalse();
    assertThat(drives.sign(closed.id(), "1099010003", "director3")).as("closed").isFalse();
    assertThat(drives.mous(closed.id()))
        .extracting(TumhomeDrives.Mou::schoolCode)
        .containsExactly("1099010001", "1099010002");

    runFromProgress(pi, "yes");
    assertThat(pi).isEnded().hasPassed(END_NEXT_CYCLE);
    Drive done = drives.drive(D, 2880).orElseThrow();
    assertThat(done.evaluatedAt()).isNotNull();
    assertThat(done.nextCycle()).isTrue();
  }

  @Test
  void approvedAtOnceAndTheDriveClosedWithoutANextCycle() {
    ProcessInstance pi = start(2881);
    runThroughMeeting(pi, 2881, false);
    complete(
        pi,
        TASK_CLOSE_MOU,
        List.of(Groups.districtQaOfficer(D)),
        TumhomeStage.TUMHOME_MOU,
        Map.of());
    assertThat(runtime.getVariable(pi.getId(), VAR_MOU_SIGNED)).isEqualTo(0);
    runFromProgress(pi, "no");
    assertThat(pi).isEnded().hasPassed(END_CLOSED).hasNotPassed(END_NEXT_CYCLE);
    assertThat(drives.drive(D, 2881).orElseThrow().nextCycle()).isFalse();
  }

  @Test
  void theStagesLieInTheAcademicYearAndAMovedDueDateMovesTheOpenTask() {
    int year = 2697; // the calendar takes years 2500–2700
    for (TumhomeStage stage : TumhomeStage.values()) {
      StageWindow w = StageWindow.defaults(stage, year);
      assertThat(w.opens()).isBefore(w.due());
      assertThat(w.opens()).isAfterOrEqualTo(LocalDate.of(year - 543, 5, 16));
      assertThat(w.due()).isBeforeOrEqualTo(LocalDate.of(year - 542, 5, 15));
    }
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    ProcessInstance pi = start(year);
    StageWindow team = StageWindow.defaults(TumhomeStage.TUMHOME_TEAM, year);
    StageWindow later = new StageWindow(team.stage(), team.opens(), team.due().plusDays(10));
    calendar.save(D, year, List.of(later), users.byId("qaofficer"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(later.dueAt()));
  }

  private void runThroughMeeting(ProcessInstance pi, int year, boolean returnOnce) {
    complete(
        pi,
        TASK_APPOINT_TEAM,
        staff(),
        TumhomeStage.TUMHOME_TEAM,
        Map.of(VAR_TEAM, "ผอ.กลุ่มนิเทศฯ ประธาน"));
    complete(pi, TASK_RECORD_BASELINE, staff(), TumhomeStage.TUMHOME_BASELINE, baseline());
    if (returnOnce) {
      complete(
          pi,
          TASK_APPROVE_PLAN,
          List.of(Groups.districtDirector(D)),
          TumhomeStage.TUMHOME_PLAN_APPROVAL,
          Map.of(VAR_PLAN_DECISION, DECISION_RETURN, VAR_PLAN_COMMENTS, "เพิ่มเป้าหมายด้านครู"));
      assertThat(pi).isWaitingAt(TASK_RECORD_BASELINE);
      assertThat(drives.drive(D, year).orElseThrow().meetingOn()).isNull();
      // done again after the return: a rework gets its lead time, not the calendar's date
      complete(pi, TASK_RECORD_BASELINE, staff(), null, baseline());
    }
    complete(
        pi,
        TASK_APPROVE_PLAN,
        List.of(Groups.districtDirector(D)),
        returnOnce ? null : TumhomeStage.TUMHOME_PLAN_APPROVAL,
        Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));
    assertThat(drives.drive(D, year).orElseThrow().signingOpen()).as("not before").isFalse();
    complete(
        pi,
        TASK_HOLD_MEETING,
        staff(),
        TumhomeStage.TUMHOME_MEETING,
        Map.of(VAR_MEETING_DATE, (year - 543) + "-06-15", VAR_MEETING_ATTENDANCE, 40L));
  }

  private void runFromProgress(ProcessInstance pi, String nextCycle) {
    complete(
        pi,
        TASK_REPORT_PROGRESS,
        staff(),
        TumhomeStage.TUMHOME_PROGRESS,
        Map.of(VAR_PROGRESS, "ผ่านตัวชี้วัด 8 ข้อ"));
    complete(
        pi,
        TASK_MENTORING,
        staff(),
        TumhomeStage.TUMHOME_MENTORING,
        Map.of(
            VAR_REFLECTION, "ครูใช้สื่อเทคโนโลยีมากขึ้น", VAR_REPORT, "ลงพื้นที่ครบทุกโรงเรียน"));
    Map<String, Object> result =
        new java.util.LinkedHashMap<>(
            Map.of(
                VAR_RESULT_STUDENTS, "ดี",
                VAR_RESULT_TEACHERS, "ดีเลิศ",
                VAR_RESULT_CLASSROOMS, "ดี",
                VAR_RESULT_DIRECTORS, "ดีเลิศ",
                VAR_SHARING, "เวทีแลกเปลี่ยนเรียนรู้ มี.ค.",
                VAR_NEXT_CYCLE, nextCycle));
    if ("yes".equals(nextCycle)) {
      result.put(VAR_NEXT_PLAN, "เน้นคุณภาพห้องเรียน");
    }
    complete(pi, TASK_EVALUATE, staff(), TumhomeStage.TUMHOME_EVALUATION, result);
  }

  private ProcessInstance start(int year) {
    String id = drives.start(D, year, "qaofficer").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void complete(
      ProcessInstance pi,
      String key,
      List<String> groups,
      TumhomeStage stage,
      Map<String, Object> vars) {
    Task task = ProcessDriver.openTask(tasks, runtime, pi.getId(), key, groups, stage);
    if (stage == null) {
      assertThat(task.getDueDate()).as("a rework gets a due date").isNotNull();
    }
    tasks.complete(task.getId(), vars);
  }

  static List<String> staff() {
    return List.of(Groups.supervisionDirector(D), Groups.districtQaOfficer(D));
  }

  static Map<String, Object> baseline() {
    return Map.of(
        VAR_BASELINE_STUDENTS, "ผลสัมฤทธิ์ต่ำกว่าเป้าหมาย",
        VAR_BASELINE_TEACHERS, "ครูใช้สื่อน้อย",
        VAR_BASELINE_CLASSROOMS, "ห้องเรียนขาดสื่อเทคโนโลยี",
        VAR_BASELINE_DIRECTORS, "ผู้บริหารใหม่ 3 คน",
        VAR_PLAN, "พัฒนาครูด้านสื่อเทคโนโลยี");
  }
}
