package th.qaflow.cycle;

import java.util.Date;

/**
 * TEMPORARY copy (notification branch): the cycle helper's BPMN boundary timers publish this event,
 * synchronously inside the timer job's transaction, when a SAR board approval or SAR submission is
 * overdue long enough to escalate. {@code level} is "DIRECTOR" or "SUPERVISOR". Keep one copy at merge.
 */
public record EscalationDue(
    String processInstanceId,
    String taskId,
    String schoolCode,
    int academicYear,
    String stage,
    String level,
    Date dueDate) {}
