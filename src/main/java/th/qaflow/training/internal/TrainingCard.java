package th.qaflow.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.training.Trainings.Event;
import th.qaflow.training.Trainings.Status;

/**
 * The district dashboard's training card: the upcoming approved events (and the next one), the
 * people who attended the events held, and the evaluations still open with how many attendees have
 * not evaluated. Used from templates as {@code ${@trainingCard.card(district)}}; shown to the
 * district's staff only.
 */
@Component("trainingCard")
public class TrainingCard {
  private final JdbcTrainings trainings;
  private final Clock clock;

  TrainingCard(JdbcTrainings trainings, Clock clock) {
    this.trainings = trainings;
    this.clock = clock;
  }

  /**
   * @param upcoming approved events that have not started
   * @param next the first of them, or null
   * @param events events whose attendance is recorded
   * @param attendees people who attended them (registered and walk-ins)
   * @param evaluating events whose evaluation is open
   * @param pending attendees of those who have not evaluated yet
   */
  public record Card(
      int upcoming, Event next, int events, int attendees, int evaluating, int pending) {}

  public boolean mayOpen(String district) {
    QaUser user = CurrentUser.get();
    return user != null
        && user.role() != null
        && !user.role().atSchool()
        && user.canSeeDistrict(district);
  }

  public Card card(String district) {
    Instant now = clock.instant();
    List<Event> all = trainings.ofDistrict(district);
    List<Event> upcoming =
        all.stream()
            .filter(e -> e.status().published() && e.startsAt().isAfter(now))
            .sorted(java.util.Comparator.comparing(Event::startsAt))
            .toList();
    int events = 0;
    int attendees = 0;
    int evaluating = 0;
    int pending = 0;
    for (Event e : all) {
      if (e.status() == Status.EVALUATION
          || e.status() == Status.REPORT
          || e.status() == Status.CLOSED) {
        events++;
        attendees += trainings.attendance(e.id()).stream().mapToInt(a -> a.total()).sum();
      }
      if (e.status() == Status.EVALUATION) {
        evaluating++;
        pending += trainings.notEvaluated(e.id()).size();
      }
    }
    return new Card(
        upcoming.size(),
        upcoming.isEmpty() ? null : upcoming.get(0),
        events,
        attendees,
        evaluating,
        pending);
  }
}
