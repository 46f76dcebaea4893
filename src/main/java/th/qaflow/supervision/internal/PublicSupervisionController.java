package th.qaflow.supervision.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Plan;
import th.qaflow.web.NotFoundException;

/**
 * The published summary of a district's supervision plan, for everyone without a login. A plan not
 * published is 404, the same as an unknown address.
 */
@Controller
class PublicSupervisionController {
  private final SupervisionPlans plans;
  private final SupervisionViews views;
  private final OrganisationDirectory directory;

  PublicSupervisionController(
      SupervisionPlans plans, SupervisionViews views, OrganisationDirectory directory) {
    this.plans = plans;
    this.views = views;
    this.directory = directory;
  }

  @GetMapping("/public/districts/{district}/supervision/{year:\\d{4}}")
  String page(@PathVariable String district, @PathVariable int year, Model model) {
    Plan plan =
        plans
            .plan(district, year)
            .filter(p -> p.publishedAt() != null)
            .orElseThrow(() -> new NotFoundException("supervision " + district + "/" + year));
    model.addAttribute("v", views.view(plan));
    model.addAttribute("district", directory.district(district).orElseThrow());
    return "supervision/public";
  }
}
