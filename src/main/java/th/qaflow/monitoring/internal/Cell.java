package th.qaflow.monitoring.internal;

import java.time.Instant;
import java.time.LocalDate;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.DaysLate;

/** One school × stage cell: its status as of now, derived from the read-model row. */
record Cell(CellStatus status, StageRow row, long daysLate, boolean doneLate) {
  static final Cell NO_CYCLE = new Cell(CellStatus.NO_CYCLE, null, 0, false);
  static final Cell NOT_OPEN = new Cell(CellStatus.NOT_OPEN, null, 0, false);

  static Cell of(StageRow row, Instant now, int dueSoonDays) {
    if (!row.open()) {
      return new Cell(
          CellStatus.DONE,
          row,
          0,
          row.dueAt() != null && row.doneAt() != null && row.doneAt().isAfter(row.dueAt()));
    }
    if (row.dueAt() != null && now.isAfter(row.dueAt())) {
      return new Cell(CellStatus.OVERDUE, row, daysLate(row.dueAt(), now), false);
    }
    if (row.returned()) {
      return new Cell(CellStatus.RETURNED, row, 0, false);
    }
    if (row.dueAt() != null && !date(row.dueAt()).minusDays(dueSoonDays).isAfter(date(now))) {
      return new Cell(CellStatus.DUE_SOON, row, 0, false);
    }
    return new Cell(CellStatus.OPEN, row, 0, false);
  }

  /** The count mails show too: {@link DaysLate#of(Instant, Instant)}. */
  static long daysLate(Instant due, Instant now) {
    return DaysLate.of(due, now);
  }

  static LocalDate date(Instant i) {
    return i.atZone(AcademicYears.ZONE).toLocalDate();
  }

  /** Counted as "on time": done by the due date, or open and not yet due. */
  public boolean onTime() {
    return switch (status) {
      case DONE -> !doneLate;
      case OPEN, DUE_SOON, RETURNED -> true;
      default -> false;
    };
  }
}
