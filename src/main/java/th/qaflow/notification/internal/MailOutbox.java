package th.qaflow.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import th.qaflow.kernel.Chunks;

/**
 * The transactional mail outbox (table {@code mail_outbox}). Writing joins the caller's
 * transaction, so a reminder is recorded exactly when the decision to send it commits. Claiming is
 * a conditional UPDATE, so of several nodes draining at once exactly one owns a row until its lock
 * runs out. Plain SQL that H2 and PostgreSQL both run; on PostgreSQL the insert is {@code on
 * conflict do nothing} so a racing duplicate never aborts the deciding transaction.
 */
public class MailOutbox {
  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";

  private static final String COLUMNS =
      "dedup_key, kind, task_id, recipient_id, recipient_email, subject, body_text,"
          + " body_html, message_id, status, attempts, next_attempt_at, created_at";

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final String messageIdDomain;

  public MailOutbox(DataSource dataSource, String messageIdDomain) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.postgres = isPostgres(dataSource);
    this.messageIdDomain = messageIdDomain;
  }

  private static boolean isPostgres(DataSource dataSource) {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try {
      return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  public boolean exists(String key) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select count(*) from mail_outbox where dedup_key = ?",
            (rs, n) -> rs.getInt(1) > 0,
            key));
  }

  /** Which of these keys the outbox holds: one query a thousand keys, not one a key. */
  public java.util.Set<String> existingKeys(java.util.List<String> keys) {
    return keysWhere("dedup_key", keys);
  }

  /** The keys of every mail the outbox holds about these tasks (a scan's page: one query). */
  public java.util.Set<String> keysOfTasks(java.util.Collection<String> taskIds) {
    return keysWhere("task_id", java.util.List.copyOf(taskIds));
  }

  /** The keys of the mails whose column (a constant of this class) is one of the values. */
  private java.util.Set<String> keysWhere(String column, java.util.List<String> values) {
    java.util.Set<String> found = new java.util.HashSet<>();
    for (java.util.List<String> chunk : Chunks.of(values)) {
      found.addAll(
          jdbc.queryForList(
              "select dedup_key from mail_outbox where "
                  + column
                  + " in ("
                  + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                  + ")",
              String.class,
              chunk.toArray()));
    }
    return found;
  }

  /** Writes the mail unless a mail with its key exists; true if this call wrote it. */
  public boolean enqueue(OutboxMail mail, Instant now) {
    Object[] args = {
      mail.key(),
      mail.kind(),
      mail.taskId(),
      mail.recipientId(),
      mail.recipientEmail(),
      truncate(mail.subject(), 1000),
      mail.text(),
      mail.html(),
      messageId(mail.key()),
      PENDING,
      0,
      Timestamp.from(now),
      Timestamp.from(now)
    };
    if (postgres) {
      return jdbc.update(
              "insert into mail_outbox ("
                  + COLUMNS
                  + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)"
                  + " on conflict (dedup_key) do nothing",
              args)
          == 1;
    }
    Object[] withKey = java.util.Arrays.copyOf(args, args.length + 1);
    withKey[args.length] = mail.key();
    try {
      return jdbc.update(
              "insert into mail_outbox ("
                  + COLUMNS
                  + ") select ?,?,?,?,?,?,?,?,?,?,?,?,?"
                  + " where not exists (select 1 from mail_outbox where dedup_key = ?)",
              withKey)
          == 1;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  /**
   * The Message-ID of a mail, derived from its key only: a mail sent twice (SMTP accepted it, then
   * the node died before recording that) carries the same Message-ID both times, so receivers can
   * drop it.
   */
  public String messageId(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ids of pending mails whose next attempt is due and that no live lock holds. */
  public List<Long> due(Instant now, int limit) {
    Timestamp t = Timestamp.from(now);
    return jdbc.query(
        "select id from mail_outbox where status = ? and next_attempt_at <= ?"
            + " and (locked_until is null or locked_until < ?) order by next_attempt_at, id",
        ps -> {
          ps.setString(1, PENDING);
          ps.setTimestamp(2, t);
          ps.setTimestamp(3, t);
          ps.setMaxRows(limit);
        },
        (rs, n) -> rs.getLong(1));
  }

  /** Takes a due mail for this node; false if another node holds or already sent it. */
  public boolean claim(long id, String node, Instant now, Instant until) {
    Timestamp t = Timestamp.from(now);
    return jdbc.update(
            "update mail_outbox set locked_by = ?, locked_until = ? where id = ? and status = ?"
                + " and next_attempt_at <= ? and (locked_until is null or locked_until < ?)",
            node,
            Timestamp.from(until),
            id,
            PENDING,
            t,
            t)
        == 1;
  }

  /**
   * Claims up to {@code limit} due mails for one batch of a node: the rows this call locked under
   * {@code claim} (a token no other batch uses), in order. Rows another node locked first are left
   * out; the conditional UPDATE makes that race safe.
   */
  public List<OutboxRow> claimDue(String claim, Instant now, Instant until, int limit) {
    List<Long> ids = due(now, limit);
    if (ids.isEmpty()) {
      return List.of();
    }
    Timestamp t = Timestamp.from(now);
    List<Object> args = new java.util.ArrayList<>(List.of(claim, Timestamp.from(until)));
    args.addAll(ids);
    args.addAll(List.of(PENDING, t, t));
    jdbc.update(
        "update mail_outbox set locked_by = ?, locked_until = ? where id in ("
            + String.join(",", java.util.Collections.nCopies(ids.size(), "?"))
            + ") and status = ? and next_attempt_at <= ? and (locked_until is null or locked_until < ?)",
        args.toArray());
    return jdbc.query(
        "select * from mail_outbox where locked_by = ? and status = ? order by next_attempt_at, id",
        ROW,
        claim,
        PENDING);
  }

  /** Gives claimed rows back unsent, for the next drain of any node. */
  public void release(List<Long> ids, String claim) {
    for (long id : ids) {
      jdbc.update(
          "update mail_outbox set locked_by = null, locked_until = null where id = ? and locked_by = ?",
          id,
          claim);
    }
  }

  public Optional<OutboxRow> find(long id) {
    return jdbc.query("select * from mail_outbox where id = ?", ROW, id).stream().findFirst();
  }

  /**
   * Records the send; only the node holding the lock may (a node whose lock ran out was overtaken).
   */
  public boolean markSent(long id, String node, Instant now) {
    return jdbc.update(
            "update mail_outbox set status = ?, sent_at = ?, attempts = attempts + 1, locked_by = null,"
                + " locked_until = null, last_error = null where id = ? and locked_by = ?",
            SENT,
            Timestamp.from(now),
            id,
            node)
        == 1;
  }

  public void markFailed(long id, String node, String error, Instant nextAttempt, boolean giveUp) {
    jdbc.update(
        "update mail_outbox set status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
            + " locked_by = null, locked_until = null where id = ? and locked_by = ?",
        giveUp ? FAILED : PENDING,
        Timestamp.from(nextAttempt),
        truncate(error, 2000),
        id,
        node);
  }

  /** An admin's retry of a failed mail: pending again, with a fresh count of attempts. */
  public boolean retry(long id, Instant now) {
    return jdbc.update(
            "update mail_outbox set status = ?, attempts = 0, next_attempt_at = ?, locked_by = null,"
                + " locked_until = null where id = ? and status = ?",
            PENDING,
            Timestamp.from(now),
            id,
            FAILED)
        == 1;
  }

  public List<OutboxRow> withStatus(String status, int limit) {
    return jdbc.query(
        "select * from mail_outbox where status = ? order by created_at desc, id desc",
        ps -> {
          ps.setString(1, status);
          ps.setMaxRows(limit);
        },
        ROW);
  }

  public List<OutboxRow> forKeyPrefix(String prefix) {
    return jdbc.query(
        "select * from mail_outbox where dedup_key like ? order by id", ROW, prefix + "%");
  }

  public Map<String, Integer> countsByStatus() {
    Map<String, Integer> counts = new TreeMap<>(Map.of(PENDING, 0, SENT, 0, FAILED, 0));
    jdbc.query(
        "select status, count(*) from mail_outbox group by status",
        (ResultSet rs) -> {
          counts.put(rs.getString(1), rs.getInt(2));
        });
    return counts;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static final RowMapper<OutboxRow> ROW =
      (rs, n) ->
          new OutboxRow(
              rs.getLong("id"),
              rs.getString("dedup_key"),
              rs.getString("kind"),
              rs.getString("task_id"),
              rs.getString("recipient_id"),
              rs.getString("recipient_email"),
              rs.getString("subject"),
              rs.getString("body_text"),
              rs.getString("body_html"),
              rs.getString("message_id"),
              rs.getString("status"),
              rs.getInt("attempts"),
              instant(rs, "next_attempt_at"),
              rs.getString("last_error"),
              instant(rs, "created_at"),
              instant(rs, "sent_at"));
}
