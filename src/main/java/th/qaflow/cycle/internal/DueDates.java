package th.qaflow.cycle.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The rework rule, in one place for new tasks, moved deadlines and escalation timers: a task done
 * again after a return (an earlier instance of it finished in the same cycle) is due no earlier
 * than {@code qaflow.calendar.rework-days} after it was created, so a return near the deadline
 * still leaves time.
 */
@Component
class DueDates {
  private final HistoryService history;
  private final Duration reworkTime;

  DueDates(HistoryService history, @Value("${qaflow.calendar.rework-days:7}") int reworkDays) {
    this.history = history;
    this.reworkTime = Duration.ofDays(reworkDays);
  }

  boolean isRework(String processInstanceId, String taskDefinitionKey) {
    return history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskDefinitionKey)
            .finished()
            .count()
        > 0;
  }

  /** The due date of a task: the calendar's, or later for rework created at {@code createdAt}. */
  Date taskDue(Date calendarDue, boolean rework, Date createdAt) {
    if (rework && createdAt != null) {
      Instant reworkDue = createdAt.toInstant().plus(reworkTime);
      if (calendarDue.toInstant().isBefore(reworkDue)) {
        return Date.from(reworkDue);
      }
    }
    return calendarDue;
  }
}
