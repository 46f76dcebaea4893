package th.qaflow.notification.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.CommitteeMeetingCalled;
import th.qaflow.web.ThaiDates;

/**
 * A committee's meeting was called: every member with an address is invited by mail, with the day,
 * place and agenda and a link to the committee's page — whatever their reminder preference (an
 * invitation, not a reminder), once per meeting and person. Runs inside the engine's transaction.
 */
public class CommitteeInvitationListener {
  static final String KIND = "COMMITTEE_INVITATION";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  CommitteeInvitationListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(CommitteeMeetingCalled called) {
    news.tellPeople(
        called.memberIds(),
        KIND,
        to -> KIND + ":" + called.meetingId() + ":" + to.userId(),
        to -> {
          Locale locale = to.locale();
          Object[] args = {
            called.committeeName(),
            ThaiDates.dateTime(called.meetingAt(), locale),
            called.place() == null ? "" : called.place()
          };
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.committeeMeeting", args, locale),
              messages.getMessage("notification.mail.committeeMeeting", args, locale),
              called.agenda(),
              false,
              messages.getMessage("notification.mail.committeeMeeting.next", null, locale),
              messages.getMessage("notification.mail.committeeMeeting.open", null, locale),
              baseUrl + called.link());
        },
        called.at());
  }
}
