package th.qaflow.assistance.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.assistance.AssistanceCases;
import th.qaflow.assistance.AssistanceCases.StartResult;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

/**
 * Help for schools below the standard: starting it from the synthesis' list ({@code POST
 * /district/assistance/start}), the district's cases ({@code /district/assistance}) and one
 * school's help ({@code /assistance/schools/{code}}). Scope is checked here on every request: a
 * district's pages for its own staff (and OBEC, administrators), a school's page for whoever may
 * see that school (its own users only their own).
 */
@Controller
class AssistanceController {
  private static final int MAX_SCHOOLS = 300;

  private final AssistanceCases cases;
  private final AssistanceViews views;
  private final OrganisationDirectory directory;

  AssistanceController(
      AssistanceCases cases, AssistanceViews views, OrganisationDirectory directory) {
    this.cases = cases;
    this.views = views;
    this.directory = directory;
  }

  @GetMapping("/district/assistance")
  @PreAuthorize(
      "hasAnyRole('ADMIN','OBEC_VIEWER','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR','SUPERVISOR')")
  String district(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, district);
    if (choice.refused()) {
      throw new ForbiddenException("assistance of " + district);
    }
    List<District> visible = choice.visible();
    District shown = choice.shown();
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    if (shown != null) {
      model.addAttribute("cases", cases.cases(shown.code()).stream().map(views::view).toList());
    }
    return "assistance/district";
  }

  @GetMapping("/assistance/schools/{code}")
  String school(@PathVariable String code, Model model) {
    School school =
        directory.school(code).orElseThrow(() -> new NotFoundException("school " + code));
    if (!CurrentUser.get().canSee(school)) {
      throw new ForbiddenException("assistance of " + code);
    }
    model.addAttribute("school", school);
    model.addAttribute("cases", cases.casesOf(code).stream().map(views::view).toList());
    return "assistance/school";
  }

  /**
   * Starts help for each chosen school of the district's below-target list of the year; each school
   * gets its own message (started, already running, not on the list). Nothing is started for a
   * school the user may not help: the whole request is refused.
   */
  @PostMapping("/district/assistance/start")
  String start(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      @RequestParam(name = "school", required = false) List<String> schools,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (district == null
        || directory.district(district).isEmpty()
        || !AssistanceViews.mayStartInDistrict(user, district)) {
      throw new ForbiddenException("start assistance in " + district);
    }
    Optional<Integer> academicYear = year(year);
    String back =
        academicYear
            .map(y -> "redirect:/synthesis/" + district + "/" + y)
            .orElse("redirect:/district/assistance?district=" + district);
    if (academicYear.isEmpty()) {
      flash.addFlashAttribute("error", "assistance.error.year");
      return back;
    }
    Set<String> chosen = new LinkedHashSet<>(schools == null ? List.of() : schools);
    chosen.removeIf(s -> s == null || s.isBlank());
    if (chosen.isEmpty() || chosen.size() > MAX_SCHOOLS) {
      flash.addFlashAttribute("error", "assistance.error.none");
      return back;
    }
    List<School> targets = new ArrayList<>();
    for (String code : chosen) {
      School school = directory.school(code.trim()).orElse(null);
      if (school == null || !school.districtCode().equals(district)) {
        flash.addFlashAttribute("error", "assistance.error.school");
        return back;
      }
      if (!AssistanceViews.mayStart(user, school)) {
        throw new ForbiddenException("start assistance for " + code);
      }
      targets.add(school);
    }
    List<String> started = new ArrayList<>();
    List<String> running = new ArrayList<>();
    List<String> notBelow = new ArrayList<>();
    for (School school : targets) {
      StartResult result = cases.start(school.code(), academicYear.get(), user.userId());
      (switch (result) {
            case STARTED -> started;
            case ALREADY_RUNNING -> running;
            case NOT_BELOW_TARGET -> notBelow;
          })
          .add(school.nameTh());
    }
    if (!started.isEmpty()) {
      flash.addFlashAttribute("success", "assistance.started");
      flash.addFlashAttribute("successArg", String.join(", ", started));
    }
    if (!running.isEmpty()) {
      flash.addFlashAttribute("error", "assistance.error.running");
      flash.addFlashAttribute("errorArg", String.join(", ", running));
    } else if (!notBelow.isEmpty()) {
      flash.addFlashAttribute("error", "assistance.error.notBelow");
      flash.addFlashAttribute("errorArg", String.join(", ", notBelow));
    }
    return back;
  }

  private static Optional<Integer> year(String value) {
    if (value == null || !value.trim().matches("\\d{4}")) {
      return Optional.empty();
    }
    int year = Integer.parseInt(value.trim());
    return year >= 2500 && year <= 2999 ? Optional.of(year) : Optional.empty();
  }
}
