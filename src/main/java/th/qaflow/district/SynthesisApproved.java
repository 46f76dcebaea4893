package th.qaflow.district;

import java.time.Instant;
import java.util.Map;

/**
 * The supervision-unit director approved the district's SAR synthesis and it is to be published.
 * Published by the DistrictQaCycle's publish step inside the engine's transaction; the synthesis
 * module stores the public report.
 *
 * @param narrative the values of the synthesis task's form ({@code forms/SynthesiseSars.form})
 */
public record SynthesisApproved(
    String districtCode,
    int academicYear,
    Map<String, Object> narrative,
    String approvedBy,
    Instant approvedAt) {}
