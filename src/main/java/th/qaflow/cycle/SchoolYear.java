package th.qaflow.cycle;

import java.util.List;

/**
 * What a school's cycle of one academic year recorded per standard, read back for the next year
 * (the "last year" panel on the school's standards and plans tasks): the targets it set, the levels
 * its SAR reported, and the SAR's own strengths and points to improve ({@link SchoolCycles#year}).
 *
 * @param standards one per standard the school set a target or reported a level for, in the order
 *     the school listed its standards
 * @param boardRecommendations the school board's recommendations with its approval of the SAR
 *     (BoardApproveSar), never null, may be empty
 */
public record SchoolYear(
    String schoolCode, int academicYear, List<Standard> standards, String boardRecommendations) {

  public SchoolYear {
    standards = List.copyOf(standards);
  }

  /**
   * One standard of the year (texts never null, may be empty).
   *
   * @param target the target level the school set, or null
   * @param achieved the level its SAR reported (else its internal assessment's), or null
   * @param strengths the SAR's strengths (else the internal assessment's)
   * @param improvements the SAR's points to improve (else the internal assessment's)
   */
  public record Standard(
      String standardCode,
      String labelTh,
      String labelEn,
      Integer target,
      String targetDescription,
      String baseline,
      Integer achieved,
      String strengths,
      String improvements) {}
}
