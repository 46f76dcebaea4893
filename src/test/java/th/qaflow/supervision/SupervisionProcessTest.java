package th.qaflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.supervision.SupervisionPlanProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.supervision.SupervisionPlans.Plan;
import th.qaflow.supervision.SupervisionPlans.Project;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;

/**
 * SupervisionPlan on the real engine, every path: the needs analysis, the plan returned once and
 * approved, two projects each reporting progress when the calendar's window opens (one reports
 * "still running" and again after 30 days), the evaluation with the schools' satisfaction not as
 * intended, the improvement and a second round of the projects, the evaluation as intended, the
 * summary report and its publication. District 1099, fiscal years 2860–2866 (nobody else's).
 */
@ProcessTest
class SupervisionProcessTest {
  static final String D = "1099";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired SupervisionPlans plans;
  @Autowired JdbcClient jdbc;
  @Autowired CalendarEditor calendar;
  @Autowired QaUsers users;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2860 - 543, 6, 1, 9, 0);
  }

  @Test
  void everyPathWithTheReturnLoopTheRepeatedReportAndTheImproveLoop() {
    int year = 2860;
    ProcessInstance pi = start(year);
    assertThat(plans.start(D, year, "supdirector")).as("never two per district and year").isEmpty();
    assertThat(pi.getBusinessKey()).isEqualTo("1099-2860-SUPERVISION");
    assertThat((List<?>) runtime.getVariable(pi.getId(), VAR_SUPERVISOR_OPTIONS))
        .as("the owners to choose from: the district's supervisors and supervision director")
        .hasSize(3);

    complete(pi, TASK_ANALYSE_NEEDS, supDirector(), SupervisionStage.SUPERVISION_NEEDS, needs());
    complete(pi, TASK_DRAFT_PLAN, supDirector(), SupervisionStage.SUPERVISION_PLAN, plan());
    complete(
        pi,
        TASK_APPROVE_PLAN,
        director(),
        SupervisionStage.SUPERVISION_APPROVAL,
        Map.of(VAR_PLAN_DECISION, "return", VAR_PLAN_COMMENTS, "ระบุตัวชี้วัดให้ชัด"));
    assertThat(pi).isWaitingAt(TASK_DRAFT_PLAN);
    assertThat(plans.plan(D, year).orElseThrow().approvedAt()).isNull();
    complete(pi, TASK_DRAFT_PLAN, supDirector(), null, plan());
    complete(pi, TASK_APPROVE_PLAN, director(), null, Map.of(VAR_PLAN_DECISION, "approve"));

    Plan approved = plans.plan(D, year).orElseThrow();
    assertThat(approved.approvedAt()).isNotNull();
    assertThat(approved.vision()).isEqualTo("ครูทุกคนได้รับการนิเทศอย่างกัลยาณมิตร");
    List<Project> projects = plans.projects(approved.id());
    assertThat(projects).extracting(Project::name).containsExactly("นิเทศการอ่าน", "นิเทศ PLC");
    assertThat(projects)
        .extracting(Project::ownerUserId)
        .containsExactly("supervisor1", "supervisor2");
    assertThat(projects.get(0).indicators())
        .extracting(SupervisionPlans.Indicator::text, SupervisionPlans.Indicator::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ร้อยละโรงเรียนที่ได้รับการนิเทศ", "100"),
            org.assertj.core.groups.Tuple.tuple("ครูพึงพอใจ", null));

    // each project waits for the calendar's progress window
    List<Job> windows = management.createJobQuery().processInstanceId(pi.getId()).timers().list();
    assertThat(windows).hasSize(2);
    Date opens =
        Date.from(StageWindow.defaults(SupervisionStage.SUPERVISION_PROGRESS, year).opensAt());
    assertThat(windows).allSatisfy(j -> assertThat(j.getDuedate()).isEqualTo(opens));
    EngineTestClock.at(new Date(opens.getTime() + 60_000));
    windows.forEach(j -> management.executeJob(j.getId()));

    // the owners report; project 1 still runs and reports again after 30 days
    report(pi, "supervisor1", SupervisionStage.SUPERVISION_PROGRESS, 40, "ongoing");
    report(pi, "supervisor2", SupervisionStage.SUPERVISION_PROGRESS, 100, "done");
    Job again = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(again).as("the next report of the running project").isNotNull();
    EngineTestClock.at(new Date(again.getDuedate().getTime() + 60_000));
    management.executeJob(again.getId());
    // the schools rate the supervision they received while the projects run
    plans.rate("1099010001", D, year, 4, "ดี", "director1");
    plans.rate("1099010002", D, year, 2, "น้อยไป", "director2");
    report(pi, "supervisor1", null, 100, "done");
    Project first = plans.project(projects.get(0).id()).orElseThrow();
    assertThat(first.progress())
        .extracting(SupervisionPlans.Progress::percent)
        .containsExactly(40, 100);
    assertThat(first.done()).isTrue();

    // the schools' satisfaction is on the evaluation; not as intended → improve and run again
    Task evaluation =
        task(pi, TASK_EVALUATE, supDirector(), SupervisionStage.SUPERVISION_EVALUATION);
    assertThat(tasks.getVariable(evaluation.getId(), VAR_SATISFACTION_AVERAGE)).isEqualTo(3.0);
    assertThat(tasks.getVariable(evaluation.getId(), VAR_SATISFACTION_COUNT)).isEqualTo(2);
    tasks.complete(
        evaluation.getId(), Map.of(VAR_EVALUATION, "ความพึงพอใจต่ำ", VAR_AS_INTENDED, "no"));
    complete(
        pi,
        TASK_PLAN_IMPROVEMENT,
        supDirector(),
        SupervisionStage.SUPERVISION_IMPROVEMENT,
        Map.of(VAR_IMPROVEMENT, "เพิ่มการนิเทศแบบคู่หู"));
    assertThat(plans.plan(D, year).orElseThrow().improvementRounds()).isEqualTo(1);
    assertThat(plans.plan(D, year).orElseThrow().asIntended()).isFalse();

    // second round: the window has opened already, so both projects report straight away
    management
        .createJobQuery()
        .processInstanceId(pi.getId())
        .timers()
        .list()
        .forEach(j -> management.executeJob(j.getId()));
    report(pi, "supervisor1", null, 100, "done");
    report(pi, "supervisor2", null, 100, "done");
    complete(
        pi,
        TASK_EVALUATE,
        supDirector(),
        null,
        Map.of(VAR_EVALUATION, "บรรลุเป้าหมาย", VAR_AS_INTENDED, "yes"));
    complete(
        pi,
        TASK_SUMMARY_REPORT,
        supDirector(),
        SupervisionStage.SUPERVISION_REPORT,
        Map.of(VAR_SUMMARY, "สรุปผลการนิเทศ 2860", VAR_NEXT_YEAR, "ขยายเครือข่าย"));

    assertThat(pi).isEnded().hasPassed(TASK_PUBLISH_SUMMARY, END_PUBLISHED);
    Plan published = plans.plan(D, year).orElseThrow();
    assertThat(published.publishedAt()).isNotNull();
    assertThat(published.summary()).isEqualTo("สรุปผลการนิเทศ 2860");
    assertThat(published.asIntended()).isTrue();
    assertThat(plans.project(projects.get(1).id()).orElseThrow().progress()).hasSize(2);
  }

  @Test
  void aMovedProgressWindowMovesTheProjectsTimersAndAMovedDueDateTheOpenTask() {
    int year = 2685; // the calendar takes years 2500–2700
    EngineTestClock.at(year - 543, 6, 1, 9, 0);
    ProcessInstance pi = start(year);
    StageWindow needs = StageWindow.defaults(SupervisionStage.SUPERVISION_NEEDS, year);
    StageWindow later = new StageWindow(needs.stage(), needs.opens(), needs.due().plusDays(10));
    calendar.save(D, year, List.of(later), users.byId("qaofficer"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(later.dueAt()));

    complete(pi, TASK_ANALYSE_NEEDS, supDirector(), null, needs());
    complete(pi, TASK_DRAFT_PLAN, supDirector(), null, plan());
    complete(pi, TASK_APPROVE_PLAN, director(), null, Map.of(VAR_PLAN_DECISION, "approve"));
    StageWindow progress = StageWindow.defaults(SupervisionStage.SUPERVISION_PROGRESS, year);
    StageWindow moved =
        new StageWindow(progress.stage(), progress.opens().plusDays(7), progress.due().plusDays(7));
    calendar.save(D, year, List.of(moved), users.byId("qaofficer"));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().list())
        .hasSize(2)
        .allSatisfy(j -> assertThat(j.getDuedate()).isEqualTo(Date.from(moved.opensAt())));
  }

  private void report(
      ProcessInstance pi, String owner, SupervisionStage stage, int pct, String st) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(TASK_REPORT_PROGRESS)
            .taskAssignee(owner)
            .singleResult();
    assertThat(task).as("progress report of " + owner).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .contains(supDirector());
    if (stage != null) {
      assertThat(task.getDueDate())
          .isEqualTo(Date.from(StageWindow.defaults(stage, year(pi)).dueAt()));
    }
    tasks.complete(
        task.getId(),
        Map.of(
            VAR_PROGRESS_PERCENT,
            (long) pct,
            VAR_PROGRESS_NOTE,
            "นิเทศแล้ว",
            VAR_PROGRESS_STATUS,
            st));
  }

  private ProcessInstance start(int year) {
    String id = plans.start(D, year, "supdirector").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private int year(ProcessInstance pi) {
    return ((Number) runtime.getVariable(pi.getId(), ProcessVariables.ACADEMIC_YEAR)).intValue();
  }

  private Task task(ProcessInstance pi, String key, String group, SupervisionStage stage) {
    return ProcessDriver.openTask(tasks, runtime, pi.getId(), key, List.of(group), stage);
  }

  private void complete(
      ProcessInstance pi,
      String key,
      String group,
      SupervisionStage stage,
      Map<String, Object> vars) {
    tasks.complete(task(pi, key, group, stage).getId(), ProcessDriver.jsonLists(vars));
  }

  static String supDirector() {
    return Groups.supervisionDirector(D);
  }

  static String director() {
    return Groups.districtDirector(D);
  }

  static Map<String, Object> needs() {
    return Map.of(VAR_WORKLOAD, "ศน. 3 คน 9 โรงเรียน", VAR_NEEDS, "ครูต้องการนิเทศการอ่าน");
  }

  static Map<String, Object> plan() {
    return Map.of(
        VAR_VISION,
        "ครูทุกคนได้รับการนิเทศอย่างกัลยาณมิตร",
        VAR_STRATEGIES,
        "นิเทศแบบบูรณาการ",
        VAR_PROJECTS,
        List.of(
            Map.of(
                "projectName", "นิเทศการอ่าน",
                "projectOwner", "supervisor1",
                "projectObjective", "ยกระดับการอ่าน",
                "projectIndicators", "ร้อยละโรงเรียนที่ได้รับการนิเทศ | 100\n\nครูพึงพอใจ"),
            Map.of(
                "projectName", "นิเทศ PLC",
                "projectOwner", "supervisor2",
                "projectObjective", "ขับเคลื่อน PLC",
                "projectIndicators", "โรงเรียนมี PLC | 9 โรงเรียน")));
  }
}
