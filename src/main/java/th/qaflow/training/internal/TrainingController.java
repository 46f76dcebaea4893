package th.qaflow.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.InputText;
import th.qaflow.kernel.MultiLineFields;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.training.Trainings;
import th.qaflow.training.Trainings.Event;
import th.qaflow.training.Trainings.Plan;
import th.qaflow.training.Trainings.Registration;
import th.qaflow.training.Trainings.Status;
import th.qaflow.training.Trainings.TargetKind;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.TableWriter;

/**
 * The training pages: the district's events and the form to plan one, or for a school's people the
 * events open to them and their school's training history ({@code /training}); an event's page with
 * whatever its viewer may do at its step ({@code /training/{id}}): approve or return, revise,
 * register or cancel, close registration, record attendance and walk-ins, evaluate, close the
 * evaluation, report; the attendance and evaluation summary as XLSX. Scope is checked on every
 * request: the district's staff see their district's events, a school's people only the approved
 * events that target their school and role and only their own school's people; nobody another
 * district's.
 */
@Controller
class TrainingController {
  static final int TITLE_MAX = 200;
  static final int TEXT_MAX = 2000;
  static final int REPORT_MAX = 4000;
  static final int PLACE_MAX = 300;
  static final int LINK_MAX = 500;
  static final int NAME_MAX = 200;
  static final int CAPACITY_MAX = 2000;

  /** What a form held and its errors (field → message key), shown again on a bad submission. */
  public record Form(
      Map<String, String> values, Map<String, List<String>> lists, Map<String, String> errors) {
    static Form empty() {
      return new Form(Map.of(), Map.of(), Map.of());
    }

    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    public boolean has(String list, String value) {
      return lists.getOrDefault(list, List.of()).contains(value);
    }
  }

  /** A registration as the event page lists it. */
  record RegistrationView(Registration r, String name, String schoolName) {}

  private final Trainings trainings;
  private final OrganisationDirectory directory;
  private final Clock clock;
  private final MessageSource messages;

  TrainingController(
      Trainings trainings, OrganisationDirectory directory, Clock clock, MessageSource messages) {
    this.trainings = trainings;
    this.directory = directory;
    this.clock = clock;
    this.messages = messages;
  }

  // --- who may do what

  static boolean mayPlan(QaUser user) {
    return user.role() == Role.SUPERVISOR || user.role() == Role.DISTRICT_QA_OFFICER;
  }

  /** The organiser, and the district's QA officer, supervisors and supervision director. */
  static boolean mayOrganise(QaUser user, Event e) {
    if (user.isReadOnly() || !e.districtCode().equals(user.districtCode())) {
      return false;
    }
    return user.userId().equals(e.organiserId())
        || user.role() == Role.DISTRICT_QA_OFFICER
        || user.role() == Role.SUPERVISOR
        || user.role() == Role.SUPERVISION_DIRECTOR;
  }

  static boolean mayApprove(QaUser user, Event e) {
    return user.role() == Role.SUPERVISION_DIRECTOR && e.districtCode().equals(user.districtCode());
  }

  /** The district's staff (and OBEC, administrators) see the whole event. */
  private static boolean seesAll(QaUser user, Event e) {
    return user.canSeeDistrict(e.districtCode()) && !user.isSchoolUser();
  }

  /** The event if the user may see it; 404 for none, 403 for another's. */
  private Event seen(QaUser user, long id) {
    Event e = trainings.event(id).orElseThrow(() -> new NotFoundException("training " + id));
    if (user.role() == Role.COMMITTEE_MEMBER) {
      throw new ForbiddenException("training " + id);
    }
    if (seesAll(user, e)) {
      return e;
    }
    if (user.isSchoolUser()
        && e.status().published()
        && (trainings.targets(e, user.schoolCode(), user.role())
            || trainings.registration(id, user.userId()).isPresent())) {
      return e;
    }
    throw new ForbiddenException("training " + id);
  }

  // --- the list

  @GetMapping("/training")
  String list(@RequestParam(required = false) String district, Model model) {
    return renderList(CurrentUser.get(), district, Form.empty(), model);
  }

  @PostMapping("/training")
  @MultiLineFields("topic")
  String plan(
      @RequestParam Map<String, String> params,
      @RequestParam(required = false) List<String> clusters,
      @RequestParam(required = false) List<String> schools,
      @RequestParam(required = false) List<String> roles,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    if (!mayPlan(user) || user.districtCode() == null) {
      throw new ForbiddenException("plan a training");
    }
    String district = params.get("district");
    if (district != null && !district.equals(user.districtCode())) {
      // an event is always the organiser's own district's: naming another is refused
      throw new ForbiddenException("plan a training for " + district);
    }
    Form form = form(params, clusters, schools, roles);
    Map<String, String> errors = new LinkedHashMap<>();
    Plan plan = parse(user.districtCode(), form, errors);
    if (!errors.isEmpty()) {
      model.addAttribute("error", "training.error.form");
      return renderList(user, null, new Form(form.values(), form.lists(), errors), model);
    }
    long id = trainings.plan(user.userId(), plan);
    return succeeded(flash, id, "training.planned");
  }

  // --- the event

  @GetMapping("/training/{id}")
  String event(@PathVariable long id, Model model) {
    QaUser user = CurrentUser.get();
    Event e = seen(user, id);
    return renderEvent(user, e, Form.empty(), model);
  }

  @PostMapping("/training/{id}/decision")
  @MultiLineFields("comment")
  String decide(
      @PathVariable long id,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String comment,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = seen(user, id);
    if (!mayApprove(user, e)) {
      throw new ForbiddenException("approve training " + id);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (e.status() != Status.APPROVAL) {
      errors.put("decision", "training.error.step");
    } else if (!"yes".equals(decision) && !"no".equals(decision)) {
      errors.put("decision", "training.error.decision");
    }
    String clean = comment == null ? "" : comment.strip();
    if ("no".equals(decision) && clean.isEmpty()) {
      errors.put("comment", "training.error.required");
    } else if (InputText.badMultiLine(clean)) {
      errors.put("comment", "training.error.chars");
    } else if (clean.length() > TEXT_MAX) {
      errors.put("comment", "training.error.long");
    }
    if (!errors.isEmpty()) {
      return again(user, e, values("decision", decision, "comment", comment), errors, model);
    }
    trainings.decide(id, user.userId(), "yes".equals(decision), clean);
    return succeeded(flash, id, "yes".equals(decision) ? "training.approved" : "training.returned");
  }

  @PostMapping("/training/{id}/revise")
  @MultiLineFields("topic")
  String revise(
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      @RequestParam(required = false) List<String> clusters,
      @RequestParam(required = false) List<String> schools,
      @RequestParam(required = false) List<String> roles,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = seen(user, id);
    if (!mayOrganise(user, e)) {
      throw new ForbiddenException("revise training " + id);
    }
    Form form = form(params, clusters, schools, roles);
    Map<String, String> errors = new LinkedHashMap<>();
    Plan plan = parse(e.districtCode(), form, errors);
    if (e.status() != Status.REVISION) {
      errors.put("title", "training.error.step");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("error", "training.error.form");
      return renderEvent(user, e, new Form(form.values(), form.lists(), errors), model);
    }
    trainings.revise(id, user.userId(), plan);
    return succeeded(flash, id, "training.revised");
  }

  @PostMapping("/training/{id}/register")
  String register(@PathVariable long id, Model model, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = seen(user, id);
    if (!user.isSchoolUser() || !trainings.targets(e, user.schoolCode(), user.role())) {
      throw new ForbiddenException("register for training " + id);
    }
    String error = null;
    if (e.status() != Status.REGISTRATION
        || !clock.instant().isBefore(e.plan().registrationDeadline())) {
      error = "training.error.registrationClosed";
    } else if (trainings.registration(id, user.userId()).isEmpty()
        && trainings.registrations(id).size() >= e.plan().capacity()) {
      error = "training.error.full";
    }
    if (error == null) {
      try {
        trainings.register(id, user.userId());
      } catch (IllegalStateException full) {
        error = "training.error.full";
      }
    }
    if (error != null) {
      return again(user, e, Map.of(), Map.of("register", error), model);
    }
    return succeeded(flash, id, "training.registered");
  }

  @PostMapping("/training/{id}/cancel")
  String cancel(@PathVariable long id, Model model, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = seen(user, id);
    if (trainings.registration(id, user.userId()).isEmpty()) {
      throw new ForbiddenException("cancel for training " + id);
    }
    if (e.status() != Status.REGISTRATION) {
      return again(
          user, e, Map.of(), Map.of("register", "training.error.registrationClosed"), model);
    }
    trainings.cancel(id, user.userId());
    return succeeded(flash, id, "training.cancelled");
  }

  @PostMapping("/training/{id}/close-registration")
  String closeRegistration(@PathVariable long id, Model model, RedirectAttributes flash) {
    return organiserStep(
        id,
        Status.REGISTRATION,
        "register",
        trainings::closeRegistration,
        "training.registrationClosed",
        model,
        flash);
  }

  @PostMapping("/training/{id}/attendance")
  String attendance(
      @PathVariable long id,
      @RequestParam(required = false) List<Long> attended,
      @RequestParam(required = false) String finish,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = organised(user, id);
    if (e.status() != Status.ATTENDANCE) {
      return again(user, e, Map.of(), Map.of("attendance", "training.error.step"), model);
    }
    Set<Long> ids = new HashSet<>(attended == null ? List.of() : attended);
    Set<Long> known = new HashSet<>();
    trainings.registrations(id).forEach(r -> known.add(r.id()));
    if (!known.containsAll(ids)) {
      return again(user, e, Map.of(), Map.of("attendance", "training.error.attendee"), model);
    }
    if (clock.instant().isBefore(e.plan().startsAt())) {
      return again(user, e, Map.of(), Map.of("attendance", "training.error.notYet"), model);
    }
    boolean done = "yes".equals(finish);
    trainings.recordAttendance(id, user.userId(), ids, done);
    return succeeded(flash, id, done ? "training.attendanceDone" : "training.attendanceSaved");
  }

  @PostMapping("/training/{id}/walkins")
  String walkIn(
      @PathVariable long id,
      @RequestParam(required = false) String school,
      @RequestParam(required = false) String name,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = organised(user, id);
    Map<String, String> errors = new LinkedHashMap<>();
    if (e.status() != Status.ATTENDANCE) {
      errors.put("walkinName", "training.error.step");
    }
    School s = school == null ? null : directory.school(school).orElse(null);
    if (s == null || !s.districtCode().equals(e.districtCode())) {
      errors.put("walkinSchool", "training.error.school");
    }
    String clean = name == null ? "" : name.strip();
    singleLine(errors, "walkinName", clean, NAME_MAX);
    if (!errors.isEmpty()) {
      return again(user, e, values("walkinSchool", school, "walkinName", name), errors, model);
    }
    trainings.addWalkIn(id, s.code(), clean);
    flash.addFlashAttribute("success", "training.walkinAdded");
    return "redirect:/training/" + id + "#attendance";
  }

  @PostMapping("/training/{id}/evaluation")
  @MultiLineFields("comment")
  String evaluate(
      @PathVariable long id,
      @RequestParam Map<String, String> params,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = seen(user, id);
    if (trainings.registration(id, user.userId()).filter(Registration::attended).isEmpty()) {
      throw new ForbiddenException("evaluate training " + id);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (e.status() != Status.EVALUATION) {
      errors.put("content", "training.error.evaluationClosed");
    } else if (evaluated(id, user.userId())) {
      errors.put("content", "training.error.evaluated");
    }
    int[] ratings = new int[Trainings.ITEMS.size()];
    for (int i = 0; i < ratings.length; i++) {
      String item = Trainings.ITEMS.get(i);
      ratings[i] = rating(params.get(item));
      if (ratings[i] == 0) {
        errors.putIfAbsent(item, "training.error.rating");
      }
    }
    String comment = params.getOrDefault("comment", "").strip();
    if (InputText.badMultiLine(comment)) {
      errors.put("comment", "training.error.chars");
    } else if (comment.length() > TEXT_MAX) {
      errors.put("comment", "training.error.long");
    }
    if (!errors.isEmpty()) {
      Map<String, String> v = new LinkedHashMap<>(params);
      v.remove("_csrf");
      return again(user, e, v, errors, model);
    }
    trainings.evaluate(id, user.userId(), ratings[0], ratings[1], ratings[2], ratings[3], comment);
    return succeeded(flash, id, "training.evaluatedThanks");
  }

  @PostMapping("/training/{id}/close-evaluation")
  String closeEvaluation(@PathVariable long id, Model model, RedirectAttributes flash) {
    return organiserStep(
        id,
        Status.EVALUATION,
        "evaluation",
        trainings::closeEvaluation,
        "training.evaluationClosed",
        model,
        flash);
  }

  @PostMapping("/training/{id}/report")
  @MultiLineFields("text")
  String report(
      @PathVariable long id,
      @RequestParam(required = false) String text,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = organised(user, id);
    Map<String, String> errors = new LinkedHashMap<>();
    if (e.status() != Status.REPORT) {
      errors.put("report", "training.error.step");
    }
    String clean = text == null ? "" : text.strip();
    if (clean.isEmpty()) {
      errors.put("report", "training.error.required");
    } else if (InputText.badMultiLine(clean)) {
      errors.put("report", "training.error.chars");
    } else if (clean.length() > REPORT_MAX) {
      errors.put("report", "training.error.reportLong");
    }
    if (!errors.isEmpty()) {
      return again(user, e, values("report", text), errors, model);
    }
    trainings.report(id, user.userId(), clean);
    return succeeded(flash, id, "training.reported");
  }

  /** The attendance (by person and by school) and the evaluation summary, for the district. */
  @GetMapping("/training/{id}/attendance.xlsx")
  ResponseEntity<byte[]> export(@PathVariable long id) {
    QaUser user = CurrentUser.get();
    Event e = seen(user, id);
    if (!seesAll(user, e)) {
      throw new ForbiddenException("training export " + id);
    }
    Locale locale = LocaleContextHolder.getLocale();
    byte[] body =
        TableWriter.xlsx(
            new TrainingExport(trainings, directory, messages).tables(e, locale), locale);
    return ResponseEntity.ok()
        .contentType(TableWriter.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment("training-" + e.id() + "-attendance.xlsx"))
        .body(body);
  }

  // --- pages

  /**
   * An organiser's step that takes no input: the event must be at {@code step}, else its page is
   * shown again with the step error on {@code field}; then {@code action} runs as the user and the
   * event's page follows with {@code success}.
   */
  private String organiserStep(
      long id,
      Status step,
      String field,
      BiConsumer<Long, String> action,
      String success,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Event e = organised(user, id);
    if (e.status() != step) {
      return again(user, e, Map.of(), Map.of(field, "training.error.step"), model);
    }
    action.accept(id, user.userId());
    return succeeded(flash, id, success);
  }

  /** After a step: the event's page, with the success message. */
  private static String succeeded(RedirectAttributes flash, long id, String success) {
    flash.addFlashAttribute("success", success);
    return "redirect:/training/" + id;
  }

  private Event organised(QaUser user, long id) {
    Event e = seen(user, id);
    if (!mayOrganise(user, e)) {
      throw new ForbiddenException("organise training " + id);
    }
    return e;
  }

  private boolean evaluated(long id, String userId) {
    return trainings.evaluations(id).stream().anyMatch(ev -> ev.userId().equals(userId));
  }

  private String again(
      QaUser user, Event e, Map<String, String> values, Map<String, String> errors, Model model) {
    model.addAttribute("error", "training.error.form");
    return renderEvent(user, e, new Form(values, Map.of(), errors), model);
  }

  private String renderList(QaUser user, String requested, Form form, Model model) {
    if (user.role() == Role.COMMITTEE_MEMBER) {
      throw new ForbiddenException("training");
    }
    District shown;
    List<Event> events;
    if (user.isSchoolUser()) {
      School school = directory.school(user.schoolCode()).orElse(null);
      if (school == null || (requested != null && !requested.equals(school.districtCode()))) {
        throw new ForbiddenException("training of " + requested);
      }
      shown = directory.district(school.districtCode()).orElse(null);
      model.addAttribute("districts", shown == null ? List.of() : List.of(shown));
      Person me = directory.person(user.userId()).orElse(null);
      events = me == null ? List.of() : trainings.openTo(me);
      model.addAttribute("history", trainings.historyOfSchool(school.code()));
      model.addAttribute("school", school);
    } else {
      DistrictChoice choice = DistrictChoice.of(directory.districts(), user, requested);
      if (choice.refused()) {
        throw new ForbiddenException("training of " + requested);
      }
      shown = choice.shown();
      model.addAttribute("districts", choice.visible());
      events = shown == null ? List.of() : trainings.ofDistrict(shown.code());
    }
    model.addAttribute("district", shown);
    model.addAttribute("events", events);
    boolean canPlan = mayPlan(user) && shown != null && shown.code().equals(user.districtCode());
    model.addAttribute("canPlan", canPlan);
    if (canPlan) {
      planChoices(shown.code(), model);
    }
    model.addAttribute("form", form);
    return "training/list";
  }

  private void planChoices(String district, Model model) {
    model.addAttribute("clusterChoices", directory.clusters(district));
    model.addAttribute("schoolChoices", directory.schoolsOfDistrict(district));
    model.addAttribute("roleChoices", Trainings.TARGET_ROLES);
    model.addAttribute("kinds", TargetKind.values());
  }

  private String renderEvent(QaUser user, Event e, Form form, Model model) {
    boolean all = seesAll(user, e);
    model.addAttribute("event", e);
    model.addAttribute("organiserName", name(e.organiserId()));
    model.addAttribute("seesAll", all);
    model.addAttribute("targetNames", targetNames(e));
    List<RegistrationView> regs = new ArrayList<>();
    for (Registration r : trainings.registrations(e.id())) {
      if (all || r.schoolCode().equals(user.schoolCode())) {
        regs.add(
            new RegistrationView(
                r,
                name(r.userId()),
                directory.school(r.schoolCode()).map(School::nameTh).orElse(r.schoolCode())));
      }
    }
    model.addAttribute("registrations", regs);
    model.addAttribute("registeredCount", trainings.registrations(e.id()).size());
    model.addAttribute(
        "walkIns",
        trainings.walkIns(e.id()).stream()
            .filter(w -> all || w.schoolCode().equals(user.schoolCode()))
            .toList());
    var mine = trainings.registration(e.id(), user.userId()).orElse(null);
    model.addAttribute("mine", mine);
    boolean targeted = user.isSchoolUser() && trainings.targets(e, user.schoolCode(), user.role());
    boolean open =
        e.status() == Status.REGISTRATION
            && clock.instant().isBefore(e.plan().registrationDeadline());
    model.addAttribute("mayRegister", targeted && open && mine == null);
    model.addAttribute("mayCancel", open && mine != null);
    model.addAttribute("mayApprove", mayApprove(user, e) && e.status() == Status.APPROVAL);
    boolean organise = mayOrganise(user, e);
    model.addAttribute("mayOrganise", organise);
    model.addAttribute("mayRevise", organise && e.status() == Status.REVISION);
    boolean evaluated = evaluated(e.id(), user.userId());
    model.addAttribute("evaluated", evaluated);
    model.addAttribute(
        "mayEvaluate",
        e.status() == Status.EVALUATION && mine != null && mine.attended() && !evaluated);
    if (all) {
      model.addAttribute("summary", trainings.summary(e.id()));
      model.addAttribute("bySchool", trainings.attendance(e.id()));
    } else {
      model.addAttribute(
          "bySchool",
          trainings.attendance(e.id()).stream()
              .filter(a -> a.schoolCode().equals(user.schoolCode()))
              .toList());
    }
    model.addAttribute("items", Trainings.ITEMS);
    if (organise) {
      model.addAttribute("schoolChoices", directory.schoolsOfDistrict(e.districtCode()));
    }
    if (organise && e.status() == Status.REVISION) {
      planChoices(e.districtCode(), model);
      if (form.values().isEmpty()) {
        form = planForm(e);
      }
    }
    model.addAttribute("form", form);
    return "training/event";
  }

  private List<String> targetNames(Event e) {
    List<String> names = new ArrayList<>();
    for (String code : e.plan().targets()) {
      if (e.plan().targetKind() == TargetKind.CLUSTERS) {
        names.add(directory.cluster(code).map(Cluster::nameTh).orElse(code));
      } else {
        names.add(directory.school(code).map(School::nameTh).orElse(code));
      }
    }
    return names;
  }

  private String name(String userId) {
    return directory.person(userId).map(Person::displayName).orElse(userId);
  }

  // --- input

  private static Form form(
      Map<String, String> params, List<String> clusters, List<String> schools, List<String> roles) {
    Map<String, String> v = new LinkedHashMap<>(params);
    v.remove("_csrf");
    v.remove("district");
    v.remove("clusters");
    v.remove("schools");
    v.remove("roles");
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("clusters", clusters == null ? List.of() : clusters);
    lists.put("schools", schools == null ? List.of() : schools);
    lists.put("roles", roles == null ? List.of() : roles);
    return new Form(v, lists, Map.of());
  }

  private Form planForm(Event e) {
    Plan p = e.plan();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("title", p.title());
    v.put("topic", p.topic());
    v.put("date", LocalDate.ofInstant(p.startsAt(), AcademicYears.ZONE).toString());
    v.put("startTime", LocalTime.ofInstant(p.startsAt(), AcademicYears.ZONE).toString());
    v.put("endTime", LocalTime.ofInstant(p.endsAt(), AcademicYears.ZONE).toString());
    v.put("place", p.place() == null ? "" : p.place());
    v.put("onlineLink", p.onlineLink() == null ? "" : p.onlineLink());
    v.put("targetKind", p.targetKind().name());
    v.put("capacity", String.valueOf(p.capacity()));
    v.put("deadline", LocalDate.ofInstant(p.registrationDeadline(), AcademicYears.ZONE).toString());
    Map<String, List<String>> lists = new LinkedHashMap<>();
    lists.put("clusters", p.targetKind() == TargetKind.CLUSTERS ? p.targets() : List.of());
    lists.put("schools", p.targetKind() == TargetKind.SCHOOLS ? p.targets() : List.of());
    lists.put("roles", p.roles().stream().map(Role::name).toList());
    return new Form(v, lists, Map.of());
  }

  /** The plan from the form, or null with the errors filled in. */
  private Plan parse(String district, Form form, Map<String, String> errors) {
    String title = form.value("title").strip();
    singleLine(errors, "title", title, TITLE_MAX);
    String topic = form.value("topic").strip();
    if (topic.isEmpty()) {
      errors.put("topic", "training.error.required");
    } else if (InputText.badMultiLine(topic)) {
      errors.put("topic", "training.error.chars");
    } else if (topic.length() > TEXT_MAX) {
      errors.put("topic", "training.error.long");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), AcademicYears.ZONE);
    LocalDate day = date(form.value("date"));
    if (day == null) {
      errors.put("date", "training.error.date");
    } else if (!day.isAfter(today)) {
      errors.put("date", "training.error.dateFuture");
    }
    LocalTime start = time(form.value("startTime"));
    LocalTime end = time(form.value("endTime"));
    if (start == null) {
      errors.put("startTime", "training.error.time");
    }
    if (end == null) {
      errors.put("endTime", "training.error.time");
    } else if (start != null && !end.isAfter(start)) {
      errors.put("endTime", "training.error.endTime");
    }
    String place = form.value("place").strip();
    String link = form.value("onlineLink").strip();
    if (place.isEmpty() && link.isEmpty()) {
      errors.put("place", "training.error.place");
    } else if (InputText.badSingleLine(place) || place.length() > PLACE_MAX) {
      errors.put("place", "training.error.chars");
    }
    if (!link.isEmpty()
        && (!link.startsWith("https://")
            || link.length() > LINK_MAX
            || InputText.badSingleLine(link)
            || link.contains(" "))) {
      errors.put("onlineLink", "training.error.link");
    }
    TargetKind kind = null;
    for (TargetKind k : TargetKind.values()) {
      if (k.name().equals(form.value("targetKind"))) {
        kind = k;
      }
    }
    List<String> targets = List.of();
    if (kind == null) {
      errors.put("targetKind", "training.error.targetKind");
    } else if (kind == TargetKind.CLUSTERS) {
      targets = form.lists().get("clusters");
      Set<String> known = new HashSet<>();
      directory.clusters(district).forEach(c -> known.add(c.code()));
      if (targets.isEmpty() || !known.containsAll(targets)) {
        errors.put("clusters", "training.error.clusters");
      }
    } else if (kind == TargetKind.SCHOOLS) {
      targets = form.lists().get("schools");
      Set<String> known = new HashSet<>();
      directory.schoolsOfDistrict(district).forEach(s -> known.add(s.code()));
      if (targets.isEmpty() || !known.containsAll(targets)) {
        errors.put("schools", "training.error.schools");
      }
    }
    List<Role> roles = new ArrayList<>();
    for (String r : form.lists().get("roles")) {
      Trainings.TARGET_ROLES.stream().filter(t -> t.name().equals(r)).forEach(roles::add);
    }
    if (roles.isEmpty() || roles.size() != form.lists().get("roles").size()) {
      errors.put("roles", "training.error.roles");
    }
    int capacity = 0;
    try {
      capacity = Integer.parseInt(form.value("capacity").strip());
    } catch (NumberFormatException bad) {
      capacity = 0;
    }
    if (capacity < 1 || capacity > CAPACITY_MAX) {
      errors.put("capacity", "training.error.capacity");
    }
    LocalDate deadline = date(form.value("deadline"));
    if (deadline == null) {
      errors.put("deadline", "training.error.date");
    } else if (deadline.isBefore(today) || (day != null && !deadline.isBefore(day))) {
      errors.put("deadline", "training.error.deadline");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new Plan(
        title,
        topic,
        day.atTime(start).atZone(AcademicYears.ZONE).toInstant(),
        day.atTime(end).atZone(AcademicYears.ZONE).toInstant(),
        place,
        link,
        kind,
        kind == TargetKind.ALL ? List.of() : targets,
        roles,
        capacity,
        deadline.atTime(23, 59, 59).atZone(AcademicYears.ZONE).toInstant());
  }

  private static LocalDate date(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    } catch (DateTimeParseException bad) {
      return null;
    }
  }

  private static LocalTime time(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalTime.parse(s.strip());
    } catch (DateTimeParseException bad) {
      return null;
    }
  }

  private static int rating(String s) {
    if (s == null) {
      return 0;
    }
    return switch (s.strip()) {
      case "1" -> 1;
      case "2" -> 2;
      case "3" -> 3;
      case "4" -> 4;
      case "5" -> 5;
      default -> 0;
    };
  }

  private static void singleLine(Map<String, String> errors, String field, String v, int max) {
    if (v.isEmpty()) {
      errors.put(field, "training.error.required");
    } else if (InputText.badSingleLine(v)) {
      errors.put(field, "training.error.chars");
    } else if (v.length() > max) {
      errors.put(field, "training.error.titleLong");
    }
  }

  private static Map<String, String> values(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
    }
    return m;
  }
}
