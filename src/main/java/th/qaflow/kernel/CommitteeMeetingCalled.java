package th.qaflow.kernel;

import java.time.Instant;
import java.util.List;

/**
 * A district committee's meeting was called (its agenda drafted): every member is invited by mail.
 * Published synchronously inside the engine's transaction, so the notification module's mails
 * commit or roll back with the step.
 *
 * @param memberIds who is invited
 * @param agenda the agenda items, in order, as the members read them
 * @param link the committee's page (relative, e.g. /committees/3)
 */
public record CommitteeMeetingCalled(
    long meetingId,
    String committeeName,
    Instant meetingAt,
    String place,
    List<String> memberIds,
    List<String> agenda,
    String link,
    Instant at) {

  public CommitteeMeetingCalled {
    memberIds = List.copyOf(memberIds);
    agenda = List.copyOf(agenda);
  }
}
