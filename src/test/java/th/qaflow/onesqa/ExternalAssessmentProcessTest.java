package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.onesqa.ExternalAssessmentProcess.*;
import static th.qaflow.onesqa.ExternalAssessmentSchoolProcess.*;
import static th.qaflow.onesqa.ExternalFixture.DISTRICT;
import static th.qaflow.onesqa.ExternalFixture.cluster;
import static th.qaflow.onesqa.ExternalFixture.results;
import static th.qaflow.onesqa.ExternalFixture.school;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Groups;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;

/**
 * ExternalAssessment and ExternalAssessmentSchool on the real engine: every branch (readiness
 * returned, objection, re-assessment met and not met, the draft-report timer), one full path with
 * an objection and a re-assessment, and the link to the school's approved SAR. Years 2780–2789.
 */
@ProcessTest
class ExternalAssessmentProcessTest {
  @Autowired ProcessEngine engine;
  @Autowired java.util.List<th.qaflow.calendar.DeadlineFollower> followers;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ExternalAssessments external;
  @Autowired CycleService cycles;
  @Autowired JdbcClient jdbc;

  @Test
  void fullPathWithAnObjectionAndAReassessment() {
    int year = 2780;
    ExternalFixture f = new ExternalFixture(runtime, tasks, year);
    f.clock(5, 20);
    // school 1 has an approved and submitted SAR of the year before: ONESQA gets that version
    String cycle = cycles.startSchool(school(1), year - 1, "qaofficer").orElseThrow();
    runtime.setVariable(
        cycle, SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION, "sar-version-approved-1");
    runtime.setVariable(
        cycle, SchoolQaCycleProcess.VAR_SAR_SUBMITTED_VERSION, "sar-version-submitted-1");

    String pi = start(year);
    f.complete(
        pi,
        TASK_PUBLISH_CRITERIA,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_CRITERIA,
        true,
        "criteriaPublishedOn",
        "2237-05-25",
        "criteriaReference",
        "สมศ. 1/2780");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(pi)
                .taskDefinitionKey(TASK_DECLARE_READINESS)
                .count())
        .isEqualTo(8);

    // school 1's supervisor returns its first declaration; every other school is confirmed at once
    f.complete(
        pi,
        TASK_DECLARE_READINESS,
        school(1),
        Groups.schoolDirector(school(1)),
        OnesqaStage.ONESQA_READINESS,
        true,
        VAR_READINESS,
        NOT_READY,
        VAR_READINESS_NOTE,
        "ครูย้าย");
    f.complete(
        pi,
        TASK_CONFIRM_READINESS,
        school(1),
        Groups.clusterSupervisor(cluster(1)),
        OnesqaStage.ONESQA_READINESS_CONFIRMATION,
        true,
        VAR_READINESS_DECISION,
        DECISION_RETURN,
        VAR_SUPERVISOR_COMMENT,
        "ข้อมูลไม่ตรงกับการนิเทศ");
    assertThat(state(year, school(1)).status()).isEqualTo("READINESS_RETURNED");
    f.complete(
        pi,
        TASK_DECLARE_READINESS,
        school(1),
        Groups.schoolDirector(school(1)),
        OnesqaStage.ONESQA_READINESS,
        false,
        VAR_READINESS,
        READY);
    f.complete(
        pi,
        TASK_CONFIRM_READINESS,
        school(1),
        Groups.clusterSupervisor(cluster(1)),
        OnesqaStage.ONESQA_READINESS_CONFIRMATION,
        false,
        VAR_READINESS_DECISION,
        DECISION_CONFIRM,
        VAR_CONFIRMED_READINESS,
        READY);
    for (int n = 2; n <= 8; n++) {
      String readiness = n <= 3 ? READY : n <= 6 ? SUPPORT : NOT_READY;
      f.declare(pi, n, readiness, true);
      f.confirm(pi, n, readiness, true);
    }
    assertThat(state(year, school(1)).confirmedReadiness()).isEqualTo(READY);
    assertThat(state(year, school(5)).confirmedReadiness()).isEqualTo(SUPPORT);
    assertThat(runtime.getVariable(pi, VAR_READINESS_ROWS)).asList().hasSize(8);

    f.complete(
        pi,
        TASK_SEND_READINESS_LIST,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_READINESS_LIST,
        true,
        "readinessListSentOn",
        "2237-08-10",
        VAR_TARGET_SCHOOLS,
        List.of(school(1), school(2)));
    assertThat(state(year, school(1)).target()).isTrue();
    assertThat(state(year, school(3)).status()).isEqualTo("NOT_TARGET");
    // collected: school 1's submitted SAR of the year before, nothing for school 2
    assertThat(state(year, school(1)).sarVersionId()).isEqualTo("sar-version-submitted-1");
    assertThat(state(year, school(1)).sarYear()).isEqualTo(year - 1);
    assertThat(state(year, school(2)).sarVersionId()).isNull();
    f.complete(
        pi,
        TASK_CONFIRM_SARS,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SAR_COLLECTION,
        true,
        "sarsChecked",
        true);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ExternalAssessmentSchoolProcess.PROCESS_ID)
                .superProcessInstanceId(pi)
                .count())
        .isEqualTo(2);

    // school 1: objects once, then through the visit to a result with standard 2 not met,
    // re-assessed and met
    ProcessInstance one = f.schoolAssessment(school(1));
    assertThat(runtime.getVariable(one.getId(), VAR_SAR_VERSION_ID))
        .isEqualTo("sar-version-submitted-1");
    assertThat(runtime.getVariable(one.getId(), VAR_FRAMEWORK_CODE)).isEqualTo("onesqa-r5-basic");
    schedule(f, one, school(1), true);
    f.complete(
        one.getId(),
        TASK_REVIEW_SCHEDULE,
        null,
        Groups.schoolDirector(school(1)),
        OnesqaStage.ONESQA_SCHEDULE_REVIEW,
        true,
        VAR_SCHEDULE_RESPONSE,
        RESPONSE_OBJECT,
        VAR_OBJECTION_REASON,
        "ผู้ประเมินเคยเป็นครูของโรงเรียน");
    assertThat(one).isWaitingAt(TASK_RECORD_SCHEDULE);
    assertThat(passed(one, GATEWAY_RECORD_SCHEDULE_MERGE))
        .as("first schedule and the objection")
        .isEqualTo(2);
    assertThat(state(year, school(1)).objections()).isEqualTo(1);
    schedule(f, one, school(1), false);
    f.complete(
        one.getId(),
        TASK_REVIEW_SCHEDULE,
        null,
        Groups.schoolDirector(school(1)),
        OnesqaStage.ONESQA_SCHEDULE_REVIEW,
        false,
        VAR_SCHEDULE_RESPONSE,
        RESPONSE_ACCEPT);
    visitAndDraft(f, one, school(1));
    f.complete(
        one.getId(),
        TASK_RECORD_FINAL_RESULT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_FINAL_RESULT,
        true,
        "resultOn",
        "2238-01-20",
        VAR_RESULTS,
        results("4", "2", "3"));
    assertThat(one).isWaitingAt(TASK_PLAN_IMPROVEMENT);
    assertThat(runtime.getVariable(one.getId(), VAR_STANDARDS_NOT_MET)).isEqualTo("2");
    assertThat(state(year, school(1)).status()).isEqualTo("REASSESSMENT");
    f.complete(
        one.getId(),
        TASK_PLAN_IMPROVEMENT,
        null,
        Groups.schoolQa(school(1)),
        OnesqaStage.ONESQA_REASSESSMENT,
        true,
        "improvementActions",
        "ปรับระบบบริหาร",
        "readyForReassessmentOn",
        "2238-03-01");
    f.complete(
        one.getId(),
        TASK_RECORD_REASSESSMENT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_REASSESSMENT,
        true,
        "reassessedOn",
        "2238-03-15",
        VAR_RESULTS,
        results("4", "3", "3"));
    assertThat(one).isEnded().hasPassed(END_RESULT_FINAL, TASK_PLAN_IMPROVEMENT);
    assertThat(passed(one, GATEWAY_EVALUATE_RESULT_MERGE))
        .as("the result and the re-assessment")
        .isEqualTo(2);

    // school 2: accepts the schedule and meets every standard at once
    ProcessInstance two = f.schoolAssessment(school(2));
    schedule(f, two, school(2), true);
    f.complete(
        two.getId(),
        TASK_REVIEW_SCHEDULE,
        null,
        Groups.schoolDirector(school(2)),
        OnesqaStage.ONESQA_SCHEDULE_REVIEW,
        true,
        VAR_SCHEDULE_RESPONSE,
        RESPONSE_ACCEPT);
    visitAndDraft(f, two, school(2));
    f.complete(
        two.getId(),
        TASK_RECORD_FINAL_RESULT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_FINAL_RESULT,
        true,
        VAR_RESULTS,
        results("5", "4", "3"));
    assertThat(two).isEnded().hasPassed(END_RESULT_FINAL).hasNotPassed(TASK_PLAN_IMPROVEMENT);

    // the district synthesises and follows up
    f.complete(
        pi,
        TASK_SYNTHESISE_RESULTS,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SYNTHESIS,
        true,
        "synthesisStrengths",
        "ผู้เรียน",
        "synthesisImprovements",
        "การบริหาร",
        "synthesisRecommendations",
        "นิเทศติดตาม");
    f.complete(
        pi,
        TASK_FOLLOW_UP,
        null,
        Groups.supervisionDirector(DISTRICT),
        OnesqaStage.ONESQA_FOLLOW_UP,
        true,
        "followUpPlan",
        "ติดตามทุกเดือน",
        "followUpAssigned",
        true);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(external.coordination(DISTRICT, year))
        .get()
        .satisfies(c -> assertThat(c.ended()).isTrue());

    SchoolState s1 = state(year, school(1));
    assertThat(s1.status()).isEqualTo("RESULT_MET");
    assertThat(s1.reassessments()).isEqualTo(1);
    assertThat(s1.results()).hasSize(6);
    assertThat(s1.latestResults()).allSatisfy(r -> assertThat(r.met()).isTrue());
    assertThat(s1.results())
        .filteredOn(r -> r.round() == 0 && r.standardCode().equals("2"))
        .singleElement()
        .satisfies(r -> assertThat(r.met()).isFalse());
    assertThat(state(year, school(2)).status()).isEqualTo("RESULT_MET");
  }

  @Test
  void aSecondStartDoesNotStartTwice() {
    int year = 2781;
    String pi = start(year);
    ExternalAssessments.StartResult again = external.start(DISTRICT, year, "qaofficer");
    assertThat(again.started()).isFalse();
    assertThat(again.processInstanceId()).isEqualTo(pi);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(DISTRICT + "-" + year)
                .count())
        .isEqualTo(1);
    assertThat(external.schools(DISTRICT, year))
        .hasSize(8)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo("WAITING_CRITERIA"));
  }

  @Test
  void aLateDraftReportIsEscalatedByItsTimerAndTheReassessmentCanEndNotMet() {
    int year = 2782;
    ExternalFixture f = new ExternalFixture(runtime, tasks, year);
    f.clock(5, 20);
    String pi = f.toTargets(start(year), List.of(school(3)), true);
    ProcessInstance three = f.schoolAssessment(school(3));
    schedule(f, three, school(3), true);
    f.complete(
        three.getId(),
        TASK_REVIEW_SCHEDULE,
        null,
        Groups.schoolDirector(school(3)),
        OnesqaStage.ONESQA_SCHEDULE_REVIEW,
        true,
        VAR_SCHEDULE_RESPONSE,
        RESPONSE_ACCEPT);
    prepare(f, three, school(3));
    f.clock(11, 20);
    f.complete(
        three.getId(),
        TASK_RECORD_VISIT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_VISIT,
        true,
        VAR_VISITED_ON,
        "2239-11-20",
        "oralReport",
        "รายงานด้วยวาจา",
        "committeeAttended",
        true);

    // the draft report is due 15 days after the visit: the task and the visible boundary timer say
    // so
    Date due =
        Date.from(
            LocalDate.of(2239, 12, 5).atTime(23, 59, 59).atZone(AcademicYears.ZONE).toInstant());
    Task waiting = f.task(three.getId(), TASK_RECEIVE_DRAFT_REPORT, null);
    assertThat(waiting.getDueDate()).isEqualTo(due);
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(three.getId())
            .activityId(TIMER_DRAFT_REPORT_OVERDUE)
            .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(due);
    assertThat(state(year, school(3)).draftDueOn()).isEqualTo(LocalDate.of(2239, 12, 5));
    // the district moving the ONESQA_DRAFT_REPORT window does not move it: the model marks it
    // due=listener
    StageWindow window = StageWindow.defaults(OnesqaStage.ONESQA_DRAFT_REPORT, year);
    StageWindow later =
        new StageWindow(OnesqaStage.ONESQA_DRAFT_REPORT, window.opens(), window.due().plusDays(30));
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s -> followers.forEach(follower -> follower.follow(DISTRICT, year, window, later)));
    assertThat(f.task(three.getId(), TASK_RECEIVE_DRAFT_REPORT, null).getDueDate()).isEqualTo(due);

    EngineTestClock.at(new Date(due.getTime() + 3600_000));
    management.executeJob(timer.getId());
    assertThat(three).hasPassed(END_DRAFT_REPORT_ESCALATED).isWaitingAt(TASK_RECEIVE_DRAFT_REPORT);
    assertThat(runtime.getVariable(three.getId(), VAR_DRAFT_REPORT_LATE)).isEqualTo(true);
    assertThat(state(year, school(3)).draftLate()).isTrue();
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where task_id = :t")
                .param("t", waiting.getId())
                .query(Integer.class)
                .single())
        .as("escalation mail to the cluster's supervisor")
        .isPositive();

    f.complete(
        three.getId(),
        TASK_RECEIVE_DRAFT_REPORT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_DRAFT_REPORT,
        false,
        "draftReceivedOn",
        "2239-12-10");
    f.complete(
        three.getId(),
        TASK_COMMENT_ON_DRAFT,
        null,
        Groups.schoolDirector(school(3)),
        OnesqaStage.ONESQA_COMMENTS,
        true,
        "draftResponse",
        "comment",
        "draftComments",
        "ขอแก้ไขข้อมูลนักเรียน");
    f.complete(
        three.getId(),
        TASK_RECORD_FINAL_RESULT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_FINAL_RESULT,
        true,
        VAR_RESULTS,
        results("2", "3", "3"));
    f.complete(
        three.getId(),
        TASK_PLAN_IMPROVEMENT,
        null,
        Groups.schoolQa(school(3)),
        OnesqaStage.ONESQA_REASSESSMENT,
        true,
        "improvementActions",
        "สอนซ่อมเสริม");
    f.complete(
        three.getId(),
        TASK_RECORD_REASSESSMENT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_REASSESSMENT,
        true,
        VAR_RESULTS,
        results("2", "3", "4"));
    // one re-assessment only (qaflow.external.max-reassessments): still not met ends the school's
    // assessment
    assertThat(three).isEnded().hasPassed(END_NOT_MET);
    assertThat(state(year, school(3)).status()).isEqualTo("RESULT_NOT_MET");
    assertThat(f.task(pi, TASK_SYNTHESISE_RESULTS, null)).isNotNull();
  }

  @Test
  void withoutTargetSchoolsTheDistrictGoesStraightToTheSynthesis() {
    int year = 2783;
    ExternalFixture f = new ExternalFixture(runtime, tasks, year);
    f.clock(5, 20);
    String pi = f.toTargets(start(year), List.of(), true);
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi).count()).isZero();
    assertThat(f.task(pi, TASK_SYNTHESISE_RESULTS, null)).isNotNull();
    assertThat(external.schools(DISTRICT, year))
        .allSatisfy(s -> assertThat(s.status()).isEqualTo("NOT_TARGET"));
  }

  // --- helpers --------------------------------------------------------------------------------

  private String start(int year) {
    ExternalAssessments.StartResult result = external.start(DISTRICT, year, "qaofficer");
    assertThat(result.started()).isTrue();
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(result.processInstanceId())
            .singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(DISTRICT + "-" + year);
    return pi.getId();
  }

  private void schedule(ExternalFixture f, ProcessInstance pi, String school, boolean firstRound) {
    assertThat(runtime.getVariable(pi.getId(), ProcessVariables.SCHOOL_CODE)).isEqualTo(school);
    f.complete(
        pi.getId(),
        TASK_RECORD_SCHEDULE,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SCHEDULE,
        firstRound,
        VAR_VISIT_START,
        "2237-11-20",
        "visitEndOn",
        "2237-11-22",
        "assessors",
        "ผู้ประเมิน ก\nผู้ประเมิน ข");
  }

  private void prepare(ExternalFixture f, ProcessInstance pi, String school) {
    f.complete(
        pi.getId(),
        TASK_PREPARE_SAFE,
        null,
        Groups.schoolQa(school),
        OnesqaStage.ONESQA_PREPARATION,
        true,
        "evidenceReady",
        true,
        "sarAvailable",
        true);
    f.complete(
        pi.getId(),
        TASK_APPOINT_COMMITTEE,
        null,
        Groups.supervisionDirector(DISTRICT),
        OnesqaStage.ONESQA_COMMITTEE,
        true,
        "committeeOrderNo",
        "สพป. 12/2780",
        "committeeMembers",
        "ศน. หนึ่ง\nศน. สอง");
  }

  private static final String TASK_PREPARE_SAFE = TASK_PREPARE;

  private void visitAndDraft(ExternalFixture f, ProcessInstance pi, String school) {
    prepare(f, pi, school);
    f.complete(
        pi.getId(),
        TASK_RECORD_VISIT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_VISIT,
        true,
        VAR_VISITED_ON,
        "2237-11-20",
        "oralReport",
        "รายงานด้วยวาจา",
        "committeeAttended",
        true);
    f.complete(
        pi.getId(),
        TASK_RECEIVE_DRAFT_REPORT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_DRAFT_REPORT,
        false,
        "draftReceivedOn",
        "2237-12-01");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).count())
        .as("the timer ends with its task")
        .isZero();
    f.complete(
        pi.getId(),
        TASK_COMMENT_ON_DRAFT,
        null,
        Groups.schoolDirector(school),
        OnesqaStage.ONESQA_COMMENTS,
        true,
        "draftResponse",
        "agree");
  }

  private long passed(ProcessInstance pi, String activityId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .count();
  }

  private SchoolState state(int year, String school) {
    return external.schools(DISTRICT, year).stream()
        .filter(s -> s.schoolCode().equals(school))
        .findFirst()
        .orElseThrow();
  }
}
