package th.qaflow.committee.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.PersonalEvents;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Meeting;
import th.qaflow.kernel.AcademicYears;

/**
 * The meetings of every committee a person sits on (ก.ต.ป.น., อ.ก.ต.ป.น., a school group's
 * committee), once their date is set, for the person's calendar feed. A meeting records only when
 * it starts; the feed shows it as a half-day (three hours).
 */
@Component
class CommitteePersonalEvents implements PersonalEvents {
  static final Duration MEETING_LENGTH = Duration.ofHours(3);

  private final JdbcCommittees committees;
  private final MessageSource messages;

  CommitteePersonalEvents(JdbcCommittees committees, MessageSource messages) {
    this.committees = committees;
    this.messages = messages;
  }

  @Override
  public List<Event> of(String userId, LocalDate from, LocalDate to, Locale locale) {
    List<Event> events = new ArrayList<>();
    for (Committee committee : committees.ofMember(userId)) {
      String link =
          committees
              .clusterOf(committee.id())
              .map(cluster -> "/groups/" + cluster)
              .orElse("/committees/" + committee.id());
      for (Meeting m : committees.meetings(committee.id())) {
        if (m.meetingAt() == null) {
          continue; // the secretariat has not set the date yet
        }
        LocalDate day = m.meetingAt().atZone(CommitteeSteps.BANGKOK).toLocalDate();
        if (day.isBefore(from) || day.isAfter(to)) {
          continue;
        }
        String title =
            messages.getMessage(
                "committee.ics.title",
                new Object[] {committee.name(), m.meetingNo(), year(m.academicYear(), locale)},
                locale);
        String place = m.place() == null ? "" : m.place();
        events.add(
            new Event(
                "meeting-" + m.id(),
                m.meetingAt(),
                m.meetingAt().plus(MEETING_LENGTH),
                title,
                place,
                messages.getMessage("committee.ics.description", new Object[] {place}, locale),
                link));
      }
    }
    return events;
  }

  private static String year(int yearBE, Locale locale) {
    if (!"en".equals(locale.getLanguage())) {
      return String.valueOf(yearBE);
    }
    int ce = AcademicYears.firstCalendarYear(yearBE);
    return ce + "/" + String.valueOf(ce + 1).substring(2);
  }
}
