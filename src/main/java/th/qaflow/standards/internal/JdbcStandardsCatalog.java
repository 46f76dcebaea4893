package th.qaflow.standards.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.organisation.School;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.FrameworkFileException;
import th.qaflow.standards.FrameworkPurpose;
import th.qaflow.standards.Level;
import th.qaflow.standards.Standard;
import th.qaflow.standards.StandardsCatalog;

/**
 * Frameworks live in the database (the normalised tables serve reports; {@code source_json} is the
 * file as loaded) and are cached in memory: there are a handful and they never change in place.
 */
@Service
class JdbcStandardsCatalog implements StandardsCatalog {
  private final Clock clock;
  private static final Logger log = LoggerFactory.getLogger(JdbcStandardsCatalog.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private volatile List<Framework> cache;

  JdbcStandardsCatalog(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {

    this.clock = clock;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Stores a framework file unless its code is already there. The same code with different content
   * is refused: assessments already made against the stored framework must keep meaning what they
   * meant.
   *
   * @return {@code true} when the framework was new
   */
  boolean load(String json, String source) {
    Framework f =
        FrameworkFiles.read(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    Optional<String> stored =
        jdbc.sql("select source_json from qa_framework where code = :c")
            .param("c", f.code())
            .query(String.class)
            .optional();
    if (stored.isPresent()) {
      if (!FrameworkFiles.read(
              new ByteArrayInputStream(stored.get().getBytes(StandardCharsets.UTF_8)), "stored")
          .equals(f)) {
        throw new FrameworkFileException(
            source
                + ": framework '"
                + f.code()
                + "' is already loaded with other content; give the revised framework a new code");
      }
      return false;
    }
    try {
      tx.executeWithoutResult(status -> insert(f, json));
    } catch (DuplicateKeyException raced) {
      return false; // another node loaded it at the same moment
    }
    cache = null;
    log.info(
        "Loaded QA framework {} from {}: {} standards, {} items, {} levels",
        f.code(),
        source,
        f.standards().size(),
        f.itemCount(),
        f.levels().size());
    return true;
  }

  private void insert(Framework f, String json) {
    jdbc.sql(
            """
            insert into qa_framework (code, name_th, name_en, education_level, purpose, effective_from, effective_to,
                                      source_json, loaded_at)
            values (:code, :th, :en, :level, :purpose, :from, :to, :json, :at)""")
        .param("code", f.code())
        .param("th", f.nameTh())
        .param("en", f.nameEn())
        .param("level", f.educationLevel().name())
        .param("purpose", f.purpose().name())
        .param("from", f.effectiveFrom())
        .param("to", f.effectiveTo())
        .param("json", json)
        .param("at", Timestamp.from(clock.instant()))
        .update();
    int position = 0;
    for (Level l : f.levels()) {
      jdbc.sql(
              "insert into qa_level (framework_code, level_value, position, name_th, name_en) values (?, ?, ?, ?, ?)")
          .params(f.code(), l.value(), position++, l.nameTh(), l.nameEn())
          .update();
    }
    position = 0;
    for (Standard s : f.standards()) {
      insertStandard(f.code(), s.code(), null, position++, s.nameTh(), s.nameEn());
      for (Standard.Item i : s.items()) {
        insertStandard(f.code(), i.code(), s.code(), position++, i.nameTh(), i.nameEn());
      }
    }
  }

  private void insertStandard(
      String framework, String code, String parent, int position, String th, String en) {
    jdbc.sql(
            """
            insert into qa_standard (framework_code, code, parent_code, position, name_th, name_en)
            values (?, ?, ?, ?, ?, ?)""")
        .params(framework, code, parent, position, th, en)
        .update();
  }

  @Override
  public List<Framework> frameworks() {
    List<Framework> loaded = cache;
    if (loaded == null) {
      loaded =
          jdbc.sql(
                  "select code, source_json from qa_framework order by education_level, effective_from, code")
              .query(
                  (rs, n) ->
                      FrameworkFiles.read(
                          new ByteArrayInputStream(
                              rs.getString("source_json").getBytes(StandardCharsets.UTF_8)),
                          "stored framework " + rs.getString("code")))
              .list();
      cache = loaded;
    }
    return loaded;
  }

  @Override
  public Optional<Framework> framework(String code) {
    return frameworks().stream().filter(f -> f.code().equals(code)).findFirst();
  }

  @Override
  public Optional<Framework> internalFramework(EducationLevel level, int academicYear) {
    return frameworks().stream()
        .filter(
            f ->
                f.purpose() == FrameworkPurpose.INTERNAL
                    && f.educationLevel() == level
                    && f.appliesTo(academicYear))
        .max(Comparator.comparingInt(Framework::effectiveFrom));
  }

  @Override
  public List<Framework> frameworksFor(School school, int academicYear) {
    List<Framework> result = new ArrayList<>();
    if (school.earlyChildhood()) {
      internalFramework(EducationLevel.EARLY_CHILDHOOD, academicYear).ifPresent(result::add);
    }
    if (school.basic()) {
      internalFramework(EducationLevel.BASIC, academicYear).ifPresent(result::add);
    }
    return result;
  }

  @Override
  public Map<String, Object> cycleVariables(School school, int academicYear) {
    List<Framework> frameworks = frameworksFor(school, academicYear);
    List<Map<String, Object>> standards = new ArrayList<>();
    List<Map<String, Object>> standardOptions = new ArrayList<>();
    for (Framework f : frameworks) {
      String levelTh = f.educationLevel() == EducationLevel.BASIC ? "ขั้นพื้นฐาน" : "ปฐมวัย";
      String levelEn = f.educationLevel() == EducationLevel.BASIC ? "Basic" : "Early childhood";
      for (Standard s : f.standards()) {
        String code = f.educationLevel().name() + "-" + s.code();
        String label = levelTh + " มาตรฐานที่ " + s.code() + " " + s.nameTh();
        String labelEn = levelEn + ", standard " + s.code() + ": " + s.nameEn();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("educationLevel", f.educationLevel().name());
        row.put("frameworkCode", f.code());
        row.put("standardCode", code);
        row.put("standardLabel", label);
        row.put("standardLabelEn", labelEn);
        row.put(
            "standardItems",
            s.items().stream()
                .map(i -> i.code() + " " + i.nameTh())
                .collect(Collectors.joining("\n")));
        standards.add(row);
        standardOptions.add(option(code, label, labelEn));
      }
    }
    List<Map<String, Object>> levelOptions =
        frameworks.isEmpty()
            ? List.of()
            : frameworks.get(frameworks.size() - 1).levels().stream()
                .map(l -> option(l.value(), l.nameTh(), l.nameEn()))
                .toList();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(VAR_STANDARDS, standards);
    variables.put(VAR_LEVEL_OPTIONS, new ArrayList<>(levelOptions));
    variables.put(VAR_STANDARD_OPTIONS, standardOptions);
    return variables;
  }

  private static Map<String, Object> option(String value, String label, String labelEn) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("value", value);
    option.put("label", label);
    option.put("label_en", labelEn);
    return option;
  }
}
