package th.qaflow.district;

/**
 * Ids of bpmn/SarReview.bpmn: the district's review of one SAR submission. Started by its start
 * message {@code SarSubmitted} when a school's cycle publishes the module event {@link
 * th.qaflow.cycle.SarSubmitted} (business key {@code {schoolCode}-{academicYearBE}}, one instance
 * per submission round); answers through {@link th.qaflow.cycle.SchoolCycles#answerSarReview},
 * which correlates the cycle's {@code SarReviewed}.
 */
public final class SarReviewProcess {
  public static final String PROCESS_ID = "SarReview";

  public static final String START = "StartEvent_SarSubmitted";
  public static final String TASK_REVIEW_SAR = "Task_ReviewSar";
  public static final String GATEWAY_REVIEW_DECISION = "Gateway_ReviewDecision";
  public static final String END_SAR_ADVISED = "EndEvent_SarAdvised";
  public static final String END_SAR_REVISION_REQUESTED = "EndEvent_SarRevisionRequested";

  // Process variables: the school's identity as in its cycle (kernel ProcessVariables), the round
  // and the cycle being answered.
  /** 1 for the first submission of the year, 2 after one revision round, ... */
  public static final String VAR_ROUND = "reviewRound";

  public static final String VAR_SCHOOL_CYCLE_ID = "schoolCycleId";
  public static final String VAR_SUBMITTED_AT = "sarSubmittedAt";

  /**
   * The reviewer's form: {@code advice} or {@code revise} (ask the school to revise its SAR), and
   * the advice to the school (required with both). The district advises; it does not accept, return
   * or certify a SAR.
   */
  public static final String VAR_REVIEW_DECISION = "reviewDecision";

  public static final String VAR_REVIEW_COMMENTS = "reviewComments";
  public static final String DECISION_ADVICE = "advice";
  public static final String DECISION_REVISE = "revise";

  /** The values of SarReview version 1's form, read for reviews still open on it. */
  @Deprecated public static final String DECISION_ACCEPT = "accept";

  @Deprecated public static final String DECISION_RETURN = "return";

  private SarReviewProcess() {}
}
