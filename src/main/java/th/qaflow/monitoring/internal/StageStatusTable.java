package th.qaflow.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.Chunks;

/**
 * SQL on {@code stage_status}. Every statement joins the caller's transaction (the engine's, when
 * called from a task listener), so the read model commits or rolls back with the engine change.
 */
@Component
class StageStatusTable {
  private static final String COLUMNS =
      "school_code, academic_year, stage, district_code, cluster_code, process_key,"
          + " process_instance_id, task_id, task_key, state, round, returned_from, due_at, opened_at, done_at, done_by,"
          + " assignee, candidate_groups, updated_at";

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  StageStatusTable(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
  }

  Optional<StageRow> find(String schoolCode, int year, String stage) {
    return jdbc.sql(
            "select * from stage_status where school_code = ? and academic_year = ? and stage = ?")
        .params(schoolCode, year, stage)
        .query(ROW)
        .optional();
  }

  Optional<StageRow> byTask(String taskId) {
    return jdbc.sql("select * from stage_status where task_id = ?")
        .param(taskId)
        .query(ROW)
        .optional();
  }

  void insert(StageRow r, Instant now) {
    jdbc.sql(
            "insert into stage_status ("
                + COLUMNS
                + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(values(r, now))
        .update();
  }

  void update(StageRow r, Instant now) {
    jdbc.sql(
            "update stage_status set district_code = ?, cluster_code = ?, process_key = ?, process_instance_id = ?,"
                + " task_id = ?, task_key = ?, state = ?, round = ?, returned_from = ?, due_at = ?, opened_at = ?,"
                + " done_at = ?, done_by = ?, assignee = ?, candidate_groups = ?, updated_at = ?"
                + " where school_code = ? and academic_year = ? and stage = ?")
        .params(
            r.districtCode(),
            r.clusterCode(),
            r.processKey(),
            r.processInstanceId(),
            r.taskId(),
            r.taskKey(),
            r.state(),
            r.round(),
            r.returnedFrom(),
            ts(r.dueAt()),
            ts(r.openedAt()),
            ts(r.doneAt()),
            r.doneBy(),
            r.assignee(),
            r.candidateGroups(),
            ts(now),
            r.schoolCode(),
            r.academicYear(),
            r.stage())
        .update();
  }

  void save(StageRow r, boolean exists, Instant now) {
    if (exists) {
      update(r, now);
    } else {
      insert(r, now);
    }
  }

  void insertAll(List<StageRow> rows, Instant now) {
    org.springframework.jdbc.core.JdbcTemplate template =
        new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    String sql =
        "insert into stage_status (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    for (List<StageRow> chunk : Chunks.of(rows)) {
      template.batchUpdate(sql, chunk.stream().map(r -> values(r, now)).toList());
    }
  }

  void delete(String schoolCode, int year, String stage) {
    jdbc.sql("delete from stage_status where school_code = ? and academic_year = ? and stage = ?")
        .params(schoolCode, year, stage)
        .update();
  }

  int setDue(String taskId, Instant due, Instant now) {
    return jdbc.sql(
            "update stage_status set due_at = ?, updated_at = ? where task_id = ? and state = 'OPEN'")
        .params(ts(due), ts(now), taskId)
        .update();
  }

  List<StageRow> ofDistrict(String districtCode, int year) {
    return jdbc.sql("select * from stage_status where academic_year = ? and district_code = ?")
        .params(year, districtCode)
        .query(ROW)
        .list();
  }

  List<StageRow> ofSchool(String schoolCode, int year) {
    return jdbc.sql("select * from stage_status where school_code = ? and academic_year = ?")
        .params(schoolCode, year)
        .query(ROW)
        .list();
  }

  List<StageRow> ofSchools(Collection<String> schoolCodes, int year) {
    if (schoolCodes.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select * from stage_status where academic_year = :year and school_code in (:codes)")
        .param("year", year)
        .param("codes", schoolCodes)
        .query(ROW)
        .list();
  }

  List<StageRow> all() {
    return jdbc.sql("select * from stage_status").query(ROW).list();
  }

  long count() {
    return jdbc.sql("select count(*) from stage_status").query(Long.class).single();
  }

  /**
   * Per district, stage and month of the due date (null: none) of a year, in one pass over the
   * year's rows (the national view read them three times): rows, done on time, done late, open and
   * not yet due, overdue. Months are in the database's time zone.
   */
  List<NationalCount> national(int year, Instant now) {
    Timestamp t = ts(now);
    return jdbc.sql(
            """
            select district_code, stage, extract(year from due_at) as y, extract(month from due_at) as m,
              count(*) as opened,
              sum(case when state = 'DONE' and (due_at is null or done_at <= due_at) then 1 else 0 end) as done_on_time,
              sum(case when state = 'DONE' and due_at is not null and done_at > due_at then 1 else 0 end) as done_late,
              sum(case when state = 'OPEN' and (due_at is null or due_at >= ?) then 1 else 0 end) as open_on_time,
              sum(case when state = 'OPEN' and due_at < ? then 1 else 0 end) as overdue
            from stage_status where academic_year = ? and school_code not like 'district-%'
            group by district_code, stage, extract(year from due_at), extract(month from due_at)""")
        .params(t, t, year)
        .query(
            (rs, n) ->
                new NationalCount(
                    rs.getString("district_code"),
                    rs.getString("stage"),
                    rs.getObject("y") == null
                        ? null
                        : java.time.YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                    rs.getInt("opened"),
                    rs.getInt("done_on_time"),
                    rs.getInt("done_late"),
                    rs.getInt("open_on_time"),
                    rs.getInt("overdue")))
        .list();
  }

  /** The academic years the read model has rows of, for one district or (null) any. */
  List<Integer> years(String districtCode) {
    return districtCode == null
        ? jdbc.sql("select distinct academic_year from stage_status").query(Integer.class).list()
        : jdbc.sql("select distinct academic_year from stage_status where district_code = ?")
            .param(districtCode)
            .query(Integer.class)
            .list();
  }

  Map<String, Integer> schoolsPerDistrict(int year) {
    Map<String, Integer> result = new java.util.HashMap<>();
    jdbc.sql(
            "select district_code, count(distinct school_code) from stage_status where academic_year = ?"
                + " and school_code not like 'district-%' group by district_code")
        .param(year)
        .query(
            (ResultSet rs) -> {
              result.put(rs.getString(1), rs.getInt(2));
            });
    return result;
  }

  /** Rows of the given process instances, for a rebuild that replaces them. */
  void deleteYear(int year) {
    jdbc.sql("delete from stage_status where academic_year = ?").param(year).update();
  }

  void deleteAll() {
    jdbc.sql("delete from stage_status").update();
  }

  /** One district's stage in one month of due dates ({@code dueMonth} null: no due date). */
  record NationalCount(
      String districtCode,
      String stage,
      java.time.YearMonth dueMonth,
      int opened,
      int doneOnTime,
      int doneLate,
      int openOnTime,
      int overdue) {}

  private static Object[] values(StageRow r, Instant now) {
    return new Object[] {
      r.schoolCode(),
      r.academicYear(),
      r.stage(),
      r.districtCode(),
      r.clusterCode(),
      r.processKey(),
      r.processInstanceId(),
      r.taskId(),
      r.taskKey(),
      r.state(),
      r.round(),
      r.returnedFrom(),
      ts(r.dueAt()),
      ts(r.openedAt()),
      ts(r.doneAt()),
      r.doneBy(),
      r.assignee(),
      r.candidateGroups(),
      ts(now)
    };
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static final RowMapper<StageRow> ROW =
      (rs, n) ->
          new StageRow(
              rs.getString("school_code"),
              rs.getInt("academic_year"),
              rs.getString("stage"),
              rs.getString("district_code"),
              rs.getString("cluster_code"),
              rs.getString("process_key"),
              rs.getString("process_instance_id"),
              rs.getString("task_id"),
              rs.getString("task_key"),
              rs.getString("state"),
              rs.getInt("round"),
              rs.getString("returned_from"),
              instant(rs, "due_at"),
              instant(rs, "opened_at"),
              instant(rs, "done_at"),
              rs.getString("done_by"),
              rs.getString("assignee"),
              rs.getString("candidate_groups"));
}
