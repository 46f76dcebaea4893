package th.qaflow.research.internal;

import static th.qaflow.research.ResearchProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;

/**
 * The expressions of DistrictResearch: the task listeners that keep the project's row and its
 * rounds up to date, and {@code publish(execution)}. They run in the engine's transaction, so the
 * rows commit with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("researchSteps")
public class ResearchSteps {
  private final JdbcResearchProjects projects;

  ResearchSteps(JdbcResearchProjects projects) {
    this.projects = projects;
  }

  /** The synthesis of the schools' research (แบบสังเคราะห์งานวิจัย). */
  public void synthesised(DelegateTask task) {
    projects.synthesised(
        task.getProcessInstanceId(),
        number(task.getVariable(VAR_SYNTHESIS_COUNT)),
        text(task.getVariable(VAR_SYNTHESIS)));
  }

  /** The director's decision on the proposal: approved, or one more revision. */
  public void proposalDecided(DelegateTask task) {
    projects.proposal(
        task.getProcessInstanceId(),
        text(task.getVariable(VAR_QUESTION)),
        text(task.getVariable(VAR_METHOD)),
        DECISION_APPROVE.equals(task.getVariable(VAR_PROPOSAL_DECISION)));
  }

  public void planned(DelegateTask task) {
    projects.planned(
        task.getProcessInstanceId(),
        text(task.getVariable(VAR_SAMPLE)),
        text(task.getVariable(VAR_PLAN)));
  }

  public void collected(DelegateTask task) {
    projects.collected(
        task.getProcessInstanceId(),
        number(task.getVariable(VAR_RESPONDENTS)),
        text(task.getVariable(VAR_DATA_COLLECTED)));
  }

  public void analysed(DelegateTask task) {
    projects.analysed(task.getProcessInstanceId(), text(task.getVariable(VAR_FINDINGS)));
  }

  public void evaluated(DelegateTask task) {
    projects.evaluated(
        task.getProcessInstanceId(),
        text(task.getVariable(VAR_MODEL_EVALUATION)),
        EFFECTIVE_YES.equals(task.getVariable(VAR_MODEL_EFFECTIVE)));
  }

  /** Not effective: the revision closes the round and the data are collected again. */
  public void revised(DelegateTask task) {
    projects.revised(task.getProcessInstanceId(), text(task.getVariable(VAR_REVISION)));
  }

  public void reported(DelegateTask task) {
    projects.reported(
        task.getProcessInstanceId(),
        text(task.getVariable(VAR_SUMMARY)),
        text(task.getVariable(VAR_RECOMMENDATIONS)));
  }

  public void publish(DelegateExecution execution) {
    projects.published(
        execution.getProcessInstanceId(),
        date(execution.getVariable(VAR_SHARING_DATE)),
        number(execution.getVariable(VAR_SHARING_ATTENDANCE)),
        text(execution.getVariable(VAR_PUBLICATION)));
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

  static Integer number(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    String s = text(value);
    return s != null && s.strip().matches("-?\\d{1,9}") ? Integer.valueOf(s.strip()) : null;
  }

  static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }
}
