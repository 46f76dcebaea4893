package th.qaflow.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The district's research projects (DistrictResearch): start, read. */
public interface ResearchProjects {

  /** Starts a project of the district and its process; returns the project's id. */
  long start(String districtCode, int academicYearBE, Kind kind, String title, String startedBy);

  /** The district's projects, newest first. */
  List<Project> projects(String districtCode);

  Optional<Project> project(long id);

  /** The rounds of data collection, analysis and evaluation, in order. */
  List<Round> rounds(long projectId);

  /**
   * What a project studies: R2R on the district's own QA work (how well QA promotion worked, 000
   * L328-329), an innovation or technique, or the problems and needs of QA.
   */
  enum Kind {
    R2R,
    INNOVATION,
    NEEDS;

    public String messageKey() {
      return "research.kind." + name();
    }
  }

  /**
   * A project as stored.
   *
   * @param revisions how often the proposal was returned for revision
   */
  record Project(
      long id,
      String districtCode,
      int academicYear,
      Kind kind,
      String title,
      String processInstanceId,
      Instant startedAt,
      String startedBy,
      Integer synthesisedProjects,
      String synthesis,
      String question,
      String method,
      int revisions,
      Instant approvedAt,
      String sample,
      String plan,
      String summary,
      String recommendations,
      LocalDate sharingOn,
      Integer sharingAttendance,
      String publication,
      Instant publishedAt) {
    public boolean published() {
      return publishedAt != null;
    }
  }

  /**
   * A round of trying the model: 1 for the first, 2 after the first revision, ...
   *
   * @param effective the evaluation's answer (null before the evaluation)
   */
  record Round(
      int round,
      Integer respondents,
      String dataCollected,
      String findings,
      String evaluation,
      Boolean effective,
      String revision) {}
}
