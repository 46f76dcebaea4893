package th.qaflow.monitoringreport.internal;

import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import th.qaflow.monitoringreport.internal.JdbcMonitoringReports.Finding;
import th.qaflow.monitoringreport.internal.JdbcMonitoringReports.Report;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.web.NotFoundException;

/**
 * The district's published monitoring report, for everyone without a login: the texts and the
 * findings per standard (no school's own findings), and its PDF. A report not published is 404, the
 * same as an unknown address.
 */
@Controller
class PublicMonitoringReportController {
  private final JdbcMonitoringReports reports;
  private final MonitoringReportFiles files;
  private final OrganisationDirectory directory;

  PublicMonitoringReportController(
      JdbcMonitoringReports reports, MonitoringReportFiles files, OrganisationDirectory directory) {
    this.reports = reports;
    this.files = files;
    this.directory = directory;
  }

  @GetMapping("/public/districts/{district}/monitoring-report/{year:\\d{4}}")
  String page(@PathVariable String district, @PathVariable int year, Model model) {
    Report report = published(district, year);
    District d = directory.district(district).orElseThrow(() -> new NotFoundException(district));
    List<Finding> findings = reports.findings(district, year, null);
    model.addAttribute("district", d);
    model.addAttribute("report", report);
    model.addAttribute("texts", report.texts());
    model.addAttribute("standards", JdbcMonitoringReports.perStandard(findings));
    model.addAttribute("schools", findings.stream().map(Finding::schoolCode).distinct().count());
    return "monitoringreport/public";
  }

  /** The PDF ({@code ?format=pdf}: the same public address as the page). */
  @GetMapping(
      path = "/public/districts/{district}/monitoring-report/{year:\\d{4}}",
      params = "format=pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String district, @PathVariable int year) {
    Report report = published(district, year);
    District d = directory.district(district).orElseThrow(() -> new NotFoundException(district));
    List<Finding> findings = reports.findings(district, year, null);
    // the public file has the texts and the per-standard table, not each school's findings
    return MonitoringReportController.download(
        files.pdf(
            new MonitoringReportFiles.Content(
                d.nameTh(),
                report,
                report.texts(),
                JdbcMonitoringReports.perStandard(findings),
                List.of()),
            LocaleContextHolder.getLocale()),
        MediaType.APPLICATION_PDF,
        "monitoring-report-" + district + "-" + year + ".pdf");
  }

  private Report published(String district, int year) {
    return reports
        .report(district, year)
        .filter(Report::published)
        .orElseThrow(() -> new NotFoundException("monitoring report " + district + "/" + year));
  }
}
