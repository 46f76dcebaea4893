package th.qaflow.kernel;

import java.time.Instant;
import java.util.List;

/**
 * A training event's evaluation closes soon (Timer_EvaluationReminder): the attendees who have not
 * evaluated it yet are reminded by mail. Published inside the engine's transaction.
 *
 * @param attendeeIds who is reminded
 * @param link the event's page (relative, e.g. /training/3)
 */
public record TrainingEvaluationDue(
    long eventId, String title, Instant closes, List<String> attendeeIds, String link, Instant at) {

  public TrainingEvaluationDue {
    attendeeIds = List.copyOf(attendeeIds);
  }
}
