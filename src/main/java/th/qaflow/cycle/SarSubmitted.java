package th.qaflow.cycle;

import java.time.Instant;

/**
 * A school's cycle has submitted its SAR to the district (SchoolQaCycle's {@code
 * Event_SarSubmitted}): published synchronously by the cycle, inside the engine's transaction, so a
 * listener's work (the district starts its review) commits or rolls back with the submission. The
 * district answers through {@link SchoolCycles#answerSarReview}.
 *
 * @param schoolCycleId the process instance id of the school's SchoolQaCycle, to answer
 * @param sarVersionId the document version the school submitted (the one its board approved), or
 *     null
 * @param submittedAt when, on the engine's clock
 */
public record SarSubmitted(
    String schoolCode,
    String schoolName,
    String districtCode,
    String clusterCode,
    int academicYear,
    String schoolCycleId,
    String sarVersionId,
    Instant submittedAt) {}
