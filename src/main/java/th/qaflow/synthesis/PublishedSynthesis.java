package th.qaflow.synthesis;

import java.time.Instant;

/**
 * A published synthesis report: the officer's narrative as approved, who approved it and when, and
 * the summary as it was at approval (stored as a snapshot, so later changes to the cycles do not
 * alter it).
 */
public record PublishedSynthesis(
    String districtCode,
    int academicYear,
    String overview,
    String strengths,
    String weaknesses,
    String recommendations,
    String approvedBy,
    Instant approvedAt,
    SynthesisSummary summary) {}
