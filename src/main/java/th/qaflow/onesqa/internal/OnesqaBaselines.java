package th.qaflow.onesqa.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * Earlier ONESQA rounds' results, imported by the district from a CSV file (table onesqa_baseline,
 * V25): {@code school_code, assessment_year, standard_code, level} and an optional {@code round}.
 * The whole file is checked first; one bad row and nothing is stored. A row for a school, year and
 * standard already imported replaces it.
 */
@Component
class OnesqaBaselines {
  static final List<String> COLUMNS =
      List.of("school_code", "assessment_year", "standard_code", "level");
  static final String ROUND = "round";
  static final int MAX_ROWS = 20_000;
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

  private final JdbcClient jdbc;
  private final OrganisationDirectory directory;
  private final Clock clock;

  OnesqaBaselines(JdbcClient jdbc, OrganisationDirectory directory, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
  }

  /** One problem of a file: a message key, its row (spreadsheet numbering) and a value. */
  record Problem(String key, long row, String value) {}

  /** One school's earlier result for a standard. */
  record Baseline(int year, String standardCode, String level, String round) {}

  /** What an import did: the rows stored, or the problems (and nothing stored). */
  record Result(int stored, List<Problem> problems) {
    static Result refused(List<Problem> problems) {
      return new Result(0, problems);
    }
  }

  @Transactional
  Result importCsv(String district, byte[] content, String importedBy) {
    List<Problem> problems = new ArrayList<>();
    List<Map<String, String>> rows = new ArrayList<>();
    List<Long> numbers = new ArrayList<>();
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return Result.refused(List.of(new Problem("external.baseline.error.encoding", 0, "")));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (CSVParser csv = CSVParser.parse(new StringReader(text), FORMAT)) {
      List<CSVRecord> records = csv.getRecords();
      if (records.isEmpty()) {
        return Result.refused(List.of(new Problem("external.baseline.error.empty", 0, "")));
      }
      List<String> header = records.get(0).toList();
      for (String column : COLUMNS) {
        if (!header.contains(column)) {
          problems.add(new Problem("external.baseline.error.column", 1, column));
        }
      }
      if (!problems.isEmpty()) {
        return Result.refused(problems);
      }
      if (records.size() - 1 > MAX_ROWS) {
        return Result.refused(
            List.of(new Problem("external.baseline.error.tooMany", 0, String.valueOf(MAX_ROWS))));
      }
      for (CSVRecord r : records.subList(1, records.size())) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size() && i < r.size(); i++) {
          row.put(header.get(i), r.get(i));
        }
        rows.add(row);
        numbers.add(r.getRecordNumber());
      }
    } catch (IOException | RuntimeException e) {
      return Result.refused(List.of(new Problem("external.baseline.error.format", 0, "")));
    }
    if (rows.isEmpty()) {
      return Result.refused(List.of(new Problem("external.baseline.error.empty", 0, "")));
    }
    Set<String> schools =
        directory.schoolsOfDistrict(district).stream()
            .map(School::code)
            .collect(Collectors.toSet());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      long number = numbers.get(i);
      String school = row.getOrDefault("school_code", "");
      if (!schools.contains(school)) {
        problems.add(new Problem("external.baseline.error.school", number, school));
      }
      String year = row.getOrDefault("assessment_year", "");
      if (!year.matches("2\\d{3}")
          || Integer.parseInt(year) < 2540
          || Integer.parseInt(year) > 2699) {
        problems.add(new Problem("external.baseline.error.year", number, year));
      }
      String standard = row.getOrDefault("standard_code", "");
      if (!standard.matches("[0-9A-Za-z._-]{1,40}")) {
        problems.add(new Problem("external.baseline.error.standard", number, standard));
      }
      String level = row.getOrDefault("level", "");
      if (!level.matches("[1-5]")) {
        problems.add(new Problem("external.baseline.error.level", number, level));
      }
      if (row.getOrDefault(ROUND, "").length() > 100) {
        problems.add(new Problem("external.baseline.error.round", number, ""));
      }
    }
    if (!problems.isEmpty()) {
      return Result.refused(problems);
    }
    Timestamp now = Timestamp.from(clock.instant());
    for (Map<String, String> row : rows) {
      jdbc.sql(
              """
              delete from onesqa_baseline
              where school_code = :s and assessment_year = :y and standard_code = :c""")
          .param("s", row.get("school_code"))
          .param("y", Integer.parseInt(row.get("assessment_year")))
          .param("c", row.get("standard_code"))
          .update();
      String round = row.getOrDefault(ROUND, "");
      jdbc.sql(
              """
              insert into onesqa_baseline (district_code, school_code, assessment_year, standard_code,
                level_value, round_name, imported_by, imported_at)
              values (:d, :s, :y, :c, :l, :r, :by, :at)""")
          .param("d", district)
          .param("s", row.get("school_code"))
          .param("y", Integer.parseInt(row.get("assessment_year")))
          .param("c", row.get("standard_code"))
          .param("l", row.get("level"))
          .param("r", round.isEmpty() ? null : round)
          .param("by", importedBy)
          .param("at", now)
          .update();
    }
    return new Result(rows.size(), List.of());
  }

  /** Each school's imported results of years before {@code year}, newest year first. */
  Map<String, List<Baseline>> before(String district, int year) {
    Map<String, List<Baseline>> bySchool = new HashMap<>();
    jdbc.sql(
            """
            select school_code, assessment_year, standard_code, level_value, round_name from onesqa_baseline
            where district_code = :d and assessment_year < :y
            order by school_code, assessment_year desc, standard_code""")
        .param("d", district)
        .param("y", year)
        .query(
            (rs, n) ->
                bySchool
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(
                        new Baseline(
                            rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5))))
        .list();
    return bySchool;
  }
}
