package th.qaflow.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real PostgreSQL for one test class: embedded binaries from Maven Central, nothing to install. */
public final class EmbeddedPostgresDatabase {
  /**
   * Camunda's create scripts in camunda-engine's jar, in the order the engine runs them itself: the engine, its
   * history, identity, CMMN and DMN tables. The postgres profile does not create the engine's tables
   * (camunda.bpm.database.schema-update false), so an operator runs these on a fresh database (docs/operations.md).
   */
  public static final List<String> ENGINE_CREATE_SCRIPTS = List.of("engine", "history", "identity", "case.engine",
      "case.history", "decision.engine", "decision.history").stream()
      .map(part -> "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql").toList();

  private EmbeddedPostgres postgres;

  public void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  /**
   * Started with PostgreSQL's durable defaults: the embedded builder turns fsync and synchronous_commit off for
   * speed, which a test of what survives a crash must not inherit.
   */
  public void startDurable() throws IOException {
    postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on").start();
  }

  /** The engine's tables as an operator creates them for the postgres profile: Camunda's own create scripts. */
  public void createEngineSchema() throws SQLException {
    createEngineSchema(postgres.getPostgresDatabase());
  }

  static void createEngineSchema(DataSource database) throws SQLException {
    try (Connection c = database.getConnection()) {
      for (String script : ENGINE_CREATE_SCRIPTS) {
        ScriptUtils.executeSqlScript(c, new ClassPathResource(script));
      }
    }
  }

  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /** For a client outside this JVM's Spring context, e.g. the application started as a child process. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A second, empty database on the same server. */
  String createDatabase(String name) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("create database " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  public void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
