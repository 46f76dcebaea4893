package th.qaflow.district.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SarReviewOutcome;
import th.qaflow.cycle.SarSubmitted;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.WorkingDays;

/**
 * The district's side of the SAR contract with the school's cycle, and the bean {@code
 * districtSarReviews} of SarReview.bpmn: a school's {@link SarSubmitted} starts a review ({@link
 * #on}), the review's due date is working days after the submission ({@link #setReviewDue}), and
 * its end answers the school's cycle through {@link SchoolCycles#answerSarReview} ({@link #reply}).
 * The district never reads or writes the cycle's variables. All inside the engine's transaction.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("districtSarReviews")
public class SarReviews {
  private static final Logger log = LoggerFactory.getLogger(SarReviews.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final SchoolCycles schoolCycles;
  private final WorkingDays workingDays;
  private final ReviewPeriods reviewPeriods;

  SarReviews(
      @Lazy RuntimeService runtime,
      @Lazy HistoryService history,
      SchoolCycles schoolCycles,
      WorkingDays workingDays,
      ReviewPeriods reviewPeriods) {
    this.runtime = runtime;
    this.history = history;
    this.schoolCycles = schoolCycles;
    this.workingDays = workingDays;
    this.reviewPeriods = reviewPeriods;
  }

  /**
   * A school's cycle submitted its SAR: starts the district's review of this submission (round n).
   * A plain synchronous listener, so the review starts in the submitting transaction and rolls back
   * with it.
   */
  @EventListener
  public void on(SarSubmitted submitted) {
    String businessKey =
        SchoolQaCycleProcess.businessKey(submitted.schoolCode(), submitted.academicYear());
    long earlier =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(SarReviewProcess.PROCESS_ID)
            .processInstanceBusinessKey(businessKey)
            .count();
    VariableMap variables =
        Variables.createVariables()
            .putValue(ProcessVariables.SCHOOL_CODE, submitted.schoolCode())
            .putValue(ProcessVariables.SCHOOL_NAME, submitted.schoolName())
            .putValue(ProcessVariables.DISTRICT_CODE, submitted.districtCode())
            .putValue(ProcessVariables.CLUSTER_CODE, submitted.clusterCode())
            .putValue(ProcessVariables.ACADEMIC_YEAR, submitted.academicYear())
            .putValue(SarReviewProcess.VAR_ROUND, (int) earlier + 1)
            .putValue(SarReviewProcess.VAR_SCHOOL_CYCLE_ID, submitted.schoolCycleId());
    runtime
        .createMessageCorrelation(SchoolQaCycleProcess.MESSAGE_SAR_SUBMITTED)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlateStartMessage();
  }

  /**
   * The Event_SarSubmitted of SchoolQaCycle models deployed before version 3 (instances started on
   * them still run): hands over to the school's cycle, which publishes {@link SarSubmitted} as the
   * current model does.
   */
  @Deprecated
  public void submitted(DelegateExecution execution) {
    schoolCycles.sarSubmittedByOldModel(execution);
  }

  /**
   * SarReview's Task_ReviewSar on create: due the district's review period (working days, its own
   * setting, {@link ReviewPeriods}) after the submission (the task is created in the submitting
   * transaction), at the end of that day. The school's publication never waits for it. The task is
   * marked {@code due=listener} in the model, so the calendar keeps out of it.
   */
  public void setReviewDue(DelegateTask task) {
    Date created = task.getCreateTime();
    Object district = task.getVariable(ProcessVariables.DISTRICT_CODE);
    task.setDueDate(reviewDue(created, district == null ? null : district.toString()));
    task.getExecution().setVariable(SarReviewProcess.VAR_SUBMITTED_AT, created);
  }

  /**
   * The review's due date for a submission at {@code submitted} in the district: its review period
   * in working days later, at the end of the day.
   */
  Date reviewDue(Date submitted, String districtCode) {
    LocalDate submittedOn = submitted.toInstant().atZone(AcademicYears.ZONE).toLocalDate();
    LocalDate due = workingDays.after(submittedOn, reviewPeriods.workingDays(districtCode));
    return Date.from(due.atTime(LocalTime.of(23, 59, 59)).atZone(AcademicYears.ZONE).toInstant());
  }

  /**
   * SarReview's end events: answers the school's cycle with advice or a request to revise, and the
   * advice text. A review still open on SarReview version 1 decided {@code accept} (now advice) or
   * {@code return} (now a request to revise).
   */
  public void reply(DelegateExecution execution) {
    String cycleId = (String) execution.getVariable(SarReviewProcess.VAR_SCHOOL_CYCLE_ID);
    Object decision = execution.getVariable(SarReviewProcess.VAR_REVIEW_DECISION);
    SarReviewOutcome outcome =
        SarReviewProcess.DECISION_REVISE.equals(decision)
                || SarReviewProcess.DECISION_RETURN.equals(decision)
            ? SarReviewOutcome.REVISE
            : SarReviewOutcome.ADVICE;
    Object comments = execution.getVariable(SarReviewProcess.VAR_REVIEW_COMMENTS);
    if (!schoolCycles.answerSarReview(
        cycleId, outcome, comments == null ? null : comments.toString())) {
      log.warn(
          "SAR review {} ended but school cycle {} no longer waits for it",
          execution.getProcessInstanceId(),
          cycleId);
    }
  }
}
