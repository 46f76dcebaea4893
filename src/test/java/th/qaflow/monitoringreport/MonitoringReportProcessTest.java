package th.qaflow.monitoringreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.monitoringreport.MonitoringReportProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import th.qaflow.calendar.StageWindow;
import th.qaflow.committee.AgendaSource;
import th.qaflow.committee.AgendaSource.AgendaSuggestion;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.monitoringreport.MonitoringReports.PublishedReport;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.visit.VisitRounds;

/**
 * MonitoringReport on the real engine, every path: the findings of the year's completed visits are
 * collected per school and standard; the QA officer drafts, the supervision director returns the
 * report once (back to the draft, the text kept) and then approves it; the officer reports it to
 * the committee and the schools; it is published with {@link MonitoringReportPublished} and read
 * through {@link MonitoringReports#publishedFor}. District 1099, year 2584.
 */
@ProcessTest
@RecordApplicationEvents
class MonitoringReportProcessTest {
  static final int YEAR = 2584;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired VisitRounds rounds;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired MonitoringReports reports;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;
  @Autowired List<AgendaSource> agendaSources;

  ReportFixture fixture;

  @BeforeEach
  void setUp() {
    EngineTestClock.at(YEAR - 543, 9, 1, 9, 0);
    fixture = new ReportFixture(rounds, work, tasks, users);
  }

  @Test
  void draftedReturnedOnceApprovedReportedAndPublished() {
    fixture.visit(YEAR, 1, 2);
    String pi = reports.start(ReportFixture.D, YEAR, "qaofficer").orElseThrow();
    assertThat(reports.start(ReportFixture.D, YEAR, "supdirector")).as("one per year").isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult())
        .hasPassed(TASK_COLLECT_FINDINGS);
    assertThat(
            jdbc.sql(
                    "select count(distinct school_code) from monitoring_report_finding where district_code = '1099' and academic_year = :y")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .as("the two completed visits, not the two still running")
        .isEqualTo(2);
    assertThat(reports.publishedFor(ReportFixture.D, YEAR)).isEmpty();

    // drafted, returned with comments, redrafted (the text kept), approved
    complete(
        pi,
        TASK_DRAFT_REPORT,
        Groups.districtQaOfficer(ReportFixture.D),
        MonitoringReportStage.MONITORING_REPORT_DRAFT,
        ReportFixture.draft("ภาพรวมรอบแรก"));
    complete(
        pi,
        TASK_APPROVE_REPORT,
        Groups.supervisionDirector(ReportFixture.D),
        MonitoringReportStage.MONITORING_REPORT_APPROVAL,
        Map.of(VAR_DECISION, DECISION_RETURN, VAR_COMMENTS, "เพิ่มข้อเสนอแนะรายมาตรฐาน"));
    ProcessInstance instance =
        runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(instance).isWaitingAt(TASK_DRAFT_REPORT);
    assertThat(agenda(YEAR)).as("not proposed to ก.ต.ป.น. before approval").isEmpty();
    assertThat(runtime.getVariable(pi, VAR_OVERVIEW)).isEqualTo("ภาพรวมรอบแรก");
    complete(
        pi,
        TASK_DRAFT_REPORT,
        Groups.districtQaOfficer(ReportFixture.D),
        null,
        ReportFixture.draft("ภาพรวมรอบสอง"));
    complete(
        pi,
        TASK_APPROVE_REPORT,
        Groups.supervisionDirector(ReportFixture.D),
        null,
        Map.of(VAR_DECISION, DECISION_APPROVE));
    assertThat(reports.publishedFor(ReportFixture.D, YEAR))
        .as("not before the committee")
        .isEmpty();
    // approved: proposed for the committee's agenda, this year and early next year
    assertThat(agenda(YEAR))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.title()).contains("ปีการศึกษา " + YEAR);
              assertThat(item.note()).startsWith("ข้อเสนอแนะ: ");
            });
    assertThat(agenda(YEAR + 1)).hasSize(1);

    // reported to the committee and the schools, then published
    complete(
        pi,
        TASK_REPORT_TO_COMMITTEE,
        Groups.districtQaOfficer(ReportFixture.D),
        MonitoringReportStage.MONITORING_REPORT_COMMITTEE,
        Map.of(
            VAR_COMMITTEE_DATE,
            (YEAR - 543) + "-11-20",
            VAR_COMMITTEE_NOTE,
            "ก.ต.ป.น. รับทราบ",
            VAR_SCHOOLS_INFORMED,
            true));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(agenda(YEAR)).as("reported: no longer proposed").isEmpty();

    PublishedReport published = reports.publishedFor(ReportFixture.D, YEAR).orElseThrow();
    assertThat(published.texts()).containsEntry(VAR_OVERVIEW, "ภาพรวมรอบสอง");
    assertThat(published.schools()).isEqualTo(2);
    assertThat(published.committeeDate()).hasToString((YEAR - 543) + "-11-20");
    assertThat(published.standards()).isNotEmpty();
    assertThat(published.standards())
        .allSatisfy(
            s -> {
              assertThat(s.schools()).isEqualTo(2);
              assertThat(s.levels().values().stream().mapToInt(Integer::intValue).sum())
                  .isEqualTo(2);
            });
    assertThat(published.publicPath()).isEqualTo("/public/districts/1099/monitoring-report/2584");
    assertThat(events.stream(MonitoringReportPublished.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.districtCode()).isEqualTo("1099");
              assertThat(e.academicYear()).isEqualTo(YEAR);
              assertThat(e.publicPath()).isEqualTo(published.publicPath());
            });
  }

  /** What the monitoring report proposes for a ก.ต.ป.น. meeting of the year. */
  private List<AgendaSuggestion> agenda(int year) {
    return agendaSources.stream()
        .flatMap(source -> source.suggestions(ReportFixture.D, year).stream())
        .filter(item -> item.source().equals("MONITORING_REPORT"))
        .toList();
  }

  private void complete(
      String pi, String key, String group, MonitoringReportStage stage, Map<String, Object> vars) {
    Task task = fixture.open(pi, key);
    assertThat(tasks.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly(group);
    if (stage != null) {
      assertThat(tasks.getVariableLocal(task.getId(), ProcessVariables.STAGE))
          .isEqualTo(stage.name());
      assertThat(task.getDueDate())
          .as("due on the district calendar")
          .isEqualTo(Date.from(StageWindow.defaults(stage, YEAR).dueAt()));
    }
    tasks.complete(task.getId(), vars);
  }
}
