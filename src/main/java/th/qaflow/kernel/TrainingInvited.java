package th.qaflow.kernel;

import java.time.Instant;
import java.util.List;

/**
 * A district's training event was approved: every targeted person (the targeted roles of the
 * targeted schools) is invited by mail and may register on the event's page until the deadline.
 * Published synchronously inside the engine's transaction, so the notification module's mails
 * commit or roll back with the approval.
 *
 * @param inviteeIds who is invited
 * @param link the event's page (relative, e.g. /training/3)
 */
public record TrainingInvited(
    long eventId,
    String title,
    String topic,
    Instant startsAt,
    String place,
    Instant registrationDeadline,
    List<String> inviteeIds,
    String link,
    Instant at) {

  public TrainingInvited {
    inviteeIds = List.copyOf(inviteeIds);
  }
}
