package th.qaflow.calendar.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.calendar.CalendarChangeReport;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.CalendarError;
import th.qaflow.calendar.CalendarRules;
import th.qaflow.calendar.CalendarValidationException;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.Stage;
import th.qaflow.kernel.Stages;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;

/**
 * The district calendar page. The district's QA officer and administrators edit it; the district's
 * other staff and its schools' people read it; OBEC viewers read every district's. Anyone else gets
 * 404 (they may not know the district's page exists); a reader who posts gets 403 and nothing
 * changes.
 */
@Controller
@RequestMapping("/calendar")
class CalendarController {
  private final Clock clock;
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int BE_OFFSET = 543;

  private final CalendarEditor editor;
  private final OrganisationDirectory directory;
  private final CalendarTexts texts;
  private final Stages stages;

  private final org.springframework.beans.factory.ObjectProvider<th.qaflow.calendar.CalendarEvents>
      events;

  CalendarController(
      CalendarEditor editor,
      OrganisationDirectory directory,
      CalendarTexts texts,
      Stages stages,
      Clock clock,
      org.springframework.beans.factory.ObjectProvider<th.qaflow.calendar.CalendarEvents> events) {
    this.events = events;
    this.clock = clock;
    this.editor = editor;
    this.directory = directory;
    this.texts = texts;
    this.stages = stages;
  }

  /**
   * One stage's row as shown: the values as typed (or stored), their dates if they parse, and
   * problems.
   */
  record Row(
      Stage stage,
      String opens,
      String due,
      LocalDate opensDate,
      LocalDate dueDate,
      List<String> opensErrors,
      List<String> dueErrors,
      boolean changedFromDefault) {
    public String opensThai() {
      return CalendarTexts.thaiDate(opensDate);
    }

    public String dueThai() {
      return CalendarTexts.thaiDate(dueDate);
    }

    public boolean hasErrors() {
      return !opensErrors.isEmpty() || !dueErrors.isEmpty();
    }
  }

  @GetMapping
  String page(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String year,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    QaUser user = CurrentUser.get();
    District d = viewable(user, district);
    List<String> yearErrors = new ArrayList<>();
    Integer academicYear = parseYear(year, yearErrors, locale);
    if (academicYear == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(model, user, d, year, null, List.of(), yearErrors);
    }
    List<Row> rows =
        editor.windows(d.code(), academicYear).stream()
            .map(
                w ->
                    new Row(
                        w.stage(),
                        w.opens().toString(),
                        w.due().toString(),
                        w.opens(),
                        w.due(),
                        List.of(),
                        List.of(),
                        !w.equals(StageWindow.defaults(w.stage(), academicYear))))
            .toList();
    return show(model, user, d, String.valueOf(academicYear), academicYear, rows, List.of());
  }

  @PostMapping
  String save(
      @RequestParam String district,
      @RequestParam String year,
      @RequestParam Map<String, String> form,
      Model model,
      Locale locale,
      RedirectAttributes flash,
      HttpServletResponse response) {
    QaUser user = CurrentUser.get();
    District d = editable(user, district);
    List<String> yearErrors = new ArrayList<>();
    Integer academicYear = parseYear(year, yearErrors, locale);
    if (academicYear == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(model, user, d, year, null, List.of(), yearErrors);
    }
    Map<Stage, List<CalendarError>> errors = new LinkedHashMap<>();
    List<StageWindow> windows = new ArrayList<>();
    Map<Stage, String[]> typed = new LinkedHashMap<>();
    for (Stage stage : stages.all()) {
      String opensRaw = form.getOrDefault("opens_" + stage.name(), "").trim();
      String dueRaw = form.getOrDefault("due_" + stage.name(), "").trim();
      typed.put(stage, new String[] {opensRaw, dueRaw});
      LocalDate opens = parseDate(stage, "opens", opensRaw, errors);
      LocalDate due = parseDate(stage, "due", dueRaw, errors);
      if (opens != null && due != null) {
        windows.add(new StageWindow(stage, opens, due));
      }
    }
    if (errors.isEmpty()) {
      try {
        CalendarChangeReport report = editor.save(d.code(), academicYear, windows, user);
        flashResult(flash, report);
        return "redirect:/calendar?district=" + d.code() + "&year=" + academicYear;
      } catch (CalendarValidationException invalid) {
        for (CalendarError e : invalid.errors()) {
          if (e.stage() == null) {
            yearErrors.add(texts.message(e, locale));
          } else {
            errors.computeIfAbsent(e.stage(), s -> new ArrayList<>()).add(e);
          }
        }
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    List<Row> rows = new ArrayList<>();
    for (Stage stage : stages.all()) {
      String[] raw = typed.get(stage);
      List<CalendarError> stageErrors = errors.getOrDefault(stage, List.of());
      rows.add(
          new Row(
              stage,
              raw[0],
              raw[1],
              shownDate(raw[0]),
              shownDate(raw[1]),
              stageErrors.stream()
                  .filter(e -> "opens".equals(e.field()))
                  .map(e -> texts.message(e, locale))
                  .toList(),
              stageErrors.stream()
                  .filter(e -> !"opens".equals(e.field()))
                  .map(e -> texts.message(e, locale))
                  .toList(),
              false));
    }
    model.addAttribute("invalid", true);
    return show(model, user, d, String.valueOf(academicYear), academicYear, rows, yearErrors);
  }

  @PostMapping("/reset")
  String reset(
      @RequestParam String district,
      @RequestParam String year,
      Model model,
      Locale locale,
      RedirectAttributes flash,
      HttpServletResponse response) {
    QaUser user = CurrentUser.get();
    District d = editable(user, district);
    List<String> yearErrors = new ArrayList<>();
    Integer academicYear = parseYear(year, yearErrors, locale);
    if (academicYear == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return show(model, user, d, year, null, List.of(), yearErrors);
    }
    flashResult(flash, editor.resetToDefaults(d.code(), academicYear, user));
    return "redirect:/calendar?district=" + d.code() + "&year=" + academicYear;
  }

  private String show(
      Model model,
      QaUser user,
      District d,
      String yearText,
      Integer year,
      List<Row> rows,
      List<String> yearErrors) {
    model.addAttribute("district", d);
    model.addAttribute("districts", nationWide(user) ? directory.districts() : List.of(d));
    model.addAttribute("yearText", yearText);
    model.addAttribute("year", year);
    model.addAttribute("yearErrors", yearErrors);
    model.addAttribute("rows", rows);
    model.addAttribute("canEdit", canEdit(user, d.code()));
    if (year != null) {
      model.addAttribute("yearStart", AcademicYears.start(year));
      model.addAttribute("yearEnd", AcademicYears.end(year));
      model.addAttribute("latestDue", LocalDate.of(AcademicYears.end(year).getYear(), 6, 30));
      model.addAttribute("history", editor.history(d.code(), year));
      // other dated events of the district (a committee's meetings), in date order
      model.addAttribute(
          "events",
          events
              .orderedStream()
              .flatMap(
                  e ->
                      e
                          .events(d.code(), AcademicYears.start(year), AcademicYears.end(year))
                          .stream())
              .sorted(java.util.Comparator.comparing(th.qaflow.calendar.CalendarEvents.Event::at))
              .toList());
    }
    return "calendar/calendar";
  }

  private static void flashResult(RedirectAttributes flash, CalendarChangeReport report) {
    flash.addFlashAttribute("changedStages", report.changes().size());
    flash.addFlashAttribute("movedTasks", report.tasksMoved());
    flash.addFlashAttribute("movedTimers", report.timersMoved());
  }

  // --- access ---------------------------------------------------------------------------------

  private District viewable(QaUser user, String requested) {
    String code = requested == null || requested.isBlank() ? homeDistrict(user) : requested.trim();
    if (code == null && nationWide(user)) {
      code = directory.districts().stream().map(District::code).findFirst().orElse(null);
    }
    String wanted = code;
    District d = wanted == null ? null : directory.district(wanted).orElse(null);
    if (d == null || !canView(user, d.code())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return d;
  }

  private District editable(QaUser user, String requested) {
    District d = viewable(user, requested);
    if (!canEdit(user, d.code())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return d;
  }

  private static boolean nationWide(QaUser user) {
    return user.role() == Role.ADMIN
        || user.role() == Role.OBEC_VIEWER
        || (user.role() == null && user.isOperator());
  }

  private boolean canView(QaUser user, String districtCode) {
    return nationWide(user) || districtCode.equals(homeDistrict(user));
  }

  private static boolean canEdit(QaUser user, String districtCode) {
    return !user.isReadOnly() && user.canManageDistrict(districtCode);
  }

  private String homeDistrict(QaUser user) {
    if (user.districtCode() != null && !user.districtCode().isBlank()) {
      return user.districtCode();
    }
    if (user.schoolCode() != null) {
      return directory.school(user.schoolCode()).map(School::districtCode).orElse(null);
    }
    return null;
  }

  // --- input ----------------------------------------------------------------------------------

  private Integer parseYear(String year, List<String> errors, Locale locale) {
    if (year == null || year.isBlank()) {
      return AcademicYears.current(clock);
    }
    int value;
    try {
      value = Integer.parseInt(year.trim());
    } catch (NumberFormatException e) {
      errors.add(texts.message("calendar.error.yearFormat", locale, year));
      return null;
    }
    List<CalendarError> problems = CalendarRules.checkYear(value);
    problems.forEach(p -> errors.add(texts.message(p, locale)));
    return problems.isEmpty() ? value : null;
  }

  private static LocalDate parseDate(
      Stage stage, String field, String raw, Map<Stage, List<CalendarError>> errors) {
    if (raw.isEmpty()) {
      errors
          .computeIfAbsent(stage, s -> new ArrayList<>())
          .add(CalendarError.of(stage, field, "calendar.error.missing"));
      return null;
    }
    LocalDate date = lenientDate(raw);
    if (date == null) {
      errors
          .computeIfAbsent(stage, s -> new ArrayList<>())
          .add(CalendarError.of(stage, field, "calendar.error.malformed", raw));
      return null;
    }
    if (date.getYear() >= 2400) {
      // a Buddhist-Era year typed where the date picker wants the Common Era
      errors
          .computeIfAbsent(stage, s -> new ArrayList<>())
          .add(
              CalendarError.of(
                  stage,
                  field,
                  "calendar.error.dateBe",
                  raw,
                  date.minusYears(BE_OFFSET).toString()));
      return null;
    }
    return date;
  }

  /** A typed date worth showing in the BE next to its input (not a BE year typed as CE). */
  private static LocalDate shownDate(String raw) {
    LocalDate date = lenientDate(raw);
    return date == null || date.getYear() >= 2400 ? null : date;
  }

  private static LocalDate lenientDate(String raw) {
    if (raw == null || !ISO_DATE.matcher(raw).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
