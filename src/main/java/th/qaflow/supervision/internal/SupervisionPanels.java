package th.qaflow.supervision.internal;

import static th.qaflow.supervision.SupervisionPlanProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * What the supervision plan's tasks show above their form: the needs analysis to the drafter, the
 * drafted plan to the approving director, the director's comments after a return, the project to
 * its owner, and the projects' progress with the schools' satisfaction on the evaluation and later
 * steps.
 */
@Component
class SupervisionPanels implements TaskPanelProvider {
  private final SupervisionPlans plans;
  private final SupervisionViews views;

  SupervisionPanels(SupervisionPlans plans, SupervisionViews views) {
    this.plans = plans;
    this.views = views;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!PROCESS_ID.equals(processKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(VAR_FISCAL_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("year", year.intValue());
    if (TASK_DRAFT_PLAN.equals(taskKey)) {
      model.put("workload", v.get(VAR_WORKLOAD));
      model.put("needs", v.get(VAR_NEEDS));
      if (DECISION_RETURN.equals(v.get(VAR_PLAN_DECISION)) && v.get(VAR_PLAN_COMMENTS) != null) {
        model.put("returned", v.get(VAR_PLAN_COMMENTS));
      }
    }
    if (TASK_APPROVE_PLAN.equals(taskKey)) {
      model.put("vision", v.get(VAR_VISION));
      model.put("strategies", v.get(VAR_STRATEGIES));
      List<Map<String, Object>> drafted = new ArrayList<>();
      if (v.get(VAR_PROJECTS) instanceof List<?> rows) {
        for (Object row : rows) {
          if (row instanceof Map<?, ?> m) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", m.get("projectName"));
            p.put("owner", views.personName(String.valueOf(m.get("projectOwner"))));
            p.put("objective", m.get("projectObjective"));
            p.put("indicators", m.get("projectIndicators"));
            drafted.add(p);
          }
        }
      }
      model.put("drafted", drafted);
    }
    if (v.get(VAR_PROJECT_ID) instanceof Number projectId) {
      plans
          .project(projectId.longValue())
          .map(views::project)
          .ifPresent(p -> model.put("project", p));
    }
    if (List.of(TASK_EVALUATE, TASK_PLAN_IMPROVEMENT, TASK_SUMMARY_REPORT).contains(taskKey)) {
      plans.plan(district, year.intValue()).map(views::view).ifPresent(p -> model.put("plan", p));
      model.put("evaluation", v.get(VAR_EVALUATION));
      model.put("improvement", v.get(VAR_IMPROVEMENT));
    }
    return Optional.of(new TaskPanel("supervision/panels", "plan", model));
  }
}
