package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * Issue 11: two members of one group act on the same task at the same moment, on the real engine
 * and database (threads released together by a latch, through the whole web stack: security,
 * controller, transaction commit). Exactly one wins; the other is sent back with the clear conflict
 * message, never a 5xx or a bare 404; and the process moves on exactly once. The tests' own
 * district 7651 (school 7651010001, two QA members).
 */
@QaFlowTest
class TaskRaceWebTest {
  static final String DISTRICT = "7651";
  static final String SCHOOL = "7651010001";
  static final String QA1 = "r7651qa1";
  static final String QA2 = "r7651qa2";
  static final String OFFICER = "r7651off";
  static final int ROUNDS = 20;
  static final AtomicInteger NEXT_YEAR = new AtomicInteger(2600);
  static final Set<String> CONFLICT =
      Set.of(
          "task.error.claimedByOther",
          "task.error.alreadyDone",
          "task.error.gone",
          "task.error.concurrent");

  static ExecutorService pool;

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;

  MockHttpSession qa1;
  MockHttpSession qa2;

  /** How the losers were answered, by message key (printed: which way the races went). */
  final Map<String, Integer> losers = new java.util.TreeMap<>();

  @org.junit.jupiter.api.AfterEach
  void report(org.junit.jupiter.api.TestInfo test) {
    System.out.println("races " + test.getDisplayName() + ": losers " + losers);
  }

  @BeforeAll
  static void threads() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopThreads() {
    pool.shutdownNow();
  }

  @BeforeEach
  void setUp() throws Exception {
    importDistrict();
    qa1 = WebSessions.login(mvc, QA1);
    qa2 = WebSessions.login(mvc, QA2);
  }

  @Test
  void twoMembersClaimingAtOnceOneWinsTheOtherIsToldClearly() throws Exception {
    Task task = newCycleTask();
    for (int round = 0; round < ROUNDS; round++) {
      tasks.setAssignee(task.getId(), null);
      List<Outcome> outcomes = race(claim(task, qa1), claim(task, qa2));
      String assignee = tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
      assertThat(assignee).as("round " + round).isIn(QA1, QA2);
      Outcome winner = outcomes.get(assignee.equals(QA1) ? 0 : 1);
      Outcome loser = outcomes.get(assignee.equals(QA1) ? 1 : 0);
      assertThat(winner.failure()).as("round " + round + " winner").isNull();
      assertThat(winner.redirect()).isEqualTo("/tasks/" + task.getId());
      assertThat(winner.flash("success")).isEqualTo("task.claimed");
      assertConflict(loser, "round " + round + " loser");
    }
  }

  @Test
  void twoMembersCompletingAtOnceCompleteItOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Task task = newCycleTask();
      List<Outcome> outcomes = race(complete(task, qa1), complete(task, qa2));
      assertCompletedOnce(task, outcomes, "round " + round);
    }
  }

  @Test
  void aDoubleSubmitCompletesOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      Task task = newCycleTask();
      List<Outcome> outcomes = race(complete(task, qa1), complete(task, qa1));
      assertCompletedOnce(task, outcomes, "round " + round);
    }
  }

  @Test
  void aLateSecondSubmitOrAnOldLinkGoesBackToTheListWithAMessage() throws Exception {
    Task task = newCycleTask();
    MockHttpServletRequestBuilder submit = complete(task, qa1);
    MockHttpServletRequestBuilder again = complete(task, qa1);
    Outcome first = perform(submit);
    assertThat(first.redirect()).isEqualTo("/tasks");
    Outcome late = perform(again);
    assertThat(late.failure()).isNull();
    assertThat(late.redirect()).isEqualTo("/tasks");
    assertThat(late.flash("error")).isEqualTo("task.error.gone");
    Outcome bookmark = perform(get("/tasks/{id}", task.getId()).session(qa2));
    assertThat(bookmark.redirect()).isEqualTo("/tasks");
    assertThat(bookmark.flash("error")).isEqualTo("task.error.gone");
    Outcome claimGone = perform(claim(task, qa2));
    assertThat(claimGone.redirect()).isEqualTo("/tasks");
    assertThat(claimGone.flash("error")).isEqualTo("task.error.gone");
    assertThat(submissions(task)).isEqualTo(1);
    // the message shows on the list it leads to, in Thai
    String list =
        mvc.perform(get("/tasks").session(qa2).flashAttr("error", "task.error.gone"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(list).contains("งานนี้เสร็จไปแล้ว");
  }

  // --- helpers

  private void assertCompletedOnce(Task task, List<Outcome> outcomes, String round) {
    List<Outcome> done =
        outcomes.stream().filter(o -> "task.completed".equals(o.flash("success"))).toList();
    assertThat(done).as(round + ": exactly one completion " + outcomes).hasSize(1);
    Outcome loser = outcomes.get(outcomes.get(0) == done.get(0) ? 1 : 0);
    assertConflict(loser, round + " loser");
    assertThat(submissions(task)).as(round + " submissions recorded").isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count())
        .isEqualTo(1);
    List<Task> next = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list();
    assertThat(next).as(round + ": the process moved on once").hasSize(1);
    assertThat(next.get(0).getTaskDefinitionKey())
        .isEqualTo(SchoolQaCycleProcess.TASK_BOARD_ENDORSE_STANDARDS);
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(SchoolQaCycleProcess.TASK_BOARD_ENDORSE_STANDARDS)
                .count())
        .isEqualTo(1);
  }

  private void assertConflict(Outcome loser, String what) {
    losers.merge(String.valueOf(loser.flash("error")), 1, Integer::sum);
    assertThat(loser.failure()).as(what + " got an error instead of a message").isNull();
    assertThat(loser.status()).as(what + " status").isEqualTo(302);
    assertThat(loser.redirect()).as(what).isEqualTo("/tasks");
    assertThat(loser.flash("error")).as(what + " message").isIn(CONFLICT);
  }

  private int submissions(Task task) {
    return jdbc.sql("select count(*) from task_submission where task_id = :t")
        .param("t", task.getId())
        .query(Integer.class)
        .single();
  }

  /**
   * What one request got: its status, redirect and flash, or the exception a real server would
   * answer 500 to.
   */
  record Outcome(int status, String redirect, Map<String, ?> flashMap, Throwable failure) {
    Object flash(String name) {
      return flashMap == null ? null : flashMap.get(name);
    }
  }

  private Outcome perform(MockHttpServletRequestBuilder request) {
    try {
      MvcResult result = mvc.perform(request).andReturn();
      return new Outcome(
          result.getResponse().getStatus(),
          result.getResponse().getRedirectedUrl(),
          Map.copyOf(result.getFlashMap()),
          result.getResponse().getStatus() >= 500 ? new AssertionError("5xx") : null);
    } catch (Throwable e) {
      return new Outcome(500, null, null, e);
    }
  }

  /** Both requests released at the same moment. */
  private List<Outcome> race(MockHttpServletRequestBuilder a, MockHttpServletRequestBuilder b)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (MockHttpServletRequestBuilder request : List.of(a, b)) {
      futures.add(
          pool.submit(
              () -> {
                ready.countDown();
                go.await();
                return perform(request);
              }));
    }
    assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : futures) {
      outcomes.add(f.get(60, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  private MockHttpServletRequestBuilder claim(Task task, MockHttpSession session) {
    return post("/tasks/{id}/claim", task.getId()).session(session).with(csrf());
  }

  private MockHttpServletRequestBuilder complete(Task task, MockHttpSession session) {
    int rows = ((List<?>) tasks.getVariable(task.getId(), "standards")).size();
    MockHttpServletRequestBuilder request =
        post("/tasks/{id}/complete", task.getId())
            .session(session)
            .with(csrf())
            .param("standardsFramework", "moe2561");
    for (int i = 0; i < rows; i++) {
      request
          .param("targets[" + i + "].targetLevel", "4")
          .param("targets[" + i + "].targetDescription", "ข้อ " + i)
          .param("targets[" + i + "].targetBaseline", "ฐาน " + i);
    }
    return request;
  }

  private Task newCycleTask() {
    int year = NEXT_YEAR.getAndIncrement();
    String pi = cycles.startSchool(SCHOOL, year, OFFICER).orElseThrow();
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private void importDistrict() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        DISTRICT
            + ",สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบพร้อมกัน เขต 1,Race District 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        SCHOOL
            + ",97651001,โรงเรียนบ้านพร้อมกัน,Ban Phromkan School,"
            + DISTRICT
            + ","
            + DISTRICT
            + "-C1,กลุ่มพร้อมกัน,false,true");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        QA1 + ",สมหญิง,พร้อม," + QA1 + "@qaflow.example,SCHOOL_QA,," + SCHOOL + ",,demo",
        QA2 + ",สมศรี,พร้อม," + QA2 + "@qaflow.example,SCHOOL_QA,," + SCHOOL + ",,demo",
        OFFICER
            + ",ปรียา,พร้อม,"
            + OFFICER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + DISTRICT
            + ",,,demo");
  }
}
