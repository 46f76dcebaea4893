package th.qaflow.network.internal;

import static th.qaflow.network.NetworkProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.network.NetworkCycles.Kind;

/**
 * The expressions of SupervisionNetwork: {@code ${networkSteps.recordPlan(execution)}}, the
 * seminar, development, evaluation and improvement listeners, and {@code publish(execution)}. They
 * run in the engine's transaction, so the rows commit with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("networkSteps")
public class NetworkSteps {
  private final JdbcNetworkCycles cycles;

  NetworkSteps(JdbcNetworkCycles cycles) {
    this.cycles = cycles;
  }

  /** The approved plan: its goal and networks (kind, coordinator, target). */
  public void recordPlan(DelegateExecution execution) {
    List<JdbcNetworkCycles.NewNetwork> networks = new ArrayList<>();
    if (execution.getVariable(VAR_NETWORKS) instanceof List<?> rows) {
      for (Object o : rows) {
        if (o instanceof Map<?, ?> row && text(row.get("networkName")) != null) {
          networks.add(
              new JdbcNetworkCycles.NewNetwork(
                  text(row.get("networkName")),
                  kind(row.get("networkKind")),
                  text(row.get("networkLead")),
                  text(row.get("networkTarget"))));
        }
      }
    }
    cycles.recordPlan(
        execution.getProcessInstanceId(), text(execution.getVariable(VAR_PLAN_GOAL)), networks);
  }

  public void seminarHeld(DelegateTask task) {
    cycles.seminar(
        task.getProcessInstanceId(),
        date(task.getVariable(VAR_SEMINAR_DATE)),
        number(task.getVariable(VAR_SEMINAR_ATTENDANCE)),
        text(task.getVariable(VAR_SEMINAR_SUMMARY)));
  }

  /** A semester's development report; the semester is the task's. */
  public void developed(DelegateTask task) {
    boolean first = TASK_DEVELOP_SEMESTER_ONE.equals(task.getTaskDefinitionKey());
    Integer activities = number(task.getVariable(first ? VAR_S1_ACTIVITIES : VAR_S2_ACTIVITIES));
    cycles.developed(
        task.getProcessInstanceId(),
        first ? 1 : 2,
        activities == null ? 0 : activities,
        text(task.getVariable(first ? VAR_S1_PROGRESS : VAR_S2_PROGRESS)),
        task.getAssignee() == null ? "-" : task.getAssignee());
  }

  public void evaluated(DelegateTask task) {
    cycles.evaluated(
        task.getProcessInstanceId(),
        text(task.getVariable(VAR_EVALUATION)),
        AS_INTENDED_YES.equals(task.getVariable(VAR_AS_INTENDED)));
  }

  /** Not as intended: the improvement is recorded and the networks go round again. */
  public void improved(DelegateTask task) {
    cycles.improved(task.getProcessInstanceId(), text(task.getVariable(VAR_IMPROVEMENT)));
  }

  public void publish(DelegateExecution execution) {
    cycles.published(
        execution.getProcessInstanceId(),
        text(execution.getVariable(VAR_GUIDELINES)),
        text(execution.getVariable(VAR_SUMMARY)),
        text(execution.getVariable(VAR_REPORTED_TO)));
  }

  static Kind kind(Object value) {
    try {
      return value == null ? Kind.PERSON : Kind.valueOf(String.valueOf(value));
    } catch (IllegalArgumentException unknown) {
      return Kind.PERSON;
    }
  }

  static LocalDate date(Object value) {
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(AcademicYears.ZONE).toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String s = text(value);
    if (s != null && s.length() >= 10 && s.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(s.substring(0, 10));
    }
    return null;
  }

  private static Integer number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    String s = text(value);
    return s != null && s.strip().matches("-?\\d{1,9}") ? Integer.valueOf(s.strip()) : null;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
