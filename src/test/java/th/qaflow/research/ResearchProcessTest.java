package th.qaflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.research.ResearchProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
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
import th.qaflow.organisation.Groups;
import th.qaflow.research.ResearchProjects.Kind;
import th.qaflow.research.ResearchProjects.Project;
import th.qaflow.research.ResearchProjects.Round;
import th.qaflow.research.SchoolResearchRegister.SchoolProject;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;

/**
 * DistrictResearch on the real engine, every path: the study, the synthesis of the schools'
 * research, the proposal returned once and approved, the plan, a first round (collect, analyse,
 * evaluate: did not work), the revision and a second round that works (the model loop), the report,
 * the timer of the sharing window on the district calendar, the sharing event and the publication.
 * Each task's stage, candidate groups and due date come from the model and the district calendar.
 * District 1099, academic years 2913 and 2613 (nobody else's).
 */
@ProcessTest
class ResearchProcessTest {
  static final String D = "1099";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ResearchProjects projects;
  @Autowired SchoolResearchRegister schools;
  @Autowired List<th.qaflow.committee.AgendaSource> agendaSources;
  @Autowired CalendarEditor calendar;
  @Autowired QaUsers users;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2913 - 543, 5, 20, 9, 0);
  }

  @Test
  void everyPathWithTheProposalReturnLoopAndTheReviseAndTryAgainLoop() {
    int year = 2913;
    long id = projects.start(D, year, Kind.R2R, "การส่งเสริมการประกันคุณภาพแบบ PLC", "supdirector");
    Project started = projects.project(id).orElseThrow();
    ProcessInstance pi = instance(started);
    assertThat(pi.getBusinessKey()).isEqualTo("1099-2913-RESEARCH-" + id);
    assertThat(started.kind()).isEqualTo(Kind.R2R);
    assertThat(projects.projects(D)).extracting(Project::id).contains(id);

    complete(
        pi,
        TASK_STUDY_NEEDS,
        staff(),
        ResearchStage.RESEARCH_STUDY,
        Map.of(VAR_INNOVATIONS, "PLC ข้ามโรงเรียน", VAR_PROBLEMS, "SAR ไม่สะท้อนผล"));
    complete(
        pi,
        TASK_SYNTHESISE_SCHOOLS,
        staff(),
        ResearchStage.RESEARCH_SYNTHESIS,
        Map.of(VAR_SYNTHESIS_COUNT, 3L, VAR_SYNTHESIS, "โรงเรียนใช้ PLC ได้ผล"));
    assertThat(projects.project(id).orElseThrow().synthesis()).isEqualTo("โรงเรียนใช้ PLC ได้ผล");
    assertThat(projects.project(id).orElseThrow().synthesisedProjects()).isEqualTo(3);
    complete(pi, TASK_DRAFT_PROPOSAL, staff(), ResearchStage.RESEARCH_PROPOSAL, proposal("v1"));
    complete(
        pi,
        TASK_APPROVE_PROPOSAL,
        List.of(supDirector()),
        ResearchStage.RESEARCH_APPROVAL,
        Map.of(VAR_PROPOSAL_DECISION, DECISION_RETURN, VAR_PROPOSAL_COMMENTS, "ระบุกลุ่มเป้าหมาย"));
    assertThat(pi).isWaitingAt(TASK_DRAFT_PROPOSAL);
    Project returned = projects.project(id).orElseThrow();
    assertThat(returned.approvedAt()).isNull();
    assertThat(returned.revisions()).isEqualTo(1);
    complete(pi, TASK_DRAFT_PROPOSAL, staff(), null, proposal("v2"));
    complete(
        pi,
        TASK_APPROVE_PROPOSAL,
        List.of(supDirector()),
        null,
        Map.of(VAR_PROPOSAL_DECISION, DECISION_APPROVE));
    Project approved = projects.project(id).orElseThrow();
    assertThat(approved.approvedAt()).isNotNull();
    assertThat(approved.question()).isEqualTo("คำถาม v2");
    assertThat(approved.revisions()).isEqualTo(1);

    complete(
        pi,
        TASK_PLAN,
        staff(),
        ResearchStage.RESEARCH_PLAN,
        Map.of(VAR_SAMPLE, "โรงเรียน 20 แห่ง", VAR_PLAN, "แบบสอบถาม"));
    assertThat(projects.project(id).orElseThrow().sample()).isEqualTo("โรงเรียน 20 แห่ง");

    // round 1: did not work → revise and try again
    complete(
        pi,
        TASK_COLLECT_DATA,
        staff(),
        ResearchStage.RESEARCH_DATA,
        Map.of(VAR_RESPONDENTS, 20L, VAR_DATA_COLLECTED, "ครบ 20 แห่ง"));
    complete(
        pi,
        TASK_ANALYSE,
        staff(),
        ResearchStage.RESEARCH_ANALYSIS,
        Map.of(VAR_FINDINGS, "ครึ่งหนึ่งไม่เปลี่ยน"));
    complete(
        pi,
        TASK_EVALUATE_MODEL,
        List.of(supDirector()),
        ResearchStage.RESEARCH_EVALUATION,
        Map.of(VAR_MODEL_EVALUATION, "ยังไม่ได้ผล", VAR_MODEL_EFFECTIVE, "no"));
    complete(
        pi,
        TASK_REVISE_MODEL,
        staff(),
        ResearchStage.RESEARCH_REVISION,
        Map.of(VAR_REVISION, "เพิ่มการโค้ชรายสัปดาห์"));
    Task again = task(pi, TASK_COLLECT_DATA, staff(), null);
    assertThat(again.getDueDate())
        .as("a round again is never born overdue")
        .isAfter(EngineTestClock.now());
    tasks.complete(again.getId(), Map.of(VAR_RESPONDENTS, 18L, VAR_DATA_COLLECTED, "รอบ 2"));
    complete(pi, TASK_ANALYSE, staff(), null, Map.of(VAR_FINDINGS, "ดีขึ้นชัดเจน"));
    complete(
        pi,
        TASK_EVALUATE_MODEL,
        List.of(supDirector()),
        null,
        Map.of(VAR_MODEL_EVALUATION, "ได้ผล", VAR_MODEL_EFFECTIVE, EFFECTIVE_YES));
    assertThat(projects.rounds(id))
        .extracting(Round::round, Round::respondents, Round::effective, Round::revision)
        .containsExactly(
            Tuple.tuple(1, 20, false, "เพิ่มการโค้ชรายสัปดาห์"), Tuple.tuple(2, 18, true, null));

    complete(
        pi,
        TASK_WRITE_REPORT,
        staff(),
        ResearchStage.RESEARCH_REPORT,
        Map.of(VAR_SUMMARY, "รูปแบบได้ผล", VAR_RECOMMENDATIONS, "ขยายผลทุกกลุ่ม"));

    // the sharing event waits for the calendar's window
    Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    Date opens = Date.from(StageWindow.defaults(ResearchStage.RESEARCH_SHARING, year).opensAt());
    assertThat(timer.getDuedate()).isEqualTo(opens);
    assertThat(pi).isWaitingAt(TIMER_SHARING_OPENS);
    EngineTestClock.at(new Date(opens.getTime() + 60_000));
    management.executeJob(timer.getId());
    complete(
        pi,
        TASK_HOLD_SHARING,
        List.of(supDirector()),
        ResearchStage.RESEARCH_SHARING,
        Map.of(
            VAR_SHARING_DATE,
            (year + 1 - 543) + "-04-10",
            VAR_SHARING_ATTENDANCE,
            60L,
            VAR_PUBLICATION,
            "เว็บไซต์ สพป."));

    assertThat(pi)
        .isEnded()
        .hasPassed(TASK_REVISE_MODEL, TIMER_SHARING_OPENS, TASK_PUBLISH, END_PUBLISHED);
    Project published = projects.project(id).orElseThrow();
    assertThat(published.published()).isTrue();
    assertThat(published.summary()).isEqualTo("รูปแบบได้ผล");
    assertThat(published.sharingOn()).isEqualTo(LocalDate.of(year + 1 - 543, 4, 10));
    assertThat(published.sharingAttendance()).isEqualTo(60);
    assertThat(published.publication()).isEqualTo("เว็บไซต์ สพป.");

    // the report is proposed to ก.ต.ป.น.
    assertThat(
            agendaSources.stream()
                .flatMap(source -> source.suggestions(D, year).stream())
                .filter(item -> item.source().equals("RESEARCH")))
        .anySatisfy(
            item -> {
              assertThat(item.title())
                  .contains("รับทราบรายงานผลการวิจัย (R2R)")
                  .contains("การส่งเสริมการประกันคุณภาพแบบ PLC");
              assertThat(item.note()).contains("รูปแบบได้ผล").contains("ขยายผลทุกกลุ่ม");
            });
  }

  @Test
  void aMovedSharingWindowMovesTheTimerAndAMovedDueDateTheOpenTask() {
    int year = 2613; // the calendar takes years 2500–2700
    EngineTestClock.at(year - 543, 5, 20, 9, 0);
    long id = projects.start(D, year, Kind.NEEDS, "สภาพปัญหา", "qaofficer");
    ProcessInstance pi = instance(projects.project(id).orElseThrow());
    StageWindow study = StageWindow.defaults(ResearchStage.RESEARCH_STUDY, year);
    StageWindow later = new StageWindow(study.stage(), study.opens(), study.due().plusDays(10));
    calendar.save(D, year, List.of(later), users.byId("qaofficer"));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate())
        .isEqualTo(Date.from(later.dueAt()));

    complete(pi, TASK_STUDY_NEEDS, staff(), null, Map.of(VAR_INNOVATIONS, "-", VAR_PROBLEMS, "-"));
    complete(
        pi,
        TASK_SYNTHESISE_SCHOOLS,
        staff(),
        null,
        Map.of(VAR_SYNTHESIS_COUNT, 0L, VAR_SYNTHESIS, "-"));
    complete(pi, TASK_DRAFT_PROPOSAL, staff(), null, proposal("x"));
    complete(
        pi,
        TASK_APPROVE_PROPOSAL,
        List.of(supDirector()),
        null,
        Map.of(VAR_PROPOSAL_DECISION, DECISION_APPROVE));
    complete(pi, TASK_PLAN, staff(), null, Map.of(VAR_SAMPLE, "-", VAR_PLAN, "-"));
    complete(
        pi, TASK_COLLECT_DATA, staff(), null, Map.of(VAR_RESPONDENTS, 1L, VAR_DATA_COLLECTED, "-"));
    complete(pi, TASK_ANALYSE, staff(), null, Map.of(VAR_FINDINGS, "-"));
    complete(
        pi,
        TASK_EVALUATE_MODEL,
        List.of(supDirector()),
        null,
        Map.of(VAR_MODEL_EVALUATION, "-", VAR_MODEL_EFFECTIVE, EFFECTIVE_YES));
    complete(
        pi, TASK_WRITE_REPORT, staff(), null, Map.of(VAR_SUMMARY, "-", VAR_RECOMMENDATIONS, "-"));
    StageWindow sharing = StageWindow.defaults(ResearchStage.RESEARCH_SHARING, year);
    StageWindow moved =
        new StageWindow(sharing.stage(), sharing.opens().plusDays(7), sharing.due());
    calendar.save(D, year, List.of(moved), users.byId("qaofficer"));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult())
        .satisfies(j -> assertThat(j.getDuedate()).isEqualTo(Date.from(moved.opensAt())));
  }

  @Test
  void aSchoolsJointProjectWithItsToolsSentBackOnceIsReported() {
    int year = 2913;
    String school = "1099010001";
    long id =
        schools.register(
            school,
            year,
            "การประเมินตนเองด้วย PLC",
            "PLC ช่วยให้ครูประเมินตนเองได้ดีขึ้นหรือไม่",
            "ครูสมใจ และคณะ",
            List.of("1099010002"),
            "qa1");
    SchoolProject registered = schools.project(id).orElseThrow();
    assertThat(registered.partners()).containsExactly("1099010002");
    assertThat(schools.ofSchool("1099010002")).extracting(SchoolProject::id).contains(id);
    assertThat(schools.ofDistrict(D)).extracting(SchoolProject::id).contains(id);
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(registered.processInstanceId())
            .singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(school + "-2913-RESEARCH-" + id);
    List<String> qa = List.of(Groups.schoolQa(school), Groups.schoolDirector(school));
    List<String> adviser = List.of(Groups.clusterSupervisor("1099-C1"));

    complete(
        pi,
        SchoolResearchProcess.TASK_DEVELOP_TOOLS,
        qa,
        ResearchStage.SCHOOL_RESEARCH_TOOLS,
        Map.of(SchoolResearchProcess.VAR_TOOLS, "แบบสอบถาม 20 ข้อ"));
    complete(
        pi,
        SchoolResearchProcess.TASK_CHECK_TOOLS,
        adviser,
        ResearchStage.SCHOOL_RESEARCH_CHECK,
        Map.of(
            SchoolResearchProcess.VAR_TOOLS_DECISION,
            SchoolResearchProcess.DECISION_RETURN,
            SchoolResearchProcess.VAR_TOOLS_COMMENTS,
            "ข้อคำถามซ้ำซ้อน"));
    assertThat(pi).isWaitingAt(SchoolResearchProcess.TASK_DEVELOP_TOOLS);
    assertThat(schools.project(id).orElseThrow().toolsReturns()).isEqualTo(1);
    complete(
        pi,
        SchoolResearchProcess.TASK_DEVELOP_TOOLS,
        qa,
        null,
        Map.of(SchoolResearchProcess.VAR_TOOLS, "แบบสอบถาม 15 ข้อ"));
    complete(
        pi,
        SchoolResearchProcess.TASK_CHECK_TOOLS,
        adviser,
        null,
        Map.of(SchoolResearchProcess.VAR_TOOLS_DECISION, SchoolResearchProcess.DECISION_APPROVE));
    assertThat(schools.project(id).orElseThrow().toolsApprovedAt()).isNotNull();
    complete(
        pi,
        SchoolResearchProcess.TASK_RECORD_DATA,
        qa,
        ResearchStage.SCHOOL_RESEARCH_DATA,
        Map.of(
            SchoolResearchProcess.VAR_DATA,
            "ครู 24 คน ตอบแบบสอบถาม",
            SchoolResearchProcess.VAR_PROGRESS,
            60L));
    assertThat(schools.project(id).orElseThrow().progress()).isEqualTo(60);
    complete(
        pi,
        SchoolResearchProcess.TASK_FINAL_REPORT,
        qa,
        ResearchStage.SCHOOL_RESEARCH_REPORT,
        Map.of(
            SchoolResearchProcess.VAR_FINDINGS,
            "ครูประเมินตนเองได้ดีขึ้น",
            SchoolResearchProcess.VAR_USE,
            "ใช้ปรับ SAR"));
    assertThat(pi)
        .isEnded()
        .hasPassed(SchoolResearchProcess.TASK_FINISH, SchoolResearchProcess.END_REPORTED);
    SchoolProject reported = schools.project(id).orElseThrow();
    assertThat(reported.reported()).isTrue();
    assertThat(reported.progress()).isEqualTo(100);
    assertThat(reported.findings()).isEqualTo("ครูประเมินตนเองได้ดีขึ้น");
    assertThat(reported.toolsReturns()).isEqualTo(1);
  }

  private ProcessInstance instance(Project project) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(project.processInstanceId())
        .singleResult();
  }

  private Task task(ProcessInstance pi, String key, List<String> groups, ResearchStage stage) {
    return ProcessDriver.openTask(tasks, runtime, pi.getId(), key, groups, stage);
  }

  private void complete(
      ProcessInstance pi,
      String key,
      List<String> groups,
      ResearchStage stage,
      Map<String, Object> vars) {
    tasks.complete(task(pi, key, groups, stage).getId(), vars);
  }

  static String supDirector() {
    return Groups.supervisionDirector(D);
  }

  static List<String> staff() {
    return List.of(Groups.supervisionDirector(D), Groups.districtQaOfficer(D));
  }

  static Map<String, Object> proposal(String version) {
    return Map.of(VAR_QUESTION, "คำถาม " + version, VAR_METHOD, "วิธี " + version);
  }
}
