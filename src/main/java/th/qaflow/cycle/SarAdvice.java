package th.qaflow.cycle;

/**
 * The district's latest answer to a school's SAR: advice, or a request to revise, with the advice
 * text the school sees.
 */
public record SarAdvice(SarReviewOutcome outcome, String advice) {
  public boolean reviseRequested() {
    return outcome == SarReviewOutcome.REVISE;
  }
}
