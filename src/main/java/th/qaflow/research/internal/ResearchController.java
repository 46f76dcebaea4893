package th.qaflow.research.internal;

import java.time.Clock;
import java.util.Locale;
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
import th.qaflow.research.ResearchProjects;
import th.qaflow.research.ResearchProjects.Kind;
import th.qaflow.research.ResearchProjects.Project;
import th.qaflow.research.SchoolResearchRegister;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

/**
 * The district's research ({@code /research}): its projects by academic year with their stage, and
 * starting a project (the supervision director and the QA officer of the district); a project's
 * page with its steps, outputs and rounds. Only that district's QA officer, supervision director
 * and supervisors, and administrators, see it; scope is checked here.
 */
@Controller
@RequestMapping("/research")
class ResearchController {
  static final String ROLES =
      "hasAnyRole('ADMIN','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','SUPERVISOR')";
  static final int MAX_TITLE = 300;

  private final ResearchProjects projects;
  private final SchoolResearchRegister schoolRegister;
  private final ResearchViews views;
  private final OrganisationDirectory directory;
  private final Clock clock;

  ResearchController(
      ResearchProjects projects,
      SchoolResearchRegister schoolRegister,
      ResearchViews views,
      OrganisationDirectory directory,
      Clock clock) {
    this.projects = projects;
    this.schoolRegister = schoolRegister;
    this.views = views;
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping
  @PreAuthorize(ROLES)
  String page(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    DistrictChoice choice =
        DistrictChoice.of(
            directory.districts(),
            code -> ResearchViews.maySee(user, code),
            district,
            user.districtCode());
    if (choice.refused()) {
      throw new ForbiddenException("research of " + district);
    }
    District shown = choice.shown();
    model.addAttribute("districts", choice.visible());
    model.addAttribute("district", shown);
    model.addAttribute("year", AcademicYears.current(clock));
    model.addAttribute("kinds", Kind.values());
    if (shown != null) {
      model.addAttribute(
          "projects", projects.projects(shown.code()).stream().map(views::view).toList());
      model.addAttribute("canStart", ResearchViews.mayStart(user, shown.code()));
      model.addAttribute("canReadLog", ResearchViews.mayReadLog(user, shown.code()));
      model.addAttribute("schoolProjects", schoolRegister.ofDistrict(shown.code()));
      java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
      directory.schoolsOfDistrict(shown.code()).forEach(s -> names.put(s.code(), s.nameTh()));
      model.addAttribute("schoolNames", names);
    }
    return "research/projects";
  }

  @PostMapping("/start")
  @PreAuthorize(ROLES)
  String start(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String title,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (district == null
        || directory.district(district).isEmpty()
        || !ResearchViews.mayStart(user, district)) {
      throw new ForbiddenException("start research " + district);
    }
    Integer academicYear = AcademicYears.startable(year, clock);
    Kind parsedKind = parseKind(kind);
    String cleanTitle = title == null ? "" : title.strip();
    String error = null;
    if (academicYear == null) {
      error = "research.error.year";
    } else if (parsedKind == null) {
      error = "research.error.kind";
    } else if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
      error = "research.error.title";
    }
    if (error != null) {
      flash.addFlashAttribute("error", error);
      flash.addFlashAttribute("enteredYear", year);
      flash.addFlashAttribute("enteredTitle", title);
      return "redirect:/research?district=" + district;
    }
    long id = projects.start(district, academicYear, parsedKind, cleanTitle, user.userId());
    flash.addFlashAttribute("success", "research.started");
    return "redirect:/research/projects/" + id;
  }

  @GetMapping("/projects/{id}")
  @PreAuthorize(ROLES)
  String project(@PathVariable String id, Model model) {
    Project project =
        (id.matches("\\d{1,18}")
                ? projects.project(Long.parseLong(id))
                : java.util.Optional.<Project>empty())
            .orElseThrow(() -> new NotFoundException("research project " + id));
    if (!ResearchViews.maySee(CurrentUser.get(), project.districtCode())) {
      throw new ForbiddenException("research project " + id);
    }
    model.addAttribute("v", views.view(project));
    model.addAttribute("district", directory.district(project.districtCode()).orElseThrow());
    return "research/project";
  }

  static Kind parseKind(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Kind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
