package th.qaflow.cycle;

import java.util.List;

/**
 * The SARs of a district's school cycles of one academic year (running or ended), as the district's
 * review left them.
 *
 * @param cycles schools with a cycle of the year
 * @param returned schools whose SAR the district returned and has not accepted since
 * @param accepted schools whose SAR the district accepted, by school code
 */
public record DistrictSars(
    String districtCode, int academicYear, int cycles, int returned, List<AcceptedSar> accepted) {

  public DistrictSars {
    accepted = List.copyOf(accepted);
  }
}
