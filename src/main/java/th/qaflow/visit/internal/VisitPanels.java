package th.qaflow.visit.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;
import th.qaflow.visit.DistrictVisitProcess;

/**
 * On the school's self-check tasks: the findings, recommendations and improvement actions of the
 * school's latest completed visits of that academic year (newest first, at most {@code
 * qaflow.visit.panel-visits}).
 */
@Component
class VisitPanels implements TaskPanelProvider {
  private static final List<String> TASKS =
      List.of(
          SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_ONE,
          SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_TWO);
  private static final List<String> VARIABLES =
      List.of(
          DistrictVisitProcess.VAR_VISIT_ROUND_NO,
          DistrictVisitProcess.VAR_VISIT_DATE,
          DistrictVisitProcess.VAR_VISIT_FINDINGS,
          DistrictVisitProcess.VAR_VISIT_SUMMARY,
          DistrictVisitProcess.VAR_IMPROVEMENT_ACTIONS);

  private final HistoryService history;
  private final int maxVisits;

  VisitPanels(HistoryService history, @Value("${qaflow.visit.panel-visits:3}") int maxVisits) {
    this.history = history;
    this.maxVisits = maxVisits;
  }

  /** A completed visit as the panel shows it. */
  record CompletedVisit(
      Object roundNo,
      Object visitDate,
      Date completedAt,
      String summary,
      List<Map<String, Object>> findings,
      List<Map<String, Object>> actions) {}

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processDefinitionKey, Map<String, Object> variables, QaUser user) {
    if (DistrictVisitProcess.PROCESS_ID.equals(processDefinitionKey)
        && DistrictVisitProcess.TASK_RECORD_FINDINGS.equals(taskKey)
        && DistrictVisitProcess.DECISION_RETURN.equals(
            variables.get(DistrictVisitProcess.VAR_REPORT_DECISION))) {
      // the supervision director returned the report: say so, with what to change, above the form
      Object comments = variables.get(DistrictVisitProcess.VAR_REPORT_COMMENTS);
      return Optional.of(
          new TaskPanel(
              "tasklist/panels",
              "returned",
              Map.of(
                  "title",
                  "visit.returned.title",
                  "comments",
                  comments == null ? "" : String.valueOf(comments))));
    }
    if (!SchoolQaCycleProcess.PROCESS_ID.equals(processDefinitionKey)
        || !TASKS.contains(taskKey)
        || !(variables.get(ProcessVariables.SCHOOL_CODE) instanceof String school)
        || !(variables.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    List<CompletedVisit> visits = completedVisits(school, year.intValue(), variables);
    Map<String, Object> model = new HashMap<>();
    model.put("visits", visits);
    return Optional.of(new TaskPanel("visit/panels", "selfCheck", model));
  }

  List<CompletedVisit> completedVisits(
      String school, int year, Map<String, Object> cycleVariables) {
    List<HistoricProcessInstance> done =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(DistrictVisitProcess.PROCESS_ID)
            .processInstanceBusinessKeyLike(school + "-" + year + "-V%")
            .completed()
            .orderByProcessInstanceEndTime()
            .desc()
            .listPage(0, maxVisits);
    if (done.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> values = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(
                done.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
            .variableNameIn(VARIABLES.toArray(String[]::new))
            .list()) {
      if (v.getValue() != null) {
        values
            .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>())
            .put(v.getName(), v.getValue());
      }
    }
    Map<String, String> levels = labels(cycleVariables.get(StandardsCatalog.VAR_LEVEL_OPTIONS));
    Map<String, String> standards =
        labels(cycleVariables.get(StandardsCatalog.VAR_STANDARD_OPTIONS));
    List<CompletedVisit> visits = new ArrayList<>();
    for (HistoricProcessInstance pi : done) {
      Map<String, Object> v = values.getOrDefault(pi.getId(), Map.of());
      List<Map<String, Object>> findings = rows(v.get(DistrictVisitProcess.VAR_VISIT_FINDINGS));
      findings.forEach(
          r ->
              r.put(
                  "observedLevelLabel",
                  levels.getOrDefault(
                      String.valueOf(r.get("observedLevel")),
                      String.valueOf(r.get("observedLevel")))));
      List<Map<String, Object>> actions = rows(v.get(DistrictVisitProcess.VAR_IMPROVEMENT_ACTIONS));
      actions.forEach(
          r ->
              r.put(
                  "actionStandardLabel",
                  standards.getOrDefault(
                      String.valueOf(r.get("actionStandard")),
                      String.valueOf(r.get("actionStandard")))));
      visits.add(
          new CompletedVisit(
              v.get(DistrictVisitProcess.VAR_VISIT_ROUND_NO),
              v.get(DistrictVisitProcess.VAR_VISIT_DATE),
              pi.getEndTime(),
              (String) v.get(DistrictVisitProcess.VAR_VISIT_SUMMARY),
              findings,
              actions));
    }
    return visits;
  }

  /**
   * Option value → label in the user's language, from an options variable ({@code value}, {@code
   * label}, {@code label_en}).
   */
  private static Map<String, String> labels(Object options) {
    boolean english =
        Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    Map<String, String> labels = new HashMap<>();
    for (Map<String, Object> o : rows(options)) {
      Object label = english && o.get("label_en") != null ? o.get("label_en") : o.get("label");
      labels.put(String.valueOf(o.get("value")), String.valueOf(label));
    }
    return labels;
  }

  private static List<Map<String, Object>> rows(Object value) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof Map<?, ?> map) {
          Map<String, Object> row = new LinkedHashMap<>();
          map.forEach((k, v) -> row.put(String.valueOf(k), v));
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
