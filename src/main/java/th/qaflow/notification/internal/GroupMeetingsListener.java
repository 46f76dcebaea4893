package th.qaflow.notification.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.GroupMeetingsBehind;
import th.qaflow.web.ThaiDates;

/**
 * A school group is behind its rule of two meetings a semester, a month before the semester ends:
 * its chair and vice-chair are asked to call a meeting, the cluster's supervisors are told (a
 * letter of their own), whatever their reminder preference, once per group, year, semester and
 * person (the outbox's key). Runs inside the engine's transaction.
 */
public class GroupMeetingsListener {
  static final String KIND = "GROUP_MEETINGS";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  GroupMeetingsListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(GroupMeetingsBehind behind) {
    tell(behind, behind.leaderIds(), "leader");
    tell(
        behind,
        behind.supervisorIds().stream().filter(id -> !behind.leaderIds().contains(id)).toList(),
        "supervisor");
  }

  private void tell(GroupMeetingsBehind b, List<String> people, String who) {
    news.tellPeople(
        people,
        KIND,
        to ->
            KIND
                + ":"
                + b.clusterCode()
                + ":"
                + b.academicYear()
                + ":"
                + b.semester()
                + ":"
                + to.userId(),
        to -> {
          Locale locale = to.locale();
          Object[] args = {
            b.groupName(),
            String.valueOf(b.semester()),
            String.valueOf(b.academicYear()),
            ThaiDates.date(b.semesterEnds(), locale),
            String.valueOf(b.held()),
            String.valueOf(b.called()),
            String.valueOf(b.required())
          };
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.groupMeetings", args, locale),
              messages.getMessage("notification.mail.groupMeetings." + who, args, locale),
              List.of(
                  messages.getMessage("notification.mail.groupMeetings.held", args, locale),
                  messages.getMessage("notification.mail.groupMeetings.called", args, locale)),
              false,
              messages.getMessage("notification.mail.groupMeetings.next." + who, args, locale),
              messages.getMessage("notification.mail.groupMeetings.open", null, locale),
              baseUrl + b.link());
        },
        b.at());
  }
}
