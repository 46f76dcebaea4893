package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.monitoringreport.MonitoringReportProcess;
import th.qaflow.monitoringreport.MonitoringReports;
import th.qaflow.monitoringreport.MonitoringReports.PublishedReport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;

/**
 * The demo's monitoring report loads through real form validation: made from the year's completed
 * visits (here two schools of 2582, as every school of 2568 in the demo), returned once by the
 * supervision director, approved, reported and published; a second load starts nothing.
 */
@ProcessTest
class DemoMonitoringReportTest {
  static final int YEAR = 2582;

  @Autowired DemoMonitoringReport demo;
  @Autowired MonitoringReports reports;
  @Autowired VisitRounds rounds;
  @Autowired TaskWork work;
  @Autowired TaskService tasks;
  @Autowired QaUsers users;
  @Autowired HistoryService history;

  @Test
  void publishedFromTheYearsVisitsWithOneReturn() {
    EngineTestClock.at(YEAR - 543 + 1, 1, 10, 10, 0);
    rounds.launch(users.byId("qaofficer"), DemoDistrict.DISTRICT, YEAR, 1, "1099-C1");
    for (int n = 1; n <= 2; n++) {
      visit(n);
    }
    demo.load(YEAR);
    PublishedReport published = reports.publishedFor(DemoDistrict.DISTRICT, YEAR).orElseThrow();
    assertThat(published.texts())
        .containsEntry(MonitoringReportProcess.VAR_OVERVIEW, DemoMonitoringReport.OVERVIEW);
    assertThat(published.schools()).isEqualTo(2);
    assertThat(published.committeeDate()).hasToString((YEAR - 543) + "-11-20");
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(
                    MonitoringReportProcess.businessKey(DemoDistrict.DISTRICT, YEAR))
                .taskDefinitionKey(MonitoringReportProcess.TASK_DRAFT_REPORT)
                .count())
        .as("returned once")
        .isEqualTo(2);

    demo.load(YEAR); // a second load starts nothing twice
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(
                    MonitoringReportProcess.businessKey(DemoDistrict.DISTRICT, YEAR))
                .count())
        .isEqualTo(1);
  }

  private void visit(int n) {
    String pi =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(DistrictVisitProcess.businessKey("109901000" + n, YEAR, 1))
            .singleResult()
            .getProcessInstanceId();
    for (String key : DistrictVisitProcess.TASKS) {
      String user =
          switch (key) {
            case DistrictVisitProcess.TASK_PLAN_VISIT, DistrictVisitProcess.TASK_RECORD_FINDINGS ->
                "supervisor1";
            case DistrictVisitProcess.TASK_APPOINT_COMMITTEE,
                DistrictVisitProcess.TASK_APPROVE_REPORT ->
                "supdirector";
            case DistrictVisitProcess.TASK_PREPARE_EVIDENCE -> "qa" + n;
            default -> "director" + n;
          };
      Task task =
          tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
      Completion c =
          work.complete(
              task.getId(),
              users.byId(user),
              DemoVisitAnswers.of(tasks, task, n, YEAR, DistrictVisitProcess.DECISION_APPROVE));
      assertThat(c.done()).as(key + " " + c.form()).isTrue();
    }
  }
}
