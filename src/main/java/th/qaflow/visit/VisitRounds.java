package th.qaflow.visit;

import java.util.Date;
import java.util.List;
import th.qaflow.security.QaUser;

/**
 * Visit rounds of a district: launching one DistrictVisit per school of a cluster or of the whole
 * district, never two for the same school in the same round, and each round's progress per school.
 */
public interface VisitRounds {
  /** Rounds are numbered 1 to this within a district's academic year. */
  int MAX_ROUND = 4;

  /**
   * Whether the user may launch a round for the cluster ({@code clusterCode}) or, when it is {@code
   * null}, for the whole district: the district's QA officer and supervision director (and an
   * administrator) for any cluster or the district; a supervisor for their own clusters only.
   */
  boolean mayLaunch(QaUser user, String districtCode, String clusterCode);

  /**
   * Starts the visits of the round for the schools of the cluster (or district) that do not have
   * one in this round yet. Checks the scope itself.
   *
   * @throws th.qaflow.web.ForbiddenException when the user may not launch for that scope
   * @throws IllegalArgumentException for an unknown district or cluster, or a cluster of another
   *     district
   */
  LaunchResult launch(
      QaUser user, String districtCode, int academicYearBE, int roundNo, String clusterCode);

  /**
   * Starts the visits of the round for the given schools of the district (another module's list,
   * e.g. the TUMHOME drive's schools with a signed MOU) that do not have one in this round yet; an
   * unknown school or one of another district is skipped. Checks the scope itself like {@link
   * #launch} for the whole district.
   *
   * @throws th.qaflow.web.ForbiddenException when the user may not launch for the district
   * @throws IllegalArgumentException for an unknown district or a round out of range
   */
  LaunchResult launchForSchools(
      QaUser user, String districtCode, int academicYearBE, int roundNo, List<String> schoolCodes);

  /** The district's rounds of the year, oldest first, each with its schools' progress. */
  List<Round> rounds(String districtCode, int academicYearBE);

  /** Records that the round was launched under a supervision project ({@link RoundProjects}). */
  void attachProject(String districtCode, int academicYearBE, int roundNo, long projectId);

  /** The rounds launched under a supervision project, oldest first. */
  List<Round> roundsOfProject(long projectId);

  record LaunchResult(String roundId, List<String> started, List<String> alreadyInRound) {}

  record Round(String id, int roundNo, Date createdAt, String createdBy, List<Visit> visits) {
    public long completed() {
      return visits.stream().filter(Visit::completed).count();
    }
  }

  /**
   * One school's visit in a round.
   *
   * @param step the open user task's definition key, or {@code null} when the visit is completed
   * @param due the open task's due date
   * @param overdue whether that date has passed (on the engine's clock)
   */
  record Visit(
      String schoolCode,
      String schoolName,
      String clusterCode,
      String processInstanceId,
      String step,
      Date due,
      boolean completed,
      boolean overdue) {}
}
