package th.qaflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file database the app is pointed at without WRITE_DELAY=0 in its URL (an operator's own
 * URL) still writes every commit at once: DurableCommits sets it at start. The crash itself:
 * th.qaflow.app.CrashDurabilityTest.
 */
class DurableCommitsTest {
  @TempDir Path dir;

  @Test
  void h2FileDatabaseWritesEveryCommitAtOnce() throws Exception {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:file:" + dir.resolve("qaflow"));
    dataSource.setUser("sa");
    try (Connection held = dataSource.getConnection();
        Statement s = held.createStatement()) {
      assertThat(DurableCommits.h2WriteDelay(s)).as("H2's own default").isEqualTo(500);
      new DurableCommits(dataSource);
      assertThat(DurableCommits.h2WriteDelay(s)).isZero();
    }
  }
}
