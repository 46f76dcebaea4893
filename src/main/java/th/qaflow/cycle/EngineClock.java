package th.qaflow.cycle;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Now" as the process engine sees it, for every module that compares with task dates (reminders, the
 * outbox, the feed, the dashboards and their read model): the process engine's clock. Due dates, timers and task
 * create times all follow that clock, and tests (and the demo) move it; reading the wall clock here
 * would put reminders out of step with the tasks they are about. Camunda's public API has no getter for
 * the engine clock, so this is the one place QA Flow's main code reads {@code ClockUtil} (an impl class);
 * moving to Operaton means changing this one line.
 */
@Component
public class EngineClock {
  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
