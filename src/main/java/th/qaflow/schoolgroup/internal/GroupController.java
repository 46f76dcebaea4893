package th.qaflow.schoolgroup.internal;

import java.time.Clock;
import java.util.ArrayList;
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
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Meeting;
import th.qaflow.committee.Committees.Member;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.schoolgroup.SchoolGroups;
import th.qaflow.schoolgroup.SchoolGroups.SemesterRule;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.DistrictChoice;
import th.qaflow.security.QaUser;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.web.ContentDispositions;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;
import th.qaflow.web.export.TableWriter;

/**
 * The district's school groups ({@code /groups}) and one group ({@code /groups/{clusterCode}}): its
 * schools (a warning outside 7–15), its committee (the directors, the elected chair and
 * vice-chair), the meeting rule per semester and its meetings. The district's staff, OBEC and
 * administrators read every group of the district; a school director reads their own school's
 * group. The district QA officer, the cluster's supervisor and an administrator set up the
 * committee and record its election; they and the group's chair and vice-chair call its meetings.
 */
@Controller
@RequestMapping("/groups")
@PreAuthorize(
    "hasAnyRole('ADMIN','OBEC_VIEWER','DISTRICT_QA_OFFICER','SUPERVISION_DIRECTOR','DISTRICT_DIRECTOR','SUPERVISOR','SCHOOL_DIRECTOR')")
class GroupController {
  private final CommitteeSchoolGroups groups;
  private final GroupYears years;
  private final Committees committees;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final Clock clock;
  private final SupervisionPlans supervision;
  private final GroupExport export;

  /** A supervision project that serves the group, with its owner's name. */
  record GroupProject(SupervisionPlans.Project project, String ownerName) {}

  GroupController(
      CommitteeSchoolGroups groups,
      GroupYears years,
      Committees committees,
      OrganisationDirectory directory,
      @Lazy TaskService tasks,
      Clock clock,
      SupervisionPlans supervision,
      GroupExport export) {
    this.supervision = supervision;
    this.export = export;
    this.groups = groups;
    this.years = years;
    this.committees = committees;
    this.directory = directory;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** One row of the district's list. */
  record GroupRow(
      Cluster cluster,
      int schools,
      boolean sizeOk,
      boolean hasCommittee,
      String chair,
      List<SemesterRule> rule,
      boolean behind,
      boolean linked) {}

  record MeetingView(Meeting meeting, List<OpenStep> steps) {}

  record OpenStep(String taskId, String name, String assignee, boolean mine) {}

  @GetMapping
  String list(@RequestParam(required = false) String district, Model model) {
    QaUser user = CurrentUser.get();
    if (user.role() == Role.SCHOOL_DIRECTOR) {
      String cluster = directory.school(user.schoolCode()).map(School::clusterCode).orElse(null);
      if (cluster == null || district != null) {
        throw new ForbiddenException("groups of " + district);
      }
      return "redirect:/groups/" + cluster;
    }
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, district);
    if (choice.refused()) {
      throw new ForbiddenException("groups of " + district);
    }
    List<District> visible = choice.visible();
    District shown = choice.shown();
    int year = AcademicYears.current(clock);
    List<GroupRow> rows = new ArrayList<>();
    if (shown != null) {
      for (Cluster c : directory.clusters(shown.code())) {
        int n = directory.schoolsOfCluster(c.code()).size();
        Optional<Committee> committee = committees.ofCluster(c.code());
        List<SemesterRule> rule = groups.meetingRule(c.code(), year);
        rows.add(
            new GroupRow(
                c,
                n,
                SchoolGroups.sizeOk(n),
                committee.isPresent(),
                committee.map(k -> officer(k.id(), MemberRole.CHAIR)).orElse(null),
                rule,
                rule.stream().anyMatch(r -> r.status().behind()),
                user.role() != Role.SUPERVISOR
                    || (user.clusterCodes() != null && user.clusterCodes().contains(c.code()))));
      }
    }
    model.addAttribute("districts", visible);
    model.addAttribute("district", shown);
    model.addAttribute("term", term(shown));
    model.addAttribute("groups", rows);
    model.addAttribute("year", year);
    model.addAttribute("min", SchoolGroups.MIN_SCHOOLS);
    model.addAttribute("max", SchoolGroups.MAX_SCHOOLS);
    return "groups/list";
  }

  /**
   * The district's groups as XLSX, scoped like {@code /groups}: the district's staff (a supervisor:
   * their own clusters' groups), OBEC and administrators ({@code ?district=}); school users and
   * another district's people are refused.
   */
  @GetMapping("/export.xlsx")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String district) {
    QaUser user = CurrentUser.get();
    if (user.role() == Role.SCHOOL_DIRECTOR) {
      throw new ForbiddenException("groups export of " + district);
    }
    DistrictChoice choice = DistrictChoice.of(directory.districts(), user, district);
    if (choice.refused() || choice.shown() == null) {
      throw new ForbiddenException("groups export of " + district);
    }
    District shown = choice.shown();
    List<Cluster> clusters =
        directory.clusters(shown.code()).stream()
            .filter(
                c ->
                    user.role() != Role.SUPERVISOR
                        || (user.clusterCodes() != null && user.clusterCodes().contains(c.code())))
            .toList();
    int year = AcademicYears.current(clock);
    return ResponseEntity.ok()
        .contentType(TableWriter.XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDispositions.attachment("groups-" + shown.code() + "-" + year + ".xlsx"))
        .body(export.xlsx(clusters, year, term(shown), LocaleContextHolder.getLocale()));
  }

  @GetMapping("/{code}")
  String group(@PathVariable String code, Model model) {
    QaUser user = CurrentUser.get();
    Cluster cluster = seen(user, code);
    int year = AcademicYears.current(clock);
    List<School> schools = directory.schoolsOfCluster(code);
    Optional<Committee> committee = committees.ofCluster(code);
    Map<String, String> directorOf = new LinkedHashMap<>();
    for (School s : schools) {
      directory.peopleOfSchool(s.code()).stream()
          .filter(p -> p.role() == Role.SCHOOL_DIRECTOR)
          .findFirst()
          .ifPresent(p -> directorOf.put(s.code(), p.displayName()));
    }
    List<Member> members = committee.map(c -> committees.members(c.id())).orElse(List.of());
    List<MeetingView> meetings = new ArrayList<>();
    committee.ifPresent(
        c ->
            committees
                .meetings(c.id())
                .forEach(m -> meetings.add(new MeetingView(m, steps(user, m)))));
    List<SemesterRule> rule = groups.meetingRule(code, year);
    model.addAttribute("cluster", cluster);
    model.addAttribute("district", directory.district(cluster.districtCode()).orElse(null));
    model.addAttribute("term", term(directory.district(cluster.districtCode()).orElse(null)));
    model.addAttribute("schools", schools);
    model.addAttribute("directorOf", directorOf);
    model.addAttribute("sizeOk", SchoolGroups.sizeOk(schools.size()));
    model.addAttribute("min", SchoolGroups.MIN_SCHOOLS);
    model.addAttribute("max", SchoolGroups.MAX_SCHOOLS);
    model.addAttribute("supervisors", directory.supervisorsOfCluster(code));
    // 002 L786-826: the district director is the group's adviser (read from the district's people)
    model.addAttribute(
        "advisers",
        directory.peopleOfDistrict(cluster.districtCode()).stream()
            .filter(p -> p.role() == Role.DISTRICT_DIRECTOR)
            .toList());
    model.addAttribute("committee", committee.orElse(null));
    model.addAttribute("members", members);
    model.addAttribute("rule", rule);
    model.addAttribute("behind", rule.stream().anyMatch(r -> r.status().behind()));
    model.addAttribute("meetings", meetings);
    model.addAttribute("year", year);
    model.addAttribute("canSetUp", canSetUp(user, cluster));
    model.addAttribute("canCall", committee.map(c -> canCall(user, cluster, c)).orElse(false));
    model.addAttribute("canSeeCommittee", user.canSeeDistrict(cluster.districtCode()));
    model.addAttribute("groupYear", years.year(code, year).orElse(null));
    Map<String, String> schoolNames = new LinkedHashMap<>();
    schools.forEach(s -> schoolNames.put(s.code(), s.nameTh()));
    model.addAttribute("schoolNames", schoolNames);
    model.addAttribute("assessments", years.assessments(code, year));
    model.addAttribute(
        "groupProjects",
        supervision.projectsOfCluster(code).stream()
            .map(
                p ->
                    new GroupProject(
                        p,
                        directory
                            .person(p.ownerUserId())
                            .map(Person::displayName)
                            .orElse(p.ownerUserId())))
            .toList());
    return "groups/group";
  }

  @PostMapping("/{code}/committee")
  String setUp(@PathVariable String code, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Cluster cluster = seen(user, code);
    if (!canSetUp(user, cluster)) {
      throw new ForbiddenException("set up the committee of " + code);
    }
    groups.setUp(code, user.userId());
    flash.addFlashAttribute("success", "groups.committeeSetUp");
    return "redirect:/groups/" + code;
  }

  @PostMapping("/{code}/officers")
  String elect(
      @PathVariable String code,
      @RequestParam(required = false) String chair,
      @RequestParam(required = false) String viceChair,
      RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Cluster cluster = seen(user, code);
    Committee c = committees.ofCluster(code).orElse(null);
    if (c == null || !canSetUp(user, cluster)) {
      throw new ForbiddenException("elect the officers of " + code);
    }
    Set<String> members =
        committees.members(c.id()).stream().map(Member::userId).collect(Collectors.toSet());
    if (chair == null
        || viceChair == null
        || chair.equals(viceChair)
        || !members.contains(chair)
        || !members.contains(viceChair)) {
      flash.addFlashAttribute("error", "groups.error.officers");
      return "redirect:/groups/" + code;
    }
    groups.elect(code, chair, viceChair);
    flash.addFlashAttribute("success", "groups.officersRecorded");
    return "redirect:/groups/" + code;
  }

  @PostMapping("/{code}/meetings")
  String callMeeting(@PathVariable String code, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Cluster cluster = seen(user, code);
    Committee c = committees.ofCluster(code).orElse(null);
    if (c == null || !canCall(user, cluster, c)) {
      throw new ForbiddenException("call a meeting of " + code);
    }
    groups.startMeeting(code, AcademicYears.current(clock), user.userId());
    flash.addFlashAttribute("success", "groups.meetingCalled");
    return "redirect:/groups/" + code;
  }

  @PostMapping("/{code}/year")
  String startYear(@PathVariable String code, RedirectAttributes flash) {
    QaUser user = CurrentUser.get();
    Cluster cluster = seen(user, code);
    Committee c = committees.ofCluster(code).orElse(null);
    if (c == null || !canCall(user, cluster, c)) {
      throw new ForbiddenException("start the year of " + code);
    }
    boolean started = years.start(code, AcademicYears.current(clock), user.userId()).isPresent();
    flash.addFlashAttribute(
        started ? "success" : "error", started ? "groups.yearStarted" : "groups.error.running");
    return "redirect:/groups/" + code;
  }

  /**
   * The cluster, if the user may see its group: the district's staff (a supervisor: of their own
   * clusters), OBEC, administrators, or a director of one of its schools.
   */
  private Cluster seen(QaUser user, String code) {
    Cluster c = directory.cluster(code).orElseThrow(() -> new NotFoundException("group " + code));
    if (user.role() == Role.SCHOOL_DIRECTOR) {
      boolean own =
          directory.school(user.schoolCode()).map(s -> code.equals(s.clusterCode())).orElse(false);
      if (!own) {
        throw new ForbiddenException("group " + code);
      }
      return c;
    }
    if (!user.canSeeDistrict(c.districtCode())) {
      throw new ForbiddenException("group " + code);
    }
    // a supervisor works with the groups of their own clusters (as with the schools)
    if (user.role() == Role.SUPERVISOR
        && (user.clusterCodes() == null || !user.clusterCodes().contains(code))) {
      throw new ForbiddenException("group " + code);
    }
    return c;
  }

  /** The district's QA officer, the cluster's supervisor(s), administrators. */
  private static boolean canSetUp(QaUser user, Cluster c) {
    if (user.isReadOnly()) {
      return false;
    }
    return user.role() == Role.ADMIN
        || (user.role() == Role.DISTRICT_QA_OFFICER && c.districtCode().equals(user.districtCode()))
        || (user.role() == Role.SUPERVISOR
            && c.districtCode().equals(user.districtCode())
            && user.clusterCodes() != null
            && user.clusterCodes().contains(c.code()));
  }

  /** Those who set it up, and the group's chair and vice-chair. */
  private boolean canCall(QaUser user, Cluster cluster, Committee c) {
    if (canSetUp(user, cluster)) {
      return true;
    }
    return committees
        .roleOf(c.id(), user.userId())
        .map(r -> r == MemberRole.CHAIR || r == MemberRole.VICE_CHAIR)
        .orElse(false);
  }

  private String officer(long committeeId, MemberRole role) {
    return committees.members(committeeId).stream()
        .filter(m -> m.role() == role)
        .map(Member::displayName)
        .findFirst()
        .orElse(null);
  }

  /** กลุ่มโรงเรียน (primary) or สหวิทยาเขต (secondary): the message key of the district's word. */
  static String term(District d) {
    return d != null && "SECONDARY".equals(d.kind()) ? "SECONDARY" : "PRIMARY";
  }

  private List<OpenStep> steps(QaUser user, Meeting m) {
    if (m.processInstanceId() == null) {
      return List.of();
    }
    List<OpenStep> out = new ArrayList<>();
    for (Task t : tasks.createTaskQuery().processInstanceId(m.processInstanceId()).list()) {
      out.add(
          new OpenStep(
              t.getId(),
              t.getName(),
              t.getAssignee() == null
                  ? null
                  : directory
                      .person(t.getAssignee())
                      .map(Person::displayName)
                      .orElse(t.getAssignee()),
              mine(user, t)));
    }
    return out;
  }

  private boolean mine(QaUser user, Task t) {
    if (user.userId().equals(t.getAssignee())) {
      return true;
    }
    if (t.getAssignee() != null) {
      return false;
    }
    for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(l.getType())
          && l.getGroupId() != null
          && user.groups().contains(l.getGroupId())) {
        return true;
      }
    }
    return false;
  }
}
