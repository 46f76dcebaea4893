package th.qaflow.supervision.internal;

import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.InputText;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.web.ForbiddenException;

/**
 * A school director rates the supervision their school received in a fiscal year (1–5, with a
 * comment): only their own school, and only a year the district has a supervision plan for. Bad
 * input is answered with a Thai message on the same page, the entered text kept.
 */
@Controller
@RequestMapping("/supervision/satisfaction")
@PreAuthorize("hasRole('SCHOOL_DIRECTOR')")
class SatisfactionController {
  static final int MAX_COMMENT = 2000;

  private final SupervisionPlans plans;
  private final OrganisationDirectory directory;
  private final Clock clock;

  SatisfactionController(SupervisionPlans plans, OrganisationDirectory directory, Clock clock) {
    this.plans = plans;
    this.directory = directory;
    this.clock = clock;
  }

  private School ownSchool(QaUser user, String school) {
    if (school != null && !school.equals(user.schoolCode())) {
      throw new ForbiddenException("rating for school " + school);
    }
    return directory
        .school(user.schoolCode())
        .orElseThrow(() -> new ForbiddenException("no school"));
  }

  @GetMapping
  String page(
      @RequestParam(required = false) String school,
      @RequestParam(required = false) String year,
      Model model) {
    QaUser user = CurrentUser.get();
    School own = ownSchool(user, school);
    Integer parsed = AcademicYears.parse(year);
    int fiscalYear = parsed != null ? parsed : AcademicYears.current(clock);
    fill(model, own, fiscalYear);
    plans.ratings(own.districtCode(), fiscalYear).stream()
        .filter(r -> r.schoolCode().equals(own.code()))
        .findFirst()
        .ifPresent(
            r -> {
              model.addAttribute("rating", String.valueOf(r.rating()));
              model.addAttribute("comment", r.comment());
              model.addAttribute("rated", r);
            });
    return "supervision/satisfaction";
  }

  private void fill(Model model, School own, int fiscalYear) {
    model.addAttribute("school", own);
    model.addAttribute("year", fiscalYear);
    model.addAttribute("plan", plans.plan(own.districtCode(), fiscalYear).orElse(null));
  }

  @MultiLineFields("comment")
  @PostMapping
  String rate(
      @RequestParam(required = false) String school,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment,
      Model model,
      RedirectAttributes flash,
      jakarta.servlet.http.HttpServletResponse response) {
    QaUser user = CurrentUser.get();
    School own = ownSchool(user, school);
    Integer fiscalYear = AcademicYears.parse(year);
    int shownYear = fiscalYear != null ? fiscalYear : AcademicYears.current(clock);
    String error = null;
    String text = comment == null ? "" : comment.strip();
    Integer value =
        rating != null && rating.strip().matches("[1-5]") ? Integer.valueOf(rating.strip()) : null;
    if (fiscalYear == null) {
      error = "supervision.rating.error.year";
    } else if (plans.plan(own.districtCode(), fiscalYear).isEmpty()) {
      error = "supervision.rating.error.noPlan";
    } else if (value == null) {
      error = "supervision.rating.error.rating";
    } else if (text.length() > MAX_COMMENT || InputText.badMultiLine(text)) {
      error = "supervision.rating.error.comment";
    }
    if (error != null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      fill(model, own, shownYear);
      model.addAttribute("error", error);
      model.addAttribute("rating", rating);
      model.addAttribute("comment", comment);
      return "supervision/satisfaction";
    }
    plans.rate(
        own.code(),
        own.districtCode(),
        fiscalYear,
        value,
        text.isBlank() ? null : text,
        user.userId());
    flash.addFlashAttribute("success", "supervision.rating.saved");
    return "redirect:/supervision/satisfaction?year=" + fiscalYear;
  }
}
