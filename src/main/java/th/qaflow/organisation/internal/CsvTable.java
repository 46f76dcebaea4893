package th.qaflow.organisation.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import th.qaflow.kernel.InputText;
import th.qaflow.organisation.ImportKind;

/**
 * A CSV file read for import: UTF-8 (a BOM is skipped, other encodings are refused), a header row
 * with exactly the kind's columns in any order, values trimmed. Row numbers count like a
 * spreadsheet (header = row 1); rows whose cells are all blank are skipped.
 */
final class CsvTable {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

  /** One data row. */
  record Row(long number, Map<String, String> values) {
    /** The trimmed value, "" when blank or absent. */
    String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v;
    }

    /** The trimmed value, null when blank. */
    String optional(String column) {
      String v = get(column);
      return v.isEmpty() ? null : v;
    }
  }

  private final List<Row> rows;

  private CsvTable(List<Row> rows) {
    this.rows = rows;
  }

  List<Row> rows() {
    return rows;
  }

  /**
   * Reads the file; problems with the file as a whole or its header go to {@code errors} (no rows
   * then).
   */
  static CsvTable read(byte[] bytes, ImportKind kind, ImportErrors errors) {
    String text;
    try {
      int start =
          bytes.length >= 3
                  && (bytes[0] & 0xff) == 0xEF
                  && (bytes[1] & 0xff) == 0xBB
                  && (bytes[2] & 0xff) == 0xBF
              ? 3
              : 0;
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
              .toString();
    } catch (CharacterCodingException e) {
      errors.add(0, "", "encoding");
      return new CsvTable(List.of());
    }

    List<Row> rows = new ArrayList<>();
    long lastRecord = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      List<String> header = null;
      for (CSVRecord record : parser) {
        lastRecord = record.getRecordNumber();
        if (header == null) {
          header = record.toList().stream().map(CsvTable::headerName).toList();
          if (header.stream().allMatch(String::isEmpty)) {
            errors.add(1, "", "empty");
            return new CsvTable(List.of());
          }
          if (!checkHeader(header, kind, errors)) {
            return new CsvTable(List.of());
          }
          continue;
        }
        List<String> values = record.toList();
        if (values.stream().allMatch(String::isBlank)) {
          continue;
        }
        if (values.size() > header.size()
            && values.subList(header.size(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
          errors.add(record.getRecordNumber(), "", "tooManyFields", header.size(), values.size());
          continue;
        }
        Map<String, String> map = new HashMap<>();
        boolean clean = true;
        for (int i = 0; i < header.size() && i < values.size(); i++) {
          String value = values.get(i).strip();
          // every column is a single line (names, codes, e-mail): no NUL, ESC, line break or tab
          // inside
          if (InputText.badSingleLine(value)) {
            errors.add(record.getRecordNumber(), header.get(i), "controlCharacters", header.get(i));
            clean = false;
          }
          map.put(header.get(i), value);
        }
        if (clean) {
          rows.add(new Row(record.getRecordNumber(), map));
        }
      }
      if (header == null) {
        errors.add(1, "", "empty");
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // Commons CSV reports e.g. an unclosed quote this way, at the record after the last good one.
      errors.add(lastRecord + 1, "", "malformedCsv");
      return new CsvTable(List.of());
    }
    return new CsvTable(rows);
  }

  /**
   * Any C0/C1 control or DEL (the same rule as th.qaflow.kernel.InputText, which this module may
   * not use).
   */
  private static String headerName(String raw) {
    return raw.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
  }

  private static boolean checkHeader(List<String> header, ImportKind kind, ImportErrors errors) {
    int before = errors.count();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : header) {
      if (name.isEmpty()) {
        continue; // a trailing empty column, e.g. from a spreadsheet
      }
      if (!kind.columns().contains(name)) {
        errors.add(1, name, "headerUnknown", name, String.join(", ", kind.columns()));
      } else if (!seen.add(name)) {
        errors.add(1, name, "headerDuplicate", name);
      }
    }
    for (String column : kind.columns()) {
      if (!seen.contains(column)) {
        errors.add(1, column, "headerMissing", column);
      }
    }
    return errors.count() == before;
  }
}
