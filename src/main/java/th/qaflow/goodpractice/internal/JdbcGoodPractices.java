package th.qaflow.goodpractice.internal;

import static th.qaflow.goodpractice.GoodPracticeRoundProcess.*;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.goodpractice.GoodPractices;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.StartOnce;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.Standard;
import th.qaflow.standards.StandardsCatalog;

/**
 * Starts rounds and keeps their rows and nominations. The good_practice_round row (key district +
 * year) and the process instance commit together, so a second start fails on the key instead of
 * making a twin. Nominations are rows of their own: the page writes them while the round's stage is
 * NOMINATION; the committee's decisions are written by the round's selection step.
 */
@Service
class JdbcGoodPractices implements GoodPractices {
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final StandardsCatalog standards;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcGoodPractices(
      Clock clock,
      OrganisationDirectory directory,
      StandardsCatalog standards,
      @Lazy RuntimeService runtime,
      JdbcClient jdbc,
      TransactionTemplate tx) {
    this.clock = clock;
    this.directory = directory;
    this.standards = standards;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Optional<String> start(String districtCode, int academicYearBE, String startedBy) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    return StartOnce.inTransaction(
        tx,
        () -> round(districtCode, academicYearBE).isPresent(),
        () -> {
          // the row first: the open step and the page read it
          jdbc.sql(
                  """
                    insert into good_practice_round (district_code, academic_year,
                      process_instance_id, stage, started_at, started_by)
                    values (:d, :y, '', :stage, :at, :by)""")
              .param("d", districtCode)
              .param("y", academicYearBE)
              .param("stage", RoundStage.NOMINATION.name())
              .param("at", Timestamp.from(clock.instant()))
              .param("by", startedBy)
              .update();
          Map<String, Object> variables = new LinkedHashMap<>();
          variables.put(ProcessVariables.DISTRICT_CODE, districtCode);
          variables.put(VAR_DISTRICT_NAME, district.nameTh());
          variables.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
          variables.put(VAR_STARTED_BY, startedBy);
          ProcessInstance instance =
              runtime.startProcessInstanceByKey(
                  PROCESS_ID, businessKey(districtCode, academicYearBE), variables);
          jdbc.sql(
                  "update good_practice_round set process_instance_id = :pi"
                      + " where district_code = :d and academic_year = :y")
              .param("pi", instance.getId())
              .param("d", districtCode)
              .param("y", academicYearBE)
              .update();
          return instance.getId();
        });
  }

  @Override
  public List<Round> rounds(String districtCode) {
    return jdbc.sql(ROUND + " where district_code = :d order by academic_year desc")
        .param("d", districtCode)
        .query(JdbcGoodPractices::round)
        .list();
  }

  @Override
  public Optional<Round> round(String districtCode, int academicYearBE) {
    return jdbc.sql(ROUND + " where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(JdbcGoodPractices::round)
        .optional();
  }

  @Override
  public List<Nomination> nominations(String districtCode, int academicYearBE) {
    return jdbc.sql(NOMINATION + " where district_code = :d and academic_year = :y order by id")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(this::nominationRow)
        .list();
  }

  @Override
  public List<Nomination> published(String districtCode, int academicYearBE) {
    return round(districtCode, academicYearBE).filter(Round::published).stream()
        .flatMap(r -> nominations(districtCode, academicYearBE).stream())
        .filter(Nomination::selected)
        .toList();
  }

  Optional<Nomination> nomination(long id) {
    return jdbc.sql(NOMINATION + " where id = :id")
        .param("id", id)
        .query(this::nominationRow)
        .optional();
  }

  /** Adds a checked nomination; the caller checked the user's scope and the round's stage. */
  long insert(String districtCode, int year, Source source, NominationInput input, String userId) {
    Timestamp now = Timestamp.from(clock.instant());
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into good_practice_nomination (district_code, academic_year, school_code, source,
              standard_code, title, practice, evidence_url, evidence_note, nominated_by,
              nominated_at, updated_at)
            values (:d, :y, :school, :source, :standard, :title, :practice, :url, :note, :by, :at, :at)
            """)
        .param("d", districtCode)
        .param("y", year)
        .param("school", input.schoolCode())
        .param("source", source.name())
        .param("standard", input.standardCode())
        .param("title", input.title())
        .param("practice", input.practice())
        .param("url", input.evidenceUrl())
        .param("note", input.evidenceNote())
        .param("by", userId)
        .param("at", now)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Changes a nomination's text; only while its round accepts nominations (checked again here). */
  boolean update(long id, NominationInput input) {
    return jdbc.sql(
                """
            update good_practice_nomination set standard_code = :standard, title = :title,
              practice = :practice, evidence_url = :url, evidence_note = :note, updated_at = :at
            where id = :id and exists (select 1 from good_practice_round r
              where r.district_code = good_practice_nomination.district_code
              and r.academic_year = good_practice_nomination.academic_year and r.stage = 'NOMINATION')
            """)
            .param("standard", input.standardCode())
            .param("title", input.title())
            .param("practice", input.practice())
            .param("url", input.evidenceUrl())
            .param("note", input.evidenceNote())
            .param("at", Timestamp.from(clock.instant()))
            .param("id", id)
            .update()
        == 1;
  }

  boolean withdraw(long id) {
    return jdbc.sql(
                """
            delete from good_practice_nomination where id = :id and decision is null
              and exists (select 1 from good_practice_round r
              where r.district_code = good_practice_nomination.district_code
              and r.academic_year = good_practice_nomination.academic_year and r.stage = 'NOMINATION')
            """)
            .param("id", id)
            .update()
        == 1;
  }

  void decide(long id, String districtCode, int year, String decision, String reason) {
    jdbc.sql(
            """
            update good_practice_nomination set decision = :decision, decision_reason = :reason
            where id = :id and district_code = :d and academic_year = :y""")
        .param("decision", decision)
        .param("reason", reason)
        .param("id", id)
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  void stage(String districtCode, int year, RoundStage stage) {
    jdbc.sql(
            "update good_practice_round set stage = :stage where district_code = :d"
                + " and academic_year = :y")
        .param("stage", stage.name())
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  void nominationsClosed(String districtCode, int year) {
    stage(districtCode, year, RoundStage.SELECTION);
    jdbc.sql(
            "update good_practice_round set nominations_closed_at = :at where district_code = :d"
                + " and academic_year = :y")
        .param("at", Timestamp.from(clock.instant()))
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  void selected(String districtCode, int year, String committee, boolean any) {
    stage(districtCode, year, any ? RoundStage.HONOURS : RoundStage.NONE_SELECTED);
    jdbc.sql(
            "update good_practice_round set committee = :c where district_code = :d"
                + " and academic_year = :y")
        .param("c", committee)
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  void honoured(
      String districtCode, int year, String kind, String reference, LocalDate date, String note) {
    jdbc.sql(
            """
            update good_practice_round set stage = 'SHARING', honours_kind = :kind,
              honours_reference = :ref, honours_date = :date, honours_note = :note, published_at = :at
            where district_code = :d and academic_year = :y""")
        .param("kind", kind)
        .param("ref", reference)
        .param("date", date == null ? null : Date.valueOf(date))
        .param("note", note)
        .param("at", Timestamp.from(clock.instant()))
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  void shared(
      String districtCode,
      int year,
      LocalDate date,
      String mode,
      String place,
      Integer attendance,
      String summary) {
    jdbc.sql(
            """
            update good_practice_round set stage = 'DONE', event_date = :date, event_mode = :mode,
              event_place = :place, event_attendance = :n, event_summary = :summary
            where district_code = :d and academic_year = :y""")
        .param("date", date == null ? null : Date.valueOf(date))
        .param("mode", mode)
        .param("place", place)
        .param("n", attendance)
        .param("summary", summary)
        .param("d", districtCode)
        .param("y", year)
        .update();
  }

  /**
   * The standards a nomination may name, both levels (code {@code BASIC-1}), each with its Thai and
   * English label; for a school, only the levels it offers.
   */
  List<StandardOption> standardOptions(int academicYearBE, School school) {
    List<StandardOption> options = new ArrayList<>();
    for (EducationLevel level : EducationLevel.values()) {
      if (school != null
          && (level == EducationLevel.BASIC ? !school.basic() : !school.earlyChildhood())) {
        continue;
      }
      Optional<Framework> framework = standards.internalFramework(level, academicYearBE);
      if (framework.isEmpty()) {
        continue;
      }
      String levelTh = level == EducationLevel.BASIC ? "ขั้นพื้นฐาน" : "ปฐมวัย";
      String levelEn = level == EducationLevel.BASIC ? "Basic" : "Early childhood";
      for (Standard s : framework.get().standards()) {
        options.add(
            new StandardOption(
                level.name() + "-" + s.code(),
                levelTh + " มาตรฐานที่ " + s.code() + " " + s.nameTh(),
                levelEn + ", standard " + s.code() + ": " + s.nameEn()));
      }
    }
    return options;
  }

  /** Standard code → its option, for showing a nomination's standard by name. */
  Map<String, StandardOption> standardLabels(int academicYearBE) {
    Map<String, StandardOption> labels = new LinkedHashMap<>();
    standardOptions(academicYearBE, null).forEach(o -> labels.put(o.value(), o));
    return labels;
  }

  /** A standard a nomination may name. */
  record StandardOption(String value, String labelTh, String labelEn) {}

  /** What the nomination form sends, trimmed. */
  record NominationInput(
      String schoolCode,
      String standardCode,
      String title,
      String practice,
      String evidenceUrl,
      String evidenceNote) {}

  private static final String ROUND =
      """
      select district_code, academic_year, process_instance_id, stage, started_at,
        nominations_closed_at, committee, honours_kind, honours_reference, honours_date,
        honours_note, published_at, event_date, event_mode, event_place, event_attendance,
        event_summary
        from good_practice_round""";

  private static final String NOMINATION =
      """
      select id, district_code, academic_year, school_code, source, standard_code, title, practice,
        evidence_url, evidence_note, nominated_by, nominated_at, decision, decision_reason
        from good_practice_nomination""";

  private static Round round(ResultSet rs, int n) throws SQLException {
    return new Round(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        RoundStage.valueOf(rs.getString(4)),
        instant(rs.getTimestamp(5)),
        instant(rs.getTimestamp(6)),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        date(rs.getDate(10)),
        rs.getString(11),
        instant(rs.getTimestamp(12)),
        date(rs.getDate(13)),
        rs.getString(14),
        rs.getString(15),
        (Integer) rs.getObject(16, Integer.class),
        rs.getString(17));
  }

  private Nomination nominationRow(ResultSet rs, int n) throws SQLException {
    String school = rs.getString(4);
    return new Nomination(
        rs.getLong(1),
        rs.getString(2),
        rs.getInt(3),
        school,
        directory.school(school).map(School::nameTh).orElse(school),
        Source.valueOf(rs.getString(5)),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        instant(rs.getTimestamp(12)),
        rs.getString(13),
        rs.getString(14));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
