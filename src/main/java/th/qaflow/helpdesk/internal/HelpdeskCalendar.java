package th.qaflow.helpdesk.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.CalendarEvents;
import th.qaflow.helpdesk.SchoolQuestionProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;

/**
 * The days the district's open questions are due to be answered, on its calendar: one line a day
 * with how many, linked to the help desk. Counts only, no titles: the calendar is the whole
 * district's, a question is its school's.
 */
@Component
class HelpdeskCalendar implements CalendarEvents {
  private final TaskService tasks;

  HelpdeskCalendar(@Lazy TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public List<Event> events(String districtCode, LocalDate from, LocalDate to) {
    List<Task> due =
        tasks
            .createTaskQuery()
            .processDefinitionKey(SchoolQuestionProcess.PROCESS_ID)
            .taskDefinitionKey(SchoolQuestionProcess.TASK_ANSWER)
            .processVariableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .dueAfter(Date.from(from.atStartOfDay(AcademicYears.ZONE).toInstant()))
            .dueBefore(Date.from(to.plusDays(1).atStartOfDay(AcademicYears.ZONE).toInstant()))
            .list();
    Map<LocalDate, List<Task>> byDay = new TreeMap<>();
    for (Task t : due) {
      LocalDate day = t.getDueDate().toInstant().atZone(AcademicYears.ZONE).toLocalDate();
      byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(t);
    }
    List<Event> events = new ArrayList<>();
    byDay.forEach(
        (day, open) -> {
          ZonedDateTime at = open.get(0).getDueDate().toInstant().atZone(AcademicYears.ZONE);
          events.add(
              new Event(
                  at.toInstant(),
                  "ถามตอบ: ครบกำหนดตอบคำถามของสถานศึกษา " + open.size() + " เรื่อง",
                  "/helpdesk"));
        });
    return events;
  }
}
