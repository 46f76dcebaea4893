package th.qaflow.web.export;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import th.qaflow.web.ThaiDates;

/**
 * One exported table — one CSV file or one XLSX sheet: a header row and rows of typed cells.
 * Written by {@link TableWriter}; the exports build tables, never files.
 *
 * @param name the sheet's name in XLSX (Excel's rules are applied when written)
 */
public record Table(String name, List<String> header, List<List<Cell>> rows) {
  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }

  public static Builder of(String name, List<String> header) {
    return new Builder(name, header);
  }

  /**
   * A cell: text, a number, or a date (a real date cell in XLSX; in CSV the text ThaiDates shows).
   */
  public sealed interface Cell permits Text, Number, When {}

  /**
   * Text as given (null is empty); a text that looks like a formula is neutralised when written.
   */
  public record Text(String value) implements Cell {
    public Text {
      value = value == null ? "" : value;
    }
  }

  /** A number; {@code decimals} is 0 (5) or 2 (3.25). */
  public record Number(double value, int decimals) implements Cell {}

  /** A date, or a date and time, in Thailand's time zone. */
  public record When(LocalDateTime value, boolean withTime) implements Cell {}

  public static Cell text(String value) {
    return new Text(value);
  }

  public static Cell integer(long value) {
    return new Number(value, 0);
  }

  public static Cell decimal(double value) {
    return new Number(value, 2);
  }

  /**
   * A date from a Date, Instant, LocalDate, ZonedDateTime or ISO text; null gives an empty cell.
   */
  public static Cell date(Object value) {
    return value == null
        ? text("")
        : new When(ThaiDates.inThailand(value).toLocalDateTime(), false);
  }

  public static Cell dateTime(Object value) {
    return value == null ? text("") : new When(ThaiDates.inThailand(value).toLocalDateTime(), true);
  }

  /** Cells of plain text. */
  public static List<Cell> texts(List<String> values) {
    return values.stream().map(Table::text).toList();
  }

  public static final class Builder {
    private final String name;
    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    private Builder(String name, List<String> header) {
      this.name = name;
      this.header = header;
    }

    public Builder row(Cell... cells) {
      return row(Arrays.asList(cells));
    }

    public Builder row(List<Cell> cells) {
      rows.add(cells);
      return this;
    }

    public Table build() {
      return new Table(name, header, rows);
    }
  }
}
