package th.qaflow.tasklist.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's saved task-list filters: each row is theirs alone; every read and delete names the
 * owner, so nobody reaches another's filters by an id.
 */
@Component
class SavedFilters {
  static final int MAX_PER_USER = 20;
  static final int MAX_NAME = 60;

  record Saved(String id, String name, String query) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  SavedFilters(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<Saved> of(String userId) {
    return jdbc.sql(
            "select id, name, query from task_saved_filter where user_id = :u order by name, id")
        .param("u", userId)
        .query((rs, n) -> new Saved(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * Saves the query under the name (a name already used is replaced); a message key when refused.
   */
  @Transactional
  String save(String userId, String name, String query) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      return "tasks.filters.error.name";
    }
    if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
      return "tasks.filters.error.nameTooLong";
    }
    int updated =
        jdbc.sql(
                "update task_saved_filter set query = :q, saved_at = :t where user_id = :u and"
                    + " name = :n")
            .param("q", query)
            .param("t", Timestamp.from(clock.instant()))
            .param("u", userId)
            .param("n", clean)
            .update();
    if (updated > 0) {
      return null;
    }
    if (of(userId).size() >= MAX_PER_USER) {
      return "tasks.filters.error.tooMany";
    }
    jdbc.sql(
            "insert into task_saved_filter (id, user_id, name, query, saved_at) values (:id, :u,"
                + " :n, :q, :t)")
        .param("id", UUID.randomUUID().toString())
        .param("u", userId)
        .param("n", clean)
        .param("q", query)
        .param("t", Timestamp.from(clock.instant()))
        .update();
    return null;
  }

  /** Deletes the user's own filter; false when they have none of that id. */
  @Transactional
  boolean delete(String userId, String id) {
    return jdbc.sql("delete from task_saved_filter where id = :id and user_id = :u")
            .param("id", id)
            .param("u", userId)
            .update()
        > 0;
  }
}
