package th.qaflow.district.internal;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolAdvice;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.SarReviewProcess;

/**
 * The district's advice on a school's SAR of the year (ReviewSar's {@code reviewComments}, required
 * with either decision since SarReview v2; reviews of version 1 also kept an optional {@code
 * reviewFeedback}), for the school's next year.
 */
@Component
class ReviewAdvice implements SchoolAdvice {
  /** Version 1's optional feedback beside its return comments. */
  static final String OLD_FEEDBACK = "reviewFeedback";

  private final HistoryService history;

  ReviewAdvice(@Lazy HistoryService history) {
    this.history = history;
  }

  @Override
  public List<Note> notes(String schoolCode, String districtCode, int academicYear) {
    List<String> reviews =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(SarReviewProcess.PROCESS_ID)
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(schoolCode, academicYear))
            .orderByProcessInstanceStartTime()
            .asc()
            .list()
            .stream()
            .map(pi -> pi.getId())
            .toList();
    if (reviews.isEmpty()) {
      return List.of();
    }
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(reviews.toArray(String[]::new))
        .variableNameIn(SarReviewProcess.VAR_REVIEW_COMMENTS, OLD_FEEDBACK)
        .list()
        .stream()
        .filter(v -> v.getValue() instanceof String s && !s.isBlank())
        .sorted(
            java.util.Comparator.comparingInt(
                (HistoricVariableInstance v) -> reviews.indexOf(v.getProcessInstanceId())))
        .map(v -> new Note("lastyear.source.review", null, null, null, (String) v.getValue()))
        .distinct()
        .toList();
  }
}
