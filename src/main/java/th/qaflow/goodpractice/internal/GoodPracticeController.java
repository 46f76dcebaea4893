package th.qaflow.goodpractice.internal;

import java.time.Clock;
import java.util.Comparator;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.goodpractice.GoodPractices.Nomination;
import th.qaflow.goodpractice.GoodPractices.Round;
import th.qaflow.goodpractice.internal.JdbcGoodPractices.NominationInput;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.web.ForbiddenException;

/**
 * The good-practice round ({@code /goodpractice}): the district's staff see every nomination of a
 * round with filters by standard and decision, the round's stage and open steps, and (the QA
 * officer) start a round; a school's QA group and director nominate and edit their own school's
 * practices, a district's supervisors nominate practices of its schools seen on visits, while the
 * round accepts nominations. A bad nomination is shown again with its values and a message per
 * field.
 */
@Controller
@RequestMapping("/goodpractice")
@PreAuthorize(
    "hasAnyRole('ADMIN','OBEC_VIEWER','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR','SUPERVISOR','SCHOOL_QA','SCHOOL_DIRECTOR')")
class GoodPracticeController {
  static final List<String> STATUSES = List.of("pending", "selected", "notSelected");

  private final JdbcGoodPractices rounds;
  private final NominationService nominations;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final Clock clock;

  GoodPracticeController(
      JdbcGoodPractices rounds,
      NominationService nominations,
      OrganisationDirectory directory,
      @Lazy TaskService tasks,
      Clock clock) {
    this.rounds = rounds;
    this.nominations = nominations;
    this.directory = directory;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** The form's values and its problems (field → message key). */
  record NominationForm(
      Long id,
      String school,
      String standard,
      String title,
      String practice,
      String evidenceUrl,
      String evidenceNote,
      Map<String, String> errors) {
    static NominationForm empty(String school) {
      return new NominationForm(null, school, "", "", "", "", "", Map.of());
    }

    static NominationForm of(Nomination n) {
      return new NominationForm(
          n.id(),
          n.schoolCode(),
          n.standardCode(),
          n.title(),
          n.practice(),
          n.evidenceUrl(),
          n.evidenceNote(),
          Map.of());
    }
  }

  @GetMapping
  String page(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String standard,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long edit,
      Model model) {
    QaUser user = CurrentUser.get();
    District shown = district(user, district);
    NominationForm form = null;
    if (edit != null) {
      Nomination n = nominations.seen(user, edit);
      form = NominationForm.of(n);
      district = n.districtCode();
      year = n.academicYear();
      shown = district(user, n.districtCode());
    }
    return render(user, shown, year, standard, status, form, model);
  }

  @PostMapping("/start")
  String start(@RequestParam String district, @RequestParam int year, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (directory.district(district).isEmpty() || !user.canManageDistrict(district)) {
      throw new ForbiddenException("start good-practice round " + district);
    }
    int current = AcademicYears.current(clock);
    if (year < current - 1 || year > current + 1) {
      flash.addFlashAttribute("error", "gp.error.year");
    } else {
      Optional<String> started = rounds.start(district, year, user.userId());
      flash.addFlashAttribute(
          started.isPresent() ? "success" : "error",
          started.isPresent() ? "gp.started" : "gp.error.running");
    }
    return "redirect:/goodpractice?district=" + district + "&year=" + year;
  }

  @MultiLineFields("practice")
  @PostMapping("/nominations")
  String add(
      @RequestParam String district,
      @RequestParam int year,
      @RequestParam(required = false) String school,
      @RequestParam(required = false) String standard,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String practice,
      @RequestParam(required = false) String evidenceUrl,
      @RequestParam(required = false) String evidenceNote,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    District shown = district(user, district);
    List<School> schools = nominations.nominable(user, district);
    if (schools.isEmpty() || user.isReadOnly()) {
      throw new ForbiddenException("nominate in " + district);
    }
    Round round = rounds.round(district, year).orElse(null);
    if (round == null || !round.stage().acceptsNominations()) {
      flash.addFlashAttribute("error", "gp.error.closed");
      return redirect(district, year);
    }
    NominationInput in = input(school, standard, title, practice, evidenceUrl, evidenceNote);
    School target =
        schools.stream().filter(s -> s.code().equals(in.schoolCode())).findFirst().orElse(null);
    Map<String, String> errors =
        nominations.check(in, schools, rounds.standardOptions(year, target));
    if (!errors.isEmpty()) {
      return render(user, shown, year, null, null, form(null, in, errors), model);
    }
    nominations.add(user, district, year, in);
    flash.addFlashAttribute("success", "gp.nominated");
    return redirect(district, year);
  }

  @MultiLineFields("practice")
  @PostMapping("/nominations/{id}")
  String change(
      @PathVariable long id,
      @RequestParam(required = false) String standard,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String practice,
      @RequestParam(required = false) String evidenceUrl,
      @RequestParam(required = false) String evidenceNote,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Nomination n = nominations.seen(user, id);
    Round round = rounds.round(n.districtCode(), n.academicYear()).orElseThrow();
    if (!round.stage().acceptsNominations()) {
      flash.addFlashAttribute("error", "gp.error.closed");
      return redirect(n.districtCode(), n.academicYear());
    }
    if (!nominations.mayChange(user, n, round)) {
      throw new ForbiddenException("change nomination " + id);
    }
    NominationInput in =
        input(n.schoolCode(), standard, title, practice, evidenceUrl, evidenceNote);
    School school = directory.school(n.schoolCode()).orElseThrow();
    Map<String, String> errors =
        nominations.check(in, List.of(school), rounds.standardOptions(n.academicYear(), school));
    if (!errors.isEmpty()) {
      return render(
          user,
          district(user, n.districtCode()),
          n.academicYear(),
          null,
          null,
          form(id, in, errors),
          model);
    }
    boolean done = nominations.change(id, in);
    flash.addFlashAttribute(done ? "success" : "error", done ? "gp.changed" : "gp.error.closed");
    return redirect(n.districtCode(), n.academicYear());
  }

  @PostMapping("/nominations/{id}/withdraw")
  String withdraw(@PathVariable long id, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Nomination n = nominations.seen(user, id);
    Round round = rounds.round(n.districtCode(), n.academicYear()).orElseThrow();
    if (round.stage().acceptsNominations() && !nominations.mayChange(user, n, round)) {
      throw new ForbiddenException("withdraw nomination " + id);
    }
    boolean done = round.stage().acceptsNominations() && nominations.withdraw(id);
    flash.addFlashAttribute(done ? "success" : "error", done ? "gp.withdrawn" : "gp.error.closed");
    return redirect(n.districtCode(), n.academicYear());
  }

  private String render(
      QaUser user,
      District shown,
      Integer year,
      String standard,
      String status,
      NominationForm form,
      Model model) {
    model.addAttribute("districts", visibleDistricts(user));
    model.addAttribute("district", shown);
    if (shown == null) {
      return "goodpractice/page";
    }
    List<Round> all = rounds.rounds(shown.code());
    int shownYear =
        year != null
            ? year
            : all.isEmpty() ? AcademicYears.current(clock) : all.get(0).academicYear();
    Round round = rounds.round(shown.code(), shownYear).orElse(null);
    List<Nomination> visible =
        round == null ? List.of() : nominations.visible(user, shown.code(), shownYear);
    List<Nomination> filtered =
        visible.stream()
            .filter(
                n -> standard == null || standard.isBlank() || standard.equals(n.standardCode()))
            .filter(n -> status == null || status.isBlank() || status.equals(status(n)))
            .sorted(Comparator.comparing(Nomination::schoolCode).thenComparing(Nomination::id))
            .toList();
    List<School> schools = nominations.nominable(user, shown.code());
    boolean open = round != null && round.stage().acceptsNominations();
    model.addAttribute("rounds", all);
    model.addAttribute("year", shownYear);
    model.addAttribute("currentYear", AcademicYears.current(clock));
    model.addAttribute("round", round);
    model.addAttribute("nominations", filtered);
    model.addAttribute("total", visible.size());
    model.addAttribute("standard", standard);
    model.addAttribute("status", status);
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("standardOptions", rounds.standardOptions(shownYear, null));
    model.addAttribute("labels", rounds.standardLabels(shownYear));
    model.addAttribute("schools", schools);
    model.addAttribute("canStart", user.canManageDistrict(shown.code()));
    model.addAttribute("schoolView", user.isSchoolUser());
    model.addAttribute(
        "changeable",
        round == null
            ? List.of()
            : visible.stream()
                .filter(n -> nominations.mayChange(user, n, round))
                .map(Nomination::id)
                .toList());
    boolean mayNominate = open && !schools.isEmpty() && !user.isReadOnly();
    model.addAttribute("mayNominate", mayNominate);
    if (mayNominate) {
      NominationForm shownForm =
          form != null
              ? form
              : NominationForm.empty(schools.size() == 1 ? schools.get(0).code() : "");
      model.addAttribute("form", shownForm);
      School target =
          schools.stream()
              .filter(s -> s.code().equals(shownForm.school()))
              .findFirst()
              .orElse(null);
      model.addAttribute(
          "formStandards", rounds.standardOptions(shownYear, schools.size() == 1 ? target : null));
    }
    if (round != null && user.isDistrictUser()) {
      List<Task> open1 =
          tasks.createTaskQuery().processInstanceId(round.processInstanceId()).list();
      model.addAttribute("openTasks", open1);
    }
    model.addAttribute("published", round != null && round.published());
    return "goodpractice/page";
  }

  static String status(Nomination n) {
    return n.decision() == null ? "pending" : n.decision();
  }

  private List<District> visibleDistricts(QaUser user) {
    if (user.isSchoolUser()) {
      return directory
          .school(user.schoolCode())
          .flatMap(s -> directory.district(s.districtCode()))
          .stream()
          .toList();
    }
    return directory.districts().stream().filter(d -> user.canSeeDistrict(d.code())).toList();
  }

  /** The district asked for, if the user may see it; else the first visible one. */
  private District district(QaUser user, String asked) {
    List<District> visible = visibleDistricts(user);
    if (asked != null) {
      return visible.stream()
          .filter(d -> d.code().equals(asked))
          .findFirst()
          .orElseThrow(() -> new ForbiddenException("good-practice page of " + asked));
    }
    return visible.isEmpty() ? null : visible.get(0);
  }

  private static NominationInput input(
      String school,
      String standard,
      String title,
      String practice,
      String evidenceUrl,
      String evidenceNote) {
    return new NominationInput(
        trim(school),
        trim(standard),
        trim(title),
        trim(practice),
        trim(evidenceUrl),
        trim(evidenceNote));
  }

  private static NominationForm form(Long id, NominationInput in, Map<String, String> errors) {
    return new NominationForm(
        id,
        in.schoolCode(),
        in.standardCode(),
        in.title(),
        in.practice(),
        in.evidenceUrl(),
        in.evidenceNote(),
        errors);
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String redirect(String district, int year) {
    return "redirect:/goodpractice?district=" + district + "&year=" + year;
  }
}
