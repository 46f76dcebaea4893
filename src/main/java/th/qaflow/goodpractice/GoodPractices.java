package th.qaflow.goodpractice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The district's good-practice rounds (GoodPracticeRound) and their nominations. */
public interface GoodPractices {

  /** Starts the district's round of the year; empty when one runs (or ran) already. */
  Optional<String> start(String districtCode, int academicYearBE, String startedBy);

  /** The district's rounds, newest first. */
  List<Round> rounds(String districtCode);

  Optional<Round> round(String districtCode, int academicYearBE);

  /** Every nomination of the round, in the order they came. */
  List<Nomination> nominations(String districtCode, int academicYearBE);

  /** The round's published (selected) practices; empty unless the round was published. */
  List<Nomination> published(String districtCode, int academicYearBE);

  /** Where a round is: the stage its row records. */
  enum RoundStage {
    NOMINATION,
    SELECTION,
    HONOURS,
    SHARING,
    DONE,
    NO_NOMINATIONS,
    NONE_SELECTED;

    public boolean acceptsNominations() {
      return this == NOMINATION;
    }
  }

  /** A round as stored at each step. */
  record Round(
      String districtCode,
      int academicYear,
      String processInstanceId,
      RoundStage stage,
      Instant startedAt,
      Instant nominationsClosedAt,
      String committee,
      String honoursKind,
      String honoursReference,
      LocalDate honoursDate,
      String honoursNote,
      Instant publishedAt,
      LocalDate eventDate,
      String eventMode,
      String eventPlace,
      Integer eventAttendance,
      String eventSummary) {

    public boolean published() {
      return publishedAt != null;
    }
  }

  /** Where a nomination came from: the school's own SAR, or a supervisor's visit. */
  enum Source {
    SAR,
    VISIT
  }

  /**
   * A nomination: one practice of one school for one standard.
   *
   * @param standardCode {@code BASIC-1} or {@code EARLY_CHILDHOOD-2} (level and standard)
   * @param decision null until the committee decided, then {@code selected} or {@code notSelected}
   */
  record Nomination(
      long id,
      String districtCode,
      int academicYear,
      String schoolCode,
      String schoolName,
      Source source,
      String standardCode,
      String title,
      String practice,
      String evidenceUrl,
      String evidenceNote,
      String nominatedBy,
      Instant nominatedAt,
      String decision,
      String decisionReason) {

    public boolean selected() {
      return GoodPracticeRoundProcess.DECISION_SELECTED.equals(decision);
    }
  }
}
