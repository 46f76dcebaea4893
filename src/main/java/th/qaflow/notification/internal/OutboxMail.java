package th.qaflow.notification.internal;

/**
 * A mail decided but not yet written: {@code key} is the de-duplication key (task, kind, due date,
 * recipient — or user, DIGEST, date), unique in the outbox.
 */
public record OutboxMail(
    String key,
    String kind,
    String taskId,
    String recipientId,
    String recipientEmail,
    String subject,
    String text,
    String html) {}
