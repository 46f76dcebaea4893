package th.qaflow.notification.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import th.qaflow.kernel.SarReviewAnswered;

/**
 * The district answered a school's SAR: its director(s) and QA working group get the advice (or the
 * request to revise) by mail, whatever their reminder preference (it is news, not a reminder), once
 * per answer and person. Runs inside the answering transaction, like the outbox's other writers.
 */
public class SarAdviceListener {
  static final String KIND = "SAR_ADVICE";

  private final SchoolNews news;
  private final MessageSource messages;
  private final String baseUrl;

  SarAdviceListener(SchoolNews news, MessageSource messages, String baseUrl) {
    this.news = news;
    this.messages = messages;
    this.baseUrl = baseUrl;
  }

  @EventListener
  public void on(SarReviewAnswered answered) {
    String what = answered.reviseRequested() ? "revise" : "advice";
    news.tell(
        answered.schoolCode(),
        KIND,
        to -> KIND + ":" + answered.schoolCycleId() + ":" + answered.round() + ":" + to.userId(),
        (school, to) -> {
          Locale locale = to.locale();
          Object[] args = {school.nameTh(), String.valueOf(answered.academicYear())};
          return new SchoolNews.Letter(
              messages.getMessage("notification.subject.sarReview." + what, args, locale),
              messages.getMessage("notification.mail.sarReview." + what, args, locale),
              List.of(answered.advice() == null ? "" : answered.advice()),
              true,
              null,
              messages.getMessage("notification.mail.open", null, locale),
              baseUrl + "/tasks");
        },
        answered.at());
  }
}
