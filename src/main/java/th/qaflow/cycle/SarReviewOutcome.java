package th.qaflow.cycle;

/**
 * How the district's review of a submitted SAR ended: it studies the SAR and advises, or asks the
 * school to revise it (a revision round). Neither holds up the school's publication.
 */
public enum SarReviewOutcome {
  ADVICE,
  REVISE
}
