package th.qaflow.supervision.internal;

import static th.qaflow.supervision.SupervisionPlanProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.YearlyProcesses;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.supervision.SupervisionPlans;

/**
 * Starts supervision plans and keeps their rows. The supervision_plan row (unique district + fiscal
 * year) and the process instance commit together, so a second start fails on the key instead of
 * making a twin. The approved plan's projects, the progress reports and the published summary are
 * written by the process's steps ({@link SupervisionSteps}) in the engine's transaction.
 */
@Service
class JdbcSupervisionPlans implements SupervisionPlans {
  private static final YearlyProcesses.Record RECORD =
      new YearlyProcesses.Record("supervision_plan", "fiscal_year");

  private final Clock clock;
  private final OrganisationDirectory directory;
  private final YearlyProcesses yearly;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  JdbcSupervisionPlans(
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
  public Optional<String> start(String districtCode, int fiscalYearBE, String startedBy) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessVariables.DISTRICT_CODE, districtCode);
    variables.put(VAR_DISTRICT_NAME, district.nameTh());
    variables.put(ProcessVariables.ACADEMIC_YEAR, fiscalYearBE);
    variables.put(VAR_FISCAL_YEAR, fiscalYearBE);
    variables.put(VAR_STARTED_BY, startedBy);
    variables.put(VAR_SUPERVISOR_OPTIONS, json(supervisorOptions(districtCode)));
    return yearly.startOnce(
        RECORD,
        districtCode,
        fiscalYearBE,
        PROCESS_ID,
        businessKey(districtCode, fiscalYearBE),
        variables,
        startedBy,
        () -> plan(districtCode, fiscalYearBE).isPresent());
  }

  /** The district's supervisors and supervision director, as select options. */
  List<Map<String, Object>> supervisorOptions(String districtCode) {
    List<Map<String, Object>> options = new ArrayList<>();
    for (Person p : directory.peopleOfDistrict(districtCode)) {
      if (p.role() == Role.SUPERVISOR || p.role() == Role.SUPERVISION_DIRECTOR) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("value", p.userId());
        option.put("label", p.displayName());
        options.add(option);
      }
    }
    return options;
  }

  private static Object json(Object value) {
    return Variables.objectValue(value)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }

  private static final String PLAN_COLUMNS =
      """
      id, district_code, fiscal_year, process_instance_id, started_at, started_by, vision,
      strategies, approved_at, evaluated_as_intended, improvement_rounds, summary, published_at""";

  @Override
  public List<Plan> plans(String districtCode) {
    return jdbc.sql(
            "select "
                + PLAN_COLUMNS
                + " from supervision_plan where district_code = :d order by fiscal_year desc")
        .param("d", districtCode)
        .query(JdbcSupervisionPlans::plan)
        .list();
  }

  @Override
  public Optional<Plan> plan(String districtCode, int fiscalYearBE) {
    return jdbc.sql(
            "select "
                + PLAN_COLUMNS
                + " from supervision_plan where district_code = :d and fiscal_year = :y")
        .param("d", districtCode)
        .param("y", fiscalYearBE)
        .query(JdbcSupervisionPlans::plan)
        .optional();
  }

  @Override
  public Optional<Plan> planById(long planId) {
    return jdbc.sql("select " + PLAN_COLUMNS + " from supervision_plan where id = :id")
        .param("id", planId)
        .query(JdbcSupervisionPlans::plan)
        .optional();
  }

  Optional<Plan> planOfInstance(String processInstanceId) {
    return jdbc.sql(
            "select " + PLAN_COLUMNS + " from supervision_plan where process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(JdbcSupervisionPlans::plan)
        .optional();
  }

  private static Plan plan(ResultSet rs, int row) throws SQLException {
    return new Plan(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getInt("fiscal_year"),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("started_at")),
        rs.getString("started_by"),
        rs.getString("vision"),
        rs.getString("strategies"),
        instant(rs.getTimestamp("approved_at")),
        (Boolean) rs.getObject("evaluated_as_intended"),
        rs.getInt("improvement_rounds"),
        rs.getString("summary"),
        instant(rs.getTimestamp("published_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public List<Project> projects(long planId) {
    return jdbc
        .sql(
            """
            select id from supervision_project where plan_id = :plan order by ord""")
        .param("plan", planId)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> project(id).orElseThrow())
        .toList();
  }

  @Override
  public Optional<Project> project(long projectId) {
    List<Indicator> indicators =
        jdbc.sql(
                """
                select indicator, target from supervision_indicator where project_id = :p
                order by ord""")
            .param("p", projectId)
            .query((rs, i) -> new Indicator(rs.getString("indicator"), rs.getString("target")))
            .list();
    List<Progress> progress =
        jdbc.sql(
                """
                select reported_at, reported_by, progress_percent, done, note
                from supervision_progress where project_id = :p order by reported_at, id""")
            .param("p", projectId)
            .query(
                (rs, i) ->
                    new Progress(
                        instant(rs.getTimestamp("reported_at")),
                        rs.getString("reported_by"),
                        rs.getInt("progress_percent"),
                        rs.getBoolean("done"),
                        rs.getString("note")))
            .list();
    return jdbc.sql(
            """
            select id, plan_id, ord, name, owner_user_id, objective, cluster_code
            from supervision_project where id = :p""")
        .param("p", projectId)
        .query(
            (rs, i) ->
                new Project(
                    rs.getLong("id"),
                    rs.getLong("plan_id"),
                    rs.getInt("ord"),
                    rs.getString("name"),
                    rs.getString("owner_user_id"),
                    rs.getString("objective"),
                    indicators,
                    progress,
                    rs.getString("cluster_code")))
        .optional();
  }

  @Override
  public void serveGroup(long projectId, String clusterCode) {
    jdbc.sql("update supervision_project set cluster_code = :c where id = :p")
        .param("c", clusterCode)
        .param("p", projectId)
        .update();
  }

  @Override
  public List<Project> projectsOfCluster(String clusterCode) {
    return jdbc
        .sql(
            """
            select p.id from supervision_project p join supervision_plan pl on pl.id = p.plan_id
            where p.cluster_code = :c order by pl.fiscal_year desc, p.ord""")
        .param("c", clusterCode)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> project(id).orElseThrow())
        .toList();
  }

  @Override
  public List<Rating> ratings(String districtCode, int fiscalYearBE) {
    return jdbc.sql(
            """
            select school_code, rating, comment, rated_by, rated_at from supervision_rating
            where district_code = :d and fiscal_year = :y order by school_code""")
        .param("d", districtCode)
        .param("y", fiscalYearBE)
        .query(
            (rs, i) ->
                new Rating(
                    rs.getString("school_code"),
                    rs.getInt("rating"),
                    rs.getString("comment"),
                    rs.getString("rated_by"),
                    instant(rs.getTimestamp("rated_at"))))
        .list();
  }

  @Override
  public void rate(
      String schoolCode,
      String districtCode,
      int fiscalYearBE,
      int rating,
      String comment,
      String ratedBy) {
    if (rating < 1 || rating > 5) {
      throw new IllegalArgumentException("rating out of range: " + rating);
    }
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("delete from supervision_rating where school_code = :s and fiscal_year = :y")
              .param("s", schoolCode)
              .param("y", fiscalYearBE)
              .update();
          jdbc.sql(
                  """
                  insert into supervision_rating (school_code, fiscal_year, district_code, rating,
                    comment, rated_by, rated_at)
                  values (:s, :y, :d, :r, :c, :by, :at)""")
              .param("s", schoolCode)
              .param("y", fiscalYearBE)
              .param("d", districtCode)
              .param("r", rating)
              .param("c", comment)
              .param("by", ratedBy)
              .param("at", Timestamp.from(clock.instant()))
              .update();
        });
  }

  // --- written by the process's steps, in the engine's transaction ---

  /**
   * The approved plan with its projects and indicators; recorded once, when the director approves.
   */
  void recordPlan(
      String processInstanceId, String vision, String strategies, List<NewProject> projects) {
    Plan plan = planOfInstance(processInstanceId).orElseThrow();
    jdbc.sql(
            """
            update supervision_plan set vision = :v, strategies = :s, approved_at = :at
            where id = :id""")
        .param("v", vision)
        .param("s", strategies)
        .param("at", Timestamp.from(clock.instant()))
        .param("id", plan.id())
        .update();
    int ord = 0;
    for (NewProject p : projects) {
      ord++;
      jdbc.sql(
              """
              insert into supervision_project (plan_id, ord, name, owner_user_id, objective)
              values (:plan, :ord, :name, :owner, :objective)""")
          .param("plan", plan.id())
          .param("ord", ord)
          .param("name", p.name())
          .param("owner", p.owner())
          .param("objective", p.objective())
          .update();
      long projectId =
          jdbc.sql("select id from supervision_project where plan_id = :plan and ord = :ord")
              .param("plan", plan.id())
              .param("ord", ord)
              .query(Long.class)
              .single();
      int i = 0;
      for (Indicator indicator : p.indicators()) {
        jdbc.sql(
                """
                insert into supervision_indicator (project_id, ord, indicator, target)
                values (:p, :ord, :text, :target)""")
            .param("p", projectId)
            .param("ord", ++i)
            .param("text", indicator.text())
            .param("target", indicator.target())
            .update();
      }
    }
  }

  record NewProject(String name, String owner, String objective, List<Indicator> indicators) {}

  List<Long> projectIds(String processInstanceId) {
    return jdbc.sql(
            """
            select p.id from supervision_project p join supervision_plan s on s.id = p.plan_id
            where s.process_instance_id = :pi order by p.ord""")
        .param("pi", processInstanceId)
        .query(Long.class)
        .list();
  }

  String owner(long projectId) {
    return jdbc.sql("select owner_user_id from supervision_project where id = :id")
        .param("id", projectId)
        .query(String.class)
        .single();
  }

  void progress(long projectId, String reportedBy, int percent, boolean done, String note) {
    jdbc.sql(
            """
            insert into supervision_progress (project_id, reported_at, reported_by,
              progress_percent, done, note)
            values (:p, :at, :by, :pct, :done, :note)""")
        .param("p", projectId)
        .param("at", Timestamp.from(clock.instant()))
        .param("by", reportedBy)
        .param("pct", percent)
        .param("done", done)
        .param("note", note)
        .update();
  }

  void evaluated(String processInstanceId, boolean asIntended, boolean improving) {
    jdbc.sql(
            """
            update supervision_plan set evaluated_as_intended = :ok,
              improvement_rounds = improvement_rounds + :more
            where process_instance_id = :pi""")
        .param("ok", asIntended)
        .param("more", improving ? 1 : 0)
        .param("pi", processInstanceId)
        .update();
  }

  void published(String processInstanceId, String summary) {
    jdbc.sql(
            """
            update supervision_plan set summary = :s, published_at = :at
            where process_instance_id = :pi""")
        .param("s", summary)
        .param("at", Timestamp.from(clock.instant()))
        .param("pi", processInstanceId)
        .update();
  }
}
