package th.qaflow.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.notification.Reminders;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.security.Scopes;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * Managers' pages. Scope, checked here on the server: OBEC viewers and admins see every district
 * (read only for OBEC); district staff their own district (a supervisor with their clusters first);
 * school users only their own school's page.
 */
@Controller
@RequestMapping("/monitoring")
// a committee member from outside the office sees only their committee (/committees)
@PreAuthorize("!hasRole('COMMITTEE_MEMBER')")
class MonitoringController {
  private final Dashboards dashboards;
  private final SchoolPages schoolPages;
  private final Exports exports;
  private final OrganisationDirectory directory;
  private final StageStatusTable table;
  private final Reminders reminders;
  private final ReadModelRebuild rebuild;
  private final NationalSnapshots nationalSnapshots;
  private final Clock clock;
  private final Scopes scopes;

  private final th.qaflow.cycle.SchoolCycles schoolCycles;

  /** Schools per page of the district matrix: a 3,000-school district stays a light page. */
  static final int PAGE_SIZE = 50;

  private final th.qaflow.committee.Committees committees;
  private final th.qaflow.schoolgroup.SchoolGroups schoolGroups;

  /** Overdue tasks listed on the page (the exports list them all). */
  static final int OVERDUE_SHOWN = 100;

  MonitoringController(
      Dashboards dashboards,
      SchoolPages schoolPages,
      Exports exports,
      OrganisationDirectory directory,
      StageStatusTable table,
      Reminders reminders,
      ReadModelRebuild rebuild,
      NationalSnapshots nationalSnapshots,
      Clock clock,
      Scopes scopes,
      th.qaflow.cycle.SchoolCycles schoolCycles,
      th.qaflow.committee.Committees committees,
      th.qaflow.schoolgroup.SchoolGroups schoolGroups) {
    this.committees = committees;
    this.schoolGroups = schoolGroups;
    this.scopes = scopes;
    this.schoolCycles = schoolCycles;
    this.dashboards = dashboards;
    this.schoolPages = schoolPages;
    this.exports = exports;
    this.directory = directory;
    this.table = table;
    this.reminders = reminders;
    this.rebuild = rebuild;
    this.nationalSnapshots = nationalSnapshots;
    this.clock = clock;
  }

  /** National view for OBEC and admins; everyone else goes to their district or school. */
  @GetMapping
  String home(@RequestParam(required = false) String year, Model model) {
    QaUser user = CurrentUser.get();
    if (user.role() == null) {
      throw new ForbiddenException("monitoring without a role");
    }
    int y = year(year, model, null);
    if (user.isSchoolUser()) {
      return "redirect:/monitoring/schools/" + user.schoolCode() + "?year=" + y;
    }
    if (user.isDistrictUser()) {
      return "redirect:/monitoring/districts/" + user.districtCode() + "?year=" + y;
    }
    NationalSnapshots.Snapshot snapshot = nationalSnapshots.of(y);
    model.addAttribute("national", snapshot.national());
    model.addAttribute("readAt", snapshot.readAt());
    model.addAttribute("millis", snapshot.readMillis());
    model.addAttribute("year", y);
    model.addAttribute("years", years(null));
    model.addAttribute("canRebuild", user.role() == Role.ADMIN);
    return "monitoring/national";
  }

  @GetMapping("/districts/{code}")
  String district(
      @PathVariable String code,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String supervisor,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String page,
      Model model) {
    QaUser user = CurrentUser.get();
    District district = districtFor(user, code);
    int y = year(year, model, code);
    Dashboards.Filters filters = filters(cluster, supervisor, level, status, model);
    Dashboards.Dashboard d =
        dashboards.district(district, y, filters, ownClusters(user)).page(page(page), PAGE_SIZE);
    model.addAttribute("dashboard", d);
    // a big district's overdue list is cut on the page; the exports have it all
    model.addAttribute(
        "overdueShown", d.overdue().subList(0, Math.min(OVERDUE_SHOWN, d.overdue().size())));
    model.addAttribute("filters", filters);
    model.addAttribute("pageBase", pageBase(code, y, filters));
    model.addAttribute("year", y);
    model.addAttribute("years", years(code));
    List<Cluster> clusters = directory.clusters(code);
    model.addAttribute("clusters", clusters);
    model.addAttribute("supervisors", dashboards.supervisors(code, clusters));
    model.addAttribute("statuses", CellStatus.values());
    model.addAttribute("canRemind", canRemind(user, code));
    // the district's committees (ก.ต.ป.น.): the next meeting and the resolutions being followed up
    model.addAttribute("committeeCount", committees.ofDistrict(code).size());
    model.addAttribute(
        "committeeNext",
        committees.meetingsOfDistrict(code).stream()
            .map(th.qaflow.committee.Committees.Meeting::meetingAt)
            .filter(at -> !at.isBefore(clock.instant()))
            .findFirst()
            .orElse(null));
    model.addAttribute("committeeOpen", committees.openResolutions(code).size());
    // the school groups (กลุ่มโรงเรียน / สหวิทยาเขต) behind their rule of two meetings a semester
    model.addAttribute("groupCount", clusters.size());
    model.addAttribute(
        "groupsBehind",
        schoolGroups.behindInDistrict(code, th.qaflow.kernel.AcademicYears.current(clock)).size());
    model.addAttribute("groupTerm", "SECONDARY".equals(district.kind()) ? "SECONDARY" : "PRIMARY");
    // a supervisor opens only their clusters' school pages: the others are named, not linked
    model.addAttribute("linkClusters", user.role() == Role.SUPERVISOR ? ownClusters(user) : null);
    model.addAttribute("national", user.role().level() == Role.Level.NATION);
    return "monitoring/district";
  }

  @GetMapping("/districts/{code}/{what}.{format}")
  ResponseEntity<byte[]> export(
      @PathVariable String code,
      @PathVariable String what,
      @PathVariable String format,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String supervisor,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String status) {
    QaUser user = CurrentUser.get();
    District district = districtFor(user, code);
    if (!List.of("matrix", "overdue").contains(what) || !List.of("csv", "xlsx").contains(format)) {
      throw new NotFoundException("export " + what + "." + format);
    }
    int y = year(year, null, code);
    Dashboards.Dashboard d =
        dashboards.district(
            district, y, filters(cluster, supervisor, level, status, null), ownClusters(user));
    Locale locale = LocaleContextHolder.getLocale();
    Table table = "matrix".equals(what) ? exports.matrix(d, locale) : exports.overdue(d, locale);
    String filename = what + "-" + code + "-" + y + "." + format;
    byte[] body =
        "csv".equals(format) ? TableWriter.csv(table, locale) : TableWriter.xlsx(table, locale);
    return ResponseEntity.ok()
        .contentType("csv".equals(format) ? TableWriter.CSV : TableWriter.XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(filename))
        .body(body);
  }

  @PostMapping("/tasks/{taskId}/remind")
  String remind(
      @PathVariable String taskId,
      @RequestParam(required = false) String year,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    StageRow row =
        table
            .byTask(taskId)
            .filter(StageRow::open)
            .orElseThrow(() -> new NotFoundException("open task " + taskId));
    if (!canRemind(user, row.districtCode()) || !mayRemindAbout(user, row)) {
      throw new ForbiddenException("remind " + taskId);
    }
    try {
      int written = reminders.remindNow(taskId, user.userId());
      flash.addFlashAttribute(
          "success", written > 0 ? "monitoring.remind.sent" : "monitoring.remind.already");
    } catch (NoSuchElementException gone) {
      flash.addFlashAttribute("error", "monitoring.remind.gone");
    }
    return "redirect:/monitoring/districts/"
        + row.districtCode()
        + "?year="
        + row.academicYear()
        + "#overdue";
  }

  @GetMapping("/schools/{code}")
  String school(
      @PathVariable String code, @RequestParam(required = false) String year, Model model) {
    QaUser user = CurrentUser.get();
    School school = schoolFor(user, code);
    int y = year(year, model, school.districtCode());
    List<StageRow> rows = schoolPages.stageRows(code, y);
    model.addAttribute("school", school);
    model.addAttribute("district", directory.district(school.districtCode()).orElse(null));
    model.addAttribute("year", y);
    model.addAttribute("years", years(school.districtCode()));
    model.addAttribute("cells", rows.stream().map(r -> Cell.of(r, clock.instant(), 7)).toList());
    model.addAttribute("processes", schoolPages.processes(code, y));
    model.addAttribute("documents", schoolPages.documents(code, y));
    model.addAttribute("levels", schoolPages.levels(code));
    // the district's latest answer to the year's SAR: the school sees its advice here too
    model.addAttribute("sarAdvice", schoolCycles.sarAdvice(code, y).orElse(null));
    model.addAttribute("canSeeDistrict", user.role().level() != Role.Level.SCHOOL);
    return "monitoring/school";
  }

  /** The process model for bpmn-js, served by the app from the engine. */
  @GetMapping("/schools/{code}/processes/{processInstanceId}/diagram.bpmn")
  ResponseEntity<String> diagram(
      @PathVariable String code, @PathVariable String processInstanceId) {
    schoolFor(CurrentUser.get(), code);
    String definitionId =
        schoolPages
            .processOfSchool(processInstanceId, code)
            .orElseThrow(() -> new NotFoundException("process " + processInstanceId))
            .getProcessDefinitionId();
    String xml =
        schoolPages.diagramXml(definitionId).orElseThrow(() -> new NotFoundException(definitionId));
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
        .body(xml);
  }

  @PostMapping("/rebuild")
  @PreAuthorize("hasRole('ADMIN')")
  String rebuild(RedirectAttributes flash) {
    int rows = rebuild.rebuild();
    nationalSnapshots.forget();
    flash.addFlashAttribute("success", "monitoring.rebuild.done");
    flash.addFlashAttribute("rebuiltRows", rows);
    return "redirect:/monitoring";
  }

  private District districtFor(QaUser user, String code) {
    if (user.role() == null || user.isSchoolUser()) {
      throw new ForbiddenException("district dashboard " + code);
    }
    if (user.isDistrictUser() && !code.equals(user.districtCode())) {
      throw new ForbiddenException("district dashboard " + code);
    }
    return directory.district(code).orElseThrow(() -> new NotFoundException("district " + code));
  }

  /**
   * A school's row by the read rule of its school (a supervisor: their clusters); the district's
   * own row by district.
   */
  private boolean mayRemindAbout(QaUser user, StageRow row) {
    return row.districtLevel()
        || directory.school(row.schoolCode()).map(s -> scopes.canSee(user, s)).orElse(false);
  }

  private School schoolFor(QaUser user, String code) {
    School school =
        directory.school(code).orElseThrow(() -> new NotFoundException("school " + code));
    if (!scopes.canSee(user, school)) {
      throw new NotFoundException("school " + code);
    }
    return school;
  }

  private static boolean canRemind(QaUser user, String districtCode) {
    return user.role() == Role.ADMIN
        || (user.isDistrictUser() && districtCode.equals(user.districtCode()));
  }

  private static Set<String> ownClusters(QaUser user) {
    return user.role() == Role.SUPERVISOR && user.clusterCodes() != null
        ? user.clusterCodes()
        : Set.of();
  }

  /** A plausible Buddhist-Era year, or one the read model has rows of (of the district). */
  private int year(String value, Model model, String districtCode) {
    int current = AcademicYears.of(LocalDate.ofInstant(clock.instant(), AcademicYears.ZONE));
    if (value == null || value.isBlank()) {
      return current;
    }
    try {
      int y = Integer.parseInt(value.trim());
      if (y >= 2500 && y <= 2999 || table.years(districtCode).contains(y)) {
        return y;
      }
    } catch (NumberFormatException e) {
      // below
    }
    if (model != null) {
      model.addAttribute("error", "monitoring.error.year");
    }
    return current;
  }

  private static Dashboards.Filters filters(
      String cluster, String supervisor, String level, String status, Model model) {
    CellStatus s = null;
    if (status != null && !status.isBlank()) {
      try {
        s = CellStatus.valueOf(status.trim());
      } catch (IllegalArgumentException e) {
        if (model != null) {
          model.addAttribute("error", "monitoring.error.filter");
        }
      }
    }
    String lvl = "EARLY".equals(level) || "BASIC".equals(level) ? level : null;
    if (level != null && !level.isBlank() && lvl == null && model != null) {
      model.addAttribute("error", "monitoring.error.filter");
    }
    return new Dashboards.Filters(blankToNull(cluster), blankToNull(supervisor), lvl, s);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /**
   * Next year, this year and every year the read model has rows of (of the district), newest first:
   * earlier years are one click away.
   */
  private List<Integer> years(String districtCode) {
    int current = AcademicYears.of(LocalDate.ofInstant(clock.instant(), AcademicYears.ZONE));
    java.util.TreeSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
    years.add(current + 1);
    years.add(current);
    years.add(current - 1);
    years.addAll(table.years(districtCode));
    return List.copyOf(years);
  }

  /** The dashboard's address with its year and filters, ending in {@code page=}. */
  private static String pageBase(String code, int year, Dashboards.Filters f) {
    UriComponentsBuilder b =
        UriComponentsBuilder.fromPath("/monitoring/districts/{code}").queryParam("year", year);
    if (f.cluster() != null) {
      b.queryParam("cluster", f.cluster());
    }
    if (f.supervisor() != null) {
      b.queryParam("supervisor", f.supervisor());
    }
    if (f.level() != null) {
      b.queryParam("level", f.level());
    }
    if (f.status() != null) {
      b.queryParam("status", f.status().name());
    }
    return b.buildAndExpand(code).encode().toUriString() + "&page=";
  }

  /** The page of the district matrix; anything not a number is the first. */
  private static int page(String value) {
    try {
      return value == null ? 1 : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
