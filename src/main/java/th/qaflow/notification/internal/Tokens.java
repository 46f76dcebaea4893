package th.qaflow.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Secrets behind the links that work without a login: calendar feed tokens (32 random bytes, only
 * their SHA-256 stored, revocable) and HMAC-signed unsubscribe links (key made once, kept in the
 * database so every node signs alike).
 */
public class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcTemplate jdbc;
  private volatile byte[] key;

  public Tokens(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * A new feed token for the user, replacing (revoking) any earlier one; returned once, never
   * stored.
   */
  public String newFeedToken(String userId, Instant now) {
    String token = random32();
    jdbc.update("delete from calendar_feed where user_id = ?", userId);
    jdbc.update(
        "insert into calendar_feed (user_id, token_hash, created_at) values (?,?,?)",
        userId,
        sha256(token),
        Timestamp.from(now));
    return token;
  }

  public void revokeFeed(String userId) {
    jdbc.update("delete from calendar_feed where user_id = ?", userId);
  }

  public Optional<Instant> feedCreated(String userId) {
    return jdbc
        .query(
            "select created_at from calendar_feed where user_id = ?",
            (rs, n) -> rs.getTimestamp(1).toInstant(),
            userId)
        .stream()
        .findFirst();
  }

  /** The user a feed token belongs to, if it is a live token. */
  public Optional<String> feedUser(String token) {
    if (token == null || token.length() < 20 || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc
        .query(
            "select user_id from calendar_feed where token_hash = ?",
            (rs, n) -> rs.getString(1),
            sha256(token))
        .stream()
        .findFirst();
  }

  public String unsubscribeSignature(String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] sig = mac.doFinal(("unsubscribe-digest:" + userId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean validUnsubscribe(String userId, String signature) {
    if (userId == null || signature == null) {
      return false;
    }
    return MessageDigest.isEqual(
        unsubscribeSignature(userId).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] key() {
    if (key == null) {
      String secret =
          jdbc
              .query("select secret from notification_key where id = 1", (rs, n) -> rs.getString(1))
              .stream()
              .findFirst()
              .orElse(null);
      if (secret == null) {
        // often inside a transaction (the scan's digests): on PostgreSQL a failed insert aborts it,
        // so a node that loses the race to another node's key must not fail its insert there
        if (isPostgres()) {
          jdbc.update(
              "insert into notification_key (id, secret) values (1, ?) on conflict (id) do nothing",
              random32());
        } else {
          try {
            jdbc.update("insert into notification_key (id, secret) values (1, ?)", random32());
          } catch (DuplicateKeyException otherNodeWasFirst) {
            // fine: read theirs
          }
        }
        secret =
            jdbc.queryForObject("select secret from notification_key where id = 1", String.class);
      }
      key = secret.getBytes(StandardCharsets.US_ASCII);
    }
    return key;
  }

  private boolean isPostgres() {
    return Boolean.TRUE.equals(
        jdbc.execute(
            (org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                c ->
                    c.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("postgres")));
  }

  private static String random32() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
