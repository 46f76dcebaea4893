package th.qaflow.onesqa;

import java.util.List;
import java.util.Optional;

/**
 * The external module's API: the district's ONESQA coordination of a year (process {@code
 * ExternalAssessment}) and each school's state in it, read from the module's own table that the
 * processes keep up to date.
 */
public interface ExternalAssessments {

  /**
   * Starts the district's coordination of the year, with one readiness instance per school of the
   * district. Never two for one district and year: a second call returns the running one with
   * {@code started = false}.
   */
  StartResult start(String districtCode, int academicYear, String startedBy);

  /** The coordination of a district's year, if started. */
  Optional<Coordination> coordination(String districtCode, int academicYear);

  /** Every school of the coordination, in school-code order, with its ONESQA results. */
  List<SchoolState> schools(String districtCode, int academicYear);

  /** The readiness list for OBEC as CSV (UTF-8 with BOM, so Excel shows Thai). */
  byte[] readinessCsv(String districtCode, int academicYear);

  /** The readiness list for OBEC as an XLSX workbook. */
  byte[] readinessXlsx(String districtCode, int academicYear);

  record StartResult(String processInstanceId, boolean started) {}

  record Coordination(
      String districtCode,
      int academicYear,
      String processInstanceId,
      boolean ended,
      java.util.Date startedAt,
      String startedBy) {}
}
