package th.qaflow.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.District;
import th.qaflow.organisation.School;

/**
 * An open user task as reminders see it: where it belongs (school and/or district, academic year),
 * whose level of work it is ({@link Scope}), its stage, its own due date in the engine and who may
 * do it. {@code candidateGroups} are the groups to remind (empty once claimed); {@code scope} is
 * read from the task's candidate groups even when it is claimed.
 */
public record OpenTask(
    String id,
    String name,
    String processInstanceId,
    String schoolCode,
    School school,
    String districtCode,
    District district,
    Integer academicYear,
    Scope scope,
    String stage,
    Instant due,
    String assignee,
    List<String> candidateGroups) {

  /**
   * The level the task's assignees work at, from its candidate groups: a school's group (QA,
   * director, board), a cluster's supervisors, or district staff. Escalations go to the people
   * above that level.
   */
  public enum Scope {
    SCHOOL,
    CLUSTER,
    DISTRICT;

    static Scope of(List<String> groups, String schoolCode) {
      if (groups.stream().anyMatch(g -> g.startsWith("school-"))) {
        return SCHOOL;
      }
      if (groups.stream().anyMatch(g -> g.startsWith("cluster-"))) {
        return CLUSTER;
      }
      if (groups.stream().anyMatch(g -> g.startsWith("district-"))) {
        return DISTRICT;
      }
      return schoolCode != null
          ? SCHOOL
          : DISTRICT; // no group (assigned directly): where it belongs
    }
  }

  public LocalDate dueDate() {
    return due.atZone(AcademicYears.ZONE).toLocalDate();
  }

  /** Whether the task is a school's own work (else the district's, possibly about a school). */
  public boolean schoolTask() {
    return scope == Scope.SCHOOL;
  }

  /** The academic year (BE) of the task's process, or the year its due date falls in. */
  public int year() {
    return academicYear != null ? academicYear : AcademicYears.of(dueDate());
  }
}
