package th.qaflow.committee.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Kind;
import th.qaflow.committee.Committees.Meeting;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.InputText;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.export.TableWriter;

/**
 * The district's committees ({@code /committees}) and one committee ({@code /committees/{id}}):
 * members, terms, meetings with their agenda, minutes, votes, resolutions and follow-up. The
 * district's staff, OBEC and administrators read every committee of the district; a committee
 * member from outside the office reads only the committees they sit on. The QA officer, the
 * supervision director, an administrator and the committee's secretary manage members and start
 * meetings. A bad committee is shown again with its values and a message per field.
 */
@Controller
@RequestMapping("/committees")
@PreAuthorize(
    "hasAnyRole('ADMIN','OBEC_VIEWER','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR','SUPERVISOR','COMMITTEE_MEMBER')")
class CommitteeController {
  private final JdbcCommittees committees;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final Clock clock;
  private final CommitteeWorkbook workbook;

  CommitteeController(
      JdbcCommittees committees,
      OrganisationDirectory directory,
      @Lazy TaskService tasks,
      Clock clock,
      CommitteeWorkbook workbook) {
    this.committees = committees;
    this.directory = directory;
    this.tasks = tasks;
    this.clock = clock;
    this.workbook = workbook;
  }

  /** The new-committee form's values and problems (field → message key). */
  record CommitteeForm(
      String kind,
      String parent,
      String name,
      String termFrom,
      String termTo,
      String meetingsPerYear,
      Map<String, String> errors) {
    static CommitteeForm empty(LocalDate today) {
      return new CommitteeForm(
          Kind.KTPN.name(),
          "",
          "",
          today.toString(),
          today.plusYears(4).toString(),
          String.valueOf(th.qaflow.committee.Committees.DEFAULT_MEETINGS_PER_YEAR),
          Map.of());
    }
  }

  /**
   * A meeting with what the page shows of it; {@code tasks} the open steps, linked if the user's.
   */
  record MeetingView(
      Meeting meeting,
      List<th.qaflow.committee.Committees.AgendaItem> agenda,
      List<th.qaflow.committee.Committees.Vote> votes,
      List<th.qaflow.committee.Committees.Resolution> resolutions,
      List<OpenStep> steps) {}

  record OpenStep(String taskId, String name, String assignee, boolean mine) {}

  @GetMapping
  String list(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    if (user.role() == Role.COMMITTEE_MEMBER) {
      if (district != null && !district.equals(user.districtCode())) {
        throw new ForbiddenException("committees of " + district);
      }
      model.addAttribute("districts", List.of());
      model.addAttribute("district", directory.district(user.districtCode()).orElse(null));
      model.addAttribute("committees", committees.ofMember(user.userId()));
      model.addAttribute("canCreate", false);
      return "committee/list";
    }
    District shown = district(user, district);
    return renderList(user, shown, null, model);
  }

  private String renderList(QaUser user, District shown, CommitteeForm form, Model model) {
    model.addAttribute(
        "districts",
        directory.districts().stream().filter(d -> user.canSeeDistrict(d.code())).toList());
    model.addAttribute("district", shown);
    List<Committee> list = shown == null ? List.of() : committees.ofDistrict(shown.code());
    model.addAttribute("committees", list);
    boolean canCreate = shown != null && canCreate(user, shown.code());
    model.addAttribute("canCreate", canCreate);
    if (canCreate) {
      model.addAttribute("form", form != null ? form : CommitteeForm.empty(LocalDate.now(clock)));
      model.addAttribute("parents", list.stream().filter(c -> c.kind() == Kind.KTPN).toList());
    }
    return "committee/list";
  }

  @PostMapping
  String create(
      @RequestParam String district,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String parent,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String termFrom,
      @RequestParam(required = false) String termTo,
      @RequestParam(required = false) String meetingsPerYear,
      Model model,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    District shown = directory.district(district).orElse(null);
    if (shown == null || !canCreate(user, district)) {
      throw new ForbiddenException("create committee in " + district);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Kind k = parseKind(kind);
    if (k == null || k == Kind.GROUP) { // a school group's committee is set up on /groups
      errors.put("kind", "committee.error.kind");
    }
    Long parentId = null;
    if (k == Kind.SUB) {
      parentId = parseLong(parent);
      Optional<Committee> p = parentId == null ? Optional.empty() : committees.committee(parentId);
      if (p.isEmpty() || !p.get().districtCode().equals(district) || p.get().kind() != Kind.KTPN) {
        errors.put("parent", "committee.error.parent");
      }
    }
    String cleanName = name == null ? "" : name.strip();
    if (cleanName.isEmpty()) {
      errors.put("name", "committee.error.name");
    } else if (InputText.badSingleLine(cleanName)) {
      errors.put("name", "committee.error.nameChars");
    } else if (cleanName.length() > 300) {
      errors.put("name", "committee.error.nameLong");
    }
    LocalDate from = parseDate(termFrom);
    LocalDate to = parseDate(termTo);
    if (from == null) {
      errors.put("termFrom", "committee.error.date");
    }
    if (to == null) {
      errors.put("termTo", "committee.error.date");
    } else if (from != null && to.isBefore(from)) {
      errors.put("termTo", "committee.error.termOrder");
    }
    Integer meetings = parseInt(meetingsPerYear);
    if (meetings == null || meetings < 1 || meetings > 12) {
      errors.put("meetingsPerYear", "committee.error.meetings");
    }
    if (!errors.isEmpty()) {
      model.addAttribute("error", "committee.error.form");
      return renderList(
          user,
          shown,
          new CommitteeForm(
              kind, parent, name, termFrom, termTo, meetingsPerYear, Map.copyOf(errors)),
          model);
    }
    long id =
        committees.create(district, k, parentId, cleanName, from, to, meetings, user.userId());
    flash.addFlashAttribute("success", "committee.created");
    return "redirect:/committees/" + id;
  }

  @GetMapping("/{id}")
  String committee(@PathVariable long id, Model model) {
    QaUser user = CurrentUser.get();
    Committee c = seen(user, id);
    model.addAttribute("committee", c);
    model.addAttribute(
        "parent", c.parentId() == null ? null : committees.committee(c.parentId()).orElse(null));
    model.addAttribute(
        "subs",
        committees.ofDistrict(c.districtCode()).stream()
            .filter(s -> Long.valueOf(id).equals(s.parentId()) && canSee(user, s))
            .toList());
    model.addAttribute("district", directory.district(c.districtCode()).orElse(null));
    model.addAttribute("members", committees.members(id));
    boolean manage = canManage(user, c);
    model.addAttribute("canManage", manage);
    if (manage) {
      Set<String> already =
          committees.members(id).stream()
              .map(th.qaflow.committee.Committees.Member::userId)
              .collect(Collectors.toSet());
      model.addAttribute(
          "candidates",
          directory.peopleOfDistrict(c.districtCode()).stream()
              .filter(p -> p.role() != null && !p.role().atSchool())
              .filter(p -> !already.contains(p.userId()))
              .toList());
    }
    model.addAttribute("year", AcademicYears.current(clock));
    model.addAttribute(
        "meetings",
        committees.meetings(id).stream()
            .map(
                m ->
                    new MeetingView(
                        m,
                        committees.agenda(m.id()),
                        committees.votes(m.id()),
                        committees.resolutions(m.id()),
                        steps(user, m)))
            .toList());
    model.addAttribute("names", names(c));
    return "committee/committee";
  }

  /** The meetings and the follow-up of the resolutions as XLSX, for whoever may read the page. */
  @GetMapping("/{id}/resolutions.xlsx")
  ResponseEntity<byte[]> resolutions(@PathVariable long id) {
    Committee c = seen(CurrentUser.get(), id);
    return ResponseEntity.ok()
        .contentType(TableWriter.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment("committee-" + id + "-resolutions.xlsx"))
        .body(workbook.xlsx(c, names(c), LocaleContextHolder.getLocale()));
  }

  @PostMapping("/{id}/members")
  String addMember(
      @PathVariable long id,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String role,
      RedirectAttributes flash) {
    QaUser me = CurrentUser.get();
    Committee c = managed(me, id);
    MemberRole r = parseRole(role);
    Person person = user == null ? null : directory.person(user).orElse(null);
    boolean ofDistrict =
        person != null
            && person.role() != null
            && !person.role().atSchool()
            && c.districtCode().equals(person.districtCode());
    if (r == null || !ofDistrict) {
      flash.addFlashAttribute("error", "committee.error.member");
      return "redirect:/committees/" + id;
    }
    committees.addMember(id, person.userId(), r);
    flash.addFlashAttribute("success", "committee.memberAdded");
    return "redirect:/committees/" + id;
  }

  @PostMapping("/{id}/members/remove")
  String removeMember(@PathVariable long id, @RequestParam String user, RedirectAttributes flash) {
    QaUser me = CurrentUser.get();
    managed(me, id);
    if (committees.roleOf(id, user).isEmpty()) {
      flash.addFlashAttribute("error", "committee.error.member");
    } else {
      committees.removeMember(id, user);
      flash.addFlashAttribute("success", "committee.memberRemoved");
    }
    return "redirect:/committees/" + id;
  }

  @PostMapping("/{id}/meetings")
  String startMeeting(
      @PathVariable long id,
      @RequestParam(required = false) String year,
      RedirectAttributes flash) {
    QaUser me = CurrentUser.get();
    managed(me, id);
    Integer y = checkedYear(year);
    if (y == null) {
      flash.addFlashAttribute("error", "committee.error.year");
      return "redirect:/committees/" + id;
    }
    committees.startMeeting(id, y, me.userId());
    flash.addFlashAttribute("success", "committee.meetingStarted");
    return "redirect:/committees/" + id;
  }

  @PostMapping("/{id}/year")
  String startYear(
      @PathVariable long id,
      @RequestParam(required = false) String year,
      RedirectAttributes flash) {
    QaUser me = CurrentUser.get();
    managed(me, id);
    Integer y = checkedYear(year);
    if (y == null) {
      flash.addFlashAttribute("error", "committee.error.year");
      return "redirect:/committees/" + id;
    }
    boolean started = committees.startYear(id, y, me.userId()).isPresent();
    flash.addFlashAttribute(
        started ? "success" : "error",
        started ? "committee.yearStarted" : "committee.error.running");
    return "redirect:/committees/" + id;
  }

  // --- rules

  private Committee seen(QaUser user, long id) {
    Committee c = committees.committee(id).orElse(null);
    if (c == null || !canSee(user, c)) {
      throw new ForbiddenException("committee " + id);
    }
    return c;
  }

  private Committee managed(QaUser user, long id) {
    Committee c = seen(user, id);
    if (!canManage(user, c)) {
      throw new ForbiddenException("manage committee " + id);
    }
    return c;
  }

  /** The district's staff, OBEC and operators; and the committee's own members. */
  boolean canSee(QaUser user, Committee c) {
    return (user.role() != Role.COMMITTEE_MEMBER && user.canSeeDistrict(c.districtCode()))
        || committees.roleOf(c.id(), user.userId()).isPresent();
  }

  /** The district's QA officer and supervision director, administrators, the secretary. */
  boolean canManage(QaUser user, Committee c) {
    if (user.isReadOnly()) {
      return false;
    }
    return canCreate(user, c.districtCode())
        || committees
            .roleOf(c.id(), user.userId())
            .map(r -> r == MemberRole.SECRETARY)
            .orElse(false);
  }

  private static boolean canCreate(QaUser user, String district) {
    return user.role() == Role.ADMIN
        || ((user.role() == Role.DISTRICT_QA_OFFICER || user.role() == Role.SUPERVISION_DIRECTOR)
            && district.equals(user.districtCode()));
  }

  private District district(QaUser user, String code) {
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, code);
    if (choice.refused()) {
      throw new ForbiddenException("committees of " + code);
    }
    return choice.shown();
  }

  private List<OpenStep> steps(QaUser user, Meeting m) {
    if (m.processInstanceId() == null) {
      return List.of();
    }
    return tasks.createTaskQuery().processInstanceId(m.processInstanceId()).list().stream()
        .map(
            t ->
                new OpenStep(
                    t.getId(),
                    t.getName(),
                    t.getAssignee() == null
                        ? null
                        : directory
                            .person(t.getAssignee())
                            .map(Person::displayName)
                            .orElse(t.getAssignee()),
                    mine(user, t)))
        .toList();
  }

  private boolean mine(QaUser user, Task t) {
    if (user.isReadOnly()) {
      return false;
    }
    if (user.userId().equals(t.getAssignee())) {
      return true;
    }
    return t.getAssignee() == null
        && tasks.getIdentityLinksForTask(t.getId()).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
            .map(IdentityLink::getGroupId)
            .anyMatch(g -> g != null && user.groups().contains(g));
  }

  /** Display names of the people the page names (members, owners, voters). */
  private Map<String, String> names(Committee c) {
    Map<String, String> names = new LinkedHashMap<>();
    directory
        .peopleOfDistrict(c.districtCode())
        .forEach(p -> names.put(p.userId(), p.displayName()));
    return names;
  }

  private Integer checkedYear(String year) {
    Integer y = parseInt(year);
    int current = AcademicYears.current(clock);
    return y == null || y < current - 1 || y > current + 1 ? null : y;
  }

  private static Kind parseKind(String s) {
    try {
      return s == null ? null : Kind.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static MemberRole parseRole(String s) {
    try {
      return s == null ? null : MemberRole.valueOf(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static LocalDate parseDate(String s) {
    try {
      return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Integer parseInt(String s) {
    try {
      return s == null ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long parseLong(String s) {
    try {
      return s == null ? null : Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
