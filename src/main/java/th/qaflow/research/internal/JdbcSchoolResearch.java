package th.qaflow.research.internal;

import static th.qaflow.research.SchoolResearchProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.research.SchoolResearchRegister;

/**
 * The schools' research register: the school_research row, its partners and its SchoolResearch
 * instance commit together; the steps ({@link ResearchSchoolSteps}) write the adviser's check, the
 * data record and the final report in the engine's transaction.
 */
@Service
class JdbcSchoolResearch implements SchoolResearchRegister {
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;

  JdbcSchoolResearch(
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
  public long register(
      String schoolCode,
      int academicYearBE,
      String title,
      String question,
      String researchers,
      List<String> partners,
      String registeredBy) {
    School school =
        directory
            .school(schoolCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown school " + schoolCode));
    Long id =
        tx.execute(
            status -> {
              KeyHolder key = new GeneratedKeyHolder();
              jdbc.sql(
                      """
                      insert into school_research (school_code, district_code, cluster_code,
                        academic_year, title, question, researchers, registered_at, registered_by)
                      values (:s, :d, :c, :y, :t, :q, :r, :at, :by)""")
                  .param("s", schoolCode)
                  .param("d", school.districtCode())
                  .param("c", school.clusterCode())
                  .param("y", academicYearBE)
                  .param("t", title)
                  .param("q", question)
                  .param("r", researchers)
                  .param("at", Timestamp.from(clock.instant()))
                  .param("by", registeredBy)
                  .update(key, "id");
              long projectId = key.getKey().longValue();
              for (String partner : partners) {
                jdbc.sql(
                        "insert into school_research_partner (project_id, school_code)"
                            + " values (:p, :s)")
                    .param("p", projectId)
                    .param("s", partner)
                    .update();
              }
              Map<String, Object> variables = new LinkedHashMap<>();
              variables.put(ProcessVariables.SCHOOL_CODE, schoolCode);
              variables.put(ProcessVariables.SCHOOL_NAME, school.nameTh());
              variables.put(ProcessVariables.DISTRICT_CODE, school.districtCode());
              variables.put(ProcessVariables.CLUSTER_CODE, school.clusterCode());
              variables.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
              variables.put(VAR_PROJECT_ID, projectId);
              variables.put(VAR_TITLE, title);
              String pi =
                  runtime
                      .startProcessInstanceByKey(
                          PROCESS_ID, businessKey(schoolCode, academicYearBE, projectId), variables)
                      .getId();
              jdbc.sql("update school_research set process_instance_id = :pi where id = :id")
                  .param("pi", pi)
                  .param("id", projectId)
                  .update();
              return projectId;
            });
    return id;
  }

  private static final String COLUMNS =
      """
      id, school_code, district_code, cluster_code, academic_year, title, question, researchers,
      process_instance_id, registered_at, tools_returns, tools_approved_at, progress, data_record,
      findings, use_of_results, reported_at""";

  @Override
  public List<SchoolProject> ofSchool(String schoolCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from school_research where school_code = :s or id in (select project_id"
                + " from school_research_partner where school_code = :s)"
                + " order by academic_year desc, id desc")
        .param("s", schoolCode)
        .query(this::row)
        .list();
  }

  @Override
  public List<SchoolProject> ofDistrict(String districtCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from school_research where district_code = :d"
                + " order by academic_year desc, id desc")
        .param("d", districtCode)
        .query(this::row)
        .list();
  }

  @Override
  public Optional<SchoolProject> project(long id) {
    return jdbc.sql("select " + COLUMNS + " from school_research where id = :id")
        .param("id", id)
        .query(this::row)
        .optional();
  }

  private SchoolProject row(ResultSet rs, int rowNum) throws SQLException {
    long id = rs.getLong("id");
    return new SchoolProject(
        id,
        rs.getString("school_code"),
        rs.getString("district_code"),
        rs.getString("cluster_code"),
        rs.getInt("academic_year"),
        rs.getString("title"),
        rs.getString("question"),
        rs.getString("researchers"),
        partners(id),
        rs.getString("process_instance_id"),
        instant(rs.getTimestamp("registered_at")),
        rs.getInt("tools_returns"),
        instant(rs.getTimestamp("tools_approved_at")),
        rs.getObject("progress", Integer.class),
        rs.getString("data_record"),
        rs.getString("findings"),
        rs.getString("use_of_results"),
        instant(rs.getTimestamp("reported_at")));
  }

  private List<String> partners(long projectId) {
    return jdbc.sql(
            "select school_code from school_research_partner where project_id = :p"
                + " order by school_code")
        .param("p", projectId)
        .query(String.class)
        .list();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  void toolsChecked(String pi, boolean approved) {
    jdbc.sql(
            """
            update school_research set
              tools_approved_at = case when :ok then :at else tools_approved_at end,
              tools_returns = tools_returns + case when :ok then 0 else 1 end
             where process_instance_id = :pi""")
        .param("ok", approved)
        .param("at", Timestamp.from(clock.instant()))
        .param("pi", pi)
        .update();
  }

  void recorded(String pi, String data, Integer progress) {
    jdbc.sql(
            """
            update school_research set data_record = :d, progress = :p
             where process_instance_id = :pi""")
        .param("d", data)
        .param("p", progress)
        .param("pi", pi)
        .update();
  }

  void reported(String pi, String findings, String use) {
    jdbc.sql(
            """
            update school_research set findings = :f, use_of_results = :u, progress = 100,
              reported_at = :at where process_instance_id = :pi""")
        .param("f", findings)
        .param("u", use)
        .param("at", Timestamp.from(clock.instant()))
        .param("pi", pi)
        .update();
  }
}
