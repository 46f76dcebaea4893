package th.qaflow.district.internal;

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
import th.qaflow.district.DistrictCycles;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;

/**
 * The district's year at a glance ({@code /district}): its DistrictQaCycle (start it, the open
 * tasks) and the SAR review queue with each school's review status; the QA officer or supervision
 * director reassigns a review.
 */
@Controller
@RequestMapping("/district")
@PreAuthorize(
    "hasAnyRole('ADMIN','OBEC_VIEWER','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR','SUPERVISOR')")
class DistrictController {
  private final Clock clock;
  private final DistrictOverview overview;
  private final DistrictCycles cycles;
  private final OrganisationDirectory directory;
  private final ReviewPeriods reviewPeriods;

  DistrictController(
      DistrictOverview overview,
      DistrictCycles cycles,
      OrganisationDirectory directory,
      ReviewPeriods reviewPeriods,
      Clock clock) {
    this.reviewPeriods = reviewPeriods;

    this.clock = clock;
    this.overview = overview;
    this.cycles = cycles;
    this.directory = directory;
  }

  @GetMapping
  String page(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Integer year,
      Model model) {
    QaUser user = CurrentUser.get();
    DistrictChoice choice =
        DistrictChoice.of(
            directory.districts(), code -> maySee(user, code), district, user.districtCode());
    if (choice.refused()) {
      throw new ForbiddenException("district page of " + district);
    }
    List<District> visible = choice.visible();
    District shown = choice.shown();
    int academicYear = year != null ? year : AcademicYears.current(clock);
    model.addAttribute("year", academicYear);
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    if (shown != null) {
      model.addAttribute("cycle", overview.cycle(shown.code(), academicYear).orElse(null));
      // the queue lists tasks: only those the user may open (a supervisor: their clusters' and
      // those handed to them)
      model.addAttribute(
          "queue",
          overview.queue(shown.code(), academicYear).stream()
              .filter(
                  r ->
                      user.userId().equals(r.assignee())
                          || directory.school(r.schoolCode()).map(user::canSee).orElse(false))
              .toList());
      model.addAttribute("schools", overview.schools(shown.code(), academicYear));
      model.addAttribute("canStart", user.canManageDistrict(shown.code()));
      model.addAttribute("reviewDays", reviewPeriods.workingDays(shown.code()));
      model.addAttribute("defaultReviewDays", reviewPeriods.defaultDays());
      boolean canAssign = DistrictOverview.mayAssign(user, shown.code());
      model.addAttribute("canAssign", canAssign);
      model.addAttribute("supervisors", canAssign ? overview.supervisors(shown.code()) : List.of());
    }
    return "district/district";
  }

  @PostMapping("/start")
  String start(@RequestParam String district, @RequestParam int year, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (directory.district(district).isEmpty() || !user.canManageDistrict(district)) {
      throw new ForbiddenException("start district cycle " + district);
    }
    int current = AcademicYears.current(clock);
    if (year < current - 1 || year > current + 1) {
      flash.addFlashAttribute("error", "district.error.year");
    } else {
      Optional<String> started = cycles.start(district, year, user.userId());
      flash.addFlashAttribute(
          started.isPresent() ? "success" : "error",
          started.isPresent() ? "district.started" : "district.error.running");
    }
    return "redirect:/district?district=" + district + "&year=" + year;
  }

  /**
   * The district's SAR review period (working days): its QA officer's setting; bad input keeps the
   * old value and says why.
   */
  @PostMapping("/review-period")
  String reviewPeriod(
      @RequestParam String district,
      @RequestParam(required = false) String workingDays,
      @RequestParam(required = false) Integer year,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (directory.district(district).isEmpty() || !user.canManageDistrict(district)) {
      throw new ForbiddenException("review period of " + district);
    }
    try {
      reviewPeriods.save(
          district, ReviewPeriods.parse(workingDays), user.userId(), clock.instant());
      flash.addFlashAttribute("success", "district.reviewPeriod.saved");
    } catch (IllegalArgumentException bad) {
      flash.addFlashAttribute("error", "district.reviewPeriod.invalid");
    }
    return "redirect:/district?district=" + district + (year != null ? "&year=" + year : "");
  }

  @PostMapping("/reviews/{taskId}/assign")
  String assign(
      @PathVariable String taskId,
      @RequestParam(required = false) String supervisor,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Integer year,
      RedirectAttributes flash) {
    Optional<String> problem = overview.assign(taskId, supervisor, CurrentUser.get());
    flash.addFlashAttribute(
        problem.isPresent() ? "error" : "success", problem.orElse("district.assign.done"));
    return "redirect:/district"
        + (district != null && district.matches("\\w{1,10}") && year != null
            ? "?district=" + district + "&year=" + year
            : "");
  }

  private static boolean maySee(QaUser user, String district) {
    return user.isOperator()
        || user.isReadOnly()
        || user.role() == Role.ADMIN
        || (user.isDistrictUser() && district.equals(user.districtCode()));
  }
}
