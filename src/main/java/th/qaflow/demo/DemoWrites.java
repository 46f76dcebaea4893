package th.qaflow.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * While the demo writes its district on H2, commits are written together every half second (H2's
 * default WRITE_DELAY) instead of each at once: the demo's hundreds of small engine transactions
 * then cost one file write per half second, not one each. Nobody has been told anything is saved
 * yet (every page answers 503 until the demo is loaded, see DemoLoadingFilter), and a demo cut
 * short is not resumed either way. Before the demo is announced, the setting is back to what
 * DurableCommits set (0: every commit written at once) and a CHECKPOINT has put everything on disk.
 * Other databases are left alone.
 */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoWrites {
  private static final Logger log = LoggerFactory.getLogger(DemoWrites.class);
  static final int BATCHED_MS = 500;

  private final DataSource dataSource;

  DemoWrites(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Batches H2 commits; returns the WRITE_DELAY to restore, or -1 when nothing was changed. */
  int batch() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      if (!c.getMetaData()
          .getDatabaseProductName()
          .toLowerCase(java.util.Locale.ROOT)
          .contains("h2")) {
        return -1;
      }
      int delay = writeDelay(s);
      if (delay >= BATCHED_MS) {
        return -1;
      }
      s.execute("SET WRITE_DELAY " + BATCHED_MS);
      return delay;
    } catch (SQLException e) {
      log.warn("H2 commits of the demo not batched: {}", e.toString());
      return -1;
    }
  }

  /** Back to the delay before {@link #batch()}, with everything written so far on disk. */
  void restore(int delay) {
    if (delay < 0) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY " + delay);
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      throw new IllegalStateException("H2 WRITE_DELAY not restored to " + delay, e);
    }
  }

  static int writeDelay(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = 'WRITE_DELAY'")) {
      return rs.next() ? Integer.parseInt(rs.getString(1).trim()) : 0;
    }
  }
}
