package th.qaflow.network.internal;

import static th.qaflow.network.NetworkProcess.*;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.YearlyProcesses;
import th.qaflow.network.NetworkCycles;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;

/**
 * Starts network cycles and keeps their rows. The network_cycle row (unique district + academic
 * year) and the process instance commit together, so a second start fails on the key instead of
 * making a twin. The plan's networks, the development reports, the evaluation and the published
 * report are written by the process's steps ({@link NetworkSteps}) in the engine's transaction.
 */
@Service
class JdbcNetworkCycles implements NetworkCycles {
  private static final YearlyProcesses.Record RECORD =
      new YearlyProcesses.Record("network_cycle", "academic_year");

  private final Clock clock;
  private final OrganisationDirectory directory;
  private final YearlyProcesses yearly;
  private final JdbcClient jdbc;

  JdbcNetworkCycles(
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
        () -> cycle(districtCode, academicYearBE).isPresent());
  }

  private static final String COLUMNS =
      """
      id, district_code, academic_year, process_instance_id, started_at, started_by, plan_goal,
      approved_at, seminar_on, seminar_attendance, seminar_summary, evaluation, as_intended,
      improvement_rounds, improvement, guidelines, summary, reported_to, published_at""";

  @Override
  public List<Cycle> cycles(String districtCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from network_cycle where district_code = :d order by academic_year desc")
        .param("d", districtCode)
        .query(JdbcNetworkCycles::cycle)
        .list();
  }

  @Override
  public Optional<Cycle> cycle(String districtCode, int academicYearBE) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from network_cycle where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(JdbcNetworkCycles::cycle)
        .optional();
  }

  Optional<Cycle> cycleOfInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from network_cycle where process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(JdbcNetworkCycles::cycle)
        .optional();
  }

  private static Cycle cycle(ResultSet rs, int row) throws SQLException {
    Date seminar = rs.getDate("seminar_on");
    return new Cycle(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getInt("academic_year"),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("started_at")),
        rs.getString("started_by"),
        rs.getString("plan_goal"),
        instant(rs.getTimestamp("approved_at")),
        seminar == null ? null : seminar.toLocalDate(),
        (Integer) rs.getObject("seminar_attendance", Integer.class),
        rs.getString("seminar_summary"),
        rs.getString("evaluation"),
        (Boolean) rs.getObject("as_intended"),
        rs.getInt("improvement_rounds"),
        rs.getString("improvement"),
        rs.getString("guidelines"),
        rs.getString("summary"),
        rs.getString("reported_to"),
        instant(rs.getTimestamp("published_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public List<Network> networks(long cycleId) {
    return jdbc.sql(
            """
            select id, ord, name, kind, lead_name, target from network
             where cycle_id = :c order by ord""")
        .param("c", cycleId)
        .query(
            (rs, i) ->
                new Network(
                    rs.getLong("id"),
                    rs.getInt("ord"),
                    rs.getString("name"),
                    Kind.valueOf(rs.getString("kind")),
                    rs.getString("lead_name"),
                    rs.getString("target")))
        .list();
  }

  @Override
  public List<Development> developments(long cycleId) {
    return jdbc.sql(
            """
            select round_no, semester, activities, progress, reported_at, reported_by
              from network_development where cycle_id = :c order by reported_at, id""")
        .param("c", cycleId)
        .query(
            (rs, i) ->
                new Development(
                    rs.getInt("round_no"),
                    rs.getInt("semester"),
                    rs.getInt("activities"),
                    rs.getString("progress"),
                    instant(rs.getTimestamp("reported_at")),
                    rs.getString("reported_by")))
        .list();
  }

  /** A network of the approved plan, as the plan's form gave it. */
  record NewNetwork(String name, Kind kind, String lead, String target) {}

  /** The approved plan replaces any networks of the instance (there are none before approval). */
  void recordPlan(String processInstanceId, String goal, List<NewNetwork> networks) {
    long id = cycleOfInstance(processInstanceId).orElseThrow().id();
    jdbc.sql("update network_cycle set plan_goal = :g, approved_at = :at where id = :id")
        .param("g", goal)
        .param("at", Timestamp.from(clock.instant()))
        .param("id", id)
        .update();
    jdbc.sql("delete from network where cycle_id = :id").param("id", id).update();
    int ord = 0;
    for (NewNetwork n : networks) {
      jdbc.sql(
              """
              insert into network (cycle_id, ord, name, kind, lead_name, target)
              values (:c, :ord, :name, :kind, :lead, :target)""")
          .param("c", id)
          .param("ord", ++ord)
          .param("name", n.name())
          .param("kind", n.kind().name())
          .param("lead", n.lead())
          .param("target", n.target())
          .update();
    }
  }

  void seminar(String processInstanceId, LocalDate on, Integer attendance, String summary) {
    jdbc.sql(
            """
            update network_cycle set seminar_on = :on, seminar_attendance = :n,
              seminar_summary = :s where process_instance_id = :pi""")
        .param("on", on == null ? null : Date.valueOf(on))
        .param("n", attendance)
        .param("s", summary)
        .param("pi", processInstanceId)
        .update();
  }

  void developed(
      String processInstanceId, int semester, int activities, String progress, String by) {
    Cycle cycle = cycleOfInstance(processInstanceId).orElseThrow();
    jdbc.sql(
            """
            insert into network_development (cycle_id, round_no, semester, activities, progress,
              reported_at, reported_by)
            values (:c, :round, :semester, :activities, :progress, :at, :by)""")
        .param("c", cycle.id())
        .param("round", cycle.improvementRounds() + 1)
        .param("semester", semester)
        .param("activities", activities)
        .param("progress", progress)
        .param("at", Timestamp.from(clock.instant()))
        .param("by", by)
        .update();
  }

  void evaluated(String processInstanceId, String evaluation, boolean asIntended) {
    jdbc.sql(
            """
            update network_cycle set evaluation = :e, as_intended = :yes
             where process_instance_id = :pi""")
        .param("e", evaluation)
        .param("yes", asIntended)
        .param("pi", processInstanceId)
        .update();
  }

  void improved(String processInstanceId, String improvement) {
    jdbc.sql(
            """
            update network_cycle set improvement = :i, improvement_rounds = improvement_rounds + 1
             where process_instance_id = :pi""")
        .param("i", improvement)
        .param("pi", processInstanceId)
        .update();
  }

  void published(String processInstanceId, String guidelines, String summary, String reportedTo) {
    jdbc.sql(
            """
            update network_cycle set guidelines = :g, summary = :s, reported_to = :to,
              published_at = :at where process_instance_id = :pi""")
        .param("g", guidelines)
        .param("s", summary)
        .param("to", reportedTo)
        .param("at", Timestamp.from(clock.instant()))
        .param("pi", processInstanceId)
        .update();
  }
}
