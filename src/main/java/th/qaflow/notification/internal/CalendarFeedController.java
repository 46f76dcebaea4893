package th.qaflow.notification.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.qaflow.calendar.PersonalEvents;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.web.ThaiDates;

/**
 * {@code GET /calendar/{token}.ics}: a person's task deadlines for Google Calendar, Outlook and
 * others.
 */
@RestController
class CalendarFeedController {
  private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

  private final Tokens tokens;
  private final TaskReader reader;
  private final OrganisationDirectory directory;
  private final MailComposer composer;
  private final MessageSource messages;
  private final ThaiDates dates;
  private final Clock clock;
  private final String uidDomain;
  private final List<PersonalEvents> personalEvents;

  CalendarFeedController(
      Tokens tokens,
      TaskReader reader,
      OrganisationDirectory directory,
      MailComposer composer,
      MessageSource messages,
      ThaiDates dates,
      Clock clock,
      NotificationProperties props,
      List<PersonalEvents> personalEvents) {
    this.tokens = tokens;
    this.reader = reader;
    this.directory = directory;
    this.composer = composer;
    this.messages = messages;
    this.dates = dates;
    this.clock = clock;
    this.uidDomain = props.getMessageIdDomain();
    this.personalEvents = personalEvents;
  }

  @GetMapping("/calendar/{token}.ics")
  ResponseEntity<String> feed(@PathVariable String token) {
    String userId = tokens.feedUser(token).orElse(null);
    if (userId == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.TEXT_PLAIN)
          .body("Unknown or revoked calendar link / ลิงก์ปฏิทินไม่ถูกต้องหรือถูกยกเลิกแล้ว\n");
    }
    Person person = directory.person(userId).orElse(null);
    Locale locale =
        person != null && "en".equals(person.language())
            ? Locale.ENGLISH
            : Locale.forLanguageTag("th-TH");
    List<IcsFeed.Event> events =
        reader.ofUser(userId).stream()
            .map(
                t -> {
                  String school =
                      t.school() == null
                          ? (t.schoolCode() == null ? "" : t.schoolCode())
                          : t.school().name(locale);
                  String stage =
                      t.stage() == null
                          ? ""
                          : messages.getMessage("stage." + t.stage(), null, t.stage(), locale);
                  String summary = t.name() + (school.isEmpty() ? "" : " — " + school);
                  String description =
                      messages.getMessage(
                          "notification.ics.description",
                          new Object[] {
                            school, stage, formatDue(t, locale), composer.taskLink(t.id())
                          },
                          locale);
                  return new IcsFeed.Event(t, summary, description, composer.taskLink(t.id()));
                })
            .toList();
    String name =
        messages.getMessage(
            "notification.ics.name",
            new Object[] {person == null ? userId : person.displayName()},
            locale);
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .cacheControl(CacheControl.noStore())
        .header("Content-Disposition", "inline; filename=\"qaflow.ics\"")
        .body(IcsFeed.write(name, events, timed(userId, locale), clock.instant(), uidDomain));
  }

  /** The person's meetings from a month back to a year ahead, linked in full. */
  private List<IcsFeed.Timed> timed(String userId, Locale locale) {
    LocalDate today = LocalDate.now(clock.withZone(BANGKOK));
    return personalEvents.stream()
        .flatMap(
            source -> source.of(userId, today.minusMonths(1), today.plusYears(1), locale).stream())
        .map(
            e ->
                new IcsFeed.Timed(
                    e.uid(),
                    e.start(),
                    e.end(),
                    e.title(),
                    e.place(),
                    e.description(),
                    composer.baseUrl() + e.link()))
        .toList();
  }

  private String formatDue(OpenTask t, Locale locale) {
    org.springframework.context.i18n.LocaleContext before =
        org.springframework.context.i18n.LocaleContextHolder.getLocaleContext();
    org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
    try {
      return dates.dateTime(t.due());
    } finally {
      org.springframework.context.i18n.LocaleContextHolder.setLocaleContext(before);
    }
  }
}
