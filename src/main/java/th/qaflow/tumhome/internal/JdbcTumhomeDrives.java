package th.qaflow.tumhome.internal;

import static th.qaflow.tumhome.TumhomeProcess.PROCESS_ID;
import static th.qaflow.tumhome.TumhomeProcess.VAR_DISTRICT_NAME;
import static th.qaflow.tumhome.TumhomeProcess.VAR_STARTED_BY;
import static th.qaflow.tumhome.TumhomeProcess.businessKey;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.YearlyProcesses;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeRanking;

/**
 * Starts TUMHOME drives and keeps their rows. The tumhome_drive row (unique district + academic
 * year) and the process instance commit together, so a second start fails on the key instead of
 * making a twin. The meeting, the closing of MOU signing and the evaluation are written by the
 * process's steps ({@link TumhomeSteps}) in the engine's transaction; MOUs by the page.
 */
@Service
class JdbcTumhomeDrives implements TumhomeDrives {
  private static final YearlyProcesses.Record RECORD =
      new YearlyProcesses.Record("tumhome_drive", "academic_year");

  private final Clock clock;
  private final OrganisationDirectory directory;
  private final YearlyProcesses yearly;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcTumhomeDrives(
      Clock clock,
      OrganisationDirectory directory,
      YearlyProcesses yearly,
      JdbcClient jdbc,
      TransactionTemplate tx) {
    this.clock = clock;
    this.directory = directory;
    this.yearly = yearly;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Optional<String> start(String districtCode, int academicYearBE, String startedBy) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessVariables.DISTRICT_CODE, districtCode);
    variables.put(VAR_DISTRICT_NAME, district.nameTh());
    variables.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
    variables.put(VAR_STARTED_BY, startedBy);
    return yearly.startOnce(
        RECORD,
        districtCode,
        academicYearBE,
        PROCESS_ID,
        businessKey(districtCode, academicYearBE),
        variables,
        startedBy,
        () -> drive(districtCode, academicYearBE).isPresent());
  }

  private static final String COLUMNS =
      """
      id, district_code, academic_year, process_instance_id, started_at, started_by, meeting_on,
      mou_closed_at, evaluated_at, next_cycle, mentoring_round_no""";

  @Override
  public List<Drive> drives(String districtCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from tumhome_drive where district_code = :d order by academic_year desc")
        .param("d", districtCode)
        .query(JdbcTumhomeDrives::drive)
        .list();
  }

  @Override
  public Optional<Drive> drive(String districtCode, int academicYearBE) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from tumhome_drive where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(JdbcTumhomeDrives::drive)
        .optional();
  }

  Optional<Drive> driveOfInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from tumhome_drive where process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(JdbcTumhomeDrives::drive)
        .optional();
  }

  private static Drive drive(ResultSet rs, int row) throws SQLException {
    Date meeting = rs.getDate("meeting_on");
    return new Drive(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getInt("academic_year"),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("started_at")),
        rs.getString("started_by"),
        meeting == null ? null : meeting.toLocalDate(),
        instant(rs.getTimestamp("mou_closed_at")),
        instant(rs.getTimestamp("evaluated_at")),
        (Boolean) rs.getObject("next_cycle"),
        rs.getObject("mentoring_round_no") == null ? null : rs.getInt("mentoring_round_no"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public List<Mou> mous(long driveId) {
    return jdbc.sql(
            """
            select school_code, signed_on, signed_by from tumhome_mou
             where drive_id = :d order by school_code""")
        .param("d", driveId)
        .query(
            (rs, i) ->
                new Mou(
                    rs.getString("school_code"),
                    rs.getDate("signed_on").toLocalDate(),
                    rs.getString("signed_by")))
        .list();
  }

  @Override
  public boolean sign(long driveId, String schoolCode, String signedBy) {
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              status -> {
                boolean open =
                    jdbc.sql(
                                """
                                select count(*) from tumhome_drive where id = :d
                                 and meeting_on is not null and mou_closed_at is null""")
                            .param("d", driveId)
                            .query(Integer.class)
                            .single()
                        > 0;
                if (!open || signed(driveId, schoolCode)) {
                  return false;
                }
                jdbc.sql(
                        """
                        insert into tumhome_mou (drive_id, school_code, signed_on, signed_by)
                        values (:d, :s, :on, :by)""")
                    .param("d", driveId)
                    .param("s", schoolCode)
                    .param("on", Date.valueOf(LocalDate.now(clock.withZone(AcademicYears.ZONE))))
                    .param("by", signedBy)
                    .update();
                return true;
              }));
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  private boolean signed(long driveId, String schoolCode) {
    return jdbc.sql("select count(*) from tumhome_mou where drive_id = :d and school_code = :s")
            .param("d", driveId)
            .param("s", schoolCode)
            .query(Integer.class)
            .single()
        > 0;
  }

  int signedCount(String processInstanceId) {
    return driveOfInstance(processInstanceId).map(d -> mous(d.id()).size()).orElse(0);
  }

  void meetingHeld(String processInstanceId, LocalDate on) {
    jdbc.sql("update tumhome_drive set meeting_on = :on where process_instance_id = :pi")
        .param("on", Date.valueOf(on))
        .param("pi", processInstanceId)
        .update();
  }

  void signingClosed(String processInstanceId) {
    jdbc.sql("update tumhome_drive set mou_closed_at = :at where process_instance_id = :pi")
        .param("at", Timestamp.from(clock.instant()))
        .param("pi", processInstanceId)
        .update();
  }

  void evaluated(String processInstanceId, boolean nextCycle) {
    jdbc.sql(
            """
            update tumhome_drive set evaluated_at = :at, next_cycle = :next
             where process_instance_id = :pi""")
        .param("at", Timestamp.from(clock.instant()))
        .param("next", nextCycle)
        .param("pi", processInstanceId)
        .update();
  }

  @Override
  public void mentoringRound(long driveId, int roundNo) {
    jdbc.sql("update tumhome_drive set mentoring_round_no = :r where id = :d")
        .param("r", roundNo)
        .param("d", driveId)
        .update();
  }

  @Override
  public void recordResults(long driveId, Map<String, Map<String, Integer>> levelsBySchool) {
    tx.executeWithoutResult(
        status -> {
          levelsBySchool.forEach(
              (school, levels) -> {
                jdbc.sql("delete from tumhome_result where drive_id = :d and school_code = :s")
                    .param("d", driveId)
                    .param("s", school)
                    .update();
                levels.forEach(
                    (area, level) ->
                        jdbc.sql(
                                """
                                insert into tumhome_result (drive_id, school_code, area_code, level)
                                values (:d, :s, :a, :l)""")
                            .param("d", driveId)
                            .param("s", school)
                            .param("a", area)
                            .param("l", level)
                            .update());
              });
          jdbc.sql("delete from tumhome_ranking where drive_id = :d").param("d", driveId).update();
          for (Ranked r : TumhomeRanking.rank(results(driveId))) {
            jdbc.sql(
                    """
                    insert into tumhome_ranking (drive_id, school_code, mean_level, rank_no, honoured)
                    values (:d, :s, :m, :r, :h)""")
                .param("d", driveId)
                .param("s", r.schoolCode())
                .param("m", r.mean())
                .param("r", r.rank())
                .param("h", r.honoured())
                .update();
          }
        });
  }

  /** The drive's levels by school and area code. */
  private Map<String, Map<String, Integer>> results(long driveId) {
    Map<String, Map<String, Integer>> bySchool = new LinkedHashMap<>();
    jdbc.sql(
            """
            select school_code, area_code, level from tumhome_result where drive_id = :d
             order by school_code, area_code""")
        .param("d", driveId)
        .query(
            (rs, i) ->
                bySchool
                    .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                    .put(rs.getString(2), rs.getInt(3)))
        .list();
    return bySchool;
  }

  @Override
  public List<Ranked> ranking(long driveId) {
    Map<String, Map<String, Integer>> levels = results(driveId);
    Map<String, Map<String, Integer>> copy = new HashMap<>(levels);
    return jdbc.sql(
            """
            select school_code, mean_level, rank_no, honoured from tumhome_ranking
             where drive_id = :d order by rank_no, school_code""")
        .param("d", driveId)
        .query(
            (rs, i) ->
                new Ranked(
                    rs.getString(1),
                    Map.copyOf(copy.getOrDefault(rs.getString(1), Map.of())),
                    rs.getBigDecimal(2).setScale(2),
                    rs.getInt(3),
                    rs.getBoolean(4)))
        .list();
  }
}
