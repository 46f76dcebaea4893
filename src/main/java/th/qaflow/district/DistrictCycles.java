package th.qaflow.district;

import java.util.Optional;

/** Starting and finding the DistrictQaCycle of a district's academic year. */
public interface DistrictCycles {
  /**
   * Starts the district's cycle for the year (business key {@code {districtCode}-{yearBE}}), or
   * returns empty when it has one already: never two per district and year.
   */
  Optional<String> start(String districtCode, int academicYearBE, String startedBy);

  /** The process instance id of the district's cycle of the year, if it was started. */
  Optional<String> instanceId(String districtCode, int academicYearBE);
}
