package th.qaflow.notification.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import th.qaflow.organisation.School;
import th.qaflow.web.ThaiDates;

/**
 * Writes the mails from Thymeleaf templates under {@code templates/notification/mail/} — an HTML and a
 * plain-text version of each — in the recipient's language, with dates in the Buddhist Era for Thai.
 * Mails are rendered when they are decided and stored in the outbox as they will be sent.
 */
public class MailComposer {
  /** A rendered mail. */
  public record Composed(String subject, String text, String html) {}

  /** One task as a mail lists it. */
  public record Line(String taskId, String taskName, String schoolCode, String schoolName, String stageName,
      String due, long overdueDays, String link) {}

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final MessageSource messages;
  private final ThaiDates dates;
  private final String baseUrl;

  public MailComposer(MessageSource messages, ThaiDates dates, String baseUrl) {
    this.messages = messages;
    this.dates = dates;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
    engine.setTemplateEngineMessageSource(messages);
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
    r.setPrefix("templates/notification/mail/");
    r.setSuffix(suffix);
    r.setTemplateMode(mode);
    r.setCharacterEncoding("UTF-8");
    r.setOrder(order);
    r.setCheckExistence(true);
    r.setCacheable(true);
    return r;
  }

  public String taskLink(String taskId) {
    return baseUrl + "/tasks/" + taskId;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A reminder (DUE_IN_n, DUE_TODAY) or escalation (OVERDUE_DIRECTOR, OVERDUE_SUPERVISOR) about one task. */
  public Composed reminder(String kind, OpenTask task, Recipient to, Instant now) {
    Locale locale = to.locale();
    return inLocale(locale, () -> {
      Line line = line(task, locale, now);
      String subjectKey;
      Object[] args;
      int daysBefore = Kinds.daysBefore(kind);
      if (daysBefore > 0) {
        subjectKey = "notification.subject.dueIn";
        args = new Object[] {daysBefore, line.taskName(), line.schoolName(), line.due()};
      } else {
        subjectKey = "notification.subject." + kind;
        args = new Object[] {line.overdueDays(), line.taskName(), line.schoolName(), line.due()};
      }
      Context ctx = new Context(locale);
      ctx.setVariable("kind", kind);
      ctx.setVariable("daysBefore", daysBefore);
      ctx.setVariable("escalation", Kinds.isEscalation(kind));
      ctx.setVariable("to", to);
      ctx.setVariable("task", line);
      ctx.setVariable("assignee", task.assignee());
      ctx.setVariable("baseUrl", baseUrl);
      return new Composed(messages.getMessage(subjectKey, args, locale),
          textOf("reminder", ctx), engine.process("reminder", ctx));
    });
  }

  /** The daily digest: due-soon and overdue tasks grouped by school. */
  public Composed digest(Recipient to, List<OpenTask> tasks, LocalDate date, Instant now, String unsubscribeUrl) {
    Locale locale = to.locale();
    return inLocale(locale, () -> {
      Map<String, List<Line>> bySchool = new LinkedHashMap<>();
      int overdue = 0;
      for (OpenTask t : tasks) {
        Line line = line(t, locale, now);
        if (line.overdueDays() > 0 || t.due().isBefore(now)) {
          overdue++;
        }
        bySchool.computeIfAbsent(line.schoolName(), k -> new ArrayList<>()).add(line);
      }
      Context ctx = new Context(locale);
      ctx.setVariable("to", to);
      ctx.setVariable("schools", bySchool);
      ctx.setVariable("count", tasks.size());
      ctx.setVariable("overdue", overdue);
      ctx.setVariable("date", dates.date(date));
      ctx.setVariable("unsubscribeUrl", unsubscribeUrl);
      ctx.setVariable("preferencesUrl", baseUrl + "/me/notifications");
      ctx.setVariable("now", now);
      String subject = messages.getMessage("notification.subject.DIGEST",
          new Object[] {dates.date(date), tasks.size(), overdue}, locale);
      return new Composed(subject, textOf("digest", ctx), engine.process("digest", ctx));
    });
  }

  private String textOf(String template, Context ctx) {
    return engine.process(template + "-text", ctx).replace("\r\n", "\n");
  }

  private Line line(OpenTask t, Locale locale, Instant now) {
    School s = t.school();
    String schoolName = s == null ? (t.schoolCode() == null ? "–" : t.schoolCode())
        : (locale.getLanguage().equals("en") && s.nameEn() != null && !s.nameEn().isBlank() ? s.nameEn() : s.nameTh());
    String stageName = t.stage() == null ? "" : messages.getMessage("stage." + t.stage(), null, t.stage(), locale);
    long overdueDays = now.isAfter(t.due()) ? Math.max(1, Duration.between(t.due(), now).toDays()) : 0;
    return new Line(t.id(), t.name(), t.schoolCode(), schoolName, stageName, dates.date(t.due()), overdueDays,
        taskLink(t.id()));
  }

  private static <T> T inLocale(Locale locale, Supplier<T> work) {
    org.springframework.context.i18n.LocaleContext before = LocaleContextHolder.getLocaleContext();
    LocaleContextHolder.setLocale(locale);
    try {
      return work.get();
    } finally {
      LocaleContextHolder.setLocaleContext(before);
    }
  }
}
