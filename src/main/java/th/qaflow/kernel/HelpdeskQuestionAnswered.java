package th.qaflow.kernel;

import java.time.Instant;

/**
 * A supervisor answered a school's help-desk question: the asker is mailed the answer. Published
 * synchronously inside the engine's transaction (the answering task's completion), so the mail
 * commits or rolls back with the answer.
 *
 * @param round the answering round, from 1
 * @param link the question's thread (relative, e.g. /helpdesk/questions/3)
 */
public record HelpdeskQuestionAnswered(
    long questionId,
    int round,
    String askerId,
    String title,
    String answer,
    String answeredBy,
    String link,
    Instant at) {}
