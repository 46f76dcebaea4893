package th.qaflow.notification.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.web.util.HtmlUtils;
import th.qaflow.kernel.SarReviewAnswered;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;

/**
 * The district answered a school's SAR: its director(s) and QA working group get the advice (or the
 * request to revise) by mail, whatever their reminder preference (it is news, not a reminder), once
 * per answer and person. Runs inside the answering transaction, like the outbox's other writers.
 */
public class SarAdviceListener {
  static final String KIND = "SAR_ADVICE";

  private final OrganisationDirectory directory;
  private final Recipients recipients;
  private final MailOutbox outbox;
  private final MessageSource messages;
  private final String baseUrl;

  public SarAdviceListener(
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
  public void on(SarReviewAnswered answered) {
    School school = directory.school(answered.schoolCode()).orElse(null);
    if (school == null) {
      return;
    }
    List<Person> people =
        directory.peopleOfSchool(school.code()).stream()
            .filter(p -> p.role() == Role.SCHOOL_DIRECTOR || p.role() == Role.SCHOOL_QA)
            .toList();
    Instant now = answered.at();
    for (Person p : people) {
      Recipient to = recipients.user(p.userId()).orElse(null);
      if (to == null) {
        continue;
      }
      String key =
          KIND + ":" + answered.schoolCycleId() + ":" + answered.round() + ":" + to.userId();
      if (outbox.exists(key)) {
        continue;
      }
      Locale locale = to.locale();
      String what = answered.reviseRequested() ? "revise" : "advice";
      Object[] args = {school.nameTh(), String.valueOf(answered.academicYear())};
      String subject = messages.getMessage("notification.subject.sarReview." + what, args, locale);
      String lead = messages.getMessage("notification.mail.sarReview." + what, args, locale);
      String advice = answered.advice() == null ? "" : answered.advice();
      String link = baseUrl + "/tasks";
      String text =
          messages.getMessage("notification.mail.greeting", new Object[] {to.name()}, locale)
              + "\n\n"
              + lead
              + "\n\n"
              + advice
              + "\n\n"
              + messages.getMessage("notification.mail.open", null, locale)
              + ": "
              + link
              + "\n\n-- \n"
              + messages.getMessage("notification.mail.footer", null, locale)
              + "\n";
      String html =
          "<p>"
              + HtmlUtils.htmlEscape(
                  messages.getMessage(
                      "notification.mail.greeting", new Object[] {to.name()}, locale))
              + "</p><p>"
              + HtmlUtils.htmlEscape(lead)
              + "</p><blockquote>"
              + HtmlUtils.htmlEscape(advice).replace("\n", "<br>")
              + "</blockquote><p><a href=\""
              + HtmlUtils.htmlEscape(link)
              + "\">"
              + HtmlUtils.htmlEscape(messages.getMessage("notification.mail.open", null, locale))
              + "</a></p>";
      outbox.enqueue(
          new OutboxMail(key, KIND, null, to.userId(), to.email(), subject, text, html), now);
    }
  }
}
