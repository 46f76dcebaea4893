package th.qaflow.schoolgroup.internal;

import static th.qaflow.schoolgroup.GroupYearProcess.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.GroupMeetingsBehind;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;
import th.qaflow.schoolgroup.SchoolGroups;

/**
 * The service tasks and expressions of GroupYear ({@code ${groupYearSteps.…}}), in the engine's
 * transaction.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("groupYearSteps")
public class GroupYearSteps {
  private final GroupYears years;
  private final Committees committees;
  private final OrganisationDirectory directory;
  private final Clock clock;
  private final SchoolGroups groups;
  private final ApplicationEventPublisher events;

  GroupYearSteps(
      GroupYears years,
      Committees committees,
      OrganisationDirectory directory,
      Clock clock,
      SchoolGroups groups,
      ApplicationEventPublisher events) {
    this.years = years;
    this.committees = committees;
    this.directory = directory;
    this.clock = clock;
    this.groups = groups;
    this.events = events;
  }

  /**
   * The meeting rule of a semester, checked a month before it ends (Task_CheckMeetingsOne/Two):
   * with fewer than two meetings held or called, the chair and vice-chair (the members when none is
   * elected) and the cluster's supervisors are mailed ({@link GroupMeetingsBehind}; the outbox
   * sends each person one mail per group, year and semester, however often the check runs). A
   * semester already over when the check runs (a year started late) mails nobody: the page shows it
   * missed. What was found is kept in {@code meetingCheck1|2}.
   */
  public void checkMeetings(DelegateExecution execution, int semester) {
    String cluster = cluster(execution);
    int year = year(execution);
    SchoolGroups.SemesterRule rule =
        groups.meetingRule(cluster, year).stream()
            .filter(r -> r.semester() == semester)
            .findFirst()
            .orElseThrow();
    LocalDate today = LocalDate.ofInstant(clock.instant(), AcademicYears.ZONE);
    String found;
    if (today.isAfter(rule.to())) {
      found = CHECK_OVER;
    } else if (rule.held() + rule.scheduled() >= SchoolGroups.MEETINGS_PER_SEMESTER) {
      found = CHECK_MET;
    } else {
      found = CHECK_REMINDED;
      long committeeId = ((Number) execution.getVariable(VAR_COMMITTEE_ID)).longValue();
      List<Committees.Member> members = committees.members(committeeId);
      List<String> leaders =
          members.stream()
              .filter(m -> m.role() == MemberRole.CHAIR || m.role() == MemberRole.VICE_CHAIR)
              .map(Committees.Member::userId)
              .toList();
      if (leaders.isEmpty()) {
        leaders = members.stream().map(Committees.Member::userId).toList();
      }
      events.publishEvent(
          new GroupMeetingsBehind(
              cluster,
              directory.cluster(cluster).map(Cluster::nameTh).orElse(cluster),
              year,
              semester,
              rule.to(),
              rule.held(),
              rule.scheduled(),
              SchoolGroups.MEETINGS_PER_SEMESTER,
              leaders,
              directory.supervisorsOfCluster(cluster).stream().map(Person::userId).toList(),
              "/groups/" + cluster,
              clock.instant()));
    }
    execution.setVariable(VAR_MEETING_CHECK_PREFIX + semester, found);
  }

  /** The member schools, the options of the chair's assessment. */
  public void open(DelegateExecution execution) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (School s : directory.schoolsOfCluster(cluster(execution))) {
      options.add(Map.of("value", s.code(), "label", s.nameTh()));
    }
    execution.setVariable(
        VAR_MEMBER_SCHOOL_OPTIONS,
        Variables.objectValue(options)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
  }

  /** The supervisor approved the plan: it is recorded as the group's plan of the year. */
  public void planApproved(DelegateExecution execution) {
    years.planApproved(
        cluster(execution),
        year(execution),
        text(execution.getVariable(VAR_PLAN_GOALS)),
        text(execution.getVariable(VAR_PLAN_PROJECTS)));
  }

  /** The chair's levels, one per member school (a school named twice: the last row counts). */
  public void assessed(DelegateExecution execution) {
    String cluster = cluster(execution);
    Set<String> members =
        directory.schoolsOfCluster(cluster).stream().map(School::code).collect(Collectors.toSet());
    List<GroupYears.Assessment> rows = new ArrayList<>();
    if (execution.getVariable(VAR_SCHOOL_ASSESSMENTS) instanceof List<?> list) {
      for (Object r : list) {
        if (r instanceof Map<?, ?> row
            && row.get("assessedSchool") != null
            && members.contains(String.valueOf(row.get("assessedSchool")))
            && row.get("assessedLevel") != null) {
          int level = Integer.parseInt(String.valueOf(row.get("assessedLevel")));
          Object note = row.get("assessedNote");
          rows.add(
              new GroupYears.Assessment(
                  String.valueOf(row.get("assessedSchool")),
                  Math.max(1, Math.min(5, level)),
                  note == null ? null : String.valueOf(note)));
        }
      }
    }
    long committeeId = ((Number) execution.getVariable(VAR_COMMITTEE_ID)).longValue();
    years.assessed(cluster, year(execution), rows, chair(committeeId));
  }

  /** The group's chair (the assessment's assignee), or null when none is recorded. */
  public String chair(Object committeeId) {
    long id = ((Number) committeeId).longValue();
    return committees.members(id).stream()
        .filter(m -> m.role() == MemberRole.CHAIR)
        .map(Committees.Member::userId)
        .findFirst()
        .orElse(null);
  }

  /**
   * The end of the academic year, when the chair assesses the schools: 1 March, 09:00 (version 1 of
   * GroupYear; version 2 waits for the calendar's GROUP_ASSESSMENT).
   */
  public Date assessmentOpens(Object academicYear) {
    int y = AcademicYears.firstCalendarYear(((Number) academicYear).intValue()) + 1;
    return Date.from(LocalDate.of(y, 3, 1).atTime(9, 0).atZone(AcademicYears.ZONE).toInstant());
  }

  /** Version 1's due dates (version 2 takes them from the calendar's GROUP_* stages). */
  public Date inDays(int days) {
    return Date.from(clock.instant().plus(Duration.ofDays(days)));
  }

  private static String cluster(DelegateExecution execution) {
    return (String) execution.getVariable(VAR_CLUSTER_CODE);
  }

  private static int year(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
