package th.qaflow.notification.internal;

import java.time.Instant;

/** A row of the mail outbox as the sender and the admin page read it. */
public record OutboxRow(
    long id,
    String dedupKey,
    String kind,
    String taskId,
    String recipientId,
    String recipientEmail,
    String subject,
    String text,
    String html,
    String messageId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt,
    Instant sentAt) {}
