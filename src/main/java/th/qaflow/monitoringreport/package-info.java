/**
 * The district-level monitoring report (MonitoringReport): after a visit round, the findings of the
 * year's completed visits per standard and school, drafted into a report by the QA officer,
 * approved by the supervision director (or returned), reported to the district's monitoring
 * committee (ก.ต.ป.น.) and the schools, and published, with XLSX and PDF.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"committee", "kernel", "organisation", "security", "visit", "web"})
package th.qaflow.monitoringreport;
