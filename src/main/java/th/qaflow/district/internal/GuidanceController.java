package th.qaflow.district.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.security.Scopes;
import th.qaflow.web.ForbiddenException;

/**
 * "District guidance" ({@code /guidance}): what the user's district published to its schools, this
 * year and earlier years — the summary, the date and the files to download. A school's users see
 * their own school's district; the district's staff their district; OBEC and operators choose one.
 * Naming a district the user does not receive from is refused (403).
 */
@Controller
@RequestMapping("/guidance")
class GuidanceController {
  private final DistrictGuidance guidance;
  private final OrganisationDirectory directory;
  private final Scopes scopes;
  private final Clock clock;

  GuidanceController(
      DistrictGuidance guidance, OrganisationDirectory directory, Scopes scopes, Clock clock) {
    this.guidance = guidance;
    this.directory = directory;
    this.scopes = scopes;
    this.clock = clock;
  }

  @GetMapping
  String page(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    List<District> visible =
        directory.districts().stream()
            .filter(d -> scopes.canReadPublishedBy(user, d.code()))
            .toList();
    District shown;
    if (district != null) {
      shown =
          visible.stream()
              .filter(d -> d.code().equals(district))
              .findFirst()
              .orElseThrow(() -> new ForbiddenException("guidance of district " + district));
    } else {
      shown = visible.stream().filter(d -> d.code().equals(own(user))).findFirst().orElse(null);
      if (shown == null && !visible.isEmpty()) {
        shown = visible.get(0);
      }
    }
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("currentYear", AcademicYears.current(clock));
    model.addAttribute("years", shown == null ? List.of() : guidance.years(shown.code()));
    return "district/guidance";
  }

  /** The district a user belongs to: their school's, else their own. */
  private String own(QaUser user) {
    if (user.isSchoolUser() && user.schoolCode() != null) {
      return directory
          .school(user.schoolCode())
          .map(s -> s.districtCode())
          .orElse(user.districtCode());
    }
    return user.districtCode();
  }
}
