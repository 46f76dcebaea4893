package th.qaflow.visit.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.visit.RoundProjects;
import th.qaflow.visit.VisitRounds;
import th.qaflow.web.ForbiddenException;

/**
 * Visit rounds: district staff see their district's rounds with each school's progress; the QA
 * officer and the supervision director launch a round for a cluster or the whole district, a
 * supervisor for their own clusters. Bad input is refused with a message and starts nothing.
 */
@Controller
@RequestMapping("/visits")
@PreAuthorize(
    "hasAnyRole('ADMIN','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','SUPERVISOR','DISTRICT_DIRECTOR')")
class VisitController {
  private final Clock clock;
  static final String WHOLE_DISTRICT = "district";
  static final int MIN_YEAR = 2500;
  static final int MAX_YEAR = 2799;

  private final VisitRounds rounds;
  private final OrganisationDirectory directory;
  private final List<RoundProjects> projects;

  VisitController(
      VisitRounds rounds,
      OrganisationDirectory directory,
      Clock clock,
      List<RoundProjects> projects) {

    this.clock = clock;
    this.rounds = rounds;
    this.directory = directory;
    this.projects = projects;
  }

  /** The supervision projects a round of the district's year may be launched under. */
  private List<RoundProjects.ProjectOption> projectOptions(String districtCode, int year) {
    return projects.stream().flatMap(p -> p.options(districtCode, year).stream()).toList();
  }

  record DistrictRounds(
      District district,
      List<Cluster> launchClusters,
      boolean mayLaunchDistrict,
      List<VisitRounds.Round> rounds,
      List<RoundProjects.ProjectOption> projects) {
    public boolean mayLaunch() {
      return mayLaunchDistrict || !launchClusters.isEmpty();
    }
  }

  @GetMapping
  String page(@RequestParam(required = false) String year, Model model) {
    QaUser user = CurrentUser.get();
    Integer parsed = parseYear(year);
    int academicYear = parsed != null ? parsed : AcademicYears.current(clock);
    if (year != null && parsed == null) {
      model.addAttribute("error", "visit.error.year");
    }
    List<District> districts =
        user.role() == Role.ADMIN
            ? directory.districts()
            : directory.district(user.districtCode()).map(List::of).orElse(List.of());
    model.addAttribute("year", academicYear);
    model.addAttribute("maxRound", VisitRounds.MAX_ROUND);
    model.addAttribute(
        "districts",
        districts.stream()
            .map(
                d ->
                    new DistrictRounds(
                        d,
                        directory.clusters(d.code()).stream()
                            .filter(c -> rounds.mayLaunch(user, d.code(), c.code()))
                            .toList(),
                        rounds.mayLaunch(user, d.code(), null),
                        rounds.rounds(d.code(), academicYear),
                        projectOptions(d.code(), academicYear)))
            .toList());
    return "visit/visits";
  }

  @PostMapping("/launch")
  String launch(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String round,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String project,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Integer academicYear = parseYear(year);
    if (academicYear == null) {
      return refuse(flash, "visit.error.year", null);
    }
    Integer roundNo = parseInt(round);
    if (roundNo == null || roundNo < 1 || roundNo > VisitRounds.MAX_ROUND) {
      return refuse(flash, "visit.error.round", academicYear);
    }
    if (district == null || directory.district(district).isEmpty()) {
      return refuse(flash, "visit.error.district", academicYear);
    }
    if (scope == null || scope.isBlank()) {
      return refuse(flash, "visit.error.scope", academicYear);
    }
    String cluster = WHOLE_DISTRICT.equals(scope) ? null : scope;
    if (cluster != null
        && directory.cluster(cluster).filter(c -> c.districtCode().equals(district)).isEmpty()) {
      return refuse(flash, "visit.error.scope", academicYear);
    }
    if (!rounds.mayLaunch(user, district, cluster)) {
      throw new ForbiddenException("launch visits for " + scope);
    }
    Long projectId = null;
    if (project != null && !project.isBlank()) {
      Integer parsedProject = parseInt(project);
      projectId =
          projectOptions(district, academicYear).stream()
              .filter(o -> parsedProject != null && o.id() == parsedProject)
              .map(RoundProjects.ProjectOption::id)
              .findFirst()
              .orElse(null);
      if (projectId == null) {
        return refuse(flash, "visit.error.project", academicYear);
      }
    }
    VisitRounds.LaunchResult result = rounds.launch(user, district, academicYear, roundNo, cluster);
    if (result.started().isEmpty() && result.alreadyInRound().isEmpty()) {
      return refuse(flash, "visit.error.noSchools", academicYear);
    }
    if (projectId != null) {
      rounds.attachProject(district, academicYear, roundNo, projectId);
    }
    flash.addFlashAttribute("launchedRound", roundNo);
    flash.addFlashAttribute("startedCount", result.started().size());
    flash.addFlashAttribute("alreadyCount", result.alreadyInRound().size());
    return "redirect:/visits?year=" + academicYear;
  }

  private static String refuse(RedirectAttributes flash, String messageKey, Integer year) {
    flash.addFlashAttribute("error", messageKey);
    return year == null ? "redirect:/visits" : "redirect:/visits?year=" + year;
  }

  private static Integer parseYear(String text) {
    Integer year = parseInt(text);
    return year != null && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
  }

  private static Integer parseInt(String text) {
    if (text == null || !text.strip().matches("\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(text.strip());
  }
}
