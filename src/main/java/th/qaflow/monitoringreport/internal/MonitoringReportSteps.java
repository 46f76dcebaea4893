package th.qaflow.monitoringreport.internal;

import static th.qaflow.monitoringreport.MonitoringReportProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.monitoringreport.MonitoringReportPublished;

/**
 * The service tasks of MonitoringReport: {@code
 * ${monitoringReportSteps.collectFindings(execution)}} and {@code publish(execution)}. They run in
 * the engine's transaction, so the report's rows commit with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("monitoringReportSteps")
public class MonitoringReportSteps {
  private final JdbcMonitoringReports reports;
  private final ApplicationEventPublisher events;

  MonitoringReportSteps(JdbcMonitoringReports reports, ApplicationEventPublisher events) {
    this.reports = reports;
    this.events = events;
  }

  /** The findings of the year's completed visits, per school and standard. */
  public void collectFindings(DelegateExecution execution) {
    reports.collect(district(execution), year(execution));
  }

  /** The approved report, reported to the committee and the schools, is published. */
  public void publish(DelegateExecution execution) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : TEXTS) {
      Object v = execution.getVariable(name);
      texts.put(name, v == null ? null : v.toString());
    }
    Object date = execution.getVariable(VAR_COMMITTEE_DATE);
    Object note = execution.getVariable(VAR_COMMITTEE_NOTE);
    String district = district(execution);
    int year = year(execution);
    reports.approved(district, year);
    Instant at =
        reports.publish(
            district,
            year,
            texts,
            date == null || date.toString().isBlank()
                ? null
                : LocalDate.parse(date.toString().substring(0, 10)),
            note == null ? null : note.toString());
    events.publishEvent(
        new MonitoringReportPublished(district, year, publicPath(district, year), at));
  }

  private static String district(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.DISTRICT_CODE);
  }

  private static int year(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }
}
