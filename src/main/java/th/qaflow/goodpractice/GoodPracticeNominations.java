package th.qaflow.goodpractice;

import th.qaflow.security.QaUser;

/** Nominating a practice as a user, with the page's scope rules and checks (for the demo). */
public interface GoodPracticeNominations {

  /**
   * Adds the user's nomination of the school's practice to the district's round of the year.
   *
   * @throws IllegalStateException when the round does not accept nominations
   * @throws IllegalArgumentException when the user may not nominate for the school, or the values
   *     are not acceptable (the message lists the problems' message keys)
   */
  long nominate(
      QaUser user,
      String schoolCode,
      int academicYearBE,
      String standardCode,
      String title,
      String practice,
      String evidenceUrl,
      String evidenceNote);
}
