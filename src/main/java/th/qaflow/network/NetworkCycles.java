package th.qaflow.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The district's yearly supervision network development (SupervisionNetwork): start, read. */
public interface NetworkCycles {

  /** Starts the district's cycle of the academic year; empty when it runs (or ran) already. */
  Optional<String> start(String districtCode, int academicYearBE, String startedBy);

  /** The district's cycles, newest first. */
  List<Cycle> cycles(String districtCode);

  Optional<Cycle> cycle(String districtCode, int academicYearBE);

  /** The approved plan's networks in their order. */
  List<Network> networks(long cycleId);

  /** The development reports of each semester and round, in the order they were made. */
  List<Development> developments(long cycleId);

  /** The kinds of network of the seed (003 L105-112, step 4). */
  enum Kind {
    PERSON,
    COMMUNITY,
    LEVEL,
    PAIRED_SCHOOLS,
    CLASSROOM;

    public String messageKey() {
      return "network.kind." + name();
    }
  }

  /**
   * A cycle as stored: started, then the plan approved, the seminar held, developed, evaluated (and
   * improved), guidelines set, reported and published.
   *
   * @param asIntended the last evaluation's answer (null before the first evaluation)
   * @param improvementRounds how often the networks went round again after an evaluation
   */
  record Cycle(
      long id,
      String districtCode,
      int academicYear,
      String processInstanceId,
      Instant startedAt,
      String startedBy,
      String planGoal,
      Instant approvedAt,
      LocalDate seminarOn,
      Integer seminarAttendance,
      String seminarSummary,
      String evaluation,
      Boolean asIntended,
      int improvementRounds,
      String improvement,
      String guidelines,
      String summary,
      String reportedTo,
      Instant publishedAt) {
    public boolean published() {
      return publishedAt != null;
    }
  }

  record Network(long id, int ord, String name, Kind kind, String lead, String target) {}

  /**
   * @param round 1 for the first development, 2 after the first improvement, ...
   * @param semester 1 or 2
   */
  record Development(
      int round,
      int semester,
      int activities,
      String progress,
      Instant reportedAt,
      String reportedBy) {}
}
