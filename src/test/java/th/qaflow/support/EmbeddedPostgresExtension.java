package th.qaflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one way tests get a real PostgreSQL: embedded binaries from Maven Central (io.zonky), nothing
 * to install, one server per test class. Use it as
 *
 * <pre>
 * &#64;RegisterExtension static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();
 * &#64;DynamicPropertySource static void database(DynamicPropertyRegistry r) { postgres.register(r); }
 * </pre>
 *
 * It starts before the class (or when the Spring context first asks for the URL, whichever comes
 * first) and stops after it.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, AfterAllCallback {
  /**
   * Camunda's create scripts in camunda-engine's jar, in the order the engine runs them itself: the
   * engine, its history, identity, CMMN and DMN tables. The postgres profile does not create the
   * engine's tables (camunda.bpm.database.schema-update false), so an operator runs these on a
   * fresh database (docs/operations.md).
   */
  public static final List<String> ENGINE_CREATE_SCRIPTS =
      List.of(
              "engine",
              "history",
              "identity",
              "case.engine",
              "case.history",
              "decision.engine",
              "decision.history")
          .stream()
          .map(part -> "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql")
          .toList();

  private final boolean durable;
  private final boolean engineSchema;
  private EmbeddedPostgres postgres;

  public EmbeddedPostgresExtension() {
    this(false, false);
  }

  private EmbeddedPostgresExtension(boolean durable, boolean engineSchema) {
    this.durable = durable;
    this.engineSchema = engineSchema;
  }

  /**
   * The same server, with the engine's tables created as an operator does for the postgres profile.
   */
  public EmbeddedPostgresExtension withEngineSchema() {
    return new EmbeddedPostgresExtension(durable, true);
  }

  /**
   * With PostgreSQL's durable defaults: the embedded builder turns fsync and synchronous_commit off
   * for speed, which a test of what survives a crash must not inherit.
   */
  public static EmbeddedPostgresExtension durable() {
    return new EmbeddedPostgresExtension(true, false);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    stop();
  }

  public synchronized void start() throws IOException {
    if (postgres != null) {
      return;
    }
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (durable) {
      builder
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    postgres = builder.start();
    if (engineSchema) {
      createEngineSchema();
    }
  }

  /**
   * The engine's tables as an operator creates them for the postgres profile: Camunda's own create
   * scripts.
   */
  public void createEngineSchema() {
    try (Connection c = server().getPostgresDatabase().getConnection()) {
      for (String script : ENGINE_CREATE_SCRIPTS) {
        ScriptUtils.executeSqlScript(c, new ClassPathResource(script));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Camunda's create scripts failed", e);
    }
  }

  /** A second, empty database on the same server; its JDBC URL. */
  public String createDatabase(String name) throws SQLException {
    try (Connection c = server().getPostgresDatabase().getConnection()) {
      c.createStatement().execute("create database " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  public synchronized void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /** The Spring datasource on this server (for a {@code @DynamicPropertySource}). */
  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", this::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /**
   * Also for a client outside this JVM's Spring context, e.g. the application started as a child
   * process.
   */
  public synchronized String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  private synchronized EmbeddedPostgres server() {
    try {
      start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return postgres;
  }
}
