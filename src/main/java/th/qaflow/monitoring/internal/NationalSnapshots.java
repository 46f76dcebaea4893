package th.qaflow.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The national view's figures of a year, read at most once every {@code
 * qaflow.monitoring.national-max-age} on each node and shown with the time they were read. Their
 * aggregate reads every school's stage rows of the year (29,000 schools: one row a school and stage
 * opened, ~350,000 by March), while the view is opened by every district's and OBEC's staff: a
 * minute-old national picture is what they need, not one read per viewer. Zero reads it on every
 * request. The districts' and schools' own pages are always read fresh.
 */
@Component
class NationalSnapshots {
  /** The figures, when they were read, and how long the reading took. */
  record Snapshot(Dashboards.National national, Instant readAt, long readMillis) {}

  private final Dashboards dashboards;
  private final Clock clock;
  private final Duration maxAge;
  private final Map<Integer, Snapshot> byYear = new ConcurrentHashMap<>();

  NationalSnapshots(
      Dashboards dashboards,
      Clock clock,
      @Value("${qaflow.monitoring.national-max-age:1m}") Duration maxAge) {
    this.dashboards = dashboards;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  Snapshot of(int year) {
    Snapshot kept = byYear.get(year);
    return isFresh(kept) ? kept : read(year);
  }

  /** Forgets every year's figures, e.g. after the read model was rebuilt. */
  void forget() {
    byYear.clear();
  }

  // one reading at a time: viewers arriving while it runs get its result, not a reading of their
  // own
  private synchronized Snapshot read(int year) {
    Snapshot kept = byYear.get(year);
    if (isFresh(kept)) {
      return kept;
    }
    Instant readAt = clock.instant();
    long started = System.nanoTime();
    Snapshot read =
        new Snapshot(dashboards.national(year), readAt, (System.nanoTime() - started) / 1_000_000);
    byYear.put(year, read);
    return read;
  }

  private boolean isFresh(Snapshot s) {
    if (s == null) {
      return false;
    }
    Instant now = clock.instant();
    // a clock set back (tests, a corrected server clock) makes the figures unknown-aged: read again
    return !now.isBefore(s.readAt()) && now.isBefore(s.readAt().plus(maxAge));
  }
}
