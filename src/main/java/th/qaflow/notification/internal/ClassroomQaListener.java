package th.qaflow.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.ClassroomQaPilotChosen;
import th.qaflow.kernel.ClassroomQaResultsShared;
import th.qaflow.web.ThaiDates;

/**
 * The classroom-level QA pilot's mails (seed 000 L349-399), whatever the reader's reminder
 * preference (news, not a reminder), once per pilot and person: the pilot school's director(s) and
 * QA working group learn that their school was chosen; when the model school is announced and its
 * results spread, every school of the district learns of the announcement and the sharing event.
 * Runs inside the engine's transaction of the step. The texts are in the classroomqa bundle.
 */
public class ClassroomQaListener {
  static final String KIND_CHOSEN = "CLASSROOM_QA_CHOSEN";
  static final String KIND_SHARED = "CLASSROOM_QA_SHARED";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  ClassroomQaListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(ClassroomQaPilotChosen chosen) {
    news.tell(
        chosen.schoolCode(),
        KIND_CHOSEN,
        to -> KIND_CHOSEN + ":" + chosen.pilotId() + ":" + to.userId(),
        (school, to) -> {
          Locale locale = to.locale();
          Object[] args = {
            school.nameTh(), chosen.districtName(), String.valueOf(chosen.academicYear())
          };
          return new SchoolNews.Letter(
              messages.getMessage("cqa.mail.chosen.subject", args, locale),
              messages.getMessage("cqa.mail.chosen", args, locale),
              chosen.reason() == null ? List.of() : List.of(chosen.reason()),
              true,
              messages.getMessage("cqa.mail.chosen.next", null, locale),
              messages.getMessage("cqa.mail.open", null, locale),
              baseUrl + chosen.link());
        },
        chosen.at());
  }

  @EventListener
  public void on(ClassroomQaResultsShared shared) {
    for (String schoolCode : shared.schoolCodes()) {
      news.tell(
          schoolCode,
          KIND_SHARED,
          to -> KIND_SHARED + ":" + shared.pilotId() + ":" + to.userId(),
          (school, to) -> {
            Locale locale = to.locale();
            Object[] args = {
              shared.modelSchoolName(),
              shared.districtName(),
              String.valueOf(shared.academicYear()),
              shared.announcementNo() == null ? "-" : shared.announcementNo()
            };
            List<String> details = new ArrayList<>();
            details.add(
                messages.getMessage(
                    "cqa.mail.shared.on",
                    new Object[] {ThaiDates.date(shared.sharedOn(), locale)},
                    locale));
            if (shared.sharing() != null) {
              details.add(shared.sharing());
            }
            return new SchoolNews.Letter(
                messages.getMessage("cqa.mail.shared.subject", args, locale),
                messages.getMessage("cqa.mail.shared", args, locale),
                details,
                false,
                messages.getMessage("cqa.mail.shared.next", null, locale),
                messages.getMessage("cqa.mail.open", null, locale),
                baseUrl + shared.link());
          },
          shared.at());
    }
  }
}
