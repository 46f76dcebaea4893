package th.qaflow.cycle.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.standards.StandardsCatalog;

/**
 * Starts school cycles. Each school gets its own transaction: the school_cycle row (primary key
 * school + year) and the process instance commit together, so a second start, on any node, fails on
 * the key instead of creating a twin.
 */
@Service
class SchoolCycleStarter implements CycleService {
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final StandardsCatalog standards;

  SchoolCycleStarter(
      OrganisationDirectory directory,
      RuntimeService runtime,
      JdbcClient jdbc,
      TransactionTemplate tx,
      StandardsCatalog standards,
      Clock clock) {

    this.clock = clock;
    this.directory = directory;
    this.standards = standards;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.tx = tx;
  }

  @Override
  public StartYearResult startYear(String districtCode, int academicYearBE, String startedBy) {
    List<String> started = new ArrayList<>();
    List<String> running = new ArrayList<>();
    for (School school : directory.schoolsOfDistrict(districtCode)) {
      startSchool(school.code(), academicYearBE, startedBy)
          .ifPresentOrElse(id -> started.add(school.code()), () -> running.add(school.code()));
    }
    return new StartYearResult(started, running);
  }

  @Override
  public Optional<String> startSchool(String schoolCode, int academicYearBE, String startedBy) {
    School school =
        directory
            .school(schoolCode)
            .orElseThrow(() -> new IllegalArgumentException("Unknown school " + schoolCode));
    try {
      return tx.execute(
          status -> {
            if (exists(schoolCode, academicYearBE)) {
              return Optional.<String>empty();
            }
            ProcessInstance instance =
                runtime.startProcessInstanceByKey(
                    SchoolQaCycleProcess.PROCESS_ID,
                    SchoolQaCycleProcess.businessKey(schoolCode, academicYearBE),
                    startVariables(school, academicYearBE));
            jdbc.sql(
                    """
                insert into school_cycle (school_code, academic_year, process_instance_id, started_at, started_by)
                values (:school, :year, :pi, :at, :by)""")
                .param("school", schoolCode)
                .param("year", academicYearBE)
                .param("pi", instance.getId())
                .param("at", Timestamp.from(clock.instant()))
                .param("by", startedBy)
                .update();
            return Optional.of(instance.getId());
          });
    } catch (DuplicateKeyException raced) {
      return Optional.empty();
    }
  }

  /**
   * The school's identity, and its standards and levels as JSON lists for the forms' per-standard
   * rows.
   */
  private VariableMap startVariables(School school, int academicYearBE) {
    VariableMap variables =
        Variables.createVariables()
            .putValue(ProcessVariables.SCHOOL_CODE, school.code())
            .putValue(ProcessVariables.SCHOOL_NAME, school.nameTh())
            .putValue(ProcessVariables.DISTRICT_CODE, school.districtCode())
            .putValue(
                ProcessVariables.CLUSTER_CODE,
                school.clusterCode() == null ? "" : school.clusterCode())
            .putValue(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
    standards
        .cycleVariables(school, academicYearBE)
        .forEach(
            (name, value) ->
                variables.putValue(
                    name,
                    Variables.objectValue(value)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create()));
    return variables;
  }

  private boolean exists(String schoolCode, int year) {
    return jdbc.sql(
                "select count(*) from school_cycle where school_code = :s and academic_year = :y")
            .param("s", schoolCode)
            .param("y", year)
            .query(Integer.class)
            .single()
        > 0;
  }
}
