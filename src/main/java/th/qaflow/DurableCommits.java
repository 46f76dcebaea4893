package th.qaflow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the app acknowledges must survive a crash: a commit has to be durable when it returns. The
 * engine's transactions, QA Flow's own JDBC writes and the mail outbox all commit through this one
 * DataSource, so the database setting decides for all of them.
 *
 * <ul>
 *   <li>H2 writes committed changes up to WRITE_DELAY (500 ms by default) later; a {@code kill -9}
 *       lost completions already answered with "saved". The setting is not kept in the database
 *       file, so it is set here on every start, whatever H2 URL an operator configured (the shipped
 *       one also says WRITE_DELAY=0).
 *   <li>PostgreSQL acknowledges a commit before it is on disk with {@code synchronous_commit=off}
 *       (set on the server, the database or the role): said loudly at start; QA Flow never sets it.
 * </ul>
 *
 * Runs while the context starts, before the web server takes requests.
 */
@Component
class DurableCommits {
  private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

  DurableCommits(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase();
      if (product.contains("h2")) {
        int delay = h2WriteDelay(s);
        if (delay != 0) {
          s.execute("SET WRITE_DELAY 0");
          log.info("H2: commits are now written at once (WRITE_DELAY was {} ms)", delay);
        }
      } else if (product.contains("postgres")) {
        try (ResultSet rs = s.executeQuery("show synchronous_commit")) {
          String mode = rs.next() ? rs.getString(1) : "";
          if ("off".equalsIgnoreCase(mode)) {
            log.error(
                "PostgreSQL synchronous_commit is off for QA Flow's connections: a database crash can lose"
                    + " work users were told is saved. Set it to on (server, database or role qaflow uses).");
          }
        }
      }
    }
  }

  static int h2WriteDelay(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "select SETTING_VALUE from INFORMATION_SCHEMA.SETTINGS where SETTING_NAME = 'WRITE_DELAY'")) {
      return rs.next() ? Integer.parseInt(rs.getString(1).trim()) : 0;
    }
  }
}
