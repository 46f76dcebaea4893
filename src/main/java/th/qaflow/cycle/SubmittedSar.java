package th.qaflow.cycle;

import java.util.List;

/**
 * What a school's running cycle holds of the SAR it submitted, for the district's completeness
 * check on the review ({@link SchoolCycles#submittedSar}); all empty when the cycle no longer runs.
 *
 * @param approvedVersionId the SAR version the school's board approved, or null
 * @param submittedVersionId the SAR version the school submitted, or null
 * @param standardsWithoutLevel the labels of the school's standards the SAR gives no level ({@code
 *     "-"} when the cycle has neither standards nor levels)
 * @param executiveSummary the SAR's executive summary (DraftSar), never null
 */
public record SubmittedSar(
    String approvedVersionId,
    String submittedVersionId,
    List<String> standardsWithoutLevel,
    String executiveSummary) {

  public SubmittedSar {
    standardsWithoutLevel = List.copyOf(standardsWithoutLevel);
  }

  /** Whether the school submitted exactly the version its board approved. */
  public boolean boardApprovedWhatWasSubmitted() {
    return submittedVersionId != null && submittedVersionId.equals(approvedVersionId);
  }
}
