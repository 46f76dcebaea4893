package th.qaflow.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.security.PasswordResetRequested;

/**
 * A person sets their own password: signed in, with the current one; or through a one-time link
 * mailed to their account's address ("forgot my password", which is also how someone imported
 * without a password sets their first). The link's token is 32 random bytes; only its SHA-256 is
 * stored. A new password is the engine's to hash and store ({@link PasswordHashing}).
 */
@Component
class Passwords {
  static final int MIN_LENGTH = 8;
  static final int MAX_LENGTH = 200;

  /** The longest user id or e-mail address looked up (the identity store's column). */
  static final int MAX_LOGIN = 255;

  /** A second link for the same account is not mailed within this time of the last one. */
  static final Duration RESEND_AFTER = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Duration validFor;
  private final String userTable;

  Passwords(
      IdentityService identity,
      DataSource dataSource,
      ApplicationEventPublisher events,
      LoginThrottle throttle,
      ManagementService management,
      Clock clock,
      @Value("${qaflow.security.password-reset-valid:1h}") Duration validFor) {
    this.identity = identity;
    this.jdbc = JdbcClient.create(dataSource);
    this.events = events;
    this.throttle = throttle;
    this.clock = clock;
    this.validFor = validFor;
    this.userTable = management.getTableName(UserEntity.class);
  }

  /**
   * Mails a link to set a new password to each account with this user id or e-mail address that has
   * an address, unless one was mailed in the last {@link #RESEND_AFTER}. Says nothing of what it
   * found: the page answers the same whether the account exists or not.
   */
  @Transactional
  void request(String login) {
    String wanted = login == null ? "" : login.trim();
    if (wanted.isEmpty() || wanted.length() > MAX_LOGIN) {
      return;
    }
    Instant now = clock.instant();
    // spent and expired links are kept a day (for a look into a complaint), then deleted
    jdbc.sql("delete from password_reset where expires_at < ?")
        .param(Timestamp.from(now.minus(Duration.ofDays(1))))
        .update();
    for (User user : accounts(wanted)) {
      if (user.getEmail() == null || user.getEmail().isBlank() || mailedRecently(user, now)) {
        continue;
      }
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Instant expires = now.plus(validFor);
      jdbc.sql(
              "insert into password_reset (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")
          .params(hash(token), user.getId(), Timestamp.from(now), Timestamp.from(expires))
          .update();
      events.publishEvent(
          new PasswordResetRequested(user.getId(), "/password/reset?token=" + token, expires, now));
    }
  }

  /** The account a link's token opens now, if it is neither used nor expired. */
  Optional<String> accountOf(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select user_id from password_reset where token_hash = ? and used_at is null and expires_at > ?")
        .params(hash(token), Timestamp.from(clock.instant()))
        .query(String.class)
        .optional();
  }

  /** What the form says after a try: errors by field (empty: done), and whose password it was. */
  record Outcome(Map<String, String> errors, String userId) {
    boolean done() {
      return errors.isEmpty();
    }
  }

  /**
   * Sets the new password of the link's account and spends every link of that account; the
   * account's sign-in lock ends (its owner has just shown they read its mail). An unusable link or
   * a password the rules refuse changes nothing.
   */
  @Transactional
  Outcome reset(String token, String password, String repeat) {
    Optional<String> account = accountOf(token);
    if (account.isEmpty()) {
      return new Outcome(Map.of("token", "password.error.link"), null);
    }
    String userId = account.get();
    Map<String, String> errors = rules(userId, password, repeat);
    if (!errors.isEmpty()) {
      return new Outcome(errors, userId);
    }
    Instant now = clock.instant();
    // the claim: of two tabs sending the same link at once, one sets the password
    int claimed =
        jdbc.sql(
                "update password_reset set used_at = ? where token_hash = ? and used_at is null and expires_at > ?")
            .params(Timestamp.from(now), hash(token), Timestamp.from(now))
            .update();
    if (claimed != 1) {
      return new Outcome(Map.of("token", "password.error.link"), null);
    }
    jdbc.sql("update password_reset set used_at = ? where user_id = ? and used_at is null")
        .params(Timestamp.from(now), userId)
        .update();
    store(userId, password);
    throttle.succeeded(userId);
    return new Outcome(Map.of(), userId);
  }

  /**
   * A signed-in person's new password, given their current one. A wrong current password counts as
   * a wrong sign-in (the same lock), so a left-open session cannot be used to guess it.
   */
  @Transactional
  Outcome change(String userId, String address, String current, String password, String repeat) {
    LoginThrottle.Lock lock = throttle.lockOf(userId, address);
    if (lock != null) {
      return new Outcome(Map.of("current", "password.error.locked"), userId);
    }
    if (current == null || current.isEmpty() || !identity.checkPassword(userId, current)) {
      if (current != null && !current.isEmpty()) {
        throttle.failed(userId, address);
      }
      return new Outcome(Map.of("current", "password.error.current"), userId);
    }
    Map<String, String> errors = rules(userId, password, repeat);
    if (errors.isEmpty() && password.equals(current)) {
      errors = Map.of("password", "password.error.same");
    }
    if (!errors.isEmpty()) {
      return new Outcome(errors, userId);
    }
    store(userId, password);
    return new Outcome(Map.of(), userId);
  }

  /** What a new password must be: long enough, not the user id, typed the same twice. */
  static Map<String, String> rules(String userId, String password, String repeat) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (password == null || password.isEmpty()) {
      errors.put("password", "password.error.required");
    } else if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      errors.put("password", "password.error.short");
    } else if (password.length() > MAX_LENGTH) {
      errors.put("password", "password.error.long");
    } else if (password.strip().toLowerCase(Locale.ROOT).equals(userId.toLowerCase(Locale.ROOT))) {
      errors.put("password", "password.error.userId");
    }
    if (!errors.containsKey("password") && !password.equals(repeat)) {
      errors.put("repeat", "password.error.repeat");
    }
    return errors;
  }

  private void store(String userId, String password) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword(password);
    identity.saveUser(user);
  }

  private List<User> accounts(String login) {
    User byId = identity.createUserQuery().userId(login).singleResult();
    if (byId != null) {
      return List.of(byId);
    }
    if (!login.contains("@")) {
      return List.of();
    }
    // addresses are matched whatever their case (the people file keeps them as typed); an address
    // is one person's (the import refuses a second), but an account made in Camunda Admin may share
    // it
    List<String> ids =
        jdbc.sql("select ID_ from " + userTable + " where lower(EMAIL_) = ? order by ID_")
            .param(login.toLowerCase(Locale.ROOT))
            .query(String.class)
            .list();
    return ids.stream()
        .limit(5)
        .map(id -> identity.createUserQuery().userId(id).singleResult())
        .toList();
  }

  private boolean mailedRecently(User user, Instant now) {
    return jdbc.sql(
                "select count(*) from password_reset where user_id = ? and created_at > ? and used_at is null")
            .params(user.getId(), Timestamp.from(now.minus(RESEND_AFTER)))
            .query(Long.class)
            .single()
        > 0;
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
