package th.qaflow.notification.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.web.util.HtmlUtils;
import th.qaflow.kernel.SchoolHelpStarted;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;

/**
 * The district started help for a school below the standard: its director(s) and QA working group
 * learn why (the standards below target) and where to follow it, by mail whatever their reminder
 * preference (news, not a reminder), once per case and person. Runs inside the starting
 * transaction, like the outbox's other writers.
 */
public class SchoolHelpListener {
  static final String KIND = "SCHOOL_HELP";

  private final OrganisationDirectory directory;
  private final Recipients recipients;
  private final MailOutbox outbox;
  private final MessageSource messages;
  private final String baseUrl;

  public SchoolHelpListener(
      OrganisationDirectory directory,
      Recipients recipients,
      MailOutbox outbox,
      MessageSource messages,
      String baseUrl) {
    this.directory = directory;
    this.recipients = recipients;
    this.outbox = outbox;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(SchoolHelpStarted started) {
    School school = directory.school(started.schoolCode()).orElse(null);
    if (school == null) {
      return;
    }
    List<Person> people =
        directory.peopleOfSchool(school.code()).stream()
            .filter(p -> p.role() == Role.SCHOOL_DIRECTOR || p.role() == Role.SCHOOL_QA)
            .toList();
    for (Person p : people) {
      Recipient to = recipients.user(p.userId()).orElse(null);
      if (to == null) {
        continue;
      }
      String key = KIND + ":" + started.processInstanceId() + ":" + to.userId();
      if (outbox.exists(key)) {
        continue;
      }
      Locale locale = to.locale();
      boolean english = "en".equals(locale.getLanguage());
      Object[] args = {school.nameTh(), String.valueOf(started.academicYear())};
      String subject = messages.getMessage("notification.subject.schoolHelp", args, locale);
      String lead = messages.getMessage("notification.mail.schoolHelp", args, locale);
      String next = messages.getMessage("notification.mail.schoolHelp.next", null, locale);
      List<String> standards = english ? started.standardsEn() : started.standards();
      String link = baseUrl + "/assistance/schools/" + school.code();
      String greeting =
          messages.getMessage("notification.mail.greeting", new Object[] {to.name()}, locale);
      String open = messages.getMessage("notification.mail.schoolHelp.open", null, locale);
      String text =
          greeting
              + "\n\n"
              + lead
              + "\n"
              + String.join("\n", standards.stream().map(s -> "- " + s).toList())
              + "\n\n"
              + next
              + "\n\n"
              + open
              + ": "
              + link
              + "\n\n-- \n"
              + messages.getMessage("notification.mail.footer", null, locale)
              + "\n";
      StringBuilder items = new StringBuilder();
      standards.forEach(s -> items.append("<li>").append(HtmlUtils.htmlEscape(s)).append("</li>"));
      String html =
          "<p>"
              + HtmlUtils.htmlEscape(greeting)
              + "</p><p>"
              + HtmlUtils.htmlEscape(lead)
              + "</p><ul>"
              + items
              + "</ul><p>"
              + HtmlUtils.htmlEscape(next)
              + "</p><p><a href=\""
              + HtmlUtils.htmlEscape(link)
              + "\">"
              + HtmlUtils.htmlEscape(open)
              + "</a></p>";
      outbox.enqueue(
          new OutboxMail(key, KIND, null, to.userId(), to.email(), subject, text, html),
          started.at());
    }
  }
}
