package th.qaflow.committee.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Meeting;
import th.qaflow.committee.Committees.Resolution;
import th.qaflow.web.export.Table;
import th.qaflow.web.export.TableWriter;

/**
 * A committee's meetings and the follow-up of its resolutions as a workbook: what the secretariat
 * reports to the next meeting (004 L199-210: resolutions become tracked follow-up tasks).
 */
@Component
class CommitteeWorkbook {
  private final JdbcCommittees committees;
  private final MessageSource messages;

  CommitteeWorkbook(JdbcCommittees committees, MessageSource messages) {
    this.committees = committees;
    this.messages = messages;
  }

  byte[] xlsx(Committee committee, Map<String, String> names, Locale locale) {
    Table.Builder meetings =
        Table.of(
            msg("committee.meetings", locale),
            List.of(
                msg("committee.xlsx.meeting", locale),
                msg("committee.xlsx.date", locale),
                msg("committee.xlsx.place", locale),
                msg("committee.xlsx.status", locale),
                msg("committee.xlsx.approvedAt", locale),
                msg("committee.xlsx.resolutions", locale),
                msg("committee.xlsx.open", locale)));
    Table.Builder resolutions =
        Table.of(
            msg("committee.resolutions", locale),
            List.of(
                msg("committee.xlsx.meeting", locale),
                msg("committee.xlsx.no", locale),
                msg("committee.resolution", locale),
                msg("committee.owner", locale),
                msg("committee.due", locale),
                msg("committee.xlsx.status", locale),
                msg("committee.xlsx.result", locale),
                msg("committee.xlsx.doneAt", locale)));
    for (Meeting m : committees.meetings(committee.id())) {
      String title = m.meetingNo() + "/" + m.academicYear();
      List<Resolution> rs = committees.resolutions(m.id());
      meetings.row(
          Table.text(title),
          Table.dateTime(m.meetingAt()),
          Table.text(m.place() == null ? "" : m.place()),
          Table.text(msg("committee.status." + m.status(), locale)),
          Table.date(m.approvedAt()),
          Table.integer(rs.size()),
          Table.integer(rs.stream().filter(r -> !"DONE".equals(r.status())).count()));
      for (Resolution r : rs) {
        resolutions.row(
            Table.text(title),
            Table.integer(r.position()),
            Table.text(r.text()),
            Table.text(names.getOrDefault(r.ownerId(), r.ownerId())),
            Table.date(r.dueOn()),
            Table.text(msg("committee.resolution." + r.status(), locale)),
            Table.text(r.result() == null ? "" : r.result()),
            Table.date(r.doneAt()));
      }
    }
    return TableWriter.xlsx(List.of(meetings.build(), resolutions.build()), locale);
  }

  private String msg(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
