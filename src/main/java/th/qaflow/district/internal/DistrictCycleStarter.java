package th.qaflow.district.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.StartOnce;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;

/**
 * Starts district cycles. The district_cycle row (primary key district + year) and the process
 * instance commit together, so a second start, on any node, fails on the key instead of creating a
 * twin.
 */
@Service
class DistrictCycleStarter implements DistrictCycles {
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  DistrictCycleStarter(
      OrganisationDirectory directory,
      RuntimeService runtime,
      JdbcClient jdbc,
      TransactionTemplate tx,
      Clock clock) {

    this.clock = clock;
    this.directory = directory;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public Optional<String> start(String districtCode, int academicYearBE, String startedBy) {
    District district =
        directory
            .district(districtCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown district " + districtCode));
    return StartOnce.inTransaction(
        tx,
        () -> instanceId(districtCode, academicYearBE).isPresent(),
        () -> {
          ProcessInstance instance =
              runtime.startProcessInstanceByKey(
                  DistrictQaCycleProcess.PROCESS_ID,
                  DistrictQaCycleProcess.businessKey(districtCode, academicYearBE),
                  Variables.createVariables()
                      .putValue(ProcessVariables.DISTRICT_CODE, districtCode)
                      .putValue(DistrictQaCycleProcess.VAR_DISTRICT_NAME, district.nameTh())
                      .putValue(ProcessVariables.ACADEMIC_YEAR, academicYearBE)
                      .putValue(DistrictQaCycleProcess.VAR_STARTED_BY, startedBy));
          jdbc.sql(
                  """
                insert into district_cycle (district_code, academic_year, process_instance_id, started_at, started_by)
                values (:district, :year, :pi, :at, :by)""")
              .param("district", districtCode)
              .param("year", academicYearBE)
              .param("pi", instance.getId())
              .param("at", Timestamp.from(clock.instant()))
              .param("by", startedBy)
              .update();
          return instance.getId();
        });
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
