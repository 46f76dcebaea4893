package th.qaflow.kernel;

import java.util.Date;

/**
 * A school's SAR task is overdue and has to be escalated: published synchronously by the escalation
 * service tasks of SchoolQaCycle (inside the engine's transaction), so a listener that writes the
 * mail outbox commits or rolls back with the process. {@code stage} is a {@link Stage} code, {@code
 * level} is {@code "DIRECTOR"} (the school director) or {@code "SUPERVISOR"} (the cluster's
 * supervisors); {@code dueDate} is the overdue task's own due date in the engine (for the record:
 * the notification module reads the task itself, so a task has one due date however it is
 * escalated).
 */
public record EscalationDue(
    String processInstanceId,
    String taskId,
    String schoolCode,
    int academicYear,
    String stage,
    String level,
    Date dueDate) {}
