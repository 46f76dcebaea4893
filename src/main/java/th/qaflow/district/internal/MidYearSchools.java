package th.qaflow.district.internal;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.CycleService;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImported;

/**
 * A school added mid-year gets its cycle: after a schools import that created schools, every
 * running district cycle that has already started its schools' cycles starts the missing ones
 * (idempotent, never two per school and year). Runs inside the import's transaction, so the new
 * cycles commit or roll back with the import.
 */
@Component
class MidYearSchools {
  private static final Logger log = LoggerFactory.getLogger(MidYearSchools.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final CycleService cycles;

  MidYearSchools(@Lazy RuntimeService runtime, @Lazy HistoryService history, CycleService cycles) {
    this.runtime = runtime;
    this.history = history;
    this.cycles = cycles;
  }

  @EventListener
  public void imported(OrganisationImported event) {
    if (event.report().kind() != ImportKind.SCHOOLS
        || !event.report().ok()
        || event.report().created() == 0) {
      return;
    }
    List<ProcessInstance> running =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(DistrictQaCycleProcess.PROCESS_ID)
            .active()
            .list();
    for (ProcessInstance district : running) {
      boolean schoolsStarted =
          history
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(district.getId())
                  .activityId(DistrictQaCycleProcess.TASK_START_SCHOOL_CYCLES)
                  .finished()
                  .count()
              > 0;
      if (!schoolsStarted) {
        continue; // the cycle's own start step will start every school, the new ones included
      }
      String code = (String) runtime.getVariable(district.getId(), ProcessVariables.DISTRICT_CODE);
      int year =
          ((Number) runtime.getVariable(district.getId(), ProcessVariables.ACADEMIC_YEAR))
              .intValue();
      String actor = event.actorUserId() == null ? "system" : event.actorUserId();
      CycleService.StartYearResult result = cycles.startYear(code, year, actor);
      if (!result.started().isEmpty()) {
        log.info(
            "District {} year {}: started the cycles of new schools {}",
            code,
            year,
            result.started());
      }
    }
  }
}
