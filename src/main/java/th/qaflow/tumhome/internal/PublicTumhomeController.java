package th.qaflow.tumhome.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeFramework;
import th.qaflow.web.NotFoundException;

/**
 * The results of a district's TUMHOME drive for everyone without a login, once the evaluation is
 * done: the schools with their level per 4Q area, mean, rank and honours; no person's name. A drive
 * not evaluated is 404, the same as an unknown address.
 */
@Controller
class PublicTumhomeController {
  private final TumhomeDrives drives;
  private final TumhomeViews views;
  private final TumhomeFramework framework;
  private final OrganisationDirectory directory;

  PublicTumhomeController(
      TumhomeDrives drives,
      TumhomeViews views,
      TumhomeFramework framework,
      OrganisationDirectory directory) {
    this.drives = drives;
    this.views = views;
    this.framework = framework;
    this.directory = directory;
  }

  @GetMapping("/public/districts/{district}/tumhome/{year:\\d{4}}")
  String page(@PathVariable String district, @PathVariable int year, Model model) {
    Drive drive =
        drives
            .drive(district, year)
            .filter(d -> d.evaluatedAt() != null)
            .orElseThrow(() -> new NotFoundException("tumhome " + district + "/" + year));
    model.addAttribute("v", views.view(drive));
    model.addAttribute("areas", framework.areas());
    model.addAttribute("district", directory.district(district).orElseThrow());
    return "tumhome/public";
  }
}
