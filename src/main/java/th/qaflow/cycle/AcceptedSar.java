package th.qaflow.cycle;

import java.util.List;

/**
 * A school's SAR of the year that the district accepted, as its cycle's forms recorded it
 * (SetStandards, InternalAssessment, DraftSar, PublishSar), typed: what the district's synthesis
 * reads, so that no other module reads the forms' keys ({@link SchoolCycles#sars}).
 *
 * @param levels one per standard the school gave a level (the SAR's own levels, else the internal
 *     assessment's), with its target; in the order the school listed its standards
 * @param notes the strengths and points to improve per standard: the SAR's own (DraftSar), else the
 *     internal assessment's (a standard the SAR left blank, a year drafted before the SAR had them)
 * @param publicLink where the school published its SAR (PublishSar "link", http or https only), or
 *     null
 * @param publishedFileVersionId the file the school published (PublishSar "file"), or null
 * @param approvedVersionId the SAR version the school's board approved, or null
 */
public record AcceptedSar(
    String schoolCode,
    String schoolName,
    String clusterCode,
    List<StandardLevel> levels,
    List<AssessmentNote> notes,
    String publicLink,
    String publishedFileVersionId,
    String approvedVersionId) {

  public AcceptedSar {
    levels = List.copyOf(levels);
    notes = List.copyOf(notes);
  }

  /**
   * One standard's level.
   *
   * @param educationLevel an {@link th.qaflow.standards.EducationLevel} name, or "" for a standard
   *     of the school's own whose code names no level
   * @param labelTh the standard's label (never null, may be empty)
   * @param labelEn its English label (never null, may be empty)
   * @param target the school's own target level, or null
   * @param achieved the level reached, or null when what the school wrote is not a level
   */
  public record StandardLevel(
      String standardCode,
      String educationLevel,
      String labelTh,
      String labelEn,
      Integer target,
      Integer achieved) {}

  /**
   * What a school wrote for one standard in its SAR, else its internal assessment (never null, may
   * be empty).
   */
  public record AssessmentNote(String standardCode, String strengths, String improvements) {}
}
