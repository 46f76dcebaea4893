package th.qaflow.tumhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.tumhome.TumhomeProcess.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.organisation.Groups;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.tumhome.TumhomeDrives.Drive;

/**
 * TumhomeDrive on the real engine, every path: T, U, the plan returned once and approved, the
 * directors' meeting (MOU signing opens; schools sign between the meeting and the closing), the
 * closing with the count of signed MOUs, O, M, E and both ends (next cycle planned, drive closed).
 * Due dates are days from each task's creation. District 1099, academic years 2880–2881 (nobody
 * else's).
 */
@ProcessTest
class TumhomeProcessTest {
  static final String D = "1099";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired TumhomeDrives drives;
  @Autowired TumhomeFramework framework;

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

    complete(pi, TASK_CLOSE_MOU, List.of(Groups.districtQaOfficer(D)), 30, Map.of());
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
    complete(pi, TASK_CLOSE_MOU, List.of(Groups.districtQaOfficer(D)), 30, Map.of());
    assertThat(runtime.getVariable(pi.getId(), VAR_MOU_SIGNED)).isEqualTo(0);
    runFromProgress(pi, "no");
    assertThat(pi).isEnded().hasPassed(END_CLOSED).hasNotPassed(END_NEXT_CYCLE);
    assertThat(drives.drive(D, 2881).orElseThrow().nextCycle()).isFalse();
  }

  private void runThroughMeeting(ProcessInstance pi, int year, boolean returnOnce) {
    complete(pi, TASK_APPOINT_TEAM, staff(), 30, Map.of(VAR_TEAM, "ผอ.กลุ่มนิเทศฯ ประธาน"));
    complete(pi, TASK_RECORD_BASELINE, staff(), 30, baseline());
    if (returnOnce) {
      complete(
          pi,
          TASK_APPROVE_PLAN,
          List.of(Groups.districtDirector(D)),
          14,
          Map.of(VAR_PLAN_DECISION, DECISION_RETURN, VAR_PLAN_COMMENTS, "เพิ่มเป้าหมายด้านครู"));
      assertThat(pi).isWaitingAt(TASK_RECORD_BASELINE);
      assertThat(drives.drive(D, year).orElseThrow().meetingOn()).isNull();
      complete(pi, TASK_RECORD_BASELINE, staff(), 30, baseline());
    }
    complete(
        pi,
        TASK_APPROVE_PLAN,
        List.of(Groups.districtDirector(D)),
        14,
        Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));
    assertThat(drives.drive(D, year).orElseThrow().signingOpen()).as("not before").isFalse();
    complete(
        pi,
        TASK_HOLD_MEETING,
        staff(),
        30,
        Map.of(VAR_MEETING_DATE, (year - 543) + "-06-15", VAR_MEETING_ATTENDANCE, 40L));
  }

  private void runFromProgress(ProcessInstance pi, String nextCycle) {
    complete(pi, TASK_REPORT_PROGRESS, staff(), 90, Map.of(VAR_PROGRESS, "ผ่านตัวชี้วัด 8 ข้อ"));
    complete(
        pi,
        TASK_MENTORING,
        staff(),
        90,
        Map.of(VAR_VISITS, 12L, VAR_REFLECTION, "ครูใช้สื่อเทคโนโลยีมากขึ้น"));
    Map<String, Object> result =
        new java.util.LinkedHashMap<>(
            Map.of(
                VAR_RESULT_STUDENTS, "ดี",
                VAR_RESULT_TEACHERS, "ดีเลิศ",
                VAR_RESULT_CLASSROOMS, "ดี",
                VAR_RESULT_DIRECTORS, "ดีเลิศ",
                VAR_RANKING, "1. บ้านหนองบัว",
                VAR_HONOURS, "บ้านหนองบัว",
                VAR_SHARING, "เวทีแลกเปลี่ยนเรียนรู้ มี.ค.",
                VAR_NEXT_CYCLE, nextCycle));
    if ("yes".equals(nextCycle)) {
      result.put(VAR_NEXT_PLAN, "เน้นคุณภาพห้องเรียน");
    }
    complete(pi, TASK_EVALUATE, staff(), 60, result);
  }

  private ProcessInstance start(int year) {
    String id = drives.start(D, year, "qaofficer").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void complete(
      ProcessInstance pi, String key, List<String> groups, int dueDays, Map<String, Object> vars) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    assertThat(tasks.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrderElementsOf(groups);
    assertThat(task.getDueDate())
        .as("due %d days after it opened", dueDays)
        .isEqualTo(Date.from(task.getCreateTime().toInstant().plus(Duration.ofDays(dueDays))));
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
