package th.qaflow.districtplan.internal;

import static th.qaflow.districtplan.DistrictQaPlanProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * What the plan's tasks show above their form: to the drafters, last year's published synthesis
 * (from the synthesis module), the previous year's evaluation and the 3-year plan in force; to the
 * director, what they decide on; after a return, the director's comments.
 */
@Component
class DistrictPlanPanels implements TaskPanelProvider {
  static final String TEMPLATE = "districtplan/panels";
  private static final Set<String> DRAFTING =
      Set.of(TASK_DRAFT_DEVELOPMENT_PLAN, TASK_DRAFT_ACTION_PLAN);

  private final SarSynthesis synthesis;

  DistrictPlanPanels(SarSynthesis synthesis) {
    this.synthesis = synthesis;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!PROCESS_ID.equals(processKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("year", year.intValue());
    model.put("planFirstYear", v.get(VAR_PLAN_FIRST_YEAR));
    model.put("planLastYear", v.get(VAR_PLAN_LAST_YEAR));
    model.put("standards", labels(v.get(StandardsCatalog.VAR_STANDARD_OPTIONS)));
    String returned = returnComments(taskKey, v);
    if (returned != null) {
      model.put("returned", returned);
    }
    if (DRAFTING.contains(taskKey)) {
      model.put("drafting", true);
      synthesis.published(district, year.intValue() - 1).ifPresent(s -> model.put("synthesis", s));
      if (v.get(VAR_PREVIOUS_EVALUATION) != null) {
        model.put("previousYear", v.get(VAR_PREVIOUS_YEAR));
        model.put("previousEvaluation", rows(v.get(VAR_PREVIOUS_EVALUATION)));
        model.put("previousSummary", v.get(VAR_PREVIOUS_SUMMARY));
        model.put("previousLessons", v.get(VAR_PREVIOUS_LESSONS));
      }
    }
    if (v.get(VAR_DP_VISION) != null && !TASK_DRAFT_DEVELOPMENT_PLAN.equals(taskKey)) {
      model.put("vision", v.get(VAR_DP_VISION));
      model.put("strategies", rows(v.get(VAR_DP_STRATEGIES)));
      model.put("dpIndicators", rows(v.get(VAR_DP_INDICATORS)));
    }
    if (Set.of(TASK_APPROVE_ACTION_PLAN, TASK_EVALUATE_PLAN).contains(taskKey)) {
      model.put("apSummary", v.get(VAR_AP_SUMMARY));
      model.put("projects", rows(v.get(VAR_AP_PROJECTS)));
      model.put("apIndicators", rows(v.get(VAR_AP_INDICATORS)));
    }
    if (Set.of(TASK_REPORT_EVALUATION, TASK_ACKNOWLEDGE_REPORT).contains(taskKey)) {
      model.put("evaluation", rows(v.get(VAR_EV_INDICATORS)));
    }
    if (TASK_ACKNOWLEDGE_REPORT.equals(taskKey)) {
      model.put("reportSummary", v.get(VAR_REPORT_SUMMARY));
      model.put("reportLessons", v.get(VAR_REPORT_LESSONS));
    }
    return Optional.of(new TaskPanel(TEMPLATE, "plan", model));
  }

  /** The director's comments when the task is done again after a return. */
  private static String returnComments(String taskKey, Map<String, Object> v) {
    String decision;
    String comments;
    switch (taskKey) {
      case TASK_DRAFT_DEVELOPMENT_PLAN -> {
        decision = VAR_DEVELOPMENT_PLAN_DECISION;
        comments = VAR_DEVELOPMENT_PLAN_COMMENTS;
      }
      case TASK_DRAFT_ACTION_PLAN -> {
        decision = VAR_ACTION_PLAN_DECISION;
        comments = VAR_ACTION_PLAN_COMMENTS;
      }
      case TASK_EVALUATE_PLAN -> {
        decision = VAR_REPORT_DECISION;
        comments = VAR_REPORT_COMMENTS;
      }
      default -> {
        return null;
      }
    }
    return DECISION_RETURN.equals(v.get(decision)) && v.get(comments) != null
        ? String.valueOf(v.get(comments))
        : null;
  }

  static List<Map<String, Object>> rows(Object value) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof Map<?, ?> map) {
          Map<String, Object> row = new LinkedHashMap<>();
          map.forEach((k, val) -> row.put(String.valueOf(k), val));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Standard code → Thai label, from the options the year started with. */
  private static Map<String, Object> labels(Object options) {
    Map<String, Object> labels = new LinkedHashMap<>();
    for (Map<String, Object> o : rows(options)) {
      labels.put(String.valueOf(o.get("value")), o.get("label"));
    }
    return labels;
  }
}
