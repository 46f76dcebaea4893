package th.qaflow.notification.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.EscalationDue;

/**
 * Escalations the BPMN decides (boundary timers on the SAR board approval and SAR submission, the
 * district's SAR chase, ONESQA's late draft report): written to the outbox inside the timer job's
 * transaction, with the same key as a scanned escalation, about the task as the engine has it (its
 * own due date and scope).
 */
public class EscalationListener {
  private static final Logger log = LoggerFactory.getLogger(EscalationListener.class);

  private final TaskReader reader;
  private final ReminderScanner scanner;
  private final Clock clock;
  private final th.qaflow.organisation.OrganisationDirectory directory;

  public EscalationListener(
      TaskReader reader,
      ReminderScanner scanner,
      Clock clock,
      th.qaflow.organisation.OrganisationDirectory directory) {
    this.reader = reader;
    this.scanner = scanner;
    this.clock = clock;
    this.directory = directory;
  }

  @EventListener
  public void on(EscalationDue due) {
    // the task's own due date in the engine, never the event's: a second source of "due" (e.g. the
    // calendar's SAR deadline for a school's first open task) made two escalations with different
    // facts
    OpenTask task = reader.byId(due.taskId()).orElse(null);
    if (task == null) {
      log.warn(
          "Escalation for task {} of {}: task not open or without due date, nothing sent",
          due.taskId(),
          due.processInstanceId());
      return;
    }
    if (task.school() == null && due.schoolCode() != null && task.schoolTask()) {
      var school = directory.school(due.schoolCode()).orElse(null);
      task =
          new OpenTask(
              task.id(),
              task.name(),
              task.processInstanceId(),
              due.schoolCode(),
              school,
              task.districtCode() != null || school == null
                  ? task.districtCode()
                  : school.districtCode(),
              task.district(),
              task.academicYear() != null ? task.academicYear() : due.academicYear(),
              task.scope(),
              task.stage() != null ? task.stage() : due.stage(),
              task.due(),
              task.assignee(),
              task.candidateGroups());
    }
    scanner.escalate(task, due.level(), clock.instant());
  }
}
