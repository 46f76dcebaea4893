package th.qaflow.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import th.qaflow.kernel.DaysLate;
import th.qaflow.organisation.District;
import th.qaflow.organisation.School;
import th.qaflow.web.ThaiDates;

/**
 * Writes the mails from Thymeleaf templates under {@code templates/notification/mail/} — an HTML
 * and a plain-text version of each — in the recipient's language, with dates in the Buddhist Era
 * for Thai. Mails are rendered when they are decided and stored in the outbox as they will be sent.
 */
public class MailComposer {
  /** A rendered mail. */
  public record Composed(String subject, String text, String html) {}

  /**
   * One task as a mail lists it: where it belongs ({@code placeLabel}: school or district, and its
   * name), the academic year, the due date and how many days late it is ({@link DaysLate#of}, as
   * the dashboard).
   */
  public record Line(
      String taskId,
      String taskName,
      String schoolCode,
      String placeLabel,
      String placeName,
      String aboutSchool,
      String year,
      String stageName,
      String due,
      long overdueDays,
      String link) {
    /** The school's or district's name (kept for the digest's grouping). */
    public String schoolName() {
      return placeName;
    }
  }

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

  /**
   * A reminder (DUE_IN_n, DUE_TODAY), escalation (OVERDUE_DIRECTOR, OVERDUE_SUPERVISOR) or
   * REMIND_NOW about one task.
   */
  public Composed reminder(String kind, OpenTask task, Recipient to, Instant now) {
    Locale locale = to.locale();
    return inLocale(
        locale,
        () -> {
          Line line = line(task, locale, now);
          int daysBefore = Kinds.daysBefore(kind);
          // a district's (or cluster's) task escalates to district staff: its own wording, never
          // "your school"
          String audience = Kinds.isEscalation(kind) && !task.schoolTask() ? ".district" : "";
          String subjectKey;
          String leadKey;
          Object lead;
          if (daysBefore > 0) {
            subjectKey = "notification.subject.dueIn";
            leadKey = "notification.mail.dueIn";
            lead = daysBefore;
          } else if (Kinds.REMIND_NOW.equals(kind) && line.overdueDays() == 0) {
            subjectKey = "notification.subject.REMIND_NOW.notDue";
            leadKey = "notification.mail.REMIND_NOW.notDue";
            lead = line.due();
          } else {
            subjectKey = "notification.subject." + kind + audience;
            leadKey = "notification.mail." + kind + audience;
            lead = line.overdueDays();
          }
          Object[] args = {
            daysBefore > 0 ? daysBefore : line.overdueDays(),
            line.taskName(),
            line.placeName(),
            line.due(),
            line.year()
          };
          return compose(
              messages.getMessage(subjectKey, args, locale),
              messages.getMessage(leadKey, new Object[] {lead}, locale),
              kind,
              to,
              line,
              task,
              locale);
        });
  }

  /**
   * The district moved the task's deadline: says the old and the new date (Buddhist Era in Thai),
   * and how many days are left (or late) at the new date.
   */
  public Composed deadlineChanged(
      OpenTask task, LocalDate oldDue, LocalDate newDue, Recipient to, Instant now) {
    Locale locale = to.locale();
    return inLocale(
        locale,
        () -> {
          Line line = line(task, locale, now);
          String from = dates.date(oldDue);
          String until = dates.date(newDue);
          String subject =
              messages.getMessage(
                  "notification.subject." + Kinds.DEADLINE_CHANGED,
                  new Object[] {from, line.taskName(), line.placeName(), until, line.year()},
                  locale);
          String lead =
              messages.getMessage(
                  newDue.isBefore(oldDue)
                      ? "notification.mail.deadlineEarlier"
                      : "notification.mail.deadlineLater",
                  new Object[] {from, until},
                  locale);
          return compose(subject, lead, Kinds.DEADLINE_CHANGED, to, line, task, locale);
        });
  }

  private Composed compose(
      String subject,
      String lead,
      String kind,
      Recipient to,
      Line line,
      OpenTask task,
      Locale locale) {
    Context ctx = new Context(locale);
    ctx.setVariable("kind", kind);
    ctx.setVariable("lead", lead);
    ctx.setVariable("to", to);
    ctx.setVariable("task", line);
    ctx.setVariable("assignee", task.assignee());
    ctx.setVariable("baseUrl", baseUrl);
    return new Composed(subject, textOf("reminder", ctx), engine.process("reminder", ctx));
  }

  /**
   * The district published its year's guidance: who published what and when (Buddhist Era in Thai),
   * the summary, the file names, and a link to the guidance page, never the files themselves (they
   * stay behind the sign-in).
   */
  public Composed guidancePublished(
      District district,
      School school,
      int academicYear,
      String summary,
      String reference,
      List<String> filenames,
      Instant publishedAt,
      Recipient to) {
    Locale locale = to.locale();
    return inLocale(
        locale,
        () -> {
          String districtName = district.name(locale);
          String schoolName = school == null ? null : school.name(locale);
          String year = dates.academicYear(academicYear);
          String date = dates.date(publishedAt);
          Context ctx = new Context(locale);
          ctx.setVariable("to", to);
          ctx.setVariable(
              "lead",
              messages.getMessage(
                  "notification.mail.GUIDANCE_PUBLISHED",
                  new Object[] {districtName, year, date},
                  locale));
          ctx.setVariable("districtName", districtName);
          ctx.setVariable("schoolName", schoolName);
          ctx.setVariable("year", year);
          ctx.setVariable("summary", summary == null ? "" : summary);
          ctx.setVariable("reference", reference);
          ctx.setVariable("filenames", filenames);
          ctx.setVariable("link", baseUrl + "/guidance");
          String subject =
              messages.getMessage(
                  "notification.subject." + Kinds.GUIDANCE_PUBLISHED,
                  new Object[] {districtName, year},
                  locale);
          return new Composed(subject, textOf("guidance", ctx), engine.process("guidance", ctx));
        });
  }

  /** The daily digest: due-soon and overdue tasks grouped by school. */
  public Composed digest(
      Recipient to, List<OpenTask> tasks, LocalDate date, Instant now, String unsubscribeUrl) {
    Locale locale = to.locale();
    return inLocale(
        locale,
        () -> {
          Map<String, List<Line>> bySchool = new LinkedHashMap<>();
          Set<String> districts = new TreeSet<>();
          Set<String> years = new TreeSet<>();
          int overdue = 0;
          for (OpenTask t : tasks) {
            Line line = line(t, locale, now);
            if (line.overdueDays() > 0) {
              overdue++;
            }
            bySchool.computeIfAbsent(line.placeName(), k -> new ArrayList<>()).add(line);
            districts.add(districtName(t, locale));
            years.add(line.year());
          }
          // the subject names the one school (or district) the digest is about, else the districts,
          // and the years
          String place =
              bySchool.size() == 1
                  ? bySchool.keySet().iterator().next()
                  : String.join(", ", districts);
          Context ctx = new Context(locale);
          ctx.setVariable("to", to);
          ctx.setVariable("schools", bySchool);
          ctx.setVariable("count", tasks.size());
          ctx.setVariable("overdue", overdue);
          ctx.setVariable("date", dates.date(date));
          ctx.setVariable("unsubscribeUrl", unsubscribeUrl);
          ctx.setVariable("preferencesUrl", baseUrl + "/me/notifications");
          ctx.setVariable("now", now);
          String subject =
              messages.getMessage(
                  "notification.subject.DIGEST",
                  new Object[] {
                    dates.date(date), tasks.size(), overdue, place, String.join(", ", years)
                  },
                  locale);
          return new Composed(subject, textOf("digest", ctx), engine.process("digest", ctx));
        });
  }

  private String textOf(String template, Context ctx) {
    return engine.process(template + "-text", ctx).replace("\r\n", "\n");
  }

  private Line line(OpenTask t, Locale locale, Instant now) {
    boolean atSchool = t.schoolTask() && (t.school() != null || t.schoolCode() != null);
    String placeLabel =
        messages.getMessage(
            atSchool ? "notification.mail.school" : "notification.mail.district", null, locale);
    String placeName = atSchool ? schoolName(t, locale) : districtName(t, locale);
    String stageName =
        t.stage() == null ? "" : messages.getMessage("stage." + t.stage(), null, t.stage(), locale);
    // a district task about one school (a visit, ONESQA): the district is named, and the school it
    // is about
    String aboutSchool = !atSchool && t.schoolCode() != null ? schoolName(t, locale) : null;
    return new Line(
        t.id(),
        t.name(),
        t.schoolCode(),
        placeLabel,
        placeName,
        aboutSchool,
        dates.academicYear(t.year()),
        stageName,
        dates.date(t.due()),
        DaysLate.of(t.due(), now),
        taskLink(t.id()));
  }

  private static String schoolName(OpenTask t, Locale locale) {
    School s = t.school();
    if (s == null) {
      return t.schoolCode();
    }
    return s.name(locale);
  }

  /**
   * The district's name; for a district task about one school (a visit, ONESQA) with the school
   * after it.
   */
  private String districtName(OpenTask t, Locale locale) {
    District d = t.district();
    return d == null ? (t.districtCode() == null ? "" : t.districtCode()) : d.name(locale);
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
