package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.demo.DemoVisitAnswers;
import th.qaflow.security.QaUsers;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;
import th.qaflow.tasklist.TaskWork;

/**
 * The /visits page: launching a round, refusing bad input and the wrong people; and the self-check
 * panel.
 */
@ProcessTest
class VisitWebTest {
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired CycleService cycles;
  @Autowired VisitRounds rounds;

  @Test
  void officerLaunchesARoundForAClusterFromThePage() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    String page =
        mvc.perform(get("/visits").param("year", "2750").session(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "การนิเทศ ติดตาม และตรวจเยี่ยมสถานศึกษา",
            "ทุกโรงเรียนในเขตพื้นที่",
            "value=\"1099-C1\"",
            "value=\"1099-C2\"",
            "ยังไม่มีรอบการตรวจเยี่ยม");

    mvc.perform(launch(officer, "2750", "1", "1099-C1"))
        .andExpect(redirectedUrl("/visits?year=2750"))
        .andExpect(flash().attribute("startedCount", 4));
    mvc.perform(launch(officer, "2750", "1", "1099-C1"))
        .andExpect(flash().attribute("startedCount", 0))
        .andExpect(flash().attribute("alreadyCount", 4));
    assertThat(instances("%-2750-V%")).isEqualTo(4);

    page =
        mvc.perform(get("/visits").param("year", "2750").param("lang", "en").session(officer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "Round 1: 0 of 4 schools done",
            "Plan and schedule (supervisor)",
            "data-school=\"1099010004\"")
        .doesNotContain("data-school=\"1099010005\"");

    // supervisor 2 is offered only cluster 2, and may not launch cluster 1 by hand
    MockHttpSession supervisor2 = WebSessions.login(mvc, "supervisor2");
    page =
        mvc.perform(get("/visits").param("year", "2750").session(supervisor2))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("value=\"1099-C2\"")
        .doesNotContain("value=\"1099-C1\"", "value=\"district\"");
    mvc.perform(launch(supervisor2, "2751", "1", "1099-C1")).andExpect(status().isForbidden());
    mvc.perform(launch(supervisor2, "2751", "1", "district")).andExpect(status().isForbidden());
    assertThat(instances("%-2751-V%")).isZero();
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndStartsNothing() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    long before = instances("%");
    Map<String[], String> cases = new HashMap<>();
    cases.put(new String[] {"abc", "1", "1099-C1"}, "visit.error.year");
    cases.put(new String[] {"2025", "1", "1099-C1"}, "visit.error.year");
    cases.put(new String[] {"", "1", "1099-C1"}, "visit.error.year");
    cases.put(new String[] {"2752", "0", "1099-C1"}, "visit.error.round");
    cases.put(new String[] {"2752", "9", "1099-C1"}, "visit.error.round");
    cases.put(new String[] {"2752", "x", "1099-C1"}, "visit.error.round");
    cases.put(new String[] {"2752", "1", ""}, "visit.error.scope");
    cases.put(new String[] {"2752", "1", "9999-C9"}, "visit.error.scope");
    for (Map.Entry<String[], String> c : cases.entrySet()) {
      String[] in = c.getKey();
      mvc.perform(launch(officer, in[0], in[1], in[2]))
          .andExpect(status().is3xxRedirection())
          .andExpect(flash().attribute("error", c.getValue()));
    }
    mvc.perform(
            post("/visits/launch")
                .with(csrf())
                .session(officer)
                .param("district", "0000")
                .param("year", "2752")
                .param("round", "1")
                .param("scope", "district"))
        .andExpect(flash().attribute("error", "visit.error.district"));
    mvc.perform(post("/visits/launch").with(csrf()).session(officer))
        .andExpect(flash().attribute("error", "visit.error.year"));
    assertThat(instances("%")).isEqualTo(before);
    assertThat(rounds.rounds(VisitFixture.DISTRICT, 2752)).isEmpty();

    // the messages, in Thai and in English (a fresh session: the refusals above left their flash
    // maps in the old one)
    officer = WebSessions.login(mvc, "qaofficer");
    String thai =
        mvc.perform(get("/visits").session(officer).flashAttr("error", "visit.error.year"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(thai).contains("ปีการศึกษาไม่ถูกต้อง", "ยังไม่ได้เริ่มการตรวจเยี่ยมใด");
    String english =
        mvc.perform(
                get("/visits")
                    .param("lang", "en")
                    .session(officer)
                    .flashAttr("error", "visit.error.round"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(english).contains("Invalid round: choose round 1 to 4. No visit was started.");
    String badYear =
        mvc.perform(get("/visits").param("year", "1999").param("lang", "th").session(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(badYear).contains("ปีการศึกษาไม่ถูกต้อง");
  }

  @Test
  void schoolPeopleAndViewersCannotUseThePage() throws Exception {
    for (String who : List.of("qa1", "director1", "board1", "obec")) {
      MockHttpSession session = WebSessions.login(mvc, who);
      mvc.perform(get("/visits").session(session)).andExpect(status().isForbidden());
      mvc.perform(launch(session, "2753", "1", "1099-C1")).andExpect(status().isForbidden());
    }
    assertThat(instances("%-2753-V%")).isZero();
    String tasksPage =
        mvc.perform(get("/tasks").session(WebSessions.login(mvc, "qa1")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(tasksPage).doesNotContain("href=\"/visits\"");
    assertThat(
            mvc.perform(get("/tasks").session(WebSessions.login(mvc, "supervisor1")))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("href=\"/visits\"");
  }

  @Test
  void theSchoolsSelfCheckShowsTheVisitsFindingsAndImprovementActions() throws Exception {
    int year = 2755;
    String school = VisitFixture.school(3);
    rounds.launch(users.byId("qaofficer"), VisitFixture.DISTRICT, year, 1, VisitFixture.CLUSTER_1);
    String visit =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(DistrictVisitProcess.businessKey(school, year, 1))
            .singleResult()
            .getId();
    new VisitFixture(work, tasks, users).walkToEnd(visit, 3, "supervisor1");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(visit).count())
        .as("visit completed")
        .isZero();

    String cycle = cycles.startSchool(school, year, "qaofficer").orElseThrow();
    Task selfCheck = walkToSelfCheckOne(cycle);

    MockHttpSession qa = WebSessions.login(mvc, "qa3");
    String page =
        mvc.perform(get("/tasks/{id}", selfCheck.getId()).session(qa))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "id=\"visit-findings\"",
            "ผลการนิเทศ ติดตาม และตรวจเยี่ยมของเขตพื้นที่",
            "การตรวจเยี่ยมรอบที่ 1",
            DemoVisitAnswers.SUMMARY,
            DemoVisitAnswers.FIRST_RECOMMENDATION,
            DemoVisitAnswers.FIRST_ACTION,
            DemoVisitAnswers.FIRST_ACTION_OWNER,
            "class=\"improvement-action\"");
    String english =
        mvc.perform(get("/tasks/{id}", selfCheck.getId()).param("lang", "en").session(qa))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(english)
        .contains("Findings of the district visits", "Improvement actions set by the school");

    // school 4 of the same round has no completed visit: the panel says so
    String other = cycles.startSchool(VisitFixture.school(4), year, "qaofficer").orElseThrow();
    Task otherCheck = walkToSelfCheckOne(other);
    String otherPage =
        mvc.perform(get("/tasks/{id}", otherCheck.getId()).session(WebSessions.login(mvc, "qa4")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(otherPage)
        .contains("ยังไม่มีการตรวจเยี่ยมที่เสร็จสิ้นในปีการศึกษานี้")
        .doesNotContain(DemoVisitAnswers.FIRST_ACTION);
  }

  /** Completes the cycle's first tasks on the engine and fires the semester-one timer. */
  private Task walkToSelfCheckOne(String cycle) {
    for (String key :
        List.of(
            SchoolQaCycleProcess.TASK_SET_STANDARDS,
            SchoolQaCycleProcess.TASK_BOARD_ENDORSE_STANDARDS,
            SchoolQaCycleProcess.TASK_ANNOUNCE_STANDARDS,
            SchoolQaCycleProcess.TASK_MAKE_PLANS)) {
      Task t = tasks.createTaskQuery().processInstanceId(cycle).singleResult();
      assertThat(t.getTaskDefinitionKey()).isEqualTo(key);
      tasks.complete(
          t.getId(),
          key.equals(SchoolQaCycleProcess.TASK_BOARD_ENDORSE_STANDARDS)
              ? Map.of("endorsementDecision", "approve")
              : Map.of());
    }
    Job timer = management.createJobQuery().processInstanceId(cycle).singleResult();
    management.executeJob(timer.getId());
    Task selfCheck = tasks.createTaskQuery().processInstanceId(cycle).singleResult();
    assertThat(selfCheck.getTaskDefinitionKey())
        .isEqualTo(SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_ONE);
    return selfCheck;
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder launch(
      MockHttpSession session, String year, String round, String scope) {
    return post("/visits/launch")
        .with(csrf())
        .session(session)
        .param("district", VisitFixture.DISTRICT)
        .param("year", year)
        .param("round", round)
        .param("scope", scope);
  }

  private long instances(String businessKeyLike) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(DistrictVisitProcess.PROCESS_ID)
        .processInstanceBusinessKeyLike(businessKeyLike)
        .count();
  }
}
