package th.qaflow.monitoring.internal;

import java.time.Instant;

/** One row of the read model {@code stage_status}: where one stage of one school's year stands. */
record StageRow(
    String schoolCode,
    int academicYear,
    String stage,
    String districtCode,
    String clusterCode,
    String processKey,
    String processInstanceId,
    String taskId,
    String taskKey,
    String state,
    int round,
    String returnedFrom,
    Instant dueAt,
    Instant openedAt,
    Instant doneAt,
    String doneBy,
    String assignee,
    String candidateGroups) {

  static final String OPEN = "OPEN";
  static final String DONE = "DONE";

  /**
   * The school code of a district's own row (a district-level task: no school): this prefix +
   * district code.
   */
  static final String DISTRICT_PREFIX = "district-";

  static String districtRow(String districtCode) {
    return DISTRICT_PREFIX + districtCode;
  }

  /** A row of the district's own work, not of a school. */
  public boolean districtLevel() {
    return schoolCode.startsWith(DISTRICT_PREFIX);
  }

  public boolean open() {
    return OPEN.equals(state);
  }

  /**
   * Open again because a later stage sent the work back (board, director or district returned it).
   */
  public boolean returned() {
    return open() && returnedFrom != null;
  }

  /** The same facts, ignoring bookkeeping: what the property test compares. */
  String facts() {
    return String.join(
        "|",
        schoolCode,
        String.valueOf(academicYear),
        stage,
        state,
        String.valueOf(round),
        String.valueOf(returned() ? returnedFrom : null),
        taskId,
        String.valueOf(dueAt),
        String.valueOf(doneAt),
        String.valueOf(doneBy),
        String.valueOf(open() ? assignee : null),
        processInstanceId);
  }
}
