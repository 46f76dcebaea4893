package th.qaflow.cycle.internal;

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
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;

/**
 * "Start the year": one action of the district QA officer (or admin) starts every school's cycle.
 */
@Controller
@RequestMapping("/cycles")
@PreAuthorize("hasAnyRole('ADMIN','DISTRICT_QA_OFFICER')")
class CycleController {
  private final Clock clock;
  private final CycleService cycles;
  private final CycleOverview overview;
  private final OrganisationDirectory directory;

  CycleController(
      CycleService cycles, CycleOverview overview, OrganisationDirectory directory, Clock clock) {

    this.clock = clock;
    this.cycles = cycles;
    this.overview = overview;
    this.directory = directory;
  }

  @GetMapping
  String page(@RequestParam(required = false) Integer year, Model model) {
    QaUser user = CurrentUser.get();
    int academicYear = year != null ? year : AcademicYears.current(clock);
    List<District> districts =
        directory.districts().stream().filter(d -> user.canManageDistrict(d.code())).toList();
    model.addAttribute("year", academicYear);
    model.addAttribute("districts", districts);
    model.addAttribute(
        "schools",
        districts.stream()
            .flatMap(d -> overview.schools(d.code(), academicYear).stream())
            .toList());
    return "cycle/cycles";
  }

  @PostMapping("/start")
  String start(@RequestParam String district, @RequestParam int year, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (directory.district(district).isEmpty() || !user.canManageDistrict(district)) {
      throw new ForbiddenException("start year for " + district);
    }
    int current = AcademicYears.current(clock);
    if (year < current - 1 || year > current + 1) {
      flash.addFlashAttribute("error", "cycles.error.year");
      return "redirect:/cycles";
    }
    CycleService.StartYearResult result = cycles.startYear(district, year, user.userId());
    flash.addFlashAttribute("success", "cycles.started");
    flash.addFlashAttribute("startedCount", result.started().size());
    flash.addFlashAttribute("runningCount", result.alreadyRunning().size());
    return "redirect:/cycles?year=" + year;
  }
}
