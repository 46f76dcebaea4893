package th.qaflow.monitoring.internal;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" for the read model and the dashboards: the process engine's clock, which task create times,
 * due dates and completion times follow (tests and the demo move it). Camunda's public API has no
 * getter for it, so as in the notification module this one line reads {@code ClockUtil}.
 */
@Component
class MonitoringClock {
  Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
