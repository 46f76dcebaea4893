package th.qaflow.districtplan.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.districtplan.DistrictPlans.PlanYear;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;

/**
 * The district's development plan ({@code /district/plan}): its plan years with the 3-year plan
 * each works under, what was published and how many indicators were achieved, the open steps, and
 * (for the QA officer) starting a plan year. Only that district's staff, OBEC and admins see it.
 */
@Controller
@RequestMapping("/district/plan")
@PreAuthorize(
    "hasAnyRole('ADMIN','OBEC_VIEWER','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR','SUPERVISOR')")
class DistrictPlanController {
  private final JdbcPlanYears plans;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final Clock clock;

  DistrictPlanController(
      JdbcPlanYears plans, OrganisationDirectory directory, @Lazy TaskService tasks, Clock clock) {
    this.plans = plans;
    this.directory = directory;
    this.tasks = tasks;
    this.clock = clock;
  }

  record YearView(PlanYear year, List<Task> openTasks, Map<String, Object> published) {}

  @GetMapping
  String page(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, district);
    if (choice.refused()) {
      throw new ForbiddenException("plan page of " + district);
    }
    List<District> visible = choice.visible();
    District shown = choice.shown();
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("year", AcademicYears.current(clock));
    if (shown != null) {
      model.addAttribute(
          "years",
          plans.years(shown.code()).stream()
              .map(
                  y ->
                      new YearView(
                          y,
                          tasks.createTaskQuery().processInstanceId(y.processInstanceId()).list(),
                          y.reportPublishedAt() == null
                              ? Map.of()
                              : plans.published(y.processInstanceId())))
              .toList());
      model.addAttribute("canStart", user.canManageDistrict(shown.code()));
    }
    return "districtplan/plan";
  }

  @PostMapping("/start")
  String start(@RequestParam String district, @RequestParam int year, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (directory.district(district).isEmpty() || !user.canManageDistrict(district)) {
      throw new ForbiddenException("start plan year " + district);
    }
    int current = AcademicYears.current(clock);
    if (year < current - 1 || year > current + 1) {
      flash.addFlashAttribute("error", "plan.error.year");
    } else {
      Optional<String> started = plans.start(district, year, user.userId());
      flash.addFlashAttribute(
          started.isPresent() ? "success" : "error",
          started.isPresent() ? "plan.started" : "plan.error.running");
    }
    return "redirect:/district/plan?district=" + district;
  }
}
