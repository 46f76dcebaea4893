package th.qaflow.tumhome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The district's yearly TUMHOME drive: start, read, and the schools' MOUs. */
public interface TumhomeDrives {

  /** Starts the district's drive of the academic year; empty when it runs (or ran) already. */
  Optional<String> start(String districtCode, int academicYearBE, String startedBy);

  /** The district's drives, newest first. */
  List<Drive> drives(String districtCode);

  Optional<Drive> drive(String districtCode, int academicYearBE);

  /** The signed MOUs of a drive, by school code. */
  List<Mou> mous(long driveId);

  /**
   * The school director signs the school's MOU with the district director; false when the drive's
   * signing is not open or the school signed already. The caller checks who may sign.
   */
  boolean sign(long driveId, String schoolCode, String signedBy);

  /**
   * A drive as stored: started, the directors' meeting held (MOU signing opens), signing closed,
   * evaluated.
   */
  record Drive(
      long id,
      String districtCode,
      int academicYear,
      String processInstanceId,
      Instant startedAt,
      String startedBy,
      LocalDate meetingOn,
      Instant mouClosedAt,
      Instant evaluatedAt,
      Boolean nextCycle,
      Integer mentoringRoundNo) {
    /** MOUs may be signed after the directors' meeting until the QA officer closes signing. */
    public boolean signingOpen() {
      return meetingOn != null && mouClosedAt == null;
    }
  }

  record Mou(String schoolCode, LocalDate signedOn, String signedBy) {}

  /** Records that the drive's mentoring launched visit round {@code roundNo} (DistrictVisit). */
  void mentoringRound(long driveId, int roundNo);

  /**
   * Replaces the evaluation's levels (1–5 per 4Q area code) of the given schools, each with a level
   * for every area, and stores the ranking computed from all the drive's results ({@link
   * TumhomeRanking}). The caller checks who may record and that the values are valid.
   */
  void recordResults(long driveId, Map<String, Map<String, Integer>> levelsBySchool);

  /** The drive's ranking, best first (equal means share a rank), with each school's levels. */
  List<Ranked> ranking(long driveId);

  /**
   * A school's place: its level per area code, their mean, its rank (1 = best; equal means share
   * it, the next rank skips), and whether it is honoured (rank within {@link
   * TumhomeRanking#HONOURED_RANKS}).
   */
  record Ranked(
      String schoolCode,
      Map<String, Integer> levels,
      BigDecimal mean,
      int rank,
      boolean honoured) {}
}
