package th.qaflow.onesqa.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;

/**
 * The one way a school's ONESQA status changes: an execution listener on the step that moves it,
 * naming the new status, e.g. {@code <camunda:executionListener event="end"
 * expression="${externalStatus.ofSchool(execution, 'SCHEDULED')}" />} on a task, or {@code
 * event="take"} on the flow a decision takes. So every transition is in the model
 * (ExternalAssessment and ExternalAssessmentSchool from version 3); the engine turns the quoted
 * name into a {@link SchoolStatus} and refuses an unknown one. Runs in the engine's transaction.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("externalStatus")
public class ExternalStatus {
  private final ExternalStore store;

  ExternalStatus(ExternalStore store) {
    this.store = store;
  }

  /** The school of this execution (its {@code schoolCode}). */
  public void ofSchool(DelegateExecution execution, SchoolStatus status) {
    store.status(
        ExternalSteps.district(execution),
        ExternalSteps.year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
        status);
  }

  /** Every school of the district's year. */
  public void ofAllSchools(DelegateExecution execution, SchoolStatus status) {
    store.statusOfAll(ExternalSteps.district(execution), ExternalSteps.year(execution), status);
  }

  /** The target schools ({@code targetSchools}). */
  public void ofTargetSchools(DelegateExecution execution, SchoolStatus status) {
    String district = ExternalSteps.district(execution);
    int year = ExternalSteps.year(execution);
    for (String school : ExternalSteps.targets(execution)) {
      store.status(district, year, school, status);
    }
  }
}
