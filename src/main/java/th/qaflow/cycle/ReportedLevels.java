package th.qaflow.cycle;

import java.util.List;

/**
 * The levels a school reported per standard in the SAR of one academic year (its draft's {@code
 * sarLevels}), as the form's select wrote them.
 */
public record ReportedLevels(int academicYear, List<Level> levels) {
  public ReportedLevels {
    levels = List.copyOf(levels);
  }

  public record Level(String standardCode, String standardLabel, String achievedLevel) {}
}
