package th.qaflow.supervision.internal;

import static th.qaflow.supervision.SupervisionPlanProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Indicator;

/**
 * The expressions of SupervisionPlan: {@code ${supervisionSteps.recordPlan(execution)}}, the
 * projects' collection and owners, the progress and evaluation listeners, and {@code
 * publish(execution)}. They run in the engine's transaction, so the rows commit with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("supervisionSteps")
public class SupervisionSteps {
  private final JdbcSupervisionPlans plans;

  SupervisionSteps(JdbcSupervisionPlans plans) {
    this.plans = plans;
  }

  /** The approved plan: vision, strategies, projects with their owners and indicators. */
  public void recordPlan(DelegateExecution execution) {
    List<JdbcSupervisionPlans.NewProject> projects = new ArrayList<>();
    for (Map<?, ?> row : rows(execution.getVariable(VAR_PROJECTS))) {
      projects.add(
          new JdbcSupervisionPlans.NewProject(
              text(row.get("projectName")),
              text(row.get("projectOwner")),
              text(row.get("projectObjective")),
              indicators(text(row.get("projectIndicators")))));
    }
    plans.recordPlan(
        execution.getProcessInstanceId(),
        text(execution.getVariable(VAR_VISION)),
        text(execution.getVariable(VAR_STRATEGIES)),
        projects);
  }

  /** The multi-instance collection: the plan's project ids. */
  public List<Long> projectIds(DelegateExecution execution) {
    return plans.projectIds(execution.getProcessInstanceId());
  }

  public String owner(Object projectId) {
    return plans.owner(((Number) projectId).longValue());
  }

  /** Each project's branch keeps its own report, so parallel reports never share variables. */
  public void projectStarted(DelegateExecution execution) {
    execution.setVariableLocal(VAR_PROGRESS_PERCENT, null);
    execution.setVariableLocal(VAR_PROGRESS_NOTE, null);
    execution.setVariableLocal(VAR_PROGRESS_STATUS, null);
  }

  public void progressReported(DelegateTask task) {
    Object percent = task.getVariable(VAR_PROGRESS_PERCENT);
    plans.progress(
        ((Number) task.getVariable(VAR_PROJECT_ID)).longValue(),
        task.getAssignee() == null ? "-" : task.getAssignee(),
        percent instanceof Number n ? Math.max(0, Math.min(100, n.intValue())) : 0,
        STATUS_DONE.equals(task.getVariable(VAR_PROGRESS_STATUS)),
        text(task.getVariable(VAR_PROGRESS_NOTE)));
  }

  /** The evaluation shows the schools' satisfaction ratings of the year. */
  public void evaluationOpened(DelegateTask task) {
    String district = (String) task.getVariable(ProcessVariables.DISTRICT_CODE);
    int year = ((Number) task.getVariable(VAR_FISCAL_YEAR)).intValue();
    List<SupervisionPlans.Rating> ratings = plans.ratings(district, year);
    task.setVariable(
        VAR_SATISFACTION_AVERAGE, Math.round(SupervisionPlans.average(ratings) * 100) / 100.0);
    task.setVariable(VAR_SATISFACTION_COUNT, ratings.size());
  }

  /** Not as intended: the improvement is planned and the projects run another round. */
  public void improvementPlanned(DelegateTask task) {
    plans.evaluated(task.getProcessInstanceId(), false, true);
  }

  public void publish(DelegateExecution execution) {
    plans.evaluated(execution.getProcessInstanceId(), true, false);
    plans.published(execution.getProcessInstanceId(), text(execution.getVariable(VAR_SUMMARY)));
  }

  /** "indicator | target" per line; a line without a bar has no target. */
  static List<Indicator> indicators(String text) {
    List<Indicator> indicators = new ArrayList<>();
    if (text == null) {
      return indicators;
    }
    for (String line : text.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int bar = l.lastIndexOf('|');
      indicators.add(
          bar < 0
              ? new Indicator(cut(l, 500), null)
              : new Indicator(
                  cut(l.substring(0, bar).strip(), 500), cut(l.substring(bar + 1).strip(), 300)));
    }
    return indicators;
  }

  private static String cut(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  private static List<Map<?, ?>> rows(Object value) {
    List<Map<?, ?>> rows = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          rows.add(m);
        }
      }
    }
    return rows;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
