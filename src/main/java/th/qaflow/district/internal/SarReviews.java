package th.qaflow.district.internal;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.ProcessVariables;

/**
 * The messages between a school's SchoolQaCycle and the district's SarReview, used by both BPMNs as the bean
 * {@code districtSarReviews}: the school's submission starts a review ({@link #submitted}), the review's
 * due date is working days after the submission ({@link #setReviewDue}), and its end answers the school's
 * cycle ({@link #reply}), setting {@code sarReviewDecision} there. All inside the engine's transaction.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("districtSarReviews")
public class SarReviews {
  private static final Logger log = LoggerFactory.getLogger(SarReviews.class);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final WorkingDays workingDays;
  private final int reviewWorkingDays;

  SarReviews(@Lazy RuntimeService runtime, @Lazy HistoryService history, WorkingDays workingDays,
      @Value("${qaflow.district.review-working-days:15}") int reviewWorkingDays) {
    this.runtime = runtime;
    this.history = history;
    this.workingDays = workingDays;
    this.reviewWorkingDays = reviewWorkingDays;
  }

  /** SchoolQaCycle's Event_SarSubmitted: starts the district's review of this submission (round n). */
  public void submitted(DelegateExecution execution) {
    String school = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    int year = ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
    String businessKey = businessKey(school, year);
    // under review: the previous round's answer no longer holds
    execution.removeVariable(VAR_SAR_REVIEW_DECISION);
    execution.removeVariable(VAR_SAR_REVIEW_COMMENTS);
    long earlier = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SarReviewProcess.PROCESS_ID).processInstanceBusinessKey(businessKey).count();
    VariableMap variables = Variables.createVariables()
        .putValue(ProcessVariables.SCHOOL_CODE, school)
        .putValue(ProcessVariables.SCHOOL_NAME, execution.getVariable(ProcessVariables.SCHOOL_NAME))
        .putValue(ProcessVariables.DISTRICT_CODE, execution.getVariable(ProcessVariables.DISTRICT_CODE))
        .putValue(ProcessVariables.CLUSTER_CODE, execution.getVariable(ProcessVariables.CLUSTER_CODE))
        .putValue(ProcessVariables.ACADEMIC_YEAR, year)
        .putValue(SarReviewProcess.VAR_ROUND, (int) earlier + 1)
        .putValue(SarReviewProcess.VAR_SCHOOL_CYCLE_ID, execution.getProcessInstanceId());
    runtime.createMessageCorrelation(MESSAGE_SAR_SUBMITTED)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlateStartMessage();
  }

  /**
   * SarReview's Task_ReviewSar on create: due {@code qaflow.district.review-working-days} working days after
   * the submission (the task is created in the submitting transaction), at the end of that day. The task is
   * marked {@code due=listener} in the model, so the calendar keeps out of it.
   */
  public void setReviewDue(DelegateTask task) {
    Date created = task.getCreateTime();
    task.setDueDate(reviewDue(created));
    task.getExecution().setVariable(SarReviewProcess.VAR_SUBMITTED_AT, created);
  }

  /** The review's due date for a submission at {@code submitted}: working days later, at the end of the day. */
  Date reviewDue(Date submitted) {
    LocalDate submittedOn = submitted.toInstant().atZone(AcademicYears.ZONE).toLocalDate();
    LocalDate due = workingDays.after(submittedOn, reviewWorkingDays);
    return Date.from(due.atTime(LocalTime.of(23, 59, 59)).atZone(AcademicYears.ZONE).toInstant());
  }

  /** SarReview's end events: answers the school's cycle (message SarReviewed) with the decision and comments. */
  public void reply(DelegateExecution execution) {
    String cycleId = (String) execution.getVariable(SarReviewProcess.VAR_SCHOOL_CYCLE_ID);
    boolean accepted = SarReviewProcess.DECISION_ACCEPT.equals(execution.getVariable(SarReviewProcess.VAR_REVIEW_DECISION));
    Object comments = execution.getVariable(SarReviewProcess.VAR_REVIEW_COMMENTS);
    long waiting = runtime.createEventSubscriptionQuery().processInstanceId(cycleId)
        .eventType("message").eventName(MESSAGE_SAR_REVIEWED).count();
    if (waiting == 0) {
      log.warn("SAR review {} ended but school cycle {} no longer waits for it", execution.getProcessInstanceId(), cycleId);
      return;
    }
    runtime.createMessageCorrelation(MESSAGE_SAR_REVIEWED)
        .processInstanceId(cycleId)
        .setVariable(VAR_SAR_REVIEW_DECISION, accepted ? SAR_REVIEW_ACCEPTED : SAR_REVIEW_RETURNED)
        .setVariable(VAR_SAR_REVIEW_COMMENTS, accepted || comments == null ? null : comments.toString())
        .correlate();
  }
}
