package th.qaflow.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account for good (user ids are easy
 * to guess): after {@link #USER_FAILURES} wrong passwords in a row a user id is locked for 1
 * minute, each further failure after a lock doubles that, up to 15 minutes; a correct password
 * after the lock ends resets it. Failures from one client address, over all user ids, lock that
 * address the same way after {@link #ADDRESS_FAILURES}. While locked, no password is checked at
 * all, so guessing during a lock learns nothing.
 *
 * <p>State is kept in memory on each node (several nodes each count their own failures, and a
 * restart forgets them): a lock is a brake, not a record, and keeping it out of the database means
 * a flood of wrong passwords cannot turn into a flood of writes. Time is the process engine's
 * clock, so tests move it instead of sleeping.
 */
@Component
class LoginThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  static final int USER_FAILURES = 5;
  static final int ADDRESS_FAILURES = 20;
  static final Duration FIRST_LOCK = Duration.ofMinutes(1);
  static final Duration MAX_LOCK = Duration.ofMinutes(15);

  /** Failures older than this, with no lock running, are forgotten. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private static final int MAX_ENTRIES = 50_000;

  private final Clock clock;
  private final Map<String, Counter> users = new ConcurrentHashMap<>();
  private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Why a sign-in is refused before its password is checked, and until when. */
  enum Scope {
    USER,
    ADDRESS
  }

  record Lock(Scope scope, Instant until) {}

  /** The running lock on this user id or address, or null. */
  Lock lockOf(String userId, String address) {
    Instant now = now();
    Instant userUntil = until(users.get(key(userId)), now);
    Instant addressUntil = until(addresses.get(address(address)), now);
    if (userUntil == null && addressUntil == null) {
      return null;
    }
    if (addressUntil == null || (userUntil != null && userUntil.isAfter(addressUntil))) {
      return new Lock(Scope.USER, userUntil);
    }
    return new Lock(Scope.ADDRESS, addressUntil);
  }

  /** Counts a wrong password; returns the lock it started, or null. */
  Lock failed(String userId, String address) {
    Instant now = now();
    prune(now);
    Instant userUntil =
        users.computeIfAbsent(key(userId), k -> new Counter()).fail(now, USER_FAILURES);
    Instant addressUntil =
        addresses.computeIfAbsent(address(address), k -> new Counter()).fail(now, ADDRESS_FAILURES);
    if (userUntil != null) {
      LOG.warn(
          "Sign-in locked after repeated wrong passwords: user={} address={} until={}",
          safe(userId),
          safe(address),
          userUntil);
    }
    if (addressUntil != null) {
      LOG.warn(
          "Sign-ins from an address locked after repeated wrong passwords: address={} lastUser={} until={}",
          safe(address),
          safe(userId),
          addressUntil);
    }
    return lockOf(userId, address);
  }

  /**
   * A correct password: the user id starts afresh (the address does not: one good account must not
   * launder guesses).
   */
  void succeeded(String userId) {
    users.remove(key(userId));
  }

  private static Instant until(Counter counter, Instant now) {
    if (counter == null) {
      return null;
    }
    synchronized (counter) {
      return counter.lockedUntil != null && counter.lockedUntil.isAfter(now)
          ? counter.lockedUntil
          : null;
    }
  }

  private void prune(Instant now) {
    if (users.size() + addresses.size() > MAX_ENTRIES) {
      users.values().removeIf(c -> c.stale(now));
      addresses.values().removeIf(c -> c.stale(now));
    }
  }

  /** The engine's clock (the kernel's {@code Clock} bean), so tests move it instead of sleeping. */
  private Instant now() {
    return clock.instant();
  }

  private static String key(String userId) {
    return userId == null ? "" : userId.strip().toLowerCase(Locale.ROOT);
  }

  private static String address(String address) {
    return address == null || address.isBlank() ? "unknown" : address.strip();
  }

  /**
   * For the log: no line breaks or control characters from what the client typed, and not too long.
   */
  static String safe(String value) {
    if (value == null) {
      return "";
    }
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }

  private static final class Counter {
    private int failures;
    private int locks;
    private Instant lastFailure;
    private Instant lockedUntil;

    /** Counts a failure at {@code now}; returns the end of a lock it starts, or null. */
    synchronized Instant fail(Instant now, int threshold) {
      if (lockedUntil != null && lockedUntil.isAfter(now)) {
        return null; // refused before the check; attempts during a lock do not lengthen it
      }
      if (lastFailure != null && lastFailure.plus(FORGET_AFTER).isBefore(now)) {
        failures = 0;
        locks = 0;
      }
      lastFailure = now;
      failures++;
      // the first lock after `threshold` failures, then one more (twice as long) for every further
      // failure
      if (failures < threshold) {
        return null;
      }
      Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(locks, 10));
      if (lock.compareTo(MAX_LOCK) > 0) {
        lock = MAX_LOCK;
      }
      locks++;
      lockedUntil = now.plus(lock);
      return lockedUntil;
    }

    synchronized boolean stale(Instant now) {
      boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
      return !locked && (lastFailure == null || lastFailure.plus(FORGET_AFTER).isBefore(now));
    }
  }
}
