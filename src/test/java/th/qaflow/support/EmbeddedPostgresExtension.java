package th.qaflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one way tests get a real PostgreSQL: embedded binaries from Maven Central (io.zonky), nothing to install,
 * one server per test class. Use it as
 * <pre>
 * &#64;RegisterExtension static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();
 * &#64;DynamicPropertySource static void database(DynamicPropertyRegistry r) { postgres.register(r); }
 * </pre>
 * It starts before the class (or when the Spring context first asks for the URL, whichever comes first) and
 * stops after it.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, AfterAllCallback {
  private final boolean durable;
  private EmbeddedPostgres postgres;

  public EmbeddedPostgresExtension() {
    this(false);
  }

  private EmbeddedPostgresExtension(boolean durable) {
    this.durable = durable;
  }

  /**
   * With PostgreSQL's durable defaults: the embedded builder turns fsync and synchronous_commit off for speed,
   * which a test of what survives a crash must not inherit.
   */
  public static EmbeddedPostgresExtension durable() {
    return new EmbeddedPostgresExtension(true);
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
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on");
    }
    postgres = builder.start();
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

  /** Also for a client outside this JVM's Spring context, e.g. the application started as a child process. */
  public synchronized String jdbcUrl() {
    try {
      start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }
}
