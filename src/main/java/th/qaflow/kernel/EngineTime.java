package th.qaflow.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A {@link Clock} that tells the process engine's time. Due dates, timers and task create times
 * follow the engine clock, which tests and the demo move; every "now" in QA Flow reads this clock
 * (the {@code Clock} bean), so the task list, dashboards and mails agree with the engine. Camunda's
 * public API has no getter for the engine clock: this is the one place main code reads {@code
 * ClockUtil} (an impl class); moving to Operaton changes this one line.
 */
final class EngineTime extends Clock {
  private final ZoneId zone;

  EngineTime(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public long millis() {
    return ClockUtil.getCurrentTime().getTime();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineTime(zone);
  }
}
