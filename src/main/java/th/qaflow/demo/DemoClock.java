package th.qaflow.demo;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Sets the engine's time (the clock every "now" in QA Flow reads, see kernel.EngineTime) while the
 * demo writes its history: between begin and end, each step of the demo can be done on a date of
 * the past year, so finished stages carry plausible dates instead of all today. The clock never
 * goes past the moment the history began, and end puts it back. Only the demo moves the clock, so
 * it lives here (WallClockTest lets the demo read the wall clock, and no one else).
 */
@Component
final class DemoClock {
  private volatile Instant ceiling;
  private volatile boolean wasFixed;

  /** Starts writing history: from now on the clock may be moved into the past. */
  synchronized void begin() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    wasFixed = Math.abs(now.toEpochMilli() - System.currentTimeMillis()) > 5_000;
    ceiling = now;
  }

  /** True between begin and end. */
  boolean writingHistory() {
    return ceiling != null;
  }

  /** The moment the history began: the latest time the clock is moved to. */
  Instant ceiling() {
    return ceiling;
  }

  /** Moves the clock to the given time, never past the ceiling; outside history, does nothing. */
  void moveTo(Instant time) {
    Instant top = ceiling;
    if (top == null) {
      return;
    }
    ClockUtil.setCurrentTime(Date.from(time.isAfter(top) ? top : time));
  }

  /** Back to the ceiling, where the clock stood when the history began. */
  void backToCeiling() {
    Instant top = ceiling;
    if (top != null) {
      ClockUtil.setCurrentTime(Date.from(top));
    }
  }

  /** Ends the history: the clock runs again as before begin. */
  synchronized void end() {
    Instant top = ceiling;
    if (top == null) {
      return;
    }
    ceiling = null;
    if (wasFixed) {
      ClockUtil.setCurrentTime(Date.from(top));
    } else {
      ClockUtil.reset();
    }
  }
}
