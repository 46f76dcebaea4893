package th.qaflow.notification.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.HelpdeskQuestionAnswered;
import th.qaflow.kernel.HelpdeskQuestionAsked;

/**
 * The help desk's mails, whatever the reader's reminder preference (news, not a reminder), once per
 * question, round and person: a question reaches the cluster's supervisors; the answer reaches the
 * asker, quoted, with a link to the thread where they say whether it solved the question. Runs
 * inside the asking or answering transaction.
 */
public class HelpdeskListener {
  static final String KIND_ASKED = "HELPDESK_QUESTION";
  static final String KIND_ANSWERED = "HELPDESK_ANSWER";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  HelpdeskListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(HelpdeskQuestionAsked asked) {
    news.tellPeople(
        asked.supervisorIds(),
        KIND_ASKED,
        to -> KIND_ASKED + ":" + asked.questionId() + ":" + asked.round() + ":" + to.userId(),
        to -> {
          Locale locale = to.locale();
          Object[] args = {asked.schoolName(), asked.title()};
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.helpdeskAsked", args, locale),
              messages.getMessage("notification.mail.helpdeskAsked", args, locale),
              List.of(asked.text()),
              true,
              messages.getMessage("notification.mail.helpdeskAsked.next", null, locale),
              messages.getMessage("notification.mail.helpdesk.open", null, locale),
              baseUrl + asked.link());
        },
        asked.at());
  }

  @EventListener
  public void on(HelpdeskQuestionAnswered answered) {
    news.tellPeople(
        List.of(answered.askerId()),
        KIND_ANSWERED,
        to ->
            KIND_ANSWERED
                + ":"
                + answered.questionId()
                + ":"
                + answered.round()
                + ":"
                + to.userId(),
        to -> {
          Locale locale = to.locale();
          Object[] args = {answered.title(), answered.answeredBy()};
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.helpdeskAnswered", args, locale),
              messages.getMessage("notification.mail.helpdeskAnswered", args, locale),
              List.of(answered.answer()),
              true,
              messages.getMessage("notification.mail.helpdeskAnswered.next", null, locale),
              messages.getMessage("notification.mail.helpdesk.open", null, locale),
              baseUrl + answered.link());
        },
        answered.at());
  }
}
