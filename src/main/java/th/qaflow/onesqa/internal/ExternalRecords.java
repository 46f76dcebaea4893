package th.qaflow.onesqa.internal;

import static th.qaflow.onesqa.ExternalAssessmentProcess.*;
import static th.qaflow.onesqa.ExternalAssessmentSchoolProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Only for instances started on version 1 or 2 of ExternalAssessment and ExternalAssessmentSchool,
 * whose models call {@code ${externalRecords.…(execution)}}: each old entry does what the step's
 * listeners in version 3 do ({@link ExternalSteps} and {@link ExternalStatus}), so a school's row
 * reads the same whichever version its instance runs on. Delete this class once no instance of
 * those versions runs (migrate them with the plan in docs/model-changes.md; Cockpit shows the
 * instances per version).
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("externalRecords")
public class ExternalRecords {
  private final ExternalSteps steps;
  private final ExternalStatus status;

  ExternalRecords(ExternalSteps steps, ExternalStatus status) {
    this.steps = steps;
    this.status = status;
  }

  public void readinessStarted(DelegateExecution execution) {
    steps.readinessStarted(execution);
    status.ofSchool(execution, SchoolStatus.READINESS_OPEN);
  }

  public void readinessConfirmed(DelegateExecution execution) {
    steps.readinessConfirmed(execution);
    status.ofSchool(execution, SchoolStatus.READINESS_CONFIRMED);
  }

  public void groupByReadiness(DelegateExecution execution) {
    steps.groupByReadiness(execution);
    status.ofAllSchools(execution, SchoolStatus.READINESS_LISTED);
  }

  public void collectSars(DelegateExecution execution) {
    steps.collectSars(execution);
  }

  public void schoolAssessmentStarted(DelegateExecution execution) {
    steps.schoolAssessmentStarted(execution);
    status.ofSchool(execution, SchoolStatus.SCHEDULING);
  }

  public void evaluateResult(DelegateExecution execution) {
    steps.evaluateResult(execution);
    status.ofSchool(
        execution,
        Boolean.TRUE.equals(execution.getVariable(VAR_ALL_STANDARDS_MET))
            ? SchoolStatus.RESULT_MET
            : Boolean.TRUE.equals(execution.getVariable(VAR_REASSESSMENT_ALLOWED))
                ? SchoolStatus.REASSESSMENT
                : SchoolStatus.RESULT_NOT_MET);
  }

  /**
   * The end of every user task in versions 1 and 2; version 3 puts these on the tasks and flows
   * themselves.
   */
  public void taskDone(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case TASK_PUBLISH_CRITERIA -> status.ofAllSchools(execution, SchoolStatus.CRITERIA_PUBLISHED);
      case TASK_DECLARE_READINESS -> {
        steps.readinessDeclared(execution);
        status.ofSchool(execution, SchoolStatus.READINESS_DECLARED);
      }
      case TASK_CONFIRM_READINESS -> {
        if (DECISION_RETURN.equals(execution.getVariable(VAR_READINESS_DECISION))) {
          steps.readinessReturned(execution);
          status.ofSchool(execution, SchoolStatus.READINESS_RETURNED);
        }
      }
      case TASK_SEND_READINESS_LIST -> {
        steps.targetsChosen(execution);
        status.ofAllSchools(execution, SchoolStatus.NOT_TARGET);
        status.ofTargetSchools(execution, SchoolStatus.TARGET);
      }
      case TASK_RECORD_SCHEDULE -> {
        steps.scheduleRecorded(execution);
        status.ofSchool(execution, SchoolStatus.SCHEDULED);
      }
      case TASK_REVIEW_SCHEDULE -> {
        if (RESPONSE_OBJECT.equals(execution.getVariable(VAR_SCHEDULE_RESPONSE))) {
          steps.scheduleObjected(execution);
          status.ofSchool(execution, SchoolStatus.OBJECTED);
        } else {
          status.ofSchool(execution, SchoolStatus.PREPARING);
        }
      }
      case TASK_RECORD_VISIT -> {
        steps.visitRecorded(execution);
        status.ofSchool(execution, SchoolStatus.VISITED);
      }
      case TASK_RECEIVE_DRAFT_REPORT -> {
        steps.draftReportReceived(execution);
        status.ofSchool(execution, SchoolStatus.DRAFT_RECEIVED);
      }
      case TASK_COMMENT_ON_DRAFT -> status.ofSchool(execution, SchoolStatus.COMMENTED);
      case TASK_PLAN_IMPROVEMENT -> status.ofSchool(execution, SchoolStatus.REASSESSMENT_PREPARED);
      default -> {
        // the other tasks leave the school's row as it is
      }
    }
  }
}
