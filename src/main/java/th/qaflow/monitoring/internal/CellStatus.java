package th.qaflow.monitoring.internal;

/** What a cell of the matrix shows; message key {@code monitoring.status.<NAME>}. */
enum CellStatus {
  NO_CYCLE,
  NOT_OPEN,
  OPEN,
  DUE_SOON,
  OVERDUE,
  RETURNED,
  DONE;

  public String messageKey() {
    return "monitoring.status." + name();
  }
}
