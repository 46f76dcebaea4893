package th.qaflow.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The district announced its classroom-level QA model school and spreads its process and results:
 * the director and QA working group of every school of the district are told of the announcement
 * and the sharing event by mail. Published synchronously in the engine's transaction.
 *
 * @param schoolCodes every school of the district
 */
public record ClassroomQaResultsShared(
    long pilotId,
    String modelSchoolName,
    String districtName,
    int academicYear,
    String announcementNo,
    LocalDate sharedOn,
    String sharing,
    List<String> schoolCodes,
    String link,
    Instant at) {

  public ClassroomQaResultsShared {
    schoolCodes = List.copyOf(schoolCodes);
  }
}
