package th.qaflow.supervision.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Plan;
import th.qaflow.supervision.SupervisionPlans.Project;
import th.qaflow.visit.VisitRounds;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.YearlyStarts;

/**
 * The supervision plans ({@code /supervision}): the district's plans by fiscal year with their
 * stage and projects (owner, progress), and starting a plan (the supervision director and the QA
 * officer of the district); a project's page with its indicators, progress reports and visit
 * rounds. Only that district's staff, OBEC and admins see them; scope is checked here.
 */
@Controller
@RequestMapping("/supervision")
class SupervisionController {
  static final String ROLES =
      "hasAnyRole('ADMIN','OBEC_VIEWER','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR','SUPERVISOR')";

  private final SupervisionPlans plans;
  private final SupervisionViews views;
  private final OrganisationDirectory directory;
  private final VisitRounds rounds;
  private final Clock clock;

  SupervisionController(
      SupervisionPlans plans,
      SupervisionViews views,
      OrganisationDirectory directory,
      VisitRounds rounds,
      Clock clock) {
    this.plans = plans;
    this.views = views;
    this.directory = directory;
    this.rounds = rounds;
    this.clock = clock;
  }

  /** Whether the user may start the district's plan: its supervision director or QA officer. */
  static boolean mayStart(QaUser user, String district) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    return (user.role() == Role.SUPERVISION_DIRECTOR || user.role() == Role.DISTRICT_QA_OFFICER)
        && district.equals(user.districtCode());
  }

  @GetMapping
  @PreAuthorize(ROLES)
  String page(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, district);
    if (choice.refused()) {
      throw new ForbiddenException("supervision plans of " + district);
    }
    List<District> visible = choice.visible();
    District shown = choice.shown();
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("year", AcademicYears.current(clock));
    if (shown != null) {
      model.addAttribute("plans", plans.plans(shown.code()).stream().map(views::view).toList());
      model.addAttribute("canStart", mayStart(user, shown.code()));
    }
    return "supervision/plans";
  }

  @PostMapping("/start")
  @PreAuthorize(ROLES)
  String start(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (district == null || directory.district(district).isEmpty() || !mayStart(user, district)) {
      throw new ForbiddenException("start supervision plan " + district);
    }
    YearlyStarts.start(
        year, clock, "supervision", flash, y -> plans.start(district, y, user.userId()));
    return "redirect:/supervision?district=" + district;
  }

  @GetMapping("/projects/{id}")
  @PreAuthorize(ROLES)
  String project(@PathVariable String id, Model model) {
    QaUser user = CurrentUser.get();
    Project project =
        parseId(id)
            .flatMap(plans::project)
            .orElseThrow(() -> new NotFoundException("supervision project " + id));
    Plan plan = plans.planById(project.planId()).orElseThrow();
    if (!user.canSeeDistrict(plan.districtCode())) {
      throw new ForbiddenException("supervision project " + id);
    }
    model.addAttribute("plan", plan);
    model.addAttribute("district", directory.district(plan.districtCode()).orElseThrow());
    model.addAttribute("p", views.project(project));
    model.addAttribute(
        "reporters",
        project.progress().stream().map(r -> views.personName(r.reportedBy())).toList());
    model.addAttribute("rounds", rounds.roundsOfProject(project.id()));
    boolean canServe = mayServeGroup(user, plan, project);
    model.addAttribute("canServeGroup", canServe);
    if (canServe) {
      model.addAttribute("clusters", directory.clusters(plan.districtCode()));
    }
    return "supervision/project";
  }

  /**
   * Who may tie a project to the school group it serves: the district's supervision director and QA
   * officer, the project's owner, administrators (OBEC reads only).
   */
  static boolean mayServeGroup(QaUser user, Plan plan, Project project) {
    return mayStart(user, plan.districtCode())
        || (user.role() == Role.SUPERVISOR
            && plan.districtCode().equals(user.districtCode())
            && user.userId().equals(project.ownerUserId()));
  }

  /**
   * Ties the project to a school group of the plan's district (โครงการนิเทศกลุ่ม), or unties it
   * (empty). A cluster of another district or unknown: a Thai message, nothing changed.
   */
  @PostMapping("/projects/{id}/group")
  @PreAuthorize(ROLES)
  String serveGroup(
      @PathVariable String id,
      @RequestParam(required = false) String cluster,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Project project =
        parseId(id)
            .flatMap(plans::project)
            .orElseThrow(() -> new NotFoundException("supervision project " + id));
    Plan plan = plans.planById(project.planId()).orElseThrow();
    if (!mayServeGroup(user, plan, project)) {
      throw new ForbiddenException("supervision project group " + id);
    }
    String code = cluster == null ? "" : cluster.trim();
    if (code.isEmpty()) {
      plans.serveGroup(project.id(), null);
      flash.addFlashAttribute("success", "supervision.group.cleared");
    } else if (directory
        .cluster(code)
        .filter(c -> c.districtCode().equals(plan.districtCode()))
        .isEmpty()) {
      flash.addFlashAttribute("error", "supervision.error.group");
    } else {
      plans.serveGroup(project.id(), code);
      flash.addFlashAttribute("success", "supervision.group.saved");
    }
    return "redirect:/supervision/projects/" + project.id();
  }

  static Optional<Long> parseId(String text) {
    return text != null && text.matches("\\d{1,18}")
        ? Optional.of(Long.valueOf(text))
        : Optional.empty();
  }
}
