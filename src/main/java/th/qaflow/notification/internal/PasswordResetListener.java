package th.qaflow.notification.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.security.PasswordResetRequested;
import th.qaflow.web.ThaiDates;

/**
 * The "set a new password" mail: the link, whose account it is and until when it works, and that
 * nothing changes if the reader did not ask. Written to the outbox inside the request's
 * transaction, with the link's token, whatever the reader's reminder preference.
 */
public class PasswordResetListener {
  static final String KIND = "PASSWORD_RESET";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  PasswordResetListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(PasswordResetRequested requested) {
    news.tellPeople(
        List.of(requested.userId()),
        KIND,
        // one mail per link; the key does not carry the token itself
        to -> KIND + ":" + requested.userId() + ":" + requested.at().toEpochMilli(),
        to -> {
          Locale locale = to.locale();
          Object[] args = {requested.userId(), ThaiDates.dateTime(requested.expiresAt(), locale)};
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.passwordReset", args, locale),
              messages.getMessage("notification.mail.passwordReset", args, locale),
              List.of(
                  messages.getMessage("notification.mail.passwordReset.account", args, locale),
                  messages.getMessage("notification.mail.passwordReset.until", args, locale)),
              false,
              messages.getMessage("notification.mail.passwordReset.next", args, locale),
              messages.getMessage("notification.mail.passwordReset.open", null, locale),
              baseUrl + requested.link());
        },
        requested.at());
  }
}
