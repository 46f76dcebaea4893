package th.qaflow.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import th.qaflow.calendar.AcademicYears;
import th.qaflow.organisation.School;

/** An open user task as reminders see it: where it belongs, its stage, due date and who may do it. */
public record OpenTask(
    String id,
    String name,
    String processInstanceId,
    String schoolCode,
    School school,
    String stage,
    Instant due,
    String assignee,
    List<String> candidateGroups) {

  public LocalDate dueDate() {
    return due.atZone(AcademicYears.ZONE).toLocalDate();
  }

  public String districtCode() {
    return school == null ? null : school.districtCode();
  }
}
