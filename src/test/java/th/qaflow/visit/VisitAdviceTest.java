package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolAdvice;
import th.qaflow.demo.DemoVisitAnswers;
import th.qaflow.security.QaUsers;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;
import th.qaflow.tasklist.TaskWork;

/**
 * Issue 13 §3: a completed visit of a school's year reaches the school's standards task of the next
 * year (findings, level observed and recommendations per standard), and only that school's.
 */
@ProcessTest
class VisitAdviceTest {
  static final int YEAR = 2757;

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired CycleService cycles;
  @Autowired VisitRounds rounds;
  @Autowired List<SchoolAdvice> advice;

  @Test
  void aCompletedVisitAdvisesTheSchoolsNextYear() throws Exception {
    rounds.launch(users.byId("qaofficer"), VisitFixture.DISTRICT, YEAR, 1, VisitFixture.CLUSTER_2);
    String visit =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(
                DistrictVisitProcess.businessKey(VisitFixture.school(5), YEAR, 1))
            .singleResult()
            .getId();
    new VisitFixture(work, tasks, users).walkToEnd(visit, 5, "supervisor2");

    List<SchoolAdvice.Note> notes =
        advice.stream()
            .flatMap(a -> a.notes(VisitFixture.school(5), VisitFixture.DISTRICT, YEAR).stream())
            .toList();
    assertThat(notes)
        .anySatisfy(
            n -> {
              assertThat(n.source()).isEqualTo("lastyear.source.visitRecommendation");
              assertThat(n.standardCode()).isNotBlank();
              assertThat(n.text()).isEqualTo(DemoVisitAnswers.FIRST_RECOMMENDATION);
            })
        .anySatisfy(
            n -> {
              assertThat(n.source()).isEqualTo("lastyear.source.visitFinding");
              assertThat(n.level()).matches("[1-5]");
            })
        .anySatisfy(n -> assertThat(n.text()).isEqualTo(DemoVisitAnswers.SUMMARY));
    // school 6's visit of the same round is not completed: nothing of school 5's
    assertThat(
            advice.stream()
                .flatMap(a -> a.notes(VisitFixture.school(6), VisitFixture.DISTRICT, YEAR).stream())
                .toList())
        .isEmpty();

    // next year's standards task of school 5 shows it
    String cycle = cycles.startSchool(VisitFixture.school(5), YEAR + 1, "qaofficer").orElseThrow();
    Task standards = tasks.createTaskQuery().processInstanceId(cycle).singleResult();
    String page = TaskPages.page(mvc, "/tasks/" + standards.getId(), WebSessions.login(mvc, "qa5"));
    assertThat(page)
        .contains("id=\"last-year\"")
        .contains("ข้อเสนอแนะจากการตรวจเยี่ยม")
        .contains(DemoVisitAnswers.FIRST_RECOMMENDATION);
  }
}
