package th.qaflow.committee.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.CalendarEvents;
import th.qaflow.committee.Committees.Committee;

/** The district's committee meetings on its calendar, each linked to its committee's page. */
@Component
class CommitteeCalendar implements CalendarEvents {
  private final JdbcCommittees committees;

  CommitteeCalendar(JdbcCommittees committees) {
    this.committees = committees;
  }

  @Override
  public List<Event> events(String districtCode, LocalDate from, LocalDate to) {
    Map<Long, Committee> byId =
        committees.ofDistrict(districtCode).stream()
            .collect(Collectors.toMap(Committee::id, Function.identity()));
    return committees.meetingsOfDistrict(districtCode).stream()
        .filter(
            m -> {
              LocalDate day = m.meetingAt().atZone(CommitteeSteps.BANGKOK).toLocalDate();
              return !day.isBefore(from) && !day.isAfter(to);
            })
        .map(
            m ->
                new Event(
                    m.meetingAt(),
                    "ประชุม"
                        + byId.get(m.committeeId()).name()
                        + " ครั้งที่ "
                        + m.meetingNo()
                        + "/"
                        + m.academicYear(),
                    "/committees/" + m.committeeId()))
        .toList();
  }
}
