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
import org.springframework.stereotype.Component;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

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

  GroupYearSteps(
      GroupYears years, Committees committees, OrganisationDirectory directory, Clock clock) {
    this.years = years;
    this.committees = committees;
    this.directory = directory;
    this.clock = clock;
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

  /** The end of the academic year, when the chair assesses the schools: 1 March, 09:00. */
  public Date assessmentOpens(Object academicYear) {
    int y = AcademicYears.firstCalendarYear(((Number) academicYear).intValue()) + 1;
    return Date.from(LocalDate.of(y, 3, 1).atTime(9, 0).atZone(AcademicYears.ZONE).toInstant());
  }

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
