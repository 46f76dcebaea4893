package th.qaflow.district.internal;

import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.YearlyProcesses;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;

/**
 * Starts district cycles. The district_cycle row (primary key district + year) and the process
 * instance commit together, so a second start, on any node, fails on the key instead of creating a
 * twin.
 */
@Service
class DistrictCycleStarter implements DistrictCycles {
  private static final YearlyProcesses.Record RECORD =
      new YearlyProcesses.Record("district_cycle", "academic_year");

  private final OrganisationDirectory directory;
  private final YearlyProcesses yearly;
  private final JdbcClient jdbc;

  DistrictCycleStarter(OrganisationDirectory directory, YearlyProcesses yearly, JdbcClient jdbc) {
    this.directory = directory;
    this.yearly = yearly;
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> start(String districtCode, int academicYearBE, String startedBy) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    return yearly.startOnce(
        RECORD,
        districtCode,
        academicYearBE,
        DistrictQaCycleProcess.PROCESS_ID,
        DistrictQaCycleProcess.businessKey(districtCode, academicYearBE),
        Variables.createVariables()
            .putValue(ProcessVariables.DISTRICT_CODE, districtCode)
            .putValue(DistrictQaCycleProcess.VAR_DISTRICT_NAME, district.nameTh())
            .putValue(ProcessVariables.ACADEMIC_YEAR, academicYearBE)
            .putValue(DistrictQaCycleProcess.VAR_STARTED_BY, startedBy),
        startedBy,
        () -> instanceId(districtCode, academicYearBE).isPresent());
  }

  @Override
  public Optional<String> instanceId(String districtCode, int academicYearBE) {
    return jdbc.sql(
            "select process_instance_id from district_cycle where district_code = :d and academic_year = :y")
        .param("d", districtCode)
        .param("y", academicYearBE)
        .query(String.class)
        .optional();
  }
}
