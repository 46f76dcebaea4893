package th.qaflow.coverage.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.visit.DistrictVisitProcess;

/**
 * Fills {@code visit_completion} from the engine's history once, for a database whose visits
 * completed before the table existed (V41): when the table is empty at start-up, every completed
 * DistrictVisit in the history is recorded. Afterwards {@link VisitCompletionRecorder} keeps it.
 */
@Component
class CoverageBackfill {
  private static final Logger log = LoggerFactory.getLogger(CoverageBackfill.class);
  private static final int BATCH = 500;

  private final JdbcVisitCoverage coverage;
  private final HistoryService history;
  private final TransactionTemplate tx;

  CoverageBackfill(
      JdbcVisitCoverage coverage, @Lazy HistoryService history, TransactionTemplate tx) {
    this.coverage = coverage;
    this.history = history;
    this.tx = tx;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void onStart() {
    backfill();
  }

  /** Records the completed visits of the history when the table is empty; returns how many. */
  int backfill() {
    if (!coverage.isEmpty()) {
      return 0;
    }
    Integer recorded =
        tx.execute(
            status -> {
              int n = 0;
              int first = 0;
              while (true) {
                List<HistoricProcessInstance> done =
                    history
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(DistrictVisitProcess.PROCESS_ID)
                        .completed()
                        .orderByProcessInstanceEndTime()
                        .asc()
                        .listPage(first, BATCH);
                if (done.isEmpty()) {
                  return n;
                }
                n += record(done);
                first += done.size();
              }
            });
    if (recorded != null && recorded > 0) {
      log.info("Visit coverage: {} completed visits recorded from the engine's history", recorded);
    }
    return recorded == null ? 0 : recorded;
  }

  private int record(List<HistoricProcessInstance> done) {
    Map<String, Map<String, Object>> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(
                done.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
            .variableNameIn(
                ProcessVariables.SCHOOL_CODE,
                ProcessVariables.ACADEMIC_YEAR,
                ProcessVariables.DISTRICT_CODE,
                DistrictVisitProcess.VAR_VISIT_ROUND_NO)
            .list()) {
      vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
          .put(v.getName(), v.getValue());
    }
    int n = 0;
    for (HistoricProcessInstance pi : done) {
      Map<String, Object> v = vars.getOrDefault(pi.getId(), Map.of());
      if (v.get(ProcessVariables.SCHOOL_CODE) instanceof String school
          && v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year
          && v.get(ProcessVariables.DISTRICT_CODE) instanceof String district) {
        coverage.completed(
            school,
            year.intValue(),
            district,
            v.get(DistrictVisitProcess.VAR_VISIT_ROUND_NO) instanceof Number r ? r.intValue() : 0,
            pi.getId(),
            pi.getEndTime().toInstant());
        n++;
      }
    }
    return n;
  }
}
