package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.district.DistrictQaCycleProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.kernel.EscalationDue;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TestOrganisation;
import th.qaflow.synthesis.PublishedSynthesis;
import th.qaflow.synthesis.SarSynthesis;

/**
 * DistrictQaCycle on the real engine with the schools' real cycles: every school started once, the
 * SAR deadline lists and chases the missing schools, a school imported mid-year gets its cycle, the
 * synthesis is returned once and approved, and its publication carries the narrative. Years
 * 2730–2739.
 */
@ProcessTest
@RecordApplicationEvents
class DistrictQaCycleProcessTest {
  static final String D2 = "7273";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DistrictCycles districtCycles;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;
  @Autowired SarSynthesis synthesis;
  SchoolWalker walker;

  @BeforeEach
  void setUp() {
    walker = new SchoolWalker(runtime, tasks, management);
    SchoolWalker.clock(2187, 5, 16);
  }

  @Test
  void sarDeadlineListsAndChasesTheTwoMissingSchools() {
    int year = 2730;
    ProcessInstance pi = startDistrict("1099", year);
    assertThat(districtCycles.start("1099", year, "qaofficer"))
        .as("never two per district and year")
        .isEmpty();
    assertThat(pi.getBusinessKey()).isEqualTo("1099-" + year);

    complete(
        pi,
        TASK_PUBLISH_GUIDANCE,
        Groups.districtQaOfficer("1099"),
        DistrictStage.DISTRICT_GUIDANCE,
        Map.of());
    assertThat(schoolCycles(year)).as("every school's cycle started").isEqualTo(8);
    assertThat(runtime.getVariable(pi.getId(), VAR_SCHOOL_CYCLES_STARTED)).isEqualTo(8);
    complete(
        pi,
        TASK_APPOINT_COMMITTEE,
        Groups.supervisionDirector("1099"),
        DistrictStage.DISTRICT_COMMITTEE,
        Map.of());
    complete(
        pi,
        TASK_REPORT_LAST_YEAR,
        Groups.districtQaOfficer("1099"),
        DistrictStage.DISTRICT_LAST_YEAR_REPORT,
        Map.of());
    complete(
        pi,
        TASK_RUN_VISIT_ROUNDS,
        Groups.districtQaOfficer("1099"),
        DistrictStage.DISTRICT_VISIT_ROUNDS,
        Map.of());

    assertThat(pi).isWaitingAt(TIMER_SAR_DEADLINE);
    Job deadline =
        management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(deadline.getDuedate())
        .isEqualTo(Date.from(StageWindow.defaults(SchoolStage.SAR_SUBMISSION, year).dueAt()));

    // six schools submit; 7 and 8 do not
    for (int n = 1; n <= 6; n++) {
      walker.submit(cycleOf("109901000" + n, year));
    }
    String late = cycleOf("1099010008", year);
    walker.walkTo(late, SchoolQaCycleProcess.TASK_DRAFT_SAR);

    EngineTestClock.at(new Date(deadline.getDuedate().getTime() + 3_600_000));
    management.executeJob(deadline.getId());

    assertThat(pi).isWaitingAt(TASK_CHASE_MISSING_SARS);
    assertThat(runtime.getVariable(pi.getId(), VAR_MISSING_SCHOOLS))
        .isEqualTo("1099010007,1099010008");
    assertThat(runtime.getVariable(pi.getId(), VAR_MISSING_SAR_COUNT)).isEqualTo(2);
    List<EscalationDue> chased =
        events.stream(EscalationDue.class).filter(e -> e.academicYear() == year).toList();
    assertThat(chased)
        .extracting(EscalationDue::schoolCode)
        .containsOnly("1099010007", "1099010008");
    assertThat(chased)
        .extracting(EscalationDue::level)
        .containsExactlyInAnyOrder("DIRECTOR", "SUPERVISOR", "DIRECTOR", "SUPERVISOR");
    Task lateTask = tasks.createTaskQuery().processInstanceId(late).singleResult();
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where task_id = :t")
                .param("t", lateTask.getId())
                .query(Integer.class)
                .single())
        .as("escalation mails in the outbox")
        .isPositive();

    complete(
        pi,
        TASK_CHASE_MISSING_SARS,
        Groups.districtQaOfficer("1099"),
        DistrictStage.DISTRICT_SAR_CHASE,
        Map.of());
    assertThat(pi).isWaitingAt(TASK_CONFIRM_REVIEWS_DONE);
  }

  @Test
  void midYearSchoolAllSarsInSynthesisReturnedThenApprovedAndPublished() {
    int year = 2731;
    importCsv(
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind\n" + D2 + ",สพป.ทดสอบเขต " + D2 + ",Test " + D2 + ",PRIMARY\n");
    importCsv(ImportKind.SCHOOLS, schoolsHeader() + schoolRow(1));
    importCsv(
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password\n"
            + "u"
            + D2
            + "off,ปรียา,แก้วมณี,u"
            + D2
            + "off@qaflow.example,DISTRICT_QA_OFFICER,"
            + D2
            + ",,,secret\n"
            + "u"
            + D2
            + "supdir,สุรชัย,ทองคำ,u"
            + D2
            + "supdir@qaflow.example,SUPERVISION_DIRECTOR,"
            + D2
            + ",,,secret\n");

    ProcessInstance pi = startDistrict(D2, year);
    complete(pi, TASK_PUBLISH_GUIDANCE, Groups.districtQaOfficer(D2), null, Map.of());
    assertThat(runtime.getVariable(pi.getId(), VAR_SCHOOL_CYCLES_STARTED)).isEqualTo(1);

    // a school added mid-year gets its cycle at once, and only once
    importCsv(ImportKind.SCHOOLS, schoolsHeader() + schoolRow(1) + schoolRow(2));
    String second = cycleOf(school(2), year);
    assertThat(second).isNotNull();
    importCsv(ImportKind.SCHOOLS, schoolsHeader() + schoolRow(1) + schoolRow(2) + schoolRow(3));
    assertThat(
            jdbc.sql(
                    "select count(*) from school_cycle where school_code like :p and academic_year = :y")
                .param("p", D2 + "%")
                .param("y", year)
                .query(Integer.class)
                .single())
        .isEqualTo(3);

    complete(pi, TASK_APPOINT_COMMITTEE, Groups.supervisionDirector(D2), null, Map.of());
    complete(pi, TASK_REPORT_LAST_YEAR, Groups.districtQaOfficer(D2), null, Map.of());
    complete(pi, TASK_RUN_VISIT_ROUNDS, Groups.districtQaOfficer(D2), null, Map.of());
    for (int n = 1; n <= 3; n++) {
      walker.submit(cycleOf(school(n), year));
    }
    Job deadline =
        management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    EngineTestClock.at(
        new Date(
            Math.max(deadline.getDuedate().getTime(), EngineTestClock.now().getTime())
                + 3_600_000));
    management.executeJob(deadline.getId());

    assertThat(runtime.getVariable(pi.getId(), VAR_MISSING_SAR_COUNT)).isEqualTo(0);
    assertThat(pi).isWaitingAt(TASK_CONFIRM_REVIEWS_DONE).hasNotPassed(TASK_CHASE_MISSING_SARS);
    complete(
        pi,
        TASK_CONFIRM_REVIEWS_DONE,
        Groups.districtQaOfficer(D2),
        DistrictStage.SAR_REVIEW,
        Map.of());

    Map<String, Object> narrative =
        Map.of(
            "synthesisOverview",
            "ภาพรวมดี",
            "synthesisStrengths",
            "ผู้เรียนมีคุณลักษณะที่ดี",
            "synthesisWeaknesses",
            "ผลสัมฤทธิ์คณิตศาสตร์",
            "synthesisRecommendations",
            "พัฒนาการสอนคณิตศาสตร์");
    complete(
        pi, TASK_SYNTHESISE_SARS, Groups.districtQaOfficer(D2), DistrictStage.SYNTHESIS, narrative);
    complete(
        pi,
        TASK_APPROVE_SYNTHESIS,
        Groups.supervisionDirector(D2),
        DistrictStage.SYNTHESIS_APPROVAL,
        Map.of(VAR_SYNTHESIS_DECISION, "return"));
    assertThat(pi).isWaitingAt(TASK_SYNTHESISE_SARS);
    assertThat(
            BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(GATEWAY_SYNTHESISE_SARS_MERGE)
                .count())
        .as("first synthesis and the return")
        .isEqualTo(2);
    assertThat(
            events.stream(SynthesisApproved.class).filter(e -> e.districtCode().equals(D2)).count())
        .isZero();
    complete(pi, TASK_SYNTHESISE_SARS, Groups.districtQaOfficer(D2), null, narrative);

    Task approve = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    tasks.claim(approve.getId(), "u" + D2 + "supdir");
    tasks.complete(approve.getId(), Map.of(VAR_SYNTHESIS_DECISION, "approve"));

    assertThat(pi).isWaitingAt(TASK_REPORT_SYNTHESIS);
    Task report = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(report)
        .hasCandidateGroup(Groups.districtDirector(D2))
        .hasCandidateGroup(Groups.districtQaOfficer(D2));
    tasks.complete(report.getId());

    List<SynthesisApproved> published =
        events.stream(SynthesisApproved.class).filter(e -> e.districtCode().equals(D2)).toList();
    assertThat(published).hasSize(1);
    assertThat(published.get(0).academicYear()).isEqualTo(year);
    assertThat(published.get(0).narrative()).isEqualTo(narrative);
    assertThat(published.get(0).approvedBy()).isEqualTo("u" + D2 + "supdir");
    // the synthesis module stored the public report in the same transaction
    PublishedSynthesis stored = synthesis.published(D2, year).orElseThrow();
    assertThat(stored.approvedBy()).isEqualTo("u" + D2 + "supdir");
    assertThat(stored.summary().schoolsInDistrict()).isEqualTo(3);

    complete(
        pi,
        TASK_SELECT_GOOD_PRACTICES,
        Groups.districtQaOfficer(D2),
        DistrictStage.DISTRICT_GOOD_PRACTICES,
        Map.of());
    assertThat(pi).isEnded().hasPassed(END_DISTRICT_YEAR_DONE);
  }

  // --- helpers

  private ProcessInstance startDistrict(String district, int year) {
    String id = districtCycles.start(district, year, "qaofficer").orElseThrow();
    assertThat(districtCycles.instanceId(district, year)).contains(id);
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void complete(
      ProcessInstance pi,
      String taskKey,
      String group,
      Stage stage,
      Map<String, Object> variables) {
    assertThat(pi).isWaitingAt(taskKey);
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).hasDefinitionKey(taskKey).hasCandidateGroup(group);
    assertThat(tasks.getVariableLocal(task.getId(), "stage")).isNotNull();
    if (stage != null) {
      assertThat(tasks.getVariableLocal(task.getId(), "stage")).isEqualTo(stage.name());
      int year =
          ((Number) runtime.getVariable(pi.getId(), ProcessVariables.ACADEMIC_YEAR)).intValue();
      assertThat(task.getDueDate()).isEqualTo(Date.from(StageWindow.defaults(stage, year).dueAt()));
    }
    tasks.complete(task.getId(), variables);
  }

  private long schoolCycles(int year) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
        .variableValueEquals("districtCode", "1099")
        .variableValueEquals("academicYear", year)
        .count();
  }

  private String cycleOf(String school, int year) {
    return jdbc.sql(
            "select process_instance_id from school_cycle where school_code = :s and academic_year = :y")
        .param("s", school)
        .param("y", year)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static String school(int n) {
    return D2 + "01000" + n;
  }

  private static String schoolsHeader() {
    return "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n";
  }

  private static String schoolRow(int n) {
    return school(n)
        + ",9"
        + D2
        + "00"
        + n
        + ",โรงเรียนบ้านทดสอบ"
        + n
        + ",Ban Test "
        + n
        + ","
        + D2
        + ","
        + D2
        + "-C1,กลุ่มทดสอบ,false,true\n";
  }

  private void importCsv(ImportKind kind, String csv) {
    TestOrganisation.importCsv(organisation, kind, csv);
  }
}
