package th.qaflow.tasklist;

import java.util.Date;

/** One line of the tasklist. */
public record TaskRow(
    String id,
    String name,
    String stage,
    String schoolCode,
    String schoolName,
    Integer academicYear,
    Date due,
    boolean overdue,
    String assignee) {}
