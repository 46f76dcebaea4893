package th.qaflow.helpdesk.internal;

import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.helpdesk.SchoolQuestionProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;

/**
 * The district dashboard's help-desk card: questions waiting for an answer (and how many of them
 * are past their due date), answers waiting for the asker, and the FAQ's size. Used from templates
 * as {@code ${@helpdeskCard.card(district)}}; shown to the district's staff only.
 */
@Component("helpdeskCard")
public class HelpdeskCard {
  private final JdbcClient jdbc;
  private final TaskService tasks;
  private final Clock clock;

  HelpdeskCard(JdbcClient jdbc, @Lazy TaskService tasks, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.clock = clock;
  }

  /**
   * @param open questions not answered yet
   * @param overdue of those, the ones past their answer's due date
   * @param waiting answered, waiting for the asker to confirm
   * @param faq the district's FAQ entries
   */
  public record Card(int open, long overdue, int waiting, int faq) {}

  public boolean mayOpen(String district) {
    QaUser user = CurrentUser.get();
    return user != null
        && user.role() != null
        && !user.role().atSchool()
        && user.canSeeDistrict(district);
  }

  public Card card(String district) {
    int open = count("OPEN", district);
    int waiting = count("ANSWERED", district);
    int faq =
        jdbc.sql("select count(*) from helpdesk_faq where district_code = :d")
            .param("d", district)
            .query(Integer.class)
            .single();
    long overdue =
        open == 0
            ? 0
            : tasks
                .createTaskQuery()
                .processDefinitionKey(SchoolQuestionProcess.PROCESS_ID)
                .taskDefinitionKey(SchoolQuestionProcess.TASK_ANSWER)
                .processVariableValueEquals(ProcessVariables.DISTRICT_CODE, district)
                .dueBefore(Date.from(clock.instant()))
                .count();
    return new Card(open, overdue, waiting, faq);
  }

  private int count(String status, String district) {
    return jdbc.sql(
            "select count(*) from helpdesk_question where district_code = :d and status = :s")
        .param("d", district)
        .param("s", status)
        .query(Integer.class)
        .single();
  }
}
