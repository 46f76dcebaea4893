package th.qaflow.monitoringreport.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.monitoringreport.internal.JdbcMonitoringReports.Finding;
import th.qaflow.monitoringreport.internal.JdbcMonitoringReports.Report;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.TableWriter;

/**
 * The monitoring report's pages. Scope, checked here on the server: the district page and its
 * downloads for the district's staff (supervisors included), OBEC and admins; a school's page for
 * whoever may see that school (its own users see only its own findings); starting a report for the
 * district's QA officer or supervision director.
 */
@Controller
class MonitoringReportController {
  private final JdbcMonitoringReports reports;
  private final MonitoringReportFiles files;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final Clock clock;

  MonitoringReportController(
      JdbcMonitoringReports reports,
      MonitoringReportFiles files,
      OrganisationDirectory directory,
      @Lazy TaskService tasks,
      Clock clock) {
    this.reports = reports;
    this.files = files;
    this.directory = directory;
    this.tasks = tasks;
    this.clock = clock;
  }

  @GetMapping("/district/monitoring-report")
  String page(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Integer year,
      Model model) {
    QaUser user = CurrentUser.get();
    if (!user.isDistrictUser() && !user.isReadOnly() && !user.isOperator()) {
      throw new ForbiddenException("monitoring report page");
    }
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, district);
    if (choice.refused()) {
      throw new ForbiddenException("monitoring report of " + district);
    }
    List<District> visible = choice.visible();
    District shown = choice.shown();
    int current = AcademicYears.current(clock);
    int y = year == null ? current : year;
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("year", y);
    model.addAttribute("years", List.of(current - 2, current - 1, current));
    if (shown != null) {
      Optional<Report> report = reports.report(shown.code(), y);
      model.addAttribute("report", report.orElse(null));
      model.addAttribute("canStart", reports.mayStart(user, shown.code()) && report.isEmpty());
      model.addAttribute("reports", reports.reports(shown.code()));
      if (report.isPresent()) {
        List<Finding> findings = reports.findings(shown.code(), y, null);
        model.addAttribute("texts", reports.texts(report.get()));
        model.addAttribute("standards", JdbcMonitoringReports.perStandard(findings));
        model.addAttribute("findings", findings);
        model.addAttribute(
            "openTasks",
            report.get().published()
                ? List.<Task>of()
                : tasks
                    .createTaskQuery()
                    .processInstanceId(report.get().processInstanceId())
                    .list());
      }
    }
    return "monitoringreport/district";
  }

  @PostMapping("/district/monitoring-report/start")
  String start(@RequestParam String district, @RequestParam int year, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (directory.district(district).isEmpty() || !reports.mayStart(user, district)) {
      throw new ForbiddenException("start monitoring report " + district);
    }
    int current = AcademicYears.current(clock);
    if (year < current - 1 || year > current) {
      flash.addFlashAttribute("error", "mr.error.year");
    } else {
      boolean started = reports.start(district, year, user.userId()).isPresent();
      flash.addFlashAttribute(
          started ? "success" : "error", started ? "mr.started" : "mr.error.running");
    }
    return "redirect:/district/monitoring-report?district=" + district + "&year=" + year;
  }

  @GetMapping("/district/monitoring-report/{district}/{year:\\d{4}}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String district, @PathVariable int year) {
    MonitoringReportFiles.Content c = content(district, year);
    Locale locale = LocaleContextHolder.getLocale();
    return download(
        files.xlsx(c, locale),
        TableWriter.XLSX,
        "monitoring-report-" + district + "-" + year + ".xlsx");
  }

  @GetMapping("/district/monitoring-report/{district}/{year:\\d{4}}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String district, @PathVariable int year) {
    MonitoringReportFiles.Content c = content(district, year);
    return download(
        files.pdf(c, LocaleContextHolder.getLocale()),
        MediaType.APPLICATION_PDF,
        "monitoring-report-" + district + "-" + year + ".pdf");
  }

  /** A school's findings of the year's report and, once published, the district's advice. */
  @GetMapping("/monitoring-report/schools/{school}")
  String school(
      @PathVariable String school, @RequestParam(required = false) Integer year, Model model) {
    QaUser user = CurrentUser.get();
    School s = directory.school(school).orElseThrow(() -> new NotFoundException(school));
    if (!user.canSee(s)) {
      throw new ForbiddenException("monitoring report of school " + school);
    }
    int y = year == null ? AcademicYears.current(clock) : year;
    Optional<Report> report = reports.report(s.districtCode(), y);
    model.addAttribute("school", s);
    model.addAttribute("year", y);
    model.addAttribute("report", report.orElse(null));
    model.addAttribute("findings", reports.findings(s.districtCode(), y, s.code()));
    model.addAttribute("texts", report.filter(Report::published).map(Report::texts).orElse(null));
    return "monitoringreport/school";
  }

  private MonitoringReportFiles.Content content(String district, int year) {
    QaUser user = CurrentUser.get();
    if (!user.canSeeDistrict(district) || user.isSchoolUser()) {
      throw new ForbiddenException("monitoring report files of " + district);
    }
    District d = directory.district(district).orElseThrow(() -> new NotFoundException(district));
    Report report =
        reports
            .report(district, year)
            .orElseThrow(() -> new NotFoundException("monitoring report " + district + "/" + year));
    List<Finding> findings = reports.findings(district, year, null);
    return new MonitoringReportFiles.Content(
        d.nameTh(),
        report,
        reports.texts(report),
        JdbcMonitoringReports.perStandard(findings),
        findings);
  }

  static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(filename))
        .body(body);
  }
}
