package th.qaflow.monitoringreport.internal;

import static th.qaflow.monitoringreport.MonitoringReportProcess.TASK_REPORT_TO_COMMITTEE;
import static th.qaflow.monitoringreport.MonitoringReportProcess.VAR_RECOMMENDATIONS;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.committee.AgendaSource;

/**
 * Proposes the district's monitoring report to ก.ต.ป.น. while it waits to be reported there, i.e.
 * approved by the supervision director, its step "report to ก.ต.ป.น." open (001 L288): this year's,
 * or last year's when it is still waiting.
 */
@Component
@Order(4)
class MonitoringReportAgenda implements AgendaSource {
  private final JdbcMonitoringReports reports;
  private final TaskService tasks;
  private final RuntimeService runtime;

  MonitoringReportAgenda(
      JdbcMonitoringReports reports, @Lazy TaskService tasks, @Lazy RuntimeService runtime) {
    this.reports = reports;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @Override
  public List<AgendaSuggestion> suggestions(String districtCode, int academicYearBE) {
    for (int year : new int[] {academicYearBE, academicYearBE - 1}) {
      String pi =
          reports
              .report(districtCode, year)
              .filter(r -> !r.published())
              .map(JdbcMonitoringReports.Report::processInstanceId)
              .orElse(null);
      if (pi != null && waitsForCommittee(pi)) {
        Object recommendations = runtime.getVariable(pi, VAR_RECOMMENDATIONS);
        return List.of(
            new AgendaSuggestion(
                "MONITORING_REPORT",
                "รับทราบรายงานผลการติดตาม ตรวจสอบ และประเมินผลการประกันคุณภาพการศึกษา ระดับเขตพื้นที่"
                    + " ปีการศึกษา "
                    + year,
                recommendations == null || recommendations.toString().isBlank()
                    ? "รายงานที่ผู้อำนวยการกลุ่มนิเทศฯ ให้ความเห็นชอบแล้ว"
                    : "ข้อเสนอแนะ: " + recommendations));
      }
    }
    return List.of();
  }

  private boolean waitsForCommittee(String processInstanceId) {
    return tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(TASK_REPORT_TO_COMMITTEE)
            .count()
        > 0;
  }
}
