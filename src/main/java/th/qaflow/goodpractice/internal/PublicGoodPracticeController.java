package th.qaflow.goodpractice.internal;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import th.qaflow.goodpractice.GoodPractices.Nomination;
import th.qaflow.goodpractice.GoodPractices.Round;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.web.NotFoundException;

/**
 * The district's published good practices of a year, for everyone without a login, beside the
 * published synthesis: only the selected practices (with the committee's reason), the honours and
 * the knowledge-sharing event. A round not published is 404, the same as an unknown address.
 */
@Controller
class PublicGoodPracticeController {
  private final JdbcGoodPractices rounds;
  private final OrganisationDirectory directory;
  private final SarSynthesis synthesis;

  PublicGoodPracticeController(
      JdbcGoodPractices rounds, OrganisationDirectory directory, SarSynthesis synthesis) {
    this.rounds = rounds;
    this.directory = directory;
    this.synthesis = synthesis;
  }

  @GetMapping("/public/districts/{district}/good-practices/{year:\\d{4}}")
  String page(@PathVariable String district, @PathVariable int year, Model model) {
    Round round =
        rounds
            .round(district, year)
            .filter(Round::published)
            .orElseThrow(() -> new NotFoundException("good practices " + district + "/" + year));
    District d = directory.district(district).orElseThrow(() -> new NotFoundException(district));
    List<Nomination> selected = rounds.published(district, year);
    model.addAttribute("district", d);
    model.addAttribute("round", round);
    model.addAttribute("practices", selected);
    model.addAttribute("labels", rounds.standardLabels(year));
    model.addAttribute(
        "presenters", selected.stream().map(Nomination::schoolName).distinct().toList());
    if (synthesis.published(district, year).isPresent()) {
      model.addAttribute("synthesisLink", "/public/districts/" + district + "/synthesis/" + year);
    }
    return "goodpractice/public";
  }
}
