package th.qaflow.network.internal;

import static th.qaflow.network.NetworkProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.network.NetworkCycles;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * What the network development's tasks show above their form: the needs to the planner (with the
 * director's comments after a return), the drafted networks to the approving director, and the
 * approved networks with their development reports on the development, evaluation and later steps.
 */
@Component
class NetworkPanels implements TaskPanelProvider {
  private final NetworkCycles cycles;
  private final NetworkViews views;

  NetworkPanels(NetworkCycles cycles, NetworkViews views) {
    this.cycles = cycles;
    this.views = views;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!PROCESS_ID.equals(processKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)
        || TASK_COLLECT_NEEDS.equals(taskKey)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("year", year.intValue());
    if (TASK_PLAN_NETWORKS.equals(taskKey)) {
      model.put("needs", v.get(VAR_NEEDS));
      if (DECISION_RETURN.equals(v.get(VAR_PLAN_DECISION)) && v.get(VAR_PLAN_COMMENTS) != null) {
        model.put("returned", v.get(VAR_PLAN_COMMENTS));
      }
    } else if (TASK_APPROVE_PLAN.equals(taskKey)) {
      model.put("needs", v.get(VAR_NEEDS));
      model.put("goal", v.get(VAR_PLAN_GOAL));
      List<Map<String, Object>> drafted = new ArrayList<>();
      if (v.get(VAR_NETWORKS) instanceof List<?> rows) {
        for (Object row : rows) {
          if (row instanceof Map<?, ?> m) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", m.get("networkName"));
            n.put("kind", "network.kind." + NetworkSteps.kind(m.get("networkKind")).name());
            n.put("lead", m.get("networkLead"));
            n.put("target", m.get("networkTarget"));
            drafted.add(n);
          }
        }
      }
      model.put("drafted", drafted);
    } else {
      cycles
          .cycle(district, year.intValue())
          .map(views::view)
          .ifPresent(c -> model.put("cycle", c));
    }
    return Optional.of(new TaskPanel("network/panels", "cycle", model));
  }
}
