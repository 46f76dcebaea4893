package th.qaflow.notification.internal;

import th.qaflow.cycle.EngineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import th.qaflow.cycle.EscalationDue;

/**
 * Escalations the BPMN decides (boundary timers on the SAR board approval and SAR submission): written
 * to the outbox inside the timer job's transaction, with the same key as a scanned escalation.
 */
public class EscalationListener {
  private static final Logger log = LoggerFactory.getLogger(EscalationListener.class);

  private final TaskReader reader;
  private final ReminderScanner scanner;
  private final EngineClock clock;
  private final th.qaflow.organisation.OrganisationDirectory directory;

  public EscalationListener(TaskReader reader, ReminderScanner scanner, EngineClock clock,
      th.qaflow.organisation.OrganisationDirectory directory) {
    this.reader = reader;
    this.scanner = scanner;
    this.clock = clock;
    this.directory = directory;
  }

  @EventListener
  public void on(EscalationDue due) {
    OpenTask task = reader.byId(due.taskId())
        .map(t -> due.dueDate() == null ? t : new OpenTask(t.id(), t.name(), t.processInstanceId(), t.schoolCode(),
            t.school(), t.stage(), due.dueDate().toInstant(), t.assignee(), t.candidateGroups()))
        .orElse(null);
    if (task == null) {
      log.warn("Escalation for task {} of {}: task not open or without due date, nothing sent", due.taskId(),
          due.processInstanceId());
      return;
    }
    if (task.school() == null && due.schoolCode() != null) {
      task = new OpenTask(task.id(), task.name(), task.processInstanceId(), due.schoolCode(),
          directory.school(due.schoolCode()).orElse(null), due.stage(), task.due(), task.assignee(),
          task.candidateGroups());
    }
    scanner.escalate(task, due.level(), clock.now());
  }
}
