package th.qaflow.classroomqa.internal;

import static th.qaflow.classroomqa.ClassroomQaProcess.PROCESS_ID;
import static th.qaflow.classroomqa.ClassroomQaProcess.VAR_DISTRICT_NAME;
import static th.qaflow.classroomqa.ClassroomQaProcess.VAR_SCHOOL_OPTIONS;
import static th.qaflow.classroomqa.ClassroomQaProcess.VAR_STARTED_BY;
import static th.qaflow.classroomqa.ClassroomQaProcess.businessKey;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.qaflow.classroomqa.ClassroomQaPilots;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.YearlyProcesses;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * Starts classroom-level QA pilots and keeps their rows. The classroom_qa_pilot row (unique
 * district + academic year) and the process instance commit together. The choice, the cycles, the
 * readiness assessments, the announcement and the sharing are written by the process's steps
 * ({@link ClassroomQaSteps}) in the engine's transaction.
 */
@Service
class JdbcClassroomQaPilots implements ClassroomQaPilots {
  private static final YearlyProcesses.Record RECORD =
      new YearlyProcesses.Record("classroom_qa_pilot", "academic_year");

  private final Clock clock;
  private final OrganisationDirectory directory;
  private final YearlyProcesses yearly;
  private final JdbcClient jdbc;

  JdbcClassroomQaPilots(
      Clock clock, OrganisationDirectory directory, YearlyProcesses yearly, JdbcClient jdbc) {
    this.clock = clock;
    this.directory = directory;
    this.yearly = yearly;
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> start(String districtCode, int academicYearBE, String startedBy) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    List<Map<String, String>> options = new ArrayList<>();
    for (School s : directory.schoolsOfDistrict(districtCode)) {
      options.add(Map.of("value", s.code(), "label", s.nameTh()));
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessVariables.DISTRICT_CODE, districtCode);
    variables.put(VAR_DISTRICT_NAME, district.nameTh());
    variables.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
    variables.put(VAR_STARTED_BY, startedBy);
    variables.put(
        VAR_SCHOOL_OPTIONS,
        Variables.objectValue(options)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
    return yearly.startOnce(
        RECORD,
        districtCode,
        academicYearBE,
        PROCESS_ID,
        businessKey(districtCode, academicYearBE),
        variables,
        startedBy,
        () -> pilot(districtCode, academicYearBE).isPresent());
  }

  private static final String COLUMNS =
      """
      id, district_code, academic_year, process_instance_id, started_at, started_by,
      pilot_school_code, network_schools, plc, ready_at, announcement_no, announced_on, shared_on,
      sharing, finished_at""";

  @Override
  public List<Pilot> pilots(String districtCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from classroom_qa_pilot where district_code = :d order by academic_year desc")
        .param("d", districtCode)
        .query(JdbcClassroomQaPilots::pilot)
        .list();
  }

  @Override
  public Optional<Pilot> pilot(String districtCode, int academicYearBE) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from classroom_qa_pilot where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(JdbcClassroomQaPilots::pilot)
        .optional();
  }

  @Override
  public Optional<Pilot> pilotOfSchool(String schoolCode) {
    return jdbc
        .sql(
            "select "
                + COLUMNS
                + " from classroom_qa_pilot where pilot_school_code = :s"
                + " order by academic_year desc")
        .param("s", schoolCode)
        .query(JdbcClassroomQaPilots::pilot)
        .list()
        .stream()
        .findFirst();
  }

  Optional<Pilot> pilotOfInstance(String processInstanceId) {
    return jdbc.sql(
            "select " + COLUMNS + " from classroom_qa_pilot where process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(JdbcClassroomQaPilots::pilot)
        .optional();
  }

  private static Pilot pilot(ResultSet rs, int row) throws SQLException {
    String network = rs.getString("network_schools");
    return new Pilot(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getInt("academic_year"),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("started_at")),
        rs.getString("started_by"),
        rs.getString("pilot_school_code"),
        network == null || network.isBlank() ? List.of() : Arrays.asList(network.split(",")),
        rs.getString("plc"),
        instant(rs.getTimestamp("ready_at")),
        rs.getString("announcement_no"),
        date(rs.getDate("announced_on")),
        date(rs.getDate("shared_on")),
        rs.getString("sharing"),
        instant(rs.getTimestamp("finished_at")));
  }

  @Override
  public List<Cycle> cycles(long pilotId) {
    return jdbc.sql(
            """
            select id, cycle_no, lesson, lesson_date, team, lesson_plan, observers, observations,
                   reflection, revision, completed_at
            from classroom_qa_cycle where pilot_id = :p order by cycle_no""")
        .param("p", pilotId)
        .query(
            (rs, n) ->
                new Cycle(
                    rs.getLong("id"),
                    rs.getInt("cycle_no"),
                    rs.getString("lesson"),
                    date(rs.getDate("lesson_date")),
                    rs.getString("team"),
                    rs.getString("lesson_plan"),
                    rs.getString("observers"),
                    rs.getString("observations"),
                    rs.getString("reflection"),
                    rs.getString("revision"),
                    instant(rs.getTimestamp("completed_at"))))
        .list();
  }

  @Override
  public List<Readiness> readiness(long pilotId) {
    return jdbc.sql(
            """
            select id, round_no, assessed_on, iqa_team, ready, notes, improvement
            from classroom_qa_readiness where pilot_id = :p order by round_no""")
        .param("p", pilotId)
        .query(
            (rs, n) ->
                new Readiness(
                    rs.getLong("id"),
                    rs.getInt("round_no"),
                    date(rs.getDate("assessed_on")),
                    rs.getString("iqa_team"),
                    rs.getBoolean("ready"),
                    rs.getString("notes"),
                    rs.getString("improvement")))
        .list();
  }

  // ---- written by the process's steps, in the engine's transaction ----

  void chosen(long pilotId, String schoolCode, List<String> network) {
    jdbc.sql(
            "update classroom_qa_pilot set pilot_school_code = :s, network_schools = :n"
                + " where id = :id")
        .param("s", schoolCode)
        .param("n", String.join(",", network))
        .param("id", pilotId)
        .update();
  }

  void plcPromoted(long pilotId, String plc) {
    jdbc.sql("update classroom_qa_pilot set plc = :plc where id = :id")
        .param("plc", plc)
        .param("id", pilotId)
        .update();
  }

  /** Opens the next cycle's row; its number. */
  int openCycle(long pilotId) {
    Integer last =
        jdbc.sql("select coalesce(max(cycle_no), 0) from classroom_qa_cycle where pilot_id = :p")
            .param("p", pilotId)
            .query(Integer.class)
            .single();
    int next = last == null ? 1 : last + 1;
    jdbc.sql("insert into classroom_qa_cycle (pilot_id, cycle_no) values (:p, :n)")
        .param("p", pilotId)
        .param("n", next)
        .update();
    return next;
  }

  void lessonPlanned(
      long pilotId, int cycleNo, String lesson, LocalDate on, String team, String plan) {
    jdbc.sql(
            "update classroom_qa_cycle set lesson = :l, lesson_date = :d, team = :t,"
                + " lesson_plan = :pl where pilot_id = :p and cycle_no = :n")
        .param("l", lesson)
        .param("d", on == null ? null : Date.valueOf(on))
        .param("t", team)
        .param("pl", plan)
        .param("p", pilotId)
        .param("n", cycleNo)
        .update();
  }

  void observed(long pilotId, int cycleNo, String observers, String observations) {
    jdbc.sql(
            "update classroom_qa_cycle set observers = :o, observations = :obs"
                + " where pilot_id = :p and cycle_no = :n")
        .param("o", observers)
        .param("obs", observations)
        .param("p", pilotId)
        .param("n", cycleNo)
        .update();
  }

  void reflected(long pilotId, int cycleNo, String reflection) {
    jdbc.sql("update classroom_qa_cycle set reflection = :r where pilot_id = :p and cycle_no = :n")
        .param("r", reflection)
        .param("p", pilotId)
        .param("n", cycleNo)
        .update();
  }

  void revised(long pilotId, int cycleNo, String revision) {
    jdbc.sql(
            "update classroom_qa_cycle set revision = :r, completed_at = :at"
                + " where pilot_id = :p and cycle_no = :n")
        .param("r", revision)
        .param("at", Timestamp.from(clock.instant()))
        .param("p", pilotId)
        .param("n", cycleNo)
        .update();
  }

  void assessed(long pilotId, LocalDate on, String team, boolean ready, String notes) {
    Integer last =
        jdbc.sql(
                "select coalesce(max(round_no), 0) from classroom_qa_readiness where pilot_id = :p")
            .param("p", pilotId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into classroom_qa_readiness (pilot_id, round_no, assessed_on, iqa_team, ready, notes)
            values (:p, :n, :d, :t, :r, :notes)""")
        .param("p", pilotId)
        .param("n", last == null ? 1 : last + 1)
        .param("d", on == null ? null : Date.valueOf(on))
        .param("t", team)
        .param("r", ready)
        .param("notes", notes)
        .update();
    if (ready) {
      jdbc.sql("update classroom_qa_pilot set ready_at = :at where id = :id")
          .param("at", Timestamp.from(clock.instant()))
          .param("id", pilotId)
          .update();
    }
  }

  void improved(long pilotId, String improvement) {
    jdbc.sql(
            """
            update classroom_qa_readiness set improvement = :i
            where pilot_id = :p
              and round_no = (select max(round_no) from classroom_qa_readiness where pilot_id = :p)""")
        .param("i", improvement)
        .param("p", pilotId)
        .update();
  }

  void announced(long pilotId, String number, LocalDate on) {
    jdbc.sql(
            "update classroom_qa_pilot set announcement_no = :no, announced_on = :d where id = :id")
        .param("no", number)
        .param("d", Date.valueOf(on))
        .param("id", pilotId)
        .update();
  }

  void shared(long pilotId, LocalDate on, String sharing) {
    jdbc.sql(
            "update classroom_qa_pilot set shared_on = :d, sharing = :s, finished_at = :at"
                + " where id = :id")
        .param("d", Date.valueOf(on))
        .param("s", sharing)
        .param("at", Timestamp.from(clock.instant()))
        .param("id", pilotId)
        .update();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
