package th.qaflow.classroomqa.internal;

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
import th.qaflow.classroomqa.ClassroomQaPilots;
import th.qaflow.classroomqa.ClassroomQaPilots.Pilot;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.YearlyStarts;

/**
 * The classroom-level QA pilot ({@code /classroom-qa}): the district's pilots by academic year with
 * the model school, its network, the lesson-study cycles, the readiness assessments and the
 * announcement; starting a pilot (the district's QA officer and supervision director). The
 * district's staff and administrators see their district's; the pilot school's QA working group and
 * director see their own school's pilot only; everyone else is refused. Scope is checked here.
 */
@Controller
@RequestMapping("/classroom-qa")
class ClassroomQaController {
  static final String ROLES =
      "hasAnyRole('ADMIN','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR',"
          + "'SUPERVISOR','SCHOOL_QA','SCHOOL_DIRECTOR')";

  private final ClassroomQaPilots pilots;
  private final ClassroomQaViews views;
  private final OrganisationDirectory directory;
  private final Clock clock;

  ClassroomQaController(
      ClassroomQaPilots pilots,
      ClassroomQaViews views,
      OrganisationDirectory directory,
      Clock clock) {
    this.pilots = pilots;
    this.views = views;
    this.directory = directory;
    this.clock = clock;
  }

  /** Whether the user may start the district's pilot: its QA officer or supervision director. */
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
    model.addAttribute("year", AcademicYears.current(clock));
    if (user.role() == Role.SCHOOL_QA || user.role() == Role.SCHOOL_DIRECTOR) {
      // the pilot school's own view: its pilot only
      Pilot own =
          views.ownPilot(user).orElseThrow(() -> new ForbiddenException("classroom QA of school"));
      if (district != null && !district.equals(own.districtCode())) {
        throw new ForbiddenException("classroom QA of " + district);
      }
      model.addAttribute("districts", List.of());
      model.addAttribute("district", directory.district(own.districtCode()).orElse(null));
      model.addAttribute("pilots", List.of(views.view(own)));
      model.addAttribute("canStart", false);
      model.addAttribute("schoolView", true);
      return "classroomqa/pilots";
    }
    List<District> visible =
        directory.districts().stream()
            .filter(d -> ClassroomQaViews.maySee(user, d.code()))
            .toList();
    District shown =
        visible.stream()
            .filter(d -> d.code().equals(district))
            .findFirst()
            .orElse(visible.isEmpty() ? null : visible.get(0));
    if (district != null && (shown == null || !shown.code().equals(district))) {
      throw new ForbiddenException("classroom QA of " + district);
    }
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("schoolView", false);
    if (shown != null) {
      model.addAttribute("pilots", pilots.pilots(shown.code()).stream().map(views::view).toList());
      model.addAttribute("canStart", mayStart(user, shown.code()));
    }
    return "classroomqa/pilots";
  }

  @PostMapping("/start")
  @PreAuthorize("hasAnyRole('ADMIN','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR')")
  String start(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (district == null || directory.district(district).isEmpty() || !mayStart(user, district)) {
      throw new ForbiddenException("start classroom QA " + district);
    }
    YearlyStarts.start(year, clock, "cqa", flash, y -> pilots.start(district, y, user.userId()));
    return "redirect:/classroom-qa?district=" + district;
  }
}
