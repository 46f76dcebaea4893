package th.qaflow.kernel;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a district's process of a year (its QA cycle, supervision plan, network cycle, TUMHOME
 * drive) once, together with the row that records it: {@code district_code}, the year, {@code
 * process_instance_id}, {@code started_at}, {@code started_by}, in one transaction under the row's
 * unique key ({@link StartOnce}).
 */
@Component
public class YearlyProcesses {
  /**
   * Where a kind of yearly process is recorded.
   *
   * @param table the table, unique on district and year
   * @param yearColumn {@code academic_year} or {@code fiscal_year}
   */
  public record Record(String table, String yearColumn) {}

  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  YearlyProcesses(
      @Lazy RuntimeService runtime, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * The new instance's id, or empty when {@code exists} says the year has one (or a concurrent
   * start got there first).
   */
  public Optional<String> startOnce(
      Record record,
      String districtCode,
      int yearBE,
      String processId,
      String businessKey,
      Map<String, Object> variables,
      String startedBy,
      BooleanSupplier exists) {
    return StartOnce.inTransaction(
        tx,
        exists,
        () -> {
          String id = runtime.startProcessInstanceByKey(processId, businessKey, variables).getId();
          jdbc.sql(
                  "insert into "
                      + record.table()
                      + " (district_code, "
                      + record.yearColumn()
                      + ", process_instance_id, started_at, started_by)"
                      + " values (:district, :year, :pi, :at, :by)")
              .param("district", districtCode)
              .param("year", yearBE)
              .param("pi", id)
              .param("at", Timestamp.from(clock.instant()))
              .param("by", startedBy)
              .update();
          return id;
        });
  }
}
