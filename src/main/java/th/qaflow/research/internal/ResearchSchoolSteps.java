package th.qaflow.research.internal;

import static th.qaflow.research.SchoolResearchProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The expressions of SchoolResearch: the adviser's check of the tools, the research data record and
 * {@code reported(execution)}. They run in the engine's transaction, so the rows commit with the
 * step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("researchSchoolSteps")
public class ResearchSchoolSteps {
  private final JdbcSchoolResearch register;

  ResearchSchoolSteps(JdbcSchoolResearch register) {
    this.register = register;
  }

  public void toolsChecked(DelegateTask task) {
    register.toolsChecked(
        task.getProcessInstanceId(), DECISION_APPROVE.equals(task.getVariable(VAR_TOOLS_DECISION)));
  }

  public void recorded(DelegateTask task) {
    register.recorded(
        task.getProcessInstanceId(),
        ResearchSteps.text(task.getVariable(VAR_DATA)),
        ResearchSteps.number(task.getVariable(VAR_PROGRESS)));
  }

  public void reported(DelegateExecution execution) {
    register.reported(
        execution.getProcessInstanceId(),
        ResearchSteps.text(execution.getVariable(VAR_FINDINGS)),
        ResearchSteps.text(execution.getVariable(VAR_USE)));
  }
}
