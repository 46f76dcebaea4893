package th.qaflow.kernel;

import java.time.Instant;
import java.util.List;

/**
 * A school asked a question on the help desk (or asked again after an answer that did not solve
 * it): the cluster's supervisors who may answer are told by mail. Published synchronously inside
 * the asking transaction, so the notification module's mail commits or rolls back with the
 * question.
 *
 * @param round the answering round, from 1 (a "not solved" reply starts the next)
 * @param supervisorIds who is told (the cluster's supervisors)
 * @param link the question's thread (relative, e.g. /helpdesk/questions/3)
 */
public record HelpdeskQuestionAsked(
    long questionId,
    int round,
    String schoolName,
    String title,
    String text,
    List<String> supervisorIds,
    String link,
    Instant at) {

  public HelpdeskQuestionAsked {
    supervisorIds = List.copyOf(supervisorIds);
  }
}
