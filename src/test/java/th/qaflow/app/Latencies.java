package th.qaflow.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one measured request kind, in ms: count, p50, p95, max. */
record Latencies(List<Long> nanos) {
  double p(int percentile) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
  }

  @Override
  public String toString() {
    return String.format(
        "n=%d p50=%.0f ms p95=%.0f ms max=%.0f ms", nanos.size(), p(50), p(95), p(100));
  }
}
