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

  /**
   * The sign beside the colour in the heatmap, so the status does not rest on colour alone (the
   * cell's text says it too).
   */
  public String symbol() {
    return switch (this) {
      case NO_CYCLE -> "–";
      case NOT_OPEN -> "·";
      case OPEN -> "○";
      case DUE_SOON -> "◔";
      case OVERDUE -> "!";
      case RETURNED -> "↩";
      case DONE -> "✓";
    };
  }

  public String messageKey() {
    return "monitoring.status." + name();
  }
}
