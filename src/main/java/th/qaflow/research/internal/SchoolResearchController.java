package th.qaflow.research.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.research.SchoolResearchRegister;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;

/**
 * A school's research register ({@code /research/schools?school=}): its projects (its own and the
 * joint ones it is a partner of) with the adviser's check and progress, and the registration of a
 * new project by its QA staff or director. The school's people, the district's research staff and
 * administrators see it; scope is checked here.
 */
@Controller
@RequestMapping("/research/schools")
class SchoolResearchController {
  static final String ROLES =
      "hasAnyRole('ADMIN','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','SUPERVISOR','SCHOOL_QA',"
          + "'SCHOOL_DIRECTOR')";

  private final SchoolResearchRegister register;
  private final OrganisationDirectory directory;
  private final Clock clock;

  SchoolResearchController(
      SchoolResearchRegister register, OrganisationDirectory directory, Clock clock) {
    this.register = register;
    this.directory = directory;
    this.clock = clock;
  }

  static boolean maySeeSchool(QaUser user, School school) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    if (user.role() == Role.SCHOOL_QA || user.role() == Role.SCHOOL_DIRECTOR) {
      return school.code().equals(user.schoolCode());
    }
    return ResearchViews.maySee(user, school.districtCode());
  }

  static boolean mayRegister(QaUser user, School school) {
    return (user.role() == Role.SCHOOL_QA || user.role() == Role.SCHOOL_DIRECTOR)
        && school.code().equals(user.schoolCode());
  }

  private School school(String code, QaUser user) {
    String wanted = code == null || code.isBlank() ? user.schoolCode() : code;
    School school =
        wanted == null
            ? null
            : directory
                .school(wanted)
                .orElseThrow(() -> new ForbiddenException("school research of " + code));
    if (school == null || !maySeeSchool(user, school)) {
      throw new ForbiddenException("school research of " + code);
    }
    return school;
  }

  @GetMapping
  @PreAuthorize(ROLES)
  String page(@RequestParam(required = false) String school, Model model) {
    QaUser user = CurrentUser.get();
    if ((school == null || school.isBlank()) && user.schoolCode() == null) {
      return "redirect:/research";
    }
    fill(model, school(school, user), user, Map.of());
    return "research/school";
  }

  private void fill(Model model, School school, QaUser user, Map<String, String> errors) {
    model.addAttribute("school", school);
    model.addAttribute("projects", register.ofSchool(school.code()));
    model.addAttribute("names", names(school.districtCode()));
    model.addAttribute("others", others(school));
    model.addAttribute("canRegister", mayRegister(user, school));
    model.addAttribute("year", AcademicYears.current(clock));
    model.addAttribute("errors", errors);
  }

  private Map<String, String> names(String district) {
    Map<String, String> names = new LinkedHashMap<>();
    for (School s : directory.schoolsOfDistrict(district)) {
      names.put(s.code(), s.nameTh());
    }
    return names;
  }

  private List<School> others(School school) {
    return directory.schoolsOfDistrict(school.districtCode()).stream()
        .filter(s -> !s.code().equals(school.code()))
        .toList();
  }

  @MultiLineFields("question")
  @PostMapping("/register")
  @PreAuthorize(ROLES)
  String register(
      @RequestParam(required = false) String school,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String question,
      @RequestParam(required = false) String researchers,
      @RequestParam(required = false) List<String> partners,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    School own = school(school, user);
    if (!mayRegister(user, own)) {
      throw new ForbiddenException("register research of " + school);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Integer academicYear = AcademicYears.startable(year, clock);
    if (academicYear == null) {
      errors.put("year", "research.school.error.year");
    }
    String t = clean(title);
    String q = clean(question);
    String r = clean(researchers);
    if (t.isEmpty() || t.length() > 300) {
      errors.put("title", "research.school.error.title");
    }
    if (q.isEmpty() || q.length() > 2000) {
      errors.put("question", "research.school.error.question");
    }
    if (r.isEmpty() || r.length() > 500) {
      errors.put("researchers", "research.school.error.researchers");
    }
    List<String> joint = new ArrayList<>();
    Map<String, String> names = names(own.districtCode());
    for (String p : partners == null ? List.<String>of() : partners) {
      if (p == null || p.isBlank() || joint.contains(p)) {
        continue;
      }
      if (!names.containsKey(p) || p.equals(own.code())) {
        errors.put("partners", "research.school.error.partners");
      } else {
        joint.add(p);
      }
    }
    if (!errors.isEmpty()) {
      fill(model, own, user, errors);
      model.addAttribute("enteredYear", year);
      model.addAttribute("enteredTitle", title);
      model.addAttribute("enteredQuestion", question);
      model.addAttribute("enteredResearchers", researchers);
      return "research/school";
    }
    register.register(own.code(), academicYear, t, q, r, joint, user.userId());
    flash.addFlashAttribute("success", "research.school.registered");
    return "redirect:/research/schools?school=" + own.code();
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }
}
