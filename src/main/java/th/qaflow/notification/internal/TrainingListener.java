package th.qaflow.notification.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.TrainingEvaluationDue;
import th.qaflow.kernel.TrainingInvited;
import th.qaflow.web.ThaiDates;

/**
 * The training events' mails, whatever the reader's reminder preference (an invitation, not a task
 * reminder), once per event and person: the invitation to every targeted person when the event is
 * approved, and the evaluation reminder to the attendees who have not evaluated it two days before
 * it closes. Runs inside the engine's transaction.
 */
public class TrainingListener {
  static final String KIND_INVITED = "TRAINING_INVITATION";
  static final String KIND_EVALUATION = "TRAINING_EVALUATION";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  TrainingListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(TrainingInvited invited) {
    news.tellPeople(
        invited.inviteeIds(),
        KIND_INVITED,
        to -> KIND_INVITED + ":" + invited.eventId() + ":" + to.userId(),
        to -> {
          Locale locale = to.locale();
          Object[] args = {
            invited.title(),
            ThaiDates.dateTime(invited.startsAt(), locale),
            invited.place() == null ? "" : invited.place(),
            ThaiDates.dateTime(invited.registrationDeadline(), locale)
          };
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.trainingInvited", args, locale),
              messages.getMessage("notification.mail.trainingInvited", args, locale),
              List.of(invited.topic()),
              true,
              messages.getMessage("notification.mail.trainingInvited.next", args, locale),
              messages.getMessage("notification.mail.training.open", null, locale),
              baseUrl + invited.link());
        },
        invited.at());
  }

  @EventListener
  public void on(TrainingEvaluationDue due) {
    news.tellPeople(
        due.attendeeIds(),
        KIND_EVALUATION,
        to -> KIND_EVALUATION + ":" + due.eventId() + ":" + to.userId(),
        to -> {
          Locale locale = to.locale();
          Object[] args = {due.title(), ThaiDates.dateTime(due.closes(), locale)};
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.trainingEvaluation", args, locale),
              messages.getMessage("notification.mail.trainingEvaluation", args, locale),
              List.of(),
              false,
              null,
              messages.getMessage("notification.mail.training.open", null, locale),
              baseUrl + due.link());
        },
        due.at());
  }
}
