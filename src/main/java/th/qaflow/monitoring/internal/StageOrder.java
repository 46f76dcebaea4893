package th.qaflow.monitoring.internal;

import java.util.Comparator;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.Stages;

/**
 * Stage codes in the order of the year (the stage registry's); codes no module declares (any more)
 * come last.
 */
@Component
class StageOrder {
  private final Comparator<String> comparator;

  StageOrder(Stages stages) {
    this.comparator = stages.codeOrder();
  }

  Comparator<String> comparator() {
    return comparator;
  }

  /** Is {@code later} a stage after {@code stage} in the year? */
  boolean isAfter(String later, String stage) {
    return later != null && comparator.compare(later, stage) > 0;
  }
}
