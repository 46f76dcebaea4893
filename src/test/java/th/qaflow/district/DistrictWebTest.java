package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;

/**
 * Scope of the SAR review through the real web layer: the supervisor of cluster 1 cannot act on
 * cluster 2's review until the district assigns it; only the QA officer or supervision director
 * assigns, and only to a supervisor of the district; a return needs comments. Years 2726–2729.
 */
@ProcessTest
class DistrictWebTest {
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    SchoolWalker.clock(2173, 5, 16);
  }

  @Test
  void clusterOneSupervisorActsOnClusterTwoReviewOnlyWhenAssigned() throws Exception {
    int year = 2726;
    String school = "1099010005";
    String cycleId = cycles.startSchool(school, year, "qaofficer").orElseThrow();
    SchoolWalker walker = new SchoolWalker(runtime, tasks, management);
    walker.submit(cycleId);
    EngineTestClock.reset();
    Task review = walker.review(school, year);

    MockHttpSession sup1 = WebSessions.login(mvc, "supervisor1");
    MockHttpSession sup2 = WebSessions.login(mvc, "supervisor2");
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");

    // cluster 1's supervisor: not among the group's tasks, may not open, claim or complete it
    // (outside their clusters)
    assertThat(page(sup1, "/tasks")).doesNotContain(review.getId());
    mvc.perform(get("/tasks/{id}", review.getId()).session(sup1)).andExpectAll(gone());
    mvc.perform(post("/tasks/{id}/claim", review.getId()).session(sup1).with(csrf()))
        .andExpectAll(gone());
    mvc.perform(
            post("/tasks/{id}/complete", review.getId())
                .session(sup1)
                .with(csrf())
                .param("reviewDecision", "advice")
                .param("reviewComments", "ข้อเสนอแนะ"))
        .andExpectAll(gone());
    // cluster 2's supervisor has it, with the completeness check
    assertThat(page(sup2, "/tasks")).contains(review.getId());
    assertThat(page(sup2, "/tasks/" + review.getId()))
        .contains("ตรวจความครบถ้วนของ SAR (ส่งครั้งที่ 1)");

    // only the district's QA officer or supervision director assigns
    mvc.perform(
            post("/district/reviews/{id}/assign", review.getId())
                .session(sup2)
                .with(csrf())
                .param("supervisor", "supervisor1"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/district/reviews/{id}/assign", review.getId())
                .session(officer)
                .with(csrf())
                .param("supervisor", "qa1"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", "district.assign.error.notSupervisor"));
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
        .isNull();
    mvc.perform(
            post("/district/reviews/{id}/assign", "no-such-task")
                .session(officer)
                .with(csrf())
                .param("supervisor", "supervisor1"))
        .andExpect(status().isNotFound());

    assertThat(page(officer, "/district?year=" + year))
        .contains(review.getId())
        .contains("อยู่ระหว่างพิจารณา");
    mvc.perform(
            post("/district/reviews/{id}/assign", review.getId())
                .session(officer)
                .with(csrf())
                .param("supervisor", "supervisor1"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("success", "district.assign.done"));
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
        .isEqualTo("supervisor1");
    // handed to them, the review (and its school's page) is theirs to read
    assertThat(page(sup1, "/tasks/" + review.getId()))
        .contains("ตรวจความครบถ้วนของ SAR (ส่งครั้งที่ 1)");
    mvc.perform(get("/monitoring/schools/{code}", school).session(sup1)).andExpect(status().isOk());

    // now supervisor1 acts; advice or a request to revise without the advice text is refused
    // with a message, nothing changes
    for (String decision : new String[] {"revise", "advice"}) {
      String refused =
          mvc.perform(
                  post("/tasks/{id}/complete", review.getId())
                      .session(sup1)
                      .with(csrf())
                      .param("reviewDecision", decision))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(refused).contains("reviewComments");
      assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    }
    mvc.perform(
            post("/tasks/{id}/complete", review.getId())
                .session(sup1)
                .with(csrf())
                .param("reviewDecision", "revise")
                .param("reviewComments", "ไม่มีระดับคุณภาพของมาตรฐานที่ 3"))
        .andExpect(status().is3xxRedirection());
    ProcessInstance cycle =
        runtime.createProcessInstanceQuery().processInstanceId(cycleId).singleResult();
    // the school publishes its board-approved SAR first; the request to revise shows on its task
    assertThat(cycle).isWaitingAt(SchoolQaCycleProcess.TASK_PUBLISH_SAR);
    Task publish = tasks.createTaskQuery().processInstanceId(cycleId).singleResult();
    MockHttpSession director5 = WebSessions.login(mvc, "director5");
    assertThat(page(director5, "/tasks/" + publish.getId()))
        .contains("ไม่มีระดับคุณภาพของมาตรฐานที่ 3")
        .contains("สำนักงานเขตพื้นที่ขอให้ปรับปรุง SAR");
    // another school's director may not open it, nor read the advice
    mvc.perform(get("/tasks/{id}", publish.getId()).session(WebSessions.login(mvc, "director1")))
        .andExpectAll(gone());
    assertThat(page(WebSessions.login(mvc, "director1"), "/tasks"))
        .doesNotContain("ไม่มีระดับคุณภาพของมาตรฐานที่ 3");
    // the school's page shows it to the school, and another school may not open that page
    assertThat(page(director5, "/monitoring/schools/" + school + "?year=" + year))
        .contains("id=\"sar-advice\"")
        .contains("ไม่มีระดับคุณภาพของมาตรฐานที่ 3");
    mvc.perform(
            get("/monitoring/schools/{code}", school)
                .param("year", String.valueOf(year))
                .session(WebSessions.login(mvc, "director1")))
        .andExpect(status().isNotFound());
    // and its director and QA group get it by mail, nobody else
    assertThat(
            jdbc.queryForList(
                "select recipient_id from mail_outbox where kind = 'SAR_ADVICE'"
                    + " and body_text like ? order by recipient_id",
                String.class,
                "%ไม่มีระดับคุณภาพของมาตรฐานที่ 3%"))
        .containsExactly("director5", "qa5");
    walker.complete(cycleId, SchoolQaCycleProcess.TASK_PUBLISH_SAR, java.util.Map.of());
    // the revision round's redraft shows the district's advice too
    assertThat(cycle).isWaitingAt(SchoolQaCycleProcess.TASK_DRAFT_SAR);
    Task draft = tasks.createTaskQuery().processInstanceId(cycleId).singleResult();
    MockHttpSession qa5 = WebSessions.login(mvc, "qa5");
    assertThat(page(qa5, "/tasks/" + draft.getId())).contains("ไม่มีระดับคุณภาพของมาตรฐานที่ 3");
  }

  @Test
  void theReviewPeriodIsTheDistrictOfficersSetting() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    assertThat(page(officer, "/district?year=2728")).contains("id=\"reviewWorkingDays\"");
    for (String bad : new String[] {"abc", "0", "61", ""}) {
      mvc.perform(
              post("/district/review-period")
                  .session(officer)
                  .with(csrf())
                  .param("district", "1099")
                  .param("workingDays", bad))
          .andExpect(status().is3xxRedirection())
          .andExpect(flash().attribute("error", "district.reviewPeriod.invalid"));
    }
    mvc.perform(
            post("/district/review-period")
                .session(WebSessions.login(mvc, "supervisor1"))
                .with(csrf())
                .param("district", "1099")
                .param("workingDays", "5"))
        .andExpect(status().isForbidden());
    try {
      mvc.perform(
              post("/district/review-period")
                  .session(officer)
                  .with(csrf())
                  .param("district", "1099")
                  .param("workingDays", "10"))
          .andExpect(flash().attribute("success", "district.reviewPeriod.saved"));
      String school = "1099010002";
      int year = 2728;
      String cycleId = cycles.startSchool(school, year, "qaofficer").orElseThrow();
      SchoolWalker walker = new SchoolWalker(runtime, tasks, management);
      walker.submit(cycleId);
      Task review = walker.review(school, year);
      assertThat(review.getDueDate())
          .isEqualTo(SarReviewProcessTest.workingDaysAfter(review.getCreateTime(), 10));
    } finally {
      mvc.perform(
          post("/district/review-period")
              .session(officer)
              .with(csrf())
              .param("district", "1099")
              .param("workingDays", "15"));
    }
  }

  @Test
  void districtPageIsForDistrictStaffAndStartsTheCycleOnce() throws Exception {
    mvc.perform(get("/district").session(WebSessions.login(mvc, "qa1")))
        .andExpect(status().isForbidden());
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    assertThat(page(officer, "/district?year=2727")).contains("ยังไม่ได้เริ่มวงจรของปีนี้");
    // only the current, previous or next year may be started from the page
    mvc.perform(
            post("/district/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", "2727"))
        .andExpect(flash().attribute("error", "district.error.year"));
    mvc.perform(
            post("/district/start")
                .session(WebSessions.login(mvc, "supervisor1"))
                .with(csrf())
                .param("district", "1099")
                .param("year", "2727"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/district?district=2000").session(officer)).andExpect(status().isForbidden());
    assertThat(page(WebSessions.login(mvc, "obec"), "/district?year=2727&lang=en"))
        .contains("The district&#39;s QA year");
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /**
   * Another cluster's task is answered as a missing one: back to the list with one message, nothing
   * done.
   */
  private static org.springframework.test.web.servlet.ResultMatcher[] gone() {
    return new org.springframework.test.web.servlet.ResultMatcher[] {
      status().isFound(),
      org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/tasks"),
      flash().attribute("error", "task.error.gone")
    };
  }
}
