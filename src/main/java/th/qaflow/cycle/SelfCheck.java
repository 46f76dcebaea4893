package th.qaflow.cycle;

import java.time.Instant;
import java.util.List;

/**
 * A school's completed self-check of one semester (SelfCheckSemesterOne/Two), as its cycle recorded
 * it ({@link SchoolCycles#selfCheck}).
 *
 * @param completedAt when the school completed the self-check task
 * @param standards one per standard the school checked, in the form's order
 */
public record SelfCheck(
    String schoolCode,
    int academicYear,
    int semester,
    Instant completedAt,
    List<Standard> standards) {

  /** The self-check form's answer that a standard has reached its target. */
  public static final String ACHIEVED = "achieved";

  public SelfCheck {
    standards = List.copyOf(standards);
  }

  /**
   * One standard's row (texts never null, may be empty).
   *
   * @param progressStatus {@code achieved}, {@code on_track}, {@code behind} or {@code at_risk}
   */
  public record Standard(
      String standardCode,
      String label,
      String progressStatus,
      String problems,
      String nextActions) {

    public boolean achieved() {
      return ACHIEVED.equals(progressStatus);
    }
  }
}
