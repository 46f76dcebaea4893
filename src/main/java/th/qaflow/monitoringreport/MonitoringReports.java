package th.qaflow.monitoringreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The district-level monitoring reports, for other modules (e.g. the committee's agenda). */
public interface MonitoringReports {
  /**
   * Starts the district's report of the year (the findings of its completed visits are collected at
   * once); empty when the year has one already. Checks no permission: the page does.
   *
   * @return the process instance id
   */
  Optional<String> start(String districtCode, int academicYearBE, String userId);

  /** The district's published report of the year, if it has been published. */
  Optional<PublishedReport> publishedFor(String districtCode, int academicYearBE);

  /**
   * A published report.
   *
   * @param texts the report's texts by variable ({@link MonitoringReportProcess#TEXTS})
   * @param standards the findings per standard across the visited schools
   * @param schools how many schools' visits the report covers
   */
  record PublishedReport(
      String districtCode,
      int academicYear,
      Instant publishedAt,
      LocalDate committeeDate,
      Map<String, String> texts,
      List<StandardSummary> standards,
      int schools,
      String publicPath) {}

  /**
   * One standard across the visited schools.
   *
   * @param levels how many schools were found at each level ("5" … "1"), best first
   * @param recommendations the distinct recommendations the visits gave on this standard
   */
  record StandardSummary(
      String code,
      String label,
      int schools,
      Map<String, Integer> levels,
      List<String> recommendations) {}
}
