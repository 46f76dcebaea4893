package th.qaflow.tasklist;

import java.util.Date;

/**
 * One line of the tasklist.
 *
 * @param assignee the assignee's user id (for the rules), {@code assigneeName} what people see
 * @param followUp the assignee's own reminder date (Camunda's follow-up date), or null
 * @param followUpReached the follow-up date is today or past
 */
public record TaskRow(
    String id,
    String name,
    String stage,
    String schoolCode,
    String schoolName,
    Integer academicYear,
    Date due,
    boolean overdue,
    String assignee,
    String assigneeName,
    Date followUp,
    boolean followUpReached) {}
