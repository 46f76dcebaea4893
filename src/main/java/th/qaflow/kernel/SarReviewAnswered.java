package th.qaflow.kernel;

import java.time.Instant;

/**
 * The district's review of a school's SAR reached the school's cycle: advice, or a request to
 * revise ({@code reviseRequested}), with the advice text. Published synchronously by the cycle
 * inside the engine's transaction, so the notification module's mail to the school's director and
 * QA group commits or rolls back with the answer. {@code round} is the cycle's submission count.
 */
public record SarReviewAnswered(
    String schoolCycleId,
    String schoolCode,
    int academicYear,
    long round,
    boolean reviseRequested,
    String advice,
    Instant at) {}
