package th.qaflow.onesqa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import th.qaflow.onesqa.SchoolState;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * The tables external_school and external_result (V17): each school's state and its ONESQA results.
 */
@Component
class ExternalStore {
  private final JdbcClient jdbc;
  private final OrganisationDirectory directory;
  // stamps updated_at: every change of a row is dated here, not by its callers
  private final Clock clock;

  ExternalStore(JdbcClient jdbc, OrganisationDirectory directory, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
  }

  /** One row per school; fails with a duplicate key when the year's coordination exists already. */
  void insertSchools(
      String district, int year, Collection<String> schoolCodes, String processInstanceId) {
    for (String school : schoolCodes) {
      jdbc.sql(
              """
              insert into external_school (district_code, academic_year, school_code, status, process_instance_id, updated_at)
              values (:d, :y, :s, 'WAITING_CRITERIA', :pi, :at)""")
          .param("d", district)
          .param("y", year)
          .param("s", school)
          .param("pi", processInstanceId)
          .param("at", Timestamp.from(clock.instant()))
          .update();
    }
  }

  void processInstanceOfAll(String district, int year, String processInstanceId) {
    jdbc.sql(
            "update external_school set process_instance_id = :pi where district_code = :d and academic_year = :y")
        .param("pi", processInstanceId)
        .param("d", district)
        .param("y", year)
        .update();
  }

  boolean exists(String district, int year) {
    return jdbc.sql(
                "select count(*) from external_school where district_code = :d and academic_year = :y")
            .param("d", district)
            .param("y", year)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** A school's status (the models name it: see {@link SchoolStatus}). */
  void status(String district, int year, String school, SchoolStatus status) {
    updateSchool(
        """
        update external_school set status = :st, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("st", status.name()));
  }

  /** The status of every school of the district's year. */
  void statusOfAll(String district, int year, SchoolStatus status) {
    jdbc.sql(
            "update external_school set status = :st, updated_at = :at where district_code = :d and academic_year = :y")
        .param("st", status.name())
        .param("at", Timestamp.from(clock.instant()))
        .param("d", district)
        .param("y", year)
        .update();
  }

  void declared(String district, int year, String school, String readiness, String note) {
    updateSchool(
        """
        update external_school set declared_readiness = :r, declared_note = :n, declared_at = :at, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("r", readiness).param("n", note));
  }

  void returned(String district, int year, String school, String comment) {
    updateSchool(
        """
        update external_school set supervisor_comment = :c, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("c", comment));
  }

  void confirmed(
      String district, int year, String school, String readiness, String comment, String by) {
    updateSchool(
        """
        update external_school set confirmed_readiness = :r, supervisor_comment = :c, confirmed_by = :b,
          confirmed_at = :at, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("r", readiness).param("c", comment).param("b", by));
  }

  /** Marks the target schools (and unmarks every other school of the year). */
  void targets(String district, int year, Collection<String> targets) {
    for (SchoolState s : schools(district, year)) {
      boolean target = targets.contains(s.schoolCode());
      updateSchool(
          """
          update external_school set target = :t, updated_at = :at
          where district_code = :d and academic_year = :y and school_code = :s""",
          district,
          year,
          s.schoolCode(),
          q -> q.param("t", target));
    }
  }

  void scheduled(String district, int year, String school, LocalDate visitOn) {
    updateSchool(
        """
        update external_school set visit_on = :v, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("v", sqlDate(visitOn)));
  }

  void objected(String district, int year, String school) {
    updateSchool(
        """
        update external_school set objections = objections + 1, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        UnaryOperator.identity());
  }

  void visited(
      String district, int year, String school, LocalDate visitedOn, LocalDate draftDueOn) {
    updateSchool(
        """
        update external_school set visit_on = :v, draft_due_on = :due, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("v", sqlDate(visitedOn)).param("due", sqlDate(draftDueOn)));
  }

  void draftLate(String district, int year, String school) {
    updateSchool(
        """
        update external_school set draft_late = true, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        UnaryOperator.identity());
  }

  void draftReceived(String district, int year, String school, LocalDate receivedOn) {
    updateSchool(
        """
        update external_school set draft_received_on = :r, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("r", sqlDate(receivedOn)));
  }

  void reassessments(String district, int year, String school, int reassessments) {
    updateSchool(
        """
        update external_school set reassessments = :n, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("n", reassessments));
  }

  void sar(String district, int year, String school, Integer sarYear, String versionId) {
    updateSchool(
        """
        update external_school set sar_year = :sy, sar_version_id = :v, updated_at = :at
        where district_code = :d and academic_year = :y and school_code = :s""",
        district,
        year,
        school,
        q -> q.param("sy", sarYear).param("v", versionId));
  }

  void result(
      String district,
      int year,
      String school,
      int round,
      String standard,
      String level,
      boolean met,
      String recommendations) {
    jdbc.sql(
            "delete from external_result where district_code = :d and academic_year = :y and school_code = :s"
                + " and assessment_round = :r and standard_code = :c")
        .param("d", district)
        .param("y", year)
        .param("s", school)
        .param("r", round)
        .param("c", standard)
        .update();
    jdbc.sql(
            """
            insert into external_result (district_code, academic_year, school_code, assessment_round, standard_code,
              level_value, met, recommendations, recorded_at)
            values (:d, :y, :s, :r, :c, :l, :m, :rec, :at)""")
        .param("d", district)
        .param("y", year)
        .param("s", school)
        .param("r", round)
        .param("c", standard)
        .param("l", level)
        .param("m", met)
        .param("rec", recommendations)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  Optional<SchoolState> school(String district, int year, String school) {
    return schools(district, year).stream().filter(s -> s.schoolCode().equals(school)).findFirst();
  }

  List<SchoolState> schools(String district, int year) {
    Map<String, List<SchoolState.StandardResult>> results = new LinkedHashMap<>();
    jdbc.sql(
            """
            select school_code, assessment_round, standard_code, level_value, met, recommendations from external_result
            where district_code = :d and academic_year = :y order by school_code, assessment_round, standard_code""")
        .param("d", district)
        .param("y", year)
        .query(
            (ResultSet rs) -> {
              results
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(
                      new SchoolState.StandardResult(
                          rs.getInt(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getBoolean(5),
                          rs.getString(6)));
            });
    // the district's schools in one query, not one per row (a district has up to a few hundred
    // schools); a school
    // that has left the district since the year began is still looked up on its own
    Map<String, School> ofDistrict = new HashMap<>();
    directory.schoolsOfDistrict(district).forEach(s -> ofDistrict.put(s.code(), s));
    return jdbc.sql(
            "select * from external_school where district_code = :d and academic_year = :y order by school_code")
        .param("d", district)
        .param("y", year)
        .query(
            (rs, n) ->
                row(rs, ofDistrict, results.getOrDefault(rs.getString("school_code"), List.of())))
        .list();
  }

  /** The process instance the year's coordination runs in (the same for every row). */
  Optional<String> processInstance(String district, int year) {
    return jdbc.sql(
            "select min(process_instance_id) from external_school where district_code = :d and academic_year = :y")
        .param("d", district)
        .param("y", year)
        .query(String.class)
        .optional();
  }

  private SchoolState row(
      ResultSet rs, Map<String, School> ofDistrict, List<SchoolState.StandardResult> results)
      throws SQLException {
    String code = rs.getString("school_code");
    School school =
        ofDistrict.containsKey(code) ? ofDistrict.get(code) : directory.school(code).orElse(null);
    return new SchoolState(
        code,
        school == null ? code : school.nameTh(),
        school == null ? null : school.clusterCode(),
        rs.getString("declared_readiness"),
        rs.getString("declared_note"),
        rs.getString("confirmed_readiness"),
        rs.getString("supervisor_comment"),
        rs.getBoolean("target"),
        (Integer) rs.getObject("sar_year", Integer.class),
        rs.getString("sar_version_id"),
        date(rs, "visit_on"),
        date(rs, "draft_due_on"),
        rs.getBoolean("draft_late"),
        date(rs, "draft_received_on"),
        rs.getInt("objections"),
        rs.getInt("reassessments"),
        rs.getString("status"),
        results);
  }

  /**
   * One update of a school's row: {@code sql} is the whole statement, naming the row by {@code :d},
   * {@code :y}, {@code :s} and stamping {@code :at}; {@code values} binds its own parameters.
   */
  private void updateSchool(
      String sql, String district, int year, String school, UnaryOperator<StatementSpec> values) {
    values
        .apply(jdbc.sql(sql))
        .param("at", Timestamp.from(clock.instant()))
        .param("d", district)
        .param("y", year)
        .param("s", school)
        .update();
  }

  private static java.sql.Date sqlDate(LocalDate day) {
    return day == null ? null : java.sql.Date.valueOf(day);
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
