package th.qaflow.onesqa;

import java.time.LocalDate;
import java.util.List;

/**
 * One school in a district's ONESQA coordination of a year.
 *
 * @param declaredReadiness the director's declaration ({@code ready}, {@code support}, {@code
 *     notReady})
 * @param confirmedReadiness the readiness the cluster supervisor confirmed: the group on the OBEC
 *     list
 * @param status where the school is, e.g. {@code READINESS_OPEN}, {@code SCHEDULED}, {@code
 *     RESULT_MET} (message key {@code external.status.<status>})
 * @param results the ONESQA results per standard, every round (0 = final result, 1.. =
 *     re-assessments)
 */
public record SchoolState(
    String schoolCode,
    String schoolName,
    String clusterCode,
    String declaredReadiness,
    String declaredNote,
    String confirmedReadiness,
    String supervisorComment,
    boolean target,
    Integer sarYear,
    String sarVersionId,
    LocalDate visitOn,
    LocalDate draftDueOn,
    boolean draftLate,
    LocalDate draftReceivedOn,
    int objections,
    int reassessments,
    String status,
    List<StandardResult> results) {

  /** The result of one ONESQA standard in one round. */
  public record StandardResult(
      int round, String standardCode, String level, boolean met, String recommendations) {}

  /** The latest round's results. */
  public List<StandardResult> latestResults() {
    int last = results.stream().mapToInt(StandardResult::round).max().orElse(-1);
    return results.stream().filter(r -> r.round() == last).toList();
  }
}
