package th.qaflow.monitoring.internal;

import java.util.Comparator;
import th.qaflow.calendar.Stage;

/** Stages in the order of the {@link Stage} enum; codes the enum does not know (yet) come last, by name. */
final class StageOrder {
  static final Comparator<String> COMPARATOR = Comparator.comparingInt(StageOrder::ordinal)
      .thenComparing(Comparator.naturalOrder());

  private StageOrder() {}

  static int ordinal(String code) {
    try {
      return Stage.valueOf(code).ordinal();
    } catch (IllegalArgumentException | NullPointerException e) {
      return Integer.MAX_VALUE;
    }
  }

  /** Is {@code later} a stage after {@code stage} in the year? */
  static boolean isAfter(String later, String stage) {
    return later != null && COMPARATOR.compare(later, stage) > 0;
  }
}
