package th.qaflow.cycle;

import java.util.List;

/** Starting the school QA cycles of a year. */
public interface CycleService {
  /**
   * Starts one SchoolQaCycle per school of the district for the year; schools that already have
   * their cycle are skipped, never started twice.
   */
  StartYearResult startYear(String districtCode, int academicYearBE, String startedBy);

  /** Starts the cycle of one school, or returns empty if it already has one for that year. */
  java.util.Optional<String> startSchool(String schoolCode, int academicYearBE, String startedBy);

  record StartYearResult(List<String> started, List<String> alreadyRunning) {}
}
