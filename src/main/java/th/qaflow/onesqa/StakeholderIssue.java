package th.qaflow.onesqa;

import java.time.Instant;

/**
 * An issue a stakeholder group wants the external assessment to look at, in the district's register
 * for the year.
 *
 * @param stakeholder who raised it: one of {@link #STAKEHOLDERS} (message key {@code
 *     external.stakeholder.<stakeholder>})
 * @param standardCode the ONESQA standard it concerns, or {@code null} for the school as a whole
 */
public record StakeholderIssue(
    String id,
    String stakeholder,
    String standardCode,
    String issue,
    String recordedBy,
    Instant recordedAt) {
  public static final java.util.List<String> STAKEHOLDERS =
      java.util.List.of("PARENTS", "COMMUNITY", "STUDENTS", "TEACHERS", "BOARD", "OTHER");

  /** The longest issue text the register keeps. */
  public static final int MAX_LENGTH = 2000;
}
