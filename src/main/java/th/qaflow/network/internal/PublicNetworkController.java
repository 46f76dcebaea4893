package th.qaflow.network.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import th.qaflow.network.NetworkCycles;
import th.qaflow.network.NetworkCycles.Cycle;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.web.NotFoundException;

/**
 * The published report of a district's supervision network development, for everyone without a
 * login. A cycle not published is 404, the same as an unknown address.
 */
@Controller
class PublicNetworkController {
  private final NetworkCycles cycles;
  private final NetworkViews views;
  private final OrganisationDirectory directory;

  PublicNetworkController(
      NetworkCycles cycles, NetworkViews views, OrganisationDirectory directory) {
    this.cycles = cycles;
    this.views = views;
    this.directory = directory;
  }

  @GetMapping("/public/districts/{district}/networks/{year:\\d{4}}")
  String page(@PathVariable String district, @PathVariable int year, Model model) {
    Cycle cycle =
        cycles
            .cycle(district, year)
            .filter(Cycle::published)
            .orElseThrow(() -> new NotFoundException("networks " + district + "/" + year));
    model.addAttribute("v", views.view(cycle));
    model.addAttribute("district", directory.district(district).orElseThrow());
    return "network/public";
  }
}
