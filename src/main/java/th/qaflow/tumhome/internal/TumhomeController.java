package th.qaflow.tumhome.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeFramework;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.YearlyStarts;

/**
 * The TUMHOME drive ({@code /tumhome}): the district's drives by academic year with their open
 * tasks and each school's MOU, and starting a drive (the QA officer and the supervision director of
 * the district). The district's QA officer, supervision director, district director and
 * supervisors, and administrators see it; a school director of the district sees the drive with the
 * own school's MOU only, and signs it while signing is open. Scope is checked here.
 */
@Controller
@RequestMapping("/tumhome")
class TumhomeController {
  static final String ROLES =
      "hasAnyRole('ADMIN','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR',"
          + "'SUPERVISOR','SCHOOL_DIRECTOR')";

  private final TumhomeDrives drives;
  private final TumhomeViews views;
  private final TumhomeFramework framework;
  private final OrganisationDirectory directory;
  private final Clock clock;

  TumhomeController(
      TumhomeDrives drives,
      TumhomeViews views,
      TumhomeFramework framework,
      OrganisationDirectory directory,
      Clock clock) {
    this.drives = drives;
    this.views = views;
    this.framework = framework;
    this.directory = directory;
    this.clock = clock;
  }

  /** Whether the user may start the district's drive: its QA officer or supervision director. */
  static boolean mayStart(QaUser user, String district) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    return (user.role() == Role.SUPERVISION_DIRECTOR || user.role() == Role.DISTRICT_QA_OFFICER)
        && district.equals(user.districtCode());
  }

  /** The school a director signs for: their own, in the district, or empty. */
  private Optional<School> ownSchool(QaUser user, String district) {
    if (user.role() != Role.SCHOOL_DIRECTOR || user.schoolCode() == null) {
      return Optional.empty();
    }
    return directory.school(user.schoolCode()).filter(s -> s.districtCode().equals(district));
  }

  private static boolean maySeeSome(QaUser user, String district, Optional<School> own) {
    return TumhomeViews.maySee(user, district) || own.isPresent();
  }

  @GetMapping
  @PreAuthorize(ROLES)
  String page(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    List<District> visible =
        directory.districts().stream()
            .filter(d -> maySeeSome(user, d.code(), ownSchool(user, d.code())))
            .toList();
    District shown =
        visible.stream()
            .filter(d -> d.code().equals(district))
            .findFirst()
            .orElse(visible.isEmpty() ? null : visible.get(0));
    if (district != null && (shown == null || !shown.code().equals(district))) {
      throw new ForbiddenException("tumhome of " + district);
    }
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("year", AcademicYears.current(clock));
    model.addAttribute("areas", framework.areas());
    model.addAttribute("levels", framework.levels());
    model.addAttribute("framework", framework);
    if (shown != null) {
      boolean whole = TumhomeViews.maySee(user, shown.code());
      Optional<School> own = ownSchool(user, shown.code());
      model.addAttribute("whole", whole);
      model.addAttribute("ownSchool", own.orElse(null));
      model.addAttribute("drives", drives.drives(shown.code()).stream().map(views::view).toList());
      model.addAttribute("canStart", mayStart(user, shown.code()));
    }
    return "tumhome/drives";
  }

  @PostMapping("/start")
  @PreAuthorize(ROLES)
  String start(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (district == null || directory.district(district).isEmpty() || !mayStart(user, district)) {
      throw new ForbiddenException("start tumhome " + district);
    }
    YearlyStarts.start(
        year, clock, "tumhome", flash, y -> drives.start(district, y, user.userId()));
    return "redirect:/tumhome?district=" + district;
  }

  /** A school director signs the own school's MOU of the district's drive of the year. */
  @PostMapping("/mou/sign")
  @PreAuthorize("hasRole('SCHOOL_DIRECTOR')")
  String sign(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String school,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (district == null || school == null) {
      throw new ForbiddenException("sign tumhome MOU");
    }
    Optional<School> own = ownSchool(user, district);
    if (own.isEmpty() || !own.get().code().equals(school)) {
      throw new ForbiddenException("sign tumhome MOU of " + school);
    }
    Integer academicYear = AcademicYears.parse(year);
    Optional<Drive> drive =
        academicYear == null ? Optional.empty() : drives.drive(district, academicYear);
    if (drive.isEmpty()) {
      flash.addFlashAttribute("error", "tumhome.error.noDrive");
    } else if (!drive.get().signingOpen()) {
      flash.addFlashAttribute("error", "tumhome.error.signingClosed");
    } else if (drives.sign(drive.get().id(), school, user.userId())) {
      flash.addFlashAttribute("success", "tumhome.signed");
    } else {
      flash.addFlashAttribute("error", "tumhome.error.signedAlready");
    }
    return "redirect:/tumhome?district=" + district;
  }
}
