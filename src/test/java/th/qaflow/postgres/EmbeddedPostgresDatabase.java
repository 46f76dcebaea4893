package th.qaflow.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real PostgreSQL for one test class: embedded binaries from Maven Central, nothing to install. */
public final class EmbeddedPostgresDatabase {
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

  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /** For a client outside this JVM's Spring context, e.g. the application started as a child process. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }
}
