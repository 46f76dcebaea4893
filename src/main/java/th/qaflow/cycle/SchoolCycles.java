package th.qaflow.cycle;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What other modules may ask of and tell a school's cycle: its SARs, and the district's answer to a
 * submission ({@link SarSubmitted}). Only the cycle module reads or writes SchoolQaCycle's
 * variables.
 */
public interface SchoolCycles {

  /**
   * The SARs of the district's school cycles of the year: counts, and the accepted ones with their
   * levels.
   */
  DistrictSars sars(String districtCode, int academicYear);

  /**
   * What the school's cycle holds of its submitted SAR, for the district's review (empty once it
   * has ended).
   */
  SubmittedSar submittedSar(String schoolCycleId);

  /**
   * The levels the school reported in the SAR of each of its years (the monitoring's school page),
   * oldest first; years without a drafted SAR are left out.
   */
  List<ReportedLevels> reportedLevels(String schoolCode);

  /**
   * What the school's cycle of the year recorded per standard (targets, the SAR's levels, strengths
   * and points to improve) and its board's recommendations, running or ended; empty when the school
   * had no cycle that year. Only that school's: callers check the user's scope.
   */
  java.util.Optional<SchoolYear> year(String schoolCode, int academicYear);

  /**
   * The school's self-check of the year's semester (1 or 2) once the school has completed it, with
   * its progress per standard; empty while it is not done (or the school has no cycle that year).
   * Only that school's: callers check the user's scope.
   */
  java.util.Optional<SelfCheck> selfCheck(String schoolCode, int academicYear, int semester);

  /** Whether the school's cycle of the year has submitted its SAR (at least once). */
  boolean sarSubmitted(String schoolCode, int academicYear);

  /**
   * The district's review of a submission ({@link SarSubmitted#schoolCycleId()}) ended in advice or
   * a request to revise, with the advice text (message SarReviewed). The school's publication never
   * waited for it: once the SAR is published too, advice closes the year's SAR and a request to
   * revise opens a revision round. Runs in the caller's transaction.
   *
   * @return false when the cycle no longer waits for a review (nothing is changed)
   */
  boolean answerSarReview(String schoolCycleId, SarReviewOutcome outcome, String advice);

  /**
   * The district's latest answer to the school's SAR of the year, for the school's own pages; empty
   * while no review has answered since the latest submission.
   */
  java.util.Optional<SarAdvice> sarAdvice(String schoolCode, int academicYear);

  /**
   * For SchoolQaCycle models deployed before version 3, whose {@code Event_SarSubmitted} still
   * calls {@code ${districtSarReviews.submitted(execution)}}: does what the current model's own
   * expression does (the cycle forgets the previous answer and publishes {@link SarSubmitted}).
   * Remove once no such instance runs (docs/model-changes.md).
   */
  @Deprecated
  void sarSubmittedByOldModel(DelegateExecution schoolCycle);
}
