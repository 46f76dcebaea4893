package th.qaflow.notification.internal;

import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

/**
 * {@code /notification/settings}: a district's reminder days and escalation delays, for its QA
 * officer.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','DISTRICT_QA_OFFICER')")
class SettingsController {
  private final DistrictSettings settings;
  private final OrganisationDirectory directory;
  private final Clock clock;

  SettingsController(DistrictSettings settings, OrganisationDirectory directory, Clock clock) {
    this.settings = settings;
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping("/notification/settings")
  String page(@RequestParam(required = false) String district, Model model) {
    String code = district(district);
    model.addAttribute(
        "district",
        directory.district(code).orElseThrow(() -> new NotFoundException("district " + code)));
    model.addAttribute("setting", settings.of(code));
    model.addAttribute("maxDays", DistrictSettings.MAX_DAYS);
    return "notification/settings";
  }

  @PostMapping("/notification/settings")
  String save(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String reminderDays,
      @RequestParam(required = false) String directorAfterDays,
      @RequestParam(required = false) String supervisorAfterDays,
      RedirectAttributes flash) {
    String code = district(district);
    directory.district(code).orElseThrow(() -> new NotFoundException("district " + code));
    try {
      int director = Integer.parseInt(directorAfterDays == null ? "" : directorAfterDays.trim());
      int supervisor =
          Integer.parseInt(supervisorAfterDays == null ? "" : supervisorAfterDays.trim());
      if (director < 0
          || supervisor < 0
          || director > DistrictSettings.MAX_DAYS
          || supervisor > DistrictSettings.MAX_DAYS) {
        throw new IllegalArgumentException("range");
      }
      DistrictSettings.Setting s =
          new DistrictSettings.Setting(
              DistrictSettings.parseDays(reminderDays), director, supervisor, true);
      settings.save(code, s, CurrentUser.get().userId(), clock.instant());
      flash.addFlashAttribute("success", "notification.settings.saved");
    } catch (IllegalArgumentException bad) {
      flash.addFlashAttribute("error", "notification.settings.invalid");
    }
    return "redirect:/notification/settings?district=" + code;
  }

  private static String district(String requested) {
    QaUser user = CurrentUser.get();
    String code = requested == null || requested.isBlank() ? user.districtCode() : requested;
    if (code == null) {
      throw new NotFoundException("district");
    }
    if (!user.canManageDistrict(code)) {
      throw new ForbiddenException("district " + code);
    }
    return code;
  }
}
