package th.qaflow.monitoringreport;

import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDates;

/**
 * The stages of the district-level monitoring report (MonitoringReport): after the first semester's
 * visit rounds (VISIT_* stages end in September), drafted in October, approved and reported to the
 * committee in November.
 */
public enum MonitoringReportStage implements Stage {
  MONITORING_REPORT_DRAFT(StageDates.of(10, 1, 0, 10, 31, 0)),
  MONITORING_REPORT_APPROVAL(StageDates.of(10, 1, 0, 11, 15, 0)),
  MONITORING_REPORT_COMMITTEE(StageDates.of(10, 1, 0, 11, 30, 0));

  private final StageDates dates;

  MonitoringReportStage(StageDates dates) {
    this.dates = dates;
  }

  @Override
  public StageDates dates() {
    return dates;
  }
}
