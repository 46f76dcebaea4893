package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.helpdesk.Helpdesk;
import th.qaflow.helpdesk.Helpdesk.Faq;
import th.qaflow.helpdesk.Helpdesk.Post;
import th.qaflow.helpdesk.Helpdesk.Question;
import th.qaflow.helpdesk.Helpdesk.Status;
import th.qaflow.helpdesk.SchoolQuestionProcess;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * The demo's help desk loads through the module's own service and process: school 1's SAR question
 * closed and in the district FAQ, school 5's answered twice (not solved once) and closed, school
 * 2's answered and waiting for its reply, school 6's open with the cluster's due answering task; a
 * second load adds nothing.
 */
@ProcessTest
@org.junit.jupiter.api.extension.ExtendWith(EngineTestClock.class)
class DemoHelpdeskTest {
  @Autowired DemoHelpdesk demo;
  @Autowired Helpdesk helpdesk;
  @Autowired TaskService tasks;
  @Autowired MockMvc mvc;

  @Test
  void answeredQuestionsOneFaqAndOneWaiting() throws Exception {
    demo.load(2569);
    Question sar =
        helpdesk.ofSchool("1099010001").stream()
            .filter(q -> q.title().startsWith("หลักฐานประกอบ SAR"))
            .findFirst()
            .orElseThrow();
    assertThat(sar.status()).isEqualTo(Status.CLOSED);
    assertThat(helpdesk.faqOf(sar.id()))
        .map(Faq::title)
        .hasValueSatisfying(t -> assertThat(t).contains("มาตรฐานที่ 3"));
    assertThat(helpdesk.faq("1099", "บันทึกการนิเทศ"))
        .extracting(Faq::questionId)
        .contains(sar.id());

    Question onesqa = helpdesk.ofSchool("1099010005").get(0);
    assertThat(onesqa.status()).isEqualTo(Status.CLOSED);
    assertThat(helpdesk.thread(onesqa.id()))
        .extracting(Post::kind)
        .containsExactly("ANSWER", "FOLLOW_UP", "ANSWER");

    assertThat(helpdesk.ofSchool("1099010002"))
        .anySatisfy(q -> assertThat(q.status()).isEqualTo(Status.ANSWERED));

    Question waiting = helpdesk.ofSchool("1099010006").get(0);
    assertThat(waiting.status()).isEqualTo(Status.OPEN);
    Task answer =
        tasks
            .createTaskQuery()
            .processInstanceId(waiting.processInstanceId())
            .taskDefinitionKey(SchoolQuestionProcess.TASK_ANSWER)
            .singleResult();
    assertThat(answer.getDueDate()).isNotNull();

    // the district dashboard's card counts them: a week on, school 6's question is past its due
    // date
    EngineTestClock.plus(java.time.Duration.ofDays(7));
    long open = helpdesk.ofDistrict("1099").stream().filter(q -> q.status() == Status.OPEN).count();
    String dashboard =
        TaskPages.page(mvc, "/monitoring/districts/1099", WebSessions.login(mvc, "supdirector"));
    Matcher card =
        Pattern.compile("คำถามที่รอคำตอบ (\\d+) เรื่อง \\(เลยกำหนด (\\d+) เรื่อง\\)")
            .matcher(dashboard);
    assertThat(dashboard).contains("id=\"helpdesk-card\"");
    assertThat(card.find()).isTrue();
    assertThat(Long.parseLong(card.group(1))).isEqualTo(open);
    assertThat(Long.parseLong(card.group(2))).isBetween(1L, open);
    EngineTestClock.reset();

    int questions = helpdesk.ofDistrict("1099").size();
    demo.load(2569);
    assertThat(helpdesk.ofDistrict("1099")).hasSize(questions);
  }
}
