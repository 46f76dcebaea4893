package th.qaflow.network.internal;

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
import th.qaflow.network.NetworkCycles;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.YearlyStarts;

/**
 * The supervision network development ({@code /networks}): the district's cycles by academic year
 * with their stage, networks and development reports, and starting a cycle (the supervision
 * director and the QA officer of the district). Only that district's QA officer, supervision
 * director and supervisors, and administrators, see it; scope is checked here.
 */
@Controller
@RequestMapping("/networks")
class NetworkController {
  static final String ROLES =
      "hasAnyRole('ADMIN','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','SUPERVISOR')";

  private final NetworkCycles cycles;
  private final NetworkViews views;
  private final OrganisationDirectory directory;
  private final Clock clock;

  NetworkController(
      NetworkCycles cycles, NetworkViews views, OrganisationDirectory directory, Clock clock) {
    this.cycles = cycles;
    this.views = views;
    this.directory = directory;
    this.clock = clock;
  }

  /** Whether the user may start the district's cycle: its supervision director or QA officer. */
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
    DistrictChoice choice =
        DistrictChoice.of(
            directory.districts(),
            code -> NetworkViews.maySee(user, code),
            district,
            user.districtCode());
    if (choice.refused()) {
      throw new ForbiddenException("networks of " + district);
    }
    List<District> visible = choice.visible();
    District shown = choice.shown();
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("year", AcademicYears.current(clock));
    if (shown != null) {
      model.addAttribute("cycles", cycles.cycles(shown.code()).stream().map(views::view).toList());
      model.addAttribute("canStart", mayStart(user, shown.code()));
    }
    return "network/cycles";
  }

  @PostMapping("/start")
  @PreAuthorize(ROLES)
  String start(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (district == null || directory.district(district).isEmpty() || !mayStart(user, district)) {
      throw new ForbiddenException("start networks " + district);
    }
    YearlyStarts.start(
        year, clock, "network", flash, y -> cycles.start(district, y, user.userId()));
    return "redirect:/networks?district=" + district;
  }
}
