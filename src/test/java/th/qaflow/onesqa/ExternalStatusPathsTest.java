package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.onesqa.ExternalAssessmentProcess.*;
import static th.qaflow.onesqa.ExternalAssessmentSchoolProcess.*;
import static th.qaflow.onesqa.ExternalFixture.DISTRICT;
import static th.qaflow.onesqa.ExternalFixture.cluster;
import static th.qaflow.onesqa.ExternalFixture.results;
import static th.qaflow.onesqa.ExternalFixture.school;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationImport;

/**
 * Each school's ONESQA status after every step of every path (readiness returned and confirmed,
 * target or not, schedule objected and accepted, result met at once, met after a re-assessment, not
 * met after it): on the current models, whose listeners name each status, and on an instance of
 * version 2 (the old {@code externalRecords.taskDone} switch), which must read the same; and a
 * version-2 school migrated to the current model mid-way goes on with the new listeners. Years
 * 2836–2838.
 */
@QaFlowTest
class ExternalStatusPathsTest {
  static final List<String> PROCESSES =
      List.of(ExternalAssessmentProcess.PROCESS_ID, ExternalAssessmentSchoolProcess.PROCESS_ID);

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalAssessments external;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    organisation.importDemo();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyPathOfTheCurrentModelsLeavesItsStatus() {
    everyPath(2836);
  }

  @Test
  void anInstanceOfVersionTwoLeavesTheSameStatuses() throws IOException {
    try {
      PROCESSES.forEach(p -> deploy(p, "model-history/v2/" + p + ".bpmn"));
      everyPath(2837);
    } finally {
      PROCESSES.forEach(p -> deploy(p, "bpmn/" + p + ".bpmn"));
    }
  }

  @Test
  void aSchoolOfVersionTwoMigratedMidWayGoesOnWithTheNewListeners() {
    int year = 2838;
    ExternalFixture f = new ExternalFixture(runtime, tasks, year);
    f.clock(5, 20);
    String pi;
    ProcessInstance one;
    ProcessDefinition oldSchool;
    try {
      PROCESSES.forEach(p -> deploy(p, "model-history/v2/" + p + ".bpmn"));
      pi =
          f.toTargets(
              external.start(DISTRICT, year, "qaofficer").processInstanceId(),
              List.of(school(1)),
              true);
      one = f.schoolAssessment(school(1));
      oldSchool = repository.getProcessDefinition(one.getProcessDefinitionId());
      assertThat(oldSchool.getVersionTag()).isEqualTo("2");
      recordSchedule(f, one, school(1));
      assertStatus(year, school(1), "SCHEDULED");
    } finally {
      PROCESSES.forEach(p -> deploy(p, "bpmn/" + p + ".bpmn"));
    }
    // the plan of docs/model-changes.md, for the school and for the district's coordination
    for (String id : List.of(one.getId(), pi)) {
      ProcessDefinition from =
          repository.getProcessDefinition(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(id)
                  .singleResult()
                  .getProcessDefinitionId());
      ProcessDefinition to =
          repository
              .createProcessDefinitionQuery()
              .processDefinitionKey(from.getKey())
              .latestVersion()
              .singleResult();
      assertThat(to.getVersionTag()).isEqualTo("3");
      runtime
          .newMigration(
              runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build())
          .processInstanceIds(id)
          .execute();
    }
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(one.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isNotEqualTo(oldSchool.getId());

    // the objection now takes the flow whose listener records it
    review(f, one, school(1), RESPONSE_OBJECT);
    assertStatus(year, school(1), "OBJECTED");
    assertThat(state(year, school(1)).objections()).isEqualTo(1);
    recordSchedule(f, one, school(1));
    review(f, one, school(1), RESPONSE_ACCEPT);
    assertStatus(year, school(1), "PREPARING");
    throughTheVisit(f, one, school(1), year);
    recordFinalResult(f, one, results("4", "4", "4"));
    assertThat(one).isEnded();
    assertStatus(year, school(1), "RESULT_MET");
    assertThat(f.task(pi, TASK_SYNTHESISE_RESULTS, null)).isNotNull();
  }

  /**
   * Readiness (school 1 returned once), three targets, then school 1, 2 and 3 along the school
   * model's three ends.
   */
  void everyPath(int year) {
    ExternalFixture f = new ExternalFixture(runtime, tasks, year);
    f.clock(5, 20);
    ExternalAssessments.StartResult started = external.start(DISTRICT, year, "qaofficer");
    String pi = started.processInstanceId();
    assertThat(external.schools(DISTRICT, year))
        .hasSize(8)
        .allSatisfy(s -> assertThat(s.status()).isEqualTo("WAITING_CRITERIA"));
    f.complete(
        pi,
        TASK_PUBLISH_CRITERIA,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_CRITERIA,
        true);
    // the criteria's status gives way to each school's readiness in the same transaction
    assertThat(external.schools(DISTRICT, year))
        .allSatisfy(s -> assertThat(s.status()).isEqualTo("READINESS_OPEN"));

    f.declare(pi, 1, NOT_READY, false);
    assertStatus(year, school(1), "READINESS_DECLARED");
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
        "ข้อมูลไม่ตรง");
    assertStatus(year, school(1), "READINESS_RETURNED");
    assertThat(state(year, school(1)).supervisorComment()).isEqualTo("ข้อมูลไม่ตรง");
    f.declare(pi, 1, READY, false);
    assertStatus(year, school(1), "READINESS_DECLARED");
    f.confirm(pi, 1, READY, false);
    assertStatus(year, school(1), "READINESS_CONFIRMED");
    for (int n = 2; n <= 7; n++) {
      f.declare(pi, n, READY, false);
      f.confirm(pi, n, READY, false);
      assertStatus(year, school(n), "READINESS_CONFIRMED");
    }
    assertStatus(year, school(8), "READINESS_OPEN");
    f.declare(pi, 8, SUPPORT, false);
    f.confirm(pi, 8, SUPPORT, false);
    assertThat(external.schools(DISTRICT, year))
        .allSatisfy(s -> assertThat(s.status()).isEqualTo("READINESS_LISTED"));

    f.complete(
        pi,
        TASK_SEND_READINESS_LIST,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_READINESS_LIST,
        true,
        VAR_TARGET_SCHOOLS,
        List.of(school(1), school(2), school(3)));
    for (int n = 1; n <= 8; n++) {
      assertStatus(year, school(n), n <= 3 ? "TARGET" : "NOT_TARGET");
    }
    f.complete(
        pi,
        TASK_CONFIRM_SARS,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SAR_COLLECTION,
        true,
        "sarsChecked",
        true);
    for (int n = 1; n <= 3; n++) {
      assertStatus(year, school(n), "SCHEDULING");
    }
    assertStatus(year, school(4), "NOT_TARGET");

    // school 1: objects once, a standard not met, re-assessed and met
    ProcessInstance one = f.schoolAssessment(school(1));
    recordSchedule(f, one, school(1));
    assertStatus(year, school(1), "SCHEDULED");
    review(f, one, school(1), RESPONSE_OBJECT);
    assertStatus(year, school(1), "OBJECTED");
    recordSchedule(f, one, school(1));
    assertStatus(year, school(1), "SCHEDULED");
    review(f, one, school(1), RESPONSE_ACCEPT);
    assertStatus(year, school(1), "PREPARING");
    throughTheVisit(f, one, school(1), year);
    recordFinalResult(f, one, results("4", "2", "3"));
    assertStatus(year, school(1), "REASSESSMENT");
    planImprovement(f, one, school(1));
    assertStatus(year, school(1), "REASSESSMENT_PREPARED");
    recordReassessment(f, one, results("4", "3", "3"));
    assertThat(one).isEnded().hasPassed(END_RESULT_FINAL);
    assertStatus(year, school(1), "RESULT_MET");
    assertThat(state(year, school(1)).objections()).isEqualTo(1);
    assertThat(state(year, school(1)).reassessments()).isEqualTo(1);

    // school 2: every standard met at once
    ProcessInstance two = f.schoolAssessment(school(2));
    recordSchedule(f, two, school(2));
    review(f, two, school(2), RESPONSE_ACCEPT);
    throughTheVisit(f, two, school(2), year);
    recordFinalResult(f, two, results("5", "4", "3"));
    assertThat(two).isEnded().hasPassed(END_RESULT_FINAL);
    assertStatus(year, school(2), "RESULT_MET");
    assertThat(state(year, school(2)).objections()).isZero();

    // school 3: not met, and still not met after the one re-assessment
    ProcessInstance three = f.schoolAssessment(school(3));
    recordSchedule(f, three, school(3));
    review(f, three, school(3), RESPONSE_ACCEPT);
    throughTheVisit(f, three, school(3), year);
    recordFinalResult(f, three, results("2", "3", "3"));
    assertStatus(year, school(3), "REASSESSMENT");
    planImprovement(f, three, school(3));
    assertStatus(year, school(3), "REASSESSMENT_PREPARED");
    recordReassessment(f, three, results("2", "3", "4"));
    assertThat(three).isEnded().hasPassed(END_NOT_MET);
    assertStatus(year, school(3), "RESULT_NOT_MET");

    // the district's last steps change no school's status
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
        "นิเทศ");
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
    assertThat(external.schools(DISTRICT, year))
        .extracting(SchoolState::status)
        .containsExactly(
            "RESULT_MET",
            "RESULT_MET",
            "RESULT_NOT_MET",
            "NOT_TARGET",
            "NOT_TARGET",
            "NOT_TARGET",
            "NOT_TARGET",
            "NOT_TARGET");
  }

  // --- steps ----------------------------------------------------------------------------------

  private void recordSchedule(ExternalFixture f, ProcessInstance pi, String school) {
    f.complete(
        pi.getId(),
        TASK_RECORD_SCHEDULE,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SCHEDULE,
        false,
        VAR_VISIT_START,
        "2300-11-20",
        "visitEndOn",
        "2300-11-22",
        "assessors",
        "ผู้ประเมิน ก");
  }

  private void review(ExternalFixture f, ProcessInstance pi, String school, String response) {
    f.complete(
        pi.getId(),
        TASK_REVIEW_SCHEDULE,
        null,
        Groups.schoolDirector(school),
        OnesqaStage.ONESQA_SCHEDULE_REVIEW,
        false,
        VAR_SCHEDULE_RESPONSE,
        response,
        VAR_OBJECTION_REASON,
        RESPONSE_OBJECT.equals(response) ? "ผู้ประเมินไม่เป็นกลาง" : null);
  }

  /**
   * Preparation and committee (still PREPARING), the visit (VISITED), the draft (DRAFT_RECEIVED),
   * the comments.
   */
  private void throughTheVisit(ExternalFixture f, ProcessInstance pi, String school, int year) {
    f.complete(
        pi.getId(),
        TASK_PREPARE,
        null,
        Groups.schoolQa(school),
        OnesqaStage.ONESQA_PREPARATION,
        false,
        "evidenceReady",
        true,
        "sarAvailable",
        true);
    assertStatus(year, school, "PREPARING");
    f.complete(
        pi.getId(),
        TASK_APPOINT_COMMITTEE,
        null,
        Groups.supervisionDirector(DISTRICT),
        OnesqaStage.ONESQA_COMMITTEE,
        false,
        "committeeOrderNo",
        "สพป. 1/2836",
        "committeeMembers",
        "ศน. หนึ่ง");
    assertStatus(year, school, "PREPARING");
    f.complete(
        pi.getId(),
        TASK_RECORD_VISIT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_VISIT,
        false,
        VAR_VISITED_ON,
        "2300-11-20",
        "oralReport",
        "รายงานด้วยวาจา",
        "committeeAttended",
        true);
    assertStatus(year, school, "VISITED");
    assertThat(state(year, school).draftDueOn()).isEqualTo(java.time.LocalDate.of(2300, 12, 5));
    f.complete(
        pi.getId(),
        TASK_RECEIVE_DRAFT_REPORT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_DRAFT_REPORT,
        false,
        VAR_DRAFT_RECEIVED_ON,
        "2300-12-01");
    assertStatus(year, school, "DRAFT_RECEIVED");
    assertThat(state(year, school).draftReceivedOn())
        .isEqualTo(java.time.LocalDate.of(2300, 12, 1));
    f.complete(
        pi.getId(),
        TASK_COMMENT_ON_DRAFT,
        null,
        Groups.schoolDirector(school),
        OnesqaStage.ONESQA_COMMENTS,
        false,
        "draftResponse",
        "agree");
    assertStatus(year, school, "COMMENTED");
  }

  private void recordFinalResult(ExternalFixture f, ProcessInstance pi, Object results) {
    f.complete(
        pi.getId(),
        TASK_RECORD_FINAL_RESULT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_FINAL_RESULT,
        false,
        VAR_RESULTS,
        results);
  }

  private void planImprovement(ExternalFixture f, ProcessInstance pi, String school) {
    f.complete(
        pi.getId(),
        TASK_PLAN_IMPROVEMENT,
        null,
        Groups.schoolQa(school),
        OnesqaStage.ONESQA_REASSESSMENT,
        false,
        "improvementActions",
        "ปรับปรุง");
  }

  private void recordReassessment(ExternalFixture f, ProcessInstance pi, Object results) {
    f.complete(
        pi.getId(),
        TASK_RECORD_REASSESSMENT,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_REASSESSMENT,
        false,
        VAR_RESULTS,
        results);
  }

  // --- helpers --------------------------------------------------------------------------------

  private void assertStatus(int year, String school, String status) {
    assertThat(state(year, school).status()).as("status of " + school).isEqualTo(status);
  }

  private SchoolState state(int year, String school) {
    return external.schools(DISTRICT, year).stream()
        .filter(s -> s.schoolCode().equals(school))
        .findFirst()
        .orElseThrow();
  }

  /** Deploys one model with every form (its user tasks bind forms from their own deployment). */
  private ProcessDefinition deploy(String process, String bpmn) {
    try {
      DeploymentBuilder deployment =
          repository.createDeployment().name("ExternalStatusPathsTest " + bpmn);
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(bpmn)) {
        assertThat(in).as(bpmn).isNotNull();
        deployment.addInputStream(process + ".bpmn", new ByteArrayInputStream(in.readAllBytes()));
      }
      for (Resource form :
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        deployment.addInputStream(
            form.getFilename(), new ByteArrayInputStream(form.getContentAsByteArray()));
      }
      return deployment.deployWithResult().getDeployedProcessDefinitions().get(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
