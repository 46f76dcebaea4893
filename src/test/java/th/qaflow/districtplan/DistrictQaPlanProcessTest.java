package th.qaflow.districtplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.districtplan.DistrictQaPlanProcess.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.StageWindow;
import th.qaflow.districtplan.DistrictPlans.PlanYear;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUser;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;

/**
 * DistrictQaPlan on the real engine, every path: a year without a 3-year plan drafts one (returned
 * once, then approved), its action plan (returned once, then approved) is published, the evaluation
 * window's timer opens the evaluation, the report is returned once and acknowledged; the next year
 * starts by itself under the same plan with this evaluation, and the plan's last year hands over to
 * a new 3-year plan. District 1099, years 2870–2884 and 2685 (each test five years apart, so their
 * 3-year plans never cover each other's years).
 */
@ProcessTest
class DistrictQaPlanProcessTest {
  static final String D = "1099";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DistrictPlans plans;
  @Autowired JdbcClient jdbc;
  @Autowired CalendarEditor calendar;
  @Autowired QaUsers users;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2870 - 543, 6, 1, 9, 0);
  }

  @Test
  void firstYearDraftsThePlanWithEveryReturnLoopAndHandsItsEvaluationToTheNextYear() {
    int year = 2870;
    ProcessInstance pi = start(year);
    assertThat(plans.start(D, year, "qaofficer")).as("never two per district and year").isEmpty();
    assertThat(pi.getBusinessKey()).isEqualTo("1099-2870-PLAN");
    assertThat(runtime.getVariable(pi.getId(), VAR_DEVELOPMENT_PLAN_NEEDED)).isEqualTo(true);
    assertThat(runtime.getVariable(pi.getId(), "standardOptions"))
        .as("the drafter chooses among the standards of both levels")
        .asList()
        .hasSizeGreaterThan(3);

    // the 3-year plan: returned once with comments, redrafted, approved
    complete(pi, TASK_DRAFT_DEVELOPMENT_PLAN, officer(), PlanStage.PLAN_DEVELOPMENT, devPlan(year));
    complete(
        pi,
        TASK_APPROVE_DEVELOPMENT_PLAN,
        director(),
        PlanStage.PLAN_DEVELOPMENT_APPROVAL,
        Map.of(
            VAR_DEVELOPMENT_PLAN_DECISION,
            "return",
            VAR_DEVELOPMENT_PLAN_COMMENTS,
            "ตัวชี้วัดน้อย"));
    assertThat(pi).isWaitingAt(TASK_DRAFT_DEVELOPMENT_PLAN);
    complete(pi, TASK_DRAFT_DEVELOPMENT_PLAN, officer(), null, devPlan(year));
    complete(
        pi,
        TASK_APPROVE_DEVELOPMENT_PLAN,
        director(),
        null,
        approve(VAR_DEVELOPMENT_PLAN_DECISION));

    // the action plan: returned once, redrafted, approved and published
    complete(pi, TASK_DRAFT_ACTION_PLAN, officer(), PlanStage.PLAN_ACTION, actionPlan());
    complete(
        pi,
        TASK_APPROVE_ACTION_PLAN,
        director(),
        PlanStage.PLAN_ACTION_APPROVAL,
        Map.of(VAR_ACTION_PLAN_DECISION, "return", VAR_ACTION_PLAN_COMMENTS, "ระบุผู้รับผิดชอบ"));
    assertThat(pi).isWaitingAt(TASK_DRAFT_ACTION_PLAN);
    complete(pi, TASK_DRAFT_ACTION_PLAN, officer(), null, actionPlan());
    complete(pi, TASK_APPROVE_ACTION_PLAN, director(), null, approve(VAR_ACTION_PLAN_DECISION));

    PlanYear published = plans.year(D, year).orElseThrow();
    assertThat(published.planFirstYear()).isEqualTo(2870);
    assertThat(published.planLastYear()).isEqualTo(2872);
    assertThat(published.actionPlanPublishedAt()).isNotNull();
    assertThat(published.reportPublishedAt()).isNull();

    // the calendar's evaluation window opens the evaluation
    assertThat(pi).isWaitingAt(TIMER_EVALUATION_WINDOW);
    Job window = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(window.getDuedate())
        .isEqualTo(Date.from(StageWindow.defaults(PlanStage.PLAN_EVALUATION, year).opensAt()));
    EngineTestClock.at(new Date(window.getDuedate().getTime() + 60_000));
    management.executeJob(window.getId());

    // evaluated, reported, returned once by the director back to the evaluation, acknowledged
    complete(
        pi, TASK_EVALUATE_PLAN, officer(), PlanStage.PLAN_EVALUATION, evaluation("notAchieved"));
    complete(pi, TASK_REPORT_EVALUATION, officer(), PlanStage.PLAN_REPORT, report(year));
    complete(
        pi,
        TASK_ACKNOWLEDGE_REPORT,
        director(),
        PlanStage.PLAN_REPORT_ACKNOWLEDGEMENT,
        Map.of(VAR_REPORT_DECISION, "return", VAR_REPORT_COMMENTS, "ขาดหลักฐาน"));
    assertThat(pi).isWaitingAt(TASK_EVALUATE_PLAN);
    complete(pi, TASK_EVALUATE_PLAN, officer(), null, evaluation("achieved"));
    complete(pi, TASK_REPORT_EVALUATION, officer(), null, report(year));
    complete(
        pi, TASK_ACKNOWLEDGE_REPORT, director(), null, approve(VAR_REPORT_DECISION, "acknowledge"));

    assertThat(pi).isEnded().hasPassed(TASK_START_NEXT_ACTION_PLAN, END_NEXT_ACTION_PLAN);
    assertThat(pi).hasNotPassed(TASK_START_NEW_DEVELOPMENT_PLAN);
    PlanYear reported = plans.year(D, year).orElseThrow();
    assertThat(reported.indicatorsTotal()).isEqualTo(2);
    assertThat(reported.indicatorsAchieved()).isEqualTo(1);
    assertThat(reported.reportPublishedAt()).isNotNull();

    // the next year runs under the same 3-year plan and reads this year's evaluation
    PlanYear next = plans.year(D, year + 1).orElseThrow();
    assertThat(next.planFirstYear()).isEqualTo(2870);
    String nextPi = next.processInstanceId();
    assertThat(runtime.getVariable(nextPi, VAR_DEVELOPMENT_PLAN_NEEDED)).isEqualTo(false);
    assertThat(runtime.getVariable(nextPi, VAR_PREVIOUS_YEAR)).isEqualTo(year);
    assertThat(runtime.getVariable(nextPi, VAR_PREVIOUS_LESSONS)).isEqualTo("บทเรียน " + year);
    assertThat((List<?>) runtime.getVariable(nextPi, VAR_PREVIOUS_EVALUATION)).hasSize(2);
    assertThat(runtime.getVariable(nextPi, VAR_DP_VISION)).isEqualTo("วิสัยทัศน์ " + year);
    Task first = tasks.createTaskQuery().processInstanceId(nextPi).singleResult();
    assertThat(first.getTaskDefinitionKey())
        .as("no new 3-year plan while one covers the year")
        .isEqualTo(TASK_DRAFT_ACTION_PLAN);
    assertThat(first.getDueDate())
        .isEqualTo(Date.from(StageWindow.defaults(PlanStage.PLAN_ACTION, year + 1).dueAt()));
  }

  @Test
  void thePlansLastYearHandsOverToANewThreeYearPlanWithItsEvaluation() {
    // the plan 2875–2877 runs through its years; the last one ends it
    ProcessInstance pi = start(2875);
    complete(pi, TASK_DRAFT_DEVELOPMENT_PLAN, officer(), null, devPlan(2875));
    complete(
        pi,
        TASK_APPROVE_DEVELOPMENT_PLAN,
        director(),
        null,
        approve(VAR_DEVELOPMENT_PLAN_DECISION));
    String current = pi.getId();
    for (int year = 2875; year <= 2877; year++) {
      runYear(current, year);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(current).count()).isZero();
      current = plans.year(D, year + 1).orElseThrow().processInstanceId();
    }
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(plans.year(D, 2877).orElseThrow().processInstanceId())
                .activityId(TASK_START_NEW_DEVELOPMENT_PLAN)
                .count())
        .as("the last year of the plan starts a new one")
        .isEqualTo(1);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(plans.year(D, 2876).orElseThrow().processInstanceId())
                .activityId(TASK_START_NEW_DEVELOPMENT_PLAN)
                .count())
        .isZero();
    // 2878 drafts a new 3-year plan, with the evaluation of 2877 to hand
    assertThat(runtime.getVariable(current, VAR_DEVELOPMENT_PLAN_NEEDED)).isEqualTo(true);
    assertThat(runtime.getVariable(current, VAR_PREVIOUS_YEAR)).isEqualTo(2877);
    assertThat(runtime.getVariable(current, VAR_DP_VISION)).isNull();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(current)
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(TASK_DRAFT_DEVELOPMENT_PLAN);
    assertThat(plans.year(D, 2878).orElseThrow().planFirstYear()).isNull();
  }

  @Test
  void aYearStartedByHandReadsThePlanThatCoversItAndThePreviousEvaluationFromHistory() {
    ProcessInstance pi = start(2880);
    complete(pi, TASK_DRAFT_DEVELOPMENT_PLAN, officer(), null, devPlan(2880));
    complete(
        pi,
        TASK_APPROVE_DEVELOPMENT_PLAN,
        director(),
        null,
        approve(VAR_DEVELOPMENT_PLAN_DECISION));
    runYear(pi.getId(), 2880);
    // 2880 started 2881 itself, so a hand start of 2881 is refused; a hand start of 2882 reads the
    // plan 2880–2882 from the history of 2880
    assertThat(plans.start(D, 2881, "qaofficer")).isEmpty();
    String hand = plans.start(D, 2882, "qaofficer").orElseThrow();
    assertThat(runtime.getVariable(hand, VAR_DEVELOPMENT_PLAN_NEEDED)).isEqualTo(false);
    assertThat(runtime.getVariable(hand, VAR_PLAN_FIRST_YEAR)).isEqualTo(2880);
    assertThat(runtime.getVariable(hand, VAR_DP_VISION)).isEqualTo("วิสัยทัศน์ 2880");
    assertThat(runtime.getVariable(hand, VAR_PREVIOUS_EVALUATION))
        .as("2881 is not evaluated yet: nothing to carry")
        .isNull();
    // a year no plan covers drafts one
    String uncovered = plans.start(D, 2884, "qaofficer").orElseThrow();
    assertThat(runtime.getVariable(uncovered, VAR_DEVELOPMENT_PLAN_NEEDED)).isEqualTo(true);
  }

  @Test
  void aMovedDeadlineMovesTheOpenTaskAndAMovedEvaluationWindowTheTimer() {
    int year = 2685; // the calendar takes years 2500–2700
    EngineTestClock.at(year - 543, 6, 1, 9, 0);
    ProcessInstance pi = start(year);
    complete(pi, TASK_DRAFT_DEVELOPMENT_PLAN, officer(), null, devPlan(year));
    complete(
        pi,
        TASK_APPROVE_DEVELOPMENT_PLAN,
        director(),
        null,
        approve(VAR_DEVELOPMENT_PLAN_DECISION));
    QaUser qaofficer = users.byId("qaofficer");
    StageWindow action = StageWindow.defaults(PlanStage.PLAN_ACTION, year);
    StageWindow later = new StageWindow(action.stage(), action.opens(), action.due().plusDays(20));
    calendar.save(D, year, List.of(later), qaofficer);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(later.dueAt()));

    complete(pi.getId(), TASK_DRAFT_ACTION_PLAN, officer(), null, actionPlan());
    complete(
        pi.getId(), TASK_APPROVE_ACTION_PLAN, director(), null, approve(VAR_ACTION_PLAN_DECISION));
    StageWindow evaluation = StageWindow.defaults(PlanStage.PLAN_EVALUATION, year);
    StageWindow moved =
        new StageWindow(evaluation.stage(), evaluation.opens().plusDays(9), evaluation.due());
    calendar.save(D, year, List.of(moved), qaofficer);
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(pi.getId())
                .timers()
                .singleResult()
                .getDuedate())
        .isEqualTo(Date.from(moved.opensAt()));
  }

  /** Action plan to acknowledged report of one year whose 3-year plan is approved. */
  private void runYear(String pi, int year) {
    EngineTestClock.at(year - 543, 6, 1, 9, 0);
    complete(pi, TASK_DRAFT_ACTION_PLAN, officer(), null, actionPlan());
    complete(pi, TASK_APPROVE_ACTION_PLAN, director(), null, approve(VAR_ACTION_PLAN_DECISION));
    Job window = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    EngineTestClock.at(new Date(window.getDuedate().getTime() + 60_000));
    management.executeJob(window.getId());
    complete(pi, TASK_EVALUATE_PLAN, officer(), null, evaluation("achieved"));
    complete(pi, TASK_REPORT_EVALUATION, officer(), null, report(year));
    complete(
        pi, TASK_ACKNOWLEDGE_REPORT, director(), null, approve(VAR_REPORT_DECISION, "acknowledge"));
  }

  private ProcessInstance start(int year) {
    String id = plans.start(D, year, "qaofficer").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void complete(
      ProcessInstance pi, String key, String group, PlanStage stage, Map<String, Object> vars) {
    complete(pi.getId(), key, group, stage, vars);
  }

  private void complete(
      String pi, String key, String group, PlanStage stage, Map<String, Object> vars) {
    Task task = ProcessDriver.openTask(tasks, runtime, pi, key, List.of(group), stage);
    tasks.complete(task.getId(), ProcessDriver.jsonLists(vars));
  }

  static String officer() {
    return Groups.districtQaOfficer(D);
  }

  static String director() {
    return Groups.districtDirector(D);
  }

  static Map<String, Object> approve(String decision) {
    return approve(decision, "approve");
  }

  static Map<String, Object> approve(String decision, String value) {
    return Map.of(decision, value);
  }

  static Map<String, Object> devPlan(int year) {
    return Map.of(
        VAR_DP_VISION,
        "วิสัยทัศน์ " + year,
        VAR_DP_STRATEGIES,
        rows(
            Map.of(
                "strategyName", "ยกระดับการคิดวิเคราะห์", "strategyStandards", List.of("BASIC-1"))),
        VAR_DP_INDICATORS,
        rows(
            Map.of(
                "indicatorName", "ร้อยละโรงเรียนระดับดีเลิศ",
                "indicatorStandard", "BASIC-1",
                "indicatorTarget", "80")));
  }

  static Map<String, Object> actionPlan() {
    return Map.of(
        VAR_AP_SUMMARY,
        "แผนปฏิบัติการ",
        VAR_AP_PROJECTS,
        rows(
            Map.of(
                "projectName", "นิเทศการอ่าน",
                "projectOwner", "ศน.สมศรี",
                "projectStrategy", "ยกระดับการคิดวิเคราะห์",
                "projectStandards", List.of("BASIC-1"),
                "projectBudget", 50000)),
        VAR_AP_INDICATORS,
        rows(
            Map.of(
                "indicatorName",
                "ตัวชี้วัด 1",
                "indicatorStandard",
                "BASIC-1",
                "indicatorTarget",
                "80"),
            Map.of(
                "indicatorName",
                "ตัวชี้วัด 2",
                "indicatorStandard",
                "BASIC-2",
                "indicatorTarget",
                "70")));
  }

  static Map<String, Object> evaluation(String secondAchieved) {
    return Map.of(
        VAR_EV_INDICATORS,
        rows(
            Map.of(
                "indicatorName",
                "ตัวชี้วัด 1",
                "indicatorResult",
                "60",
                "indicatorAchieved",
                "notAchieved",
                "indicatorEvidence",
                "ผลสอบ"),
            Map.of(
                "indicatorName",
                "ตัวชี้วัด 2",
                "indicatorResult",
                "75",
                "indicatorAchieved",
                secondAchieved,
                "indicatorEvidence",
                "รายงาน")));
  }

  static Map<String, Object> report(int year) {
    return Map.of(VAR_REPORT_SUMMARY, "สรุป " + year, VAR_REPORT_LESSONS, "บทเรียน " + year);
  }

  @SafeVarargs
  static List<Map<String, Object>> rows(Map<String, Object>... rows) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      list.add(new LinkedHashMap<>(r));
    }
    return list;
  }
}
