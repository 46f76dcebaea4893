package th.qaflow.research.internal;

import static th.qaflow.research.ResearchProcess.*;

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
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.research.ResearchProjects;

/**
 * Starts research projects and keeps their rows. The research_project row and its DistrictResearch
 * instance commit together; the steps ({@link ResearchSteps}) write the proposal, the rounds and
 * the report in the engine's transaction.
 */
@Service
class JdbcResearchProjects implements ResearchProjects {
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;

  JdbcResearchProjects(
      Clock clock,
      OrganisationDirectory directory,
      @Lazy RuntimeService runtime,
      TransactionTemplate tx,
      JdbcClient jdbc) {
    this.clock = clock;
    this.directory = directory;
    this.runtime = runtime;
    this.tx = tx;
    this.jdbc = jdbc;
  }

  @Override
  public long start(
      String districtCode, int academicYearBE, Kind kind, String title, String startedBy) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    Long id =
        tx.execute(
            status -> {
              KeyHolder key = new GeneratedKeyHolder();
              jdbc.sql(
                      """
                      insert into research_project (district_code, academic_year, kind, title,
                        started_at, started_by) values (:d, :y, :k, :t, :at, :by)""")
                  .param("d", districtCode)
                  .param("y", academicYearBE)
                  .param("k", kind.name())
                  .param("t", title)
                  .param("at", Timestamp.from(clock.instant()))
                  .param("by", startedBy)
                  .update(key, "id");
              long projectId = key.getKey().longValue();
              Map<String, Object> variables = new LinkedHashMap<>();
              variables.put(ProcessVariables.DISTRICT_CODE, districtCode);
              variables.put(VAR_DISTRICT_NAME, district.nameTh());
              variables.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
              variables.put(VAR_PROJECT_ID, projectId);
              variables.put(VAR_TITLE, title);
              variables.put(VAR_KIND, kind.name());
              String pi =
                  runtime
                      .startProcessInstanceByKey(
                          PROCESS_ID,
                          businessKey(districtCode, academicYearBE, projectId),
                          variables)
                      .getId();
              jdbc.sql("update research_project set process_instance_id = :pi where id = :id")
                  .param("pi", pi)
                  .param("id", projectId)
                  .update();
              return projectId;
            });
    return id;
  }

  private static final String COLUMNS =
      """
      id, district_code, academic_year, kind, title, process_instance_id, started_at, started_by,
      synthesised_projects, synthesis, question, method, revisions, approved_at, sample, plan, summary, recommendations, sharing_on,
      sharing_attendance, publication, published_at""";

  @Override
  public List<Project> projects(String districtCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from research_project where district_code = :d"
                + " order by academic_year desc, id desc")
        .param("d", districtCode)
        .query(JdbcResearchProjects::project)
        .list();
  }

  @Override
  public Optional<Project> project(long id) {
    return jdbc.sql("select " + COLUMNS + " from research_project where id = :id")
        .param("id", id)
        .query(JdbcResearchProjects::project)
        .optional();
  }

  Optional<Project> projectOfInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from research_project where process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(JdbcResearchProjects::project)
        .optional();
  }

  private static Project project(ResultSet rs, int row) throws SQLException {
    Date sharing = rs.getDate("sharing_on");
    return new Project(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getInt("academic_year"),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("started_at")),
        rs.getString("started_by"),
        rs.getObject("synthesised_projects", Integer.class),
        rs.getString("synthesis"),
        rs.getString("question"),
        rs.getString("method"),
        rs.getInt("revisions"),
        instant(rs.getTimestamp("approved_at")),
        rs.getString("sample"),
        rs.getString("plan"),
        rs.getString("summary"),
        rs.getString("recommendations"),
        sharing == null ? null : sharing.toLocalDate(),
        rs.getObject("sharing_attendance", Integer.class),
        rs.getString("publication"),
        instant(rs.getTimestamp("published_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  @Override
  public List<Round> rounds(long projectId) {
    return jdbc.sql(
            """
            select round_no, respondents, data_collected, findings, evaluation, effective, revision
              from research_round where project_id = :p order by round_no""")
        .param("p", projectId)
        .query(
            (rs, i) ->
                new Round(
                    rs.getInt("round_no"),
                    rs.getObject("respondents", Integer.class),
                    rs.getString("data_collected"),
                    rs.getString("findings"),
                    rs.getString("evaluation"),
                    (Boolean) rs.getObject("effective"),
                    rs.getString("revision")))
        .list();
  }

  void proposal(String pi, String question, String method, boolean approved) {
    jdbc.sql(
            """
            update research_project set question = :q, method = :m,
              approved_at = case when :ok then :at else approved_at end,
              revisions = revisions + case when :ok then 0 else 1 end
             where process_instance_id = :pi""")
        .param("q", question)
        .param("m", method)
        .param("ok", approved)
        .param("at", Timestamp.from(clock.instant()))
        .param("pi", pi)
        .update();
  }

  void synthesised(String pi, Integer projects, String synthesis) {
    jdbc.sql(
            """
            update research_project set synthesised_projects = :n, synthesis = :s
             where process_instance_id = :pi""")
        .param("n", projects)
        .param("s", synthesis)
        .param("pi", pi)
        .update();
  }

  void planned(String pi, String sample, String plan) {
    jdbc.sql("update research_project set sample = :s, plan = :p where process_instance_id = :pi")
        .param("s", sample)
        .param("p", plan)
        .param("pi", pi)
        .update();
  }

  /** The current round: the last one without a revision, made when missing. */
  private int currentRound(long projectId) {
    Integer last =
        jdbc.sql(
                """
                select max(round_no) from research_round
                 where project_id = :p and revision is null""")
            .param("p", projectId)
            .query(Integer.class)
            .optional()
            .orElse(null);
    if (last != null) {
      return last;
    }
    int next =
        jdbc.sql("select coalesce(max(round_no), 0) + 1 from research_round where project_id = :p")
            .param("p", projectId)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into research_round (project_id, round_no, updated_at)
            values (:p, :n, :at)""")
        .param("p", projectId)
        .param("n", next)
        .param("at", Timestamp.from(clock.instant()))
        .update();
    return next;
  }

  private void updateRound(String pi, String set, Map<String, Object> values) {
    long project = projectOfInstance(pi).orElseThrow().id();
    int round = currentRound(project);
    var statement =
        jdbc.sql(
                "update research_round set "
                    + set
                    + ", updated_at = :at where project_id = :p and round_no = :n")
            .param("at", Timestamp.from(clock.instant()))
            .param("p", project)
            .param("n", round);
    for (var e : values.entrySet()) {
      statement = statement.param(e.getKey(), e.getValue());
    }
    statement.update();
  }

  void collected(String pi, Integer respondents, String data) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("r", respondents);
    v.put("d", data);
    updateRound(pi, "respondents = :r, data_collected = :d", v);
  }

  void analysed(String pi, String findings) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("f", findings);
    updateRound(pi, "findings = :f", v);
  }

  void evaluated(String pi, String evaluation, boolean effective) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("e", evaluation);
    v.put("ok", effective);
    updateRound(pi, "evaluation = :e, effective = :ok", v);
  }

  /** The round's revision closes it; the next collection opens round n + 1. */
  void revised(String pi, String revision) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("rv", revision);
    updateRound(pi, "revision = :rv", v);
  }

  void reported(String pi, String summary, String recommendations) {
    jdbc.sql(
            """
            update research_project set summary = :s, recommendations = :r
             where process_instance_id = :pi""")
        .param("s", summary)
        .param("r", recommendations)
        .param("pi", pi)
        .update();
  }

  void published(String pi, LocalDate on, Integer attendance, String publication) {
    jdbc.sql(
            """
            update research_project set sharing_on = :on, sharing_attendance = :n,
              publication = :pub, published_at = :at where process_instance_id = :pi""")
        .param("on", on == null ? null : Date.valueOf(on))
        .param("n", attendance)
        .param("pub", publication)
        .param("at", Timestamp.from(clock.instant()))
        .param("pi", pi)
        .update();
  }
}
