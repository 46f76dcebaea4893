package th.qaflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowApplication;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EmbeddedPostgresExtension;

/**
 * The production installation path of docs/operations.md on a real PostgreSQL: the postgres profile
 * does not let the engine create or alter its tables (camunda.bpm.database.schema-update false), so
 * the operator creates them with Camunda's own create scripts from the camunda-engine jar; QA
 * Flow's tables come from Flyway at start. The app then starts, leaves the engine's schema as the
 * scripts made it, and runs processes. On an empty database it refuses to start, creates nothing,
 * and its failure report names the scripts to run.
 */
@SpringBootTest(
    properties = {"qaflow.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class ProductionSchemaTest {
  static final int YEAR = 2571;

  // withEngineSchema: what the operator runs on a fresh database, before the first start (psql -f
  // each script)
  @RegisterExtension
  static final EmbeddedPostgresExtension postgres =
      new EmbeddedPostgresExtension().withEngineSchema();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.register(registry);
  }

  @Autowired Environment environment;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired MockMvc mvc;

  @Test
  void startsOnTheScriptedEngineSchemaMigratesItsOwnTablesAndRunsProcesses() throws Exception {
    assertThat(environment.getProperty("camunda.bpm.database.schema-update", Boolean.class))
        .isFalse();
    // the engine's schema is exactly what the create scripts made: the engine wrote no schema step
    // of its own
    assertThat(
            jdbc.sql("select id_ || ' ' || version_ from act_ge_schema_log")
                .query(String.class)
                .list())
        .containsExactly("0 7.24.0");

    // Flyway applied every migration of QA Flow's own tables
    int migrations =
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:db/migration/V*.sql")
            .length;
    assertThat(migrations).isGreaterThan(10);
    // (the engine's tables were there first, so Flyway baselined the schema at version 0 before
    // migrating)
    assertThat(
            jdbc.sql("select count(*) from qaflow_schema_history where success and type = 'SQL'")
                .query(Integer.class)
                .single())
        .isEqualTo(migrations);
    assertThat(
            jdbc.sql(
                    "select count(*) from information_schema.tables where table_name = 'school_cycle'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // processes run: a district's year starts every school's cycle, whose first task is open
    organisation.importDemo();
    List<String> started = cycles.startYear("1099", YEAR, "qaofficer").started();
    assertThat(started).hasSize(8);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
                .active()
                .count())
        .isEqualTo(8);
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey("1099010001", YEAR))
                .count())
        .isEqualTo(1);

    // an operator sees the database and the schema versions (the mail server of this profile is not
    // running here)
    mvc.perform(get("/actuator/health/db").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.details.database").value("PostgreSQL"));
    mvc.perform(get("/actuator/info").with(httpBasic("admin", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.engine.version").value("7.24.0"))
        .andExpect(jsonPath("$.engine.schemaVersion").value("7.24.0"));
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void refusesToStartOnAnEmptyDatabaseAndSaysWhatToRun(CapturedOutput output) throws Exception {
    String empty = postgres.createDatabase("empty_install");
    // as arguments: they outrank application-postgres.yml, as an operator's environment variables
    // do
    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(QaFlowApplication.class)
                    .profiles("postgres")
                    .run(
                        "--spring.datasource.url=" + empty,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--qaflow.demo.enabled=false",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.jmx.enabled=false")
                    .close());
    assertThat(failure).as("the app must not start without the engine's tables").isNotNull();
    Throwable cause = failure;
    while (cause.getCause() != null
        && !String.valueOf(cause.getMessage()).contains("ENGINE-03057")) {
      cause = cause.getCause();
    }
    assertThat(cause.getMessage()).contains("ENGINE-03057", "no Camunda tables in the database");
    // Spring Boot's failure report says what the operator has to do (EngineSchemaFailureAnalyzer)
    assertThat(output.getOut())
        .contains(
            "APPLICATION FAILED TO START",
            "The process engine's tables are missing or do not match this version of QA Flow",
            "Run Camunda's SQL scripts for this version",
            "docs/operations.md");
    // and it did not create them behind the operator's back
    try (var c = java.sql.DriverManager.getConnection(empty, "postgres", "");
        var rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from information_schema.tables where table_name = 'act_ge_property'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
