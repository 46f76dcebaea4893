package th.qaflow.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.network.NetworkProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.StageWindow;
import th.qaflow.network.NetworkCycles.Cycle;
import th.qaflow.network.NetworkCycles.Development;
import th.qaflow.network.NetworkCycles.Kind;
import th.qaflow.network.NetworkCycles.Network;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;

/**
 * SupervisionNetwork on the real engine, every path: the needs, the plan returned once and
 * approved, the seminar, semester one, the timer of semester two on the district calendar, the
 * evaluation not as intended, the improvement and a second round of both semesters (the loop), the
 * evaluation as intended, the guidelines, the report and its publication. Each task's stage and due
 * date come from the district calendar. District 1099, academic years 2870–2879 and 2693 (nobody
 * else's).
 */
@ProcessTest
class NetworkProcessTest {
  static final String D = "1099";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired NetworkCycles cycles;
  @Autowired CalendarEditor calendar;
  @Autowired QaUsers users;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2870 - 543, 5, 20, 9, 0);
  }

  @Test
  void everyPathWithTheReturnLoopAndTheImproveAndGoRoundAgainLoop() {
    int year = 2870;
    ProcessInstance pi = start(year);
    assertThat(cycles.start(D, year, "supdirector"))
        .as("never two per district and year")
        .isEmpty();
    assertThat(pi.getBusinessKey()).isEqualTo("1099-2870-NETWORK");

    complete(pi, TASK_COLLECT_NEEDS, staff(), NetworkStage.NETWORK_NEEDS, needs());
    complete(pi, TASK_PLAN_NETWORKS, staff(), NetworkStage.NETWORK_PLAN, plan());
    complete(
        pi,
        TASK_APPROVE_PLAN,
        List.of(supDirector()),
        NetworkStage.NETWORK_APPROVAL,
        Map.of(VAR_PLAN_DECISION, DECISION_RETURN, VAR_PLAN_COMMENTS, "เพิ่มเครือข่ายชุมชน"));
    assertThat(pi).isWaitingAt(TASK_PLAN_NETWORKS);
    assertThat(cycles.cycle(D, year).orElseThrow().approvedAt()).isNull();
    complete(pi, TASK_PLAN_NETWORKS, staff(), null, plan());
    complete(
        pi,
        TASK_APPROVE_PLAN,
        List.of(supDirector()),
        null,
        Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));

    Cycle approved = cycles.cycle(D, year).orElseThrow();
    assertThat(approved.approvedAt()).isNotNull();
    assertThat(approved.planGoal()).isEqualTo("ทุกโรงเรียนอยู่ในเครือข่ายการนิเทศ");
    assertThat(cycles.networks(approved.id()))
        .extracting(Network::name, Network::kind, Network::lead)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ครูแกนนำการอ่าน", Kind.PERSON, "supervisor1"),
            org.assertj.core.groups.Tuple.tuple(
                "โรงเรียนพี่โรงเรียนน้อง", Kind.PAIRED_SCHOOLS, "โรงเรียนบ้านหนองบัว"));

    complete(
        pi,
        TASK_HOLD_SEMINAR,
        staff(),
        NetworkStage.NETWORK_SEMINAR,
        Map.of(
            VAR_SEMINAR_DATE,
            (2870 - 543) + "-06-20",
            VAR_SEMINAR_ATTENDANCE,
            45L,
            VAR_SEMINAR_SUMMARY,
            "ใช้ PLC ข้ามโรงเรียน"));
    Cycle seminar = cycles.cycle(D, year).orElseThrow();
    assertThat(seminar.seminarOn()).isEqualTo(LocalDate.of(2870 - 543, 6, 20));
    assertThat(seminar.seminarAttendance()).isEqualTo(45);

    complete(
        pi,
        TASK_DEVELOP_SEMESTER_ONE,
        staff(),
        NetworkStage.NETWORK_SEMESTER_ONE,
        Map.of(VAR_S1_ACTIVITIES, 4L, VAR_S1_PROGRESS, "ครูแกนนำการอ่าน | PLC 3 ครั้ง"));

    // semester two starts when the calendar's window opens
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    Date opens = Date.from(StageWindow.defaults(NetworkStage.NETWORK_SEMESTER_TWO, year).opensAt());
    assertThat(timer.getDuedate()).isEqualTo(opens);
    assertThat(pi).isWaitingAt(TIMER_SEMESTER_TWO);
    EngineTestClock.at(new Date(opens.getTime() + 60_000));
    management.executeJob(timer.getId());
    complete(
        pi,
        TASK_DEVELOP_SEMESTER_TWO,
        staff(),
        NetworkStage.NETWORK_SEMESTER_TWO,
        Map.of(VAR_S2_ACTIVITIES, 2L, VAR_S2_PROGRESS, "โรงเรียนพี่โรงเรียนน้อง | จับคู่ 2 คู่"));

    // not as intended → improve, and the networks go round again (both semesters)
    EngineTestClock.at(2871 - 543, 3, 2, 9, 0);
    complete(
        pi,
        TASK_EVALUATE,
        List.of(supDirector()),
        NetworkStage.NETWORK_EVALUATION,
        Map.of(VAR_EVALUATION, "ชุมชนยังไม่เข้าร่วม", VAR_AS_INTENDED, "no"));
    assertThat(cycles.cycle(D, year).orElseThrow().asIntended()).isFalse();
    complete(
        pi,
        TASK_IMPROVE,
        staff(),
        NetworkStage.NETWORK_IMPROVEMENT,
        Map.of(VAR_IMPROVEMENT, "เชิญผู้นำชุมชนร่วมเครือข่าย"));
    assertThat(cycles.cycle(D, year).orElseThrow().improvementRounds()).isEqualTo(1);
    Task again = task(pi, TASK_DEVELOP_SEMESTER_ONE, staff(), null);
    assertThat(again.getDueDate())
        .as("a round again is never born overdue")
        .isAfter(EngineTestClock.now());
    tasks.complete(again.getId(), Map.of(VAR_S1_ACTIVITIES, 3L, VAR_S1_PROGRESS, "รอบที่ 2"));
    // the semester-two window has opened already: its timer is due at once
    Job due = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(due.getDuedate()).isBeforeOrEqualTo(EngineTestClock.now());
    management.executeJob(due.getId());
    complete(
        pi,
        TASK_DEVELOP_SEMESTER_TWO,
        staff(),
        null,
        Map.of(VAR_S2_ACTIVITIES, 1L, VAR_S2_PROGRESS, "รอบที่ 2 ภาคเรียนที่ 2"));
    complete(
        pi,
        TASK_EVALUATE,
        List.of(supDirector()),
        null,
        Map.of(VAR_EVALUATION, "บรรลุเป้าหมาย", VAR_AS_INTENDED, AS_INTENDED_YES));
    complete(
        pi,
        TASK_SET_GUIDELINES,
        List.of(supDirector()),
        NetworkStage.NETWORK_GUIDELINES,
        Map.of(VAR_GUIDELINES, "ขยายเครือข่ายชุมชนทุกกลุ่มโรงเรียน"));
    complete(
        pi,
        TASK_REPORT,
        List.of(supDirector()),
        NetworkStage.NETWORK_REPORT,
        Map.of(VAR_SUMMARY, "สรุปผลเครือข่าย 2870", VAR_REPORTED_TO, "สพฐ. และสถานศึกษา"));

    assertThat(pi)
        .isEnded()
        .hasPassed(TASK_IMPROVE, TIMER_SEMESTER_TWO, TASK_PUBLISH, END_PUBLISHED);
    Cycle published = cycles.cycle(D, year).orElseThrow();
    assertThat(published.publishedAt()).isNotNull();
    assertThat(published.asIntended()).isTrue();
    assertThat(published.summary()).isEqualTo("สรุปผลเครือข่าย 2870");
    assertThat(published.guidelines()).isEqualTo("ขยายเครือข่ายชุมชนทุกกลุ่มโรงเรียน");
    assertThat(published.reportedTo()).isEqualTo("สพฐ. และสถานศึกษา");
    assertThat(cycles.developments(published.id()))
        .extracting(Development::round, Development::semester, Development::activities)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 1, 4),
            org.assertj.core.groups.Tuple.tuple(1, 2, 2),
            org.assertj.core.groups.Tuple.tuple(2, 1, 3),
            org.assertj.core.groups.Tuple.tuple(2, 2, 1));
  }

  @Test
  void aMovedSemesterTwoWindowMovesTheTimerAndAMovedDueDateTheOpenTask() {
    int year = 2693; // the calendar takes years 2500–2700
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    ProcessInstance pi = start(year);
    StageWindow needs = StageWindow.defaults(NetworkStage.NETWORK_NEEDS, year);
    StageWindow later = new StageWindow(needs.stage(), needs.opens(), needs.due().plusDays(10));
    calendar.save(D, year, List.of(later), users.byId("qaofficer"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(later.dueAt()));

    complete(pi, TASK_COLLECT_NEEDS, staff(), null, needs());
    complete(pi, TASK_PLAN_NETWORKS, staff(), null, plan());
    complete(
        pi,
        TASK_APPROVE_PLAN,
        List.of(supDirector()),
        null,
        Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));
    complete(
        pi,
        TASK_HOLD_SEMINAR,
        staff(),
        null,
        Map.of(
            VAR_SEMINAR_DATE,
            (year - 543) + "-06-20",
            VAR_SEMINAR_ATTENDANCE,
            20L,
            VAR_SEMINAR_SUMMARY,
            "แนวทาง"));
    complete(
        pi,
        TASK_DEVELOP_SEMESTER_ONE,
        staff(),
        null,
        Map.of(VAR_S1_ACTIVITIES, 1L, VAR_S1_PROGRESS, "ภาคเรียนที่ 1"));
    StageWindow two = StageWindow.defaults(NetworkStage.NETWORK_SEMESTER_TWO, year);
    StageWindow moved = new StageWindow(two.stage(), two.opens().plusDays(7), two.due());
    calendar.save(D, year, List.of(moved), users.byId("qaofficer"));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult())
        .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(Date.from(moved.opensAt())));
  }

  private ProcessInstance start(int year) {
    String id = cycles.start(D, year, "supdirector").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private Task task(ProcessInstance pi, String key, List<String> groups, NetworkStage stage) {
    return ProcessDriver.openTask(tasks, runtime, pi.getId(), key, groups, stage);
  }

  private void complete(
      ProcessInstance pi,
      String key,
      List<String> groups,
      NetworkStage stage,
      Map<String, Object> vars) {
    tasks.complete(task(pi, key, groups, stage).getId(), ProcessDriver.jsonLists(vars));
  }

  static String supDirector() {
    return Groups.supervisionDirector(D);
  }

  static List<String> staff() {
    return List.of(Groups.supervisionDirector(D), Groups.districtQaOfficer(D));
  }

  static Map<String, Object> needs() {
    return Map.of(
        VAR_DATA, "มีครูแกนนำ 5 คน",
        VAR_RESPONDENTS, 30L,
        VAR_NEEDS, "ต้องการเครือข่ายโรงเรียนคู่พัฒนา");
  }

  static Map<String, Object> plan() {
    return Map.of(
        VAR_PLAN_GOAL,
        "ทุกโรงเรียนอยู่ในเครือข่ายการนิเทศ",
        VAR_NETWORKS,
        List.of(
            Map.of(
                "networkName", "ครูแกนนำการอ่าน",
                "networkKind", "PERSON",
                "networkLead", "supervisor1",
                "networkTarget", "ครู 10 คน"),
            Map.of(
                "networkName", "โรงเรียนพี่โรงเรียนน้อง",
                "networkKind", "PAIRED_SCHOOLS",
                "networkLead", "โรงเรียนบ้านหนองบัว",
                "networkTarget", "4 คู่")));
  }
}
