package th.qaflow.training.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.CalendarEvents;
import th.qaflow.calendar.PersonalEvents;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.training.Trainings;

/**
 * The training events on the calendars: on each registered person's personal feed (the event from
 * its start to its end), and on the district calendar (each approved event's day and its
 * registration deadline).
 */
@Component
class TrainingCalendars implements PersonalEvents, CalendarEvents {
  private final JdbcTrainings trainings;
  private final MessageSource messages;

  TrainingCalendars(JdbcTrainings trainings, MessageSource messages) {
    this.trainings = trainings;
    this.messages = messages;
  }

  private static boolean within(java.time.Instant at, LocalDate from, LocalDate to) {
    LocalDate day = LocalDate.ofInstant(at, AcademicYears.ZONE);
    return !day.isBefore(from) && !day.isAfter(to);
  }

  @Override
  public List<PersonalEvents.Event> of(String userId, LocalDate from, LocalDate to, Locale locale) {
    List<PersonalEvents.Event> events = new ArrayList<>();
    for (Trainings.Event e : trainings.registeredEvents(userId)) {
      if (!within(e.startsAt(), from, to)) {
        continue;
      }
      String place =
          e.plan().place() != null
              ? e.plan().place()
              : e.plan().onlineLink() == null ? "" : e.plan().onlineLink();
      events.add(
          new PersonalEvents.Event(
              "training-" + e.id(),
              e.startsAt(),
              e.plan().endsAt(),
              messages.getMessage("training.ics.title", new Object[] {e.title()}, locale),
              place,
              messages.getMessage("training.ics.description", new Object[] {place}, locale),
              "/training/" + e.id()));
    }
    return events;
  }

  @Override
  public List<CalendarEvents.Event> events(String districtCode, LocalDate from, LocalDate to) {
    Locale locale = LocaleContextHolder.getLocale();
    List<CalendarEvents.Event> events = new ArrayList<>();
    for (Trainings.Event e : trainings.ofDistrict(districtCode)) {
      if (!e.status().published()) {
        continue;
      }
      String link = "/training/" + e.id();
      if (within(e.startsAt(), from, to)) {
        events.add(
            new CalendarEvents.Event(
                e.startsAt(),
                messages.getMessage("training.calendar.event", new Object[] {e.title()}, locale),
                link));
      }
      if (within(e.plan().registrationDeadline(), from, to)) {
        events.add(
            new CalendarEvents.Event(
                e.plan().registrationDeadline(),
                messages.getMessage("training.calendar.deadline", new Object[] {e.title()}, locale),
                link));
      }
    }
    return events;
  }
}
