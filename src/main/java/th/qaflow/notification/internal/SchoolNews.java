package th.qaflow.notification.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;

/**
 * News for a school, mailed to its director(s) and QA working group whatever their reminder
 * preference (news, not a reminder), once per key and person, inside the caller's transaction like
 * the outbox's other writers. Each letter reads the same way: greeting, what happened, the details,
 * what to do next, a link, the footer.
 */
class SchoolNews {
  /**
   * What one reader is told: {@code details} are quoted as written (someone's advice) or listed;
   * {@code next} (what to do now) may be null.
   */
  record Letter(
      String subject,
      String lead,
      java.util.List<String> details,
      boolean quoted,
      String next,
      String open,
      String link) {}

  private final OrganisationDirectory directory;
  private final Recipients recipients;
  private final MailOutbox outbox;
  private final MessageSource messages;

  SchoolNews(
      OrganisationDirectory directory,
      Recipients recipients,
      MailOutbox outbox,
      MessageSource messages) {
    this.directory = directory;
    this.recipients = recipients;
    this.outbox = outbox;
    this.messages = messages;
  }

  /**
   * Writes the letter {@code compose} makes for each reader of the school (nothing for an unknown
   * school); {@code key} gives each reader's de-duplication key.
   */
  void tell(
      String schoolCode,
      String kind,
      Function<Recipient, String> key,
      BiFunction<School, Recipient, Letter> compose,
      Instant at) {
    School school = directory.school(schoolCode).orElse(null);
    if (school == null) {
      return;
    }
    directory.peopleOfSchool(school.code()).stream()
        .filter(p -> p.role() == Role.SCHOOL_DIRECTOR || p.role() == Role.SCHOOL_QA)
        .map(p -> recipients.user(p.userId()))
        .flatMap(java.util.Optional::stream)
        .forEach(
            to -> {
              String k = key.apply(to);
              if (outbox.exists(k)) {
                return;
              }
              Letter letter = compose.apply(school, to);
              outbox.enqueue(
                  new OutboxMail(
                      k,
                      kind,
                      null,
                      to.userId(),
                      to.email(),
                      letter.subject(),
                      text(to, letter),
                      html(to, letter)),
                  at);
            });
  }

  /**
   * Writes the letter {@code compose} makes for each of the people (by user id) who has an address,
   * once per key: news for people other than a school's, e.g. a committee's members.
   */
  void tellPeople(
      java.util.List<String> userIds,
      String kind,
      Function<Recipient, String> key,
      Function<Recipient, Letter> compose,
      Instant at) {
    for (String userId : userIds) {
      recipients
          .user(userId)
          .ifPresent(
              to -> {
                String k = key.apply(to);
                if (outbox.exists(k)) {
                  return;
                }
                Letter letter = compose.apply(to);
                outbox.enqueue(
                    new OutboxMail(
                        k,
                        kind,
                        null,
                        to.userId(),
                        to.email(),
                        letter.subject(),
                        text(to, letter),
                        html(to, letter)),
                    at);
              });
    }
  }

  private String greeting(Recipient to) {
    return messages.getMessage("notification.mail.greeting", new Object[] {to.name()}, to.locale());
  }

  private String text(Recipient to, Letter l) {
    Locale locale = to.locale();
    StringBuilder s = new StringBuilder(greeting(to)).append("\n\n").append(l.lead());
    if (l.quoted()) {
      s.append("\n\n").append(String.join("\n", l.details()));
    } else {
      l.details().forEach(d -> s.append("\n- ").append(d));
    }
    s.append("\n\n");
    if (l.next() != null) {
      s.append(l.next()).append("\n\n");
    }
    return s.append(l.open())
        .append(": ")
        .append(l.link())
        .append("\n\n-- \n")
        .append(messages.getMessage("notification.mail.footer", null, locale))
        .append('\n')
        .toString();
  }

  private String html(Recipient to, Letter l) {
    StringBuilder s =
        new StringBuilder("<p>")
            .append(HtmlUtils.htmlEscape(greeting(to)))
            .append("</p><p>")
            .append(HtmlUtils.htmlEscape(l.lead()))
            .append("</p>");
    if (l.quoted()) {
      s.append("<blockquote>")
          .append(HtmlUtils.htmlEscape(String.join("\n", l.details())).replace("\n", "<br>"))
          .append("</blockquote>");
    } else {
      s.append("<ul>");
      l.details().forEach(d -> s.append("<li>").append(HtmlUtils.htmlEscape(d)).append("</li>"));
      s.append("</ul>");
    }
    if (l.next() != null) {
      s.append("<p>").append(HtmlUtils.htmlEscape(l.next())).append("</p>");
    }
    return s.append("<p><a href=\"")
        .append(HtmlUtils.htmlEscape(l.link()))
        .append("\">")
        .append(HtmlUtils.htmlEscape(l.open()))
        .append("</a></p>")
        .toString();
  }
}
