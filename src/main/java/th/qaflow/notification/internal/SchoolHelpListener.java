package th.qaflow.notification.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.SchoolHelpStarted;

/**
 * The district started help for a school below the standard: its director(s) and QA working group
 * learn why (the standards below target) and where to follow it, by mail whatever their reminder
 * preference (news, not a reminder), once per case and person. Runs inside the starting
 * transaction, like the outbox's other writers.
 */
public class SchoolHelpListener {
  static final String KIND = "SCHOOL_HELP";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  SchoolHelpListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(SchoolHelpStarted started) {
    news.tell(
        started.schoolCode(),
        KIND,
        to -> KIND + ":" + started.processInstanceId() + ":" + to.userId(),
        (school, to) -> {
          Locale locale = to.locale();
          Object[] args = {school.nameTh(), String.valueOf(started.academicYear())};
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.schoolHelp", args, locale),
              messages.getMessage("notification.mail.schoolHelp", args, locale),
              "en".equals(locale.getLanguage()) ? started.standardsEn() : started.standards(),
              false,
              messages.getMessage("notification.mail.schoolHelp.next", null, locale),
              messages.getMessage("notification.mail.schoolHelp.open", null, locale),
              baseUrl + "/assistance/schools/" + school.code());
        },
        started.at());
  }
}
