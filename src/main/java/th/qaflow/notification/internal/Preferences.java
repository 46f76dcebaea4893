package th.qaflow.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import th.qaflow.notification.NotificationMode;

/** Each person's {@link NotificationMode}; DIGEST when they never chose. */
public class Preferences {
  private final JdbcTemplate jdbc;

  public Preferences(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  public NotificationMode mode(String userId) {
    return jdbc
        .query(
            "select mode from notification_preference where user_id = ?",
            (rs, n) -> NotificationMode.valueOf(rs.getString(1)),
            userId)
        .stream()
        .findFirst()
        .orElse(NotificationMode.DIGEST);
  }

  /** A per-scan cache, so a burst of tasks asks once per person. */
  public Map<String, NotificationMode> cache() {
    Map<String, NotificationMode> all = new HashMap<>();
    jdbc.query(
        "select user_id, mode from notification_preference",
        (java.sql.ResultSet rs) -> {
          all.put(rs.getString(1), NotificationMode.valueOf(rs.getString(2)));
        });
    return all;
  }

  public void set(String userId, NotificationMode mode, Instant now) {
    if (jdbc.update(
            "update notification_preference set mode = ?, updated_at = ? where user_id = ?",
            mode.name(),
            Timestamp.from(now),
            userId)
        == 0) {
      try {
        jdbc.update(
            "insert into notification_preference (user_id, mode, updated_at) values (?,?,?)",
            userId,
            mode.name(),
            Timestamp.from(now));
      } catch (org.springframework.dao.DuplicateKeyException raced) {
        jdbc.update(
            "update notification_preference set mode = ?, updated_at = ? where user_id = ?",
            mode.name(),
            Timestamp.from(now),
            userId);
      }
    }
  }
}
