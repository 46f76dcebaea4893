package th.qaflow.districtplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.districtplan.DistrictQaPlanProcess.*;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.district.SynthesisApproved;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The plan through the real web layer: the drafter sees last year's published synthesis above the
 * form and drafts the 3-year plan through it; the district director approves it; the QA officer
 * cannot decide in the director's place; another district's officer and a school's people can
 * neither open the plan page nor its tasks, nor start a plan year. District 1099, year 2890;
 * district 7289 is the other district.
 */
@ProcessTest
class DistrictPlanWebTest {
  static final String OTHER = "7289";
  static final int YEAR = 2890;

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired DistrictPlans plans;
  @Autowired OrganisationImport organisation;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบแผน เขต 1,Plan test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "planofficer"
            + OTHER
            + ",วิภา,ใจดี,planofficer"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(YEAR - 543, 6, 1, 9, 0);
  }

  @Test
  void theDistrictsOwnStaffDraftAndApproveOthersAreRefused() throws Exception {
    // last year's synthesis, published as the district's cycle publishes it
    tx.executeWithoutResult(
        s ->
            events.publishEvent(
                new SynthesisApproved(
                    "1099",
                    YEAR - 1,
                    Map.of(
                        "synthesisOverview", "ภาพรวม",
                        "synthesisStrengths", "จุดเด่นด้านการอ่าน",
                        "synthesisWeaknesses", "การคิดวิเคราะห์ยังต่ำ",
                        "synthesisRecommendations", "เน้นนิเทศคณิตศาสตร์"),
                    "supdirector",
                    Instant.parse("2347-06-20T03:00:00Z"))));
    String pi = plans.start("1099", YEAR, "qaofficer").orElseThrow();
    Task draft = tasks.createTaskQuery().processInstanceId(pi).singleResult();

    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession director = WebSessions.login(mvc, "districtdirector");
    MockHttpSession foreign = WebSessions.login(mvc, "planofficer" + OTHER);
    MockHttpSession school = WebSessions.login(mvc, "qa1");
    MockHttpSession schoolDirector = WebSessions.login(mvc, "director1");

    // the district's page lists the year with its open step
    String page = TaskPages.page(mvc, "/district/plan?district=1099", officer);
    assertThat(page).contains("plan-" + YEAR).contains(draft.getId());
    // the drafter sees last year's findings and the standards to choose from
    String form = TaskPages.page(mvc, "/tasks/" + draft.getId(), officer);
    assertThat(form)
        .contains("การคิดวิเคราะห์ยังต่ำ")
        .contains("เน้นนิเทศคณิตศาสตร์")
        .contains("BASIC-1");

    // others: not the page, not the task, not a start
    mvc.perform(get("/district/plan").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/district/plan").param("district", "1099").session(school))
        .andExpect(status().isForbidden());
    assertThat(TaskPages.page(mvc, "/district/plan", foreign)).doesNotContain("plan-" + YEAR);
    for (MockHttpSession outsider : new MockHttpSession[] {foreign, school, schoolDirector}) {
      mvc.perform(get("/tasks/{id}", draft.getId()).session(outsider)).andExpectAll(gone());
      mvc.perform(
              post("/tasks/{id}/complete", draft.getId())
                  .session(outsider)
                  .with(csrf())
                  .param("dpVision", "แอบเขียน"))
          .andExpectAll(gone());
    }
    mvc.perform(
            post("/district/plan/start")
                .session(foreign)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR + 1)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/district/plan/start")
                .session(school)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR + 1)))
        .andExpect(status().isForbidden());
    assertThat(plans.year("1099", YEAR + 1)).isEmpty();
    // a start of a year already running is refused with a message
    mvc.perform(
            post("/district/plan/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR)))
        .andExpect(flash().attribute("error", "plan.error.running"));

    // the officer drafts the 3-year plan through the form
    TaskPages.done(
        mvc,
        TaskPages.completeForm(draft.getId())
            .param("dpVision", "นักเรียนคิดเป็น")
            .param("dpStrategies[0].strategyName", "ยกระดับการคิดวิเคราะห์")
            .param("dpStrategies[0].strategyStandards", "BASIC-1")
            .param("dpStrategies[0].strategyFinding", "การคิดวิเคราะห์ยังต่ำ")
            .param("dpIndicators[0].indicatorName", "ร้อยละโรงเรียนระดับดีเลิศ มาตรฐานที่ 1")
            .param("dpIndicators[0].indicatorStandard", "BASIC-1")
            .param("dpIndicators[0].indicatorTarget", "80"),
        officer);
    Task approval = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo(TASK_APPROVE_DEVELOPMENT_PLAN);
    // the director sees the plan; the officer may not decide in the director's place
    assertThat(TaskPages.page(mvc, "/tasks/" + approval.getId(), director))
        .contains("ยกระดับการคิดวิเคราะห์");
    mvc.perform(
            post("/tasks/{id}/complete", approval.getId())
                .session(officer)
                .with(csrf())
                .param(VAR_DEVELOPMENT_PLAN_DECISION, "approve"))
        .andReturn();
    assertThat(tasks.createTaskQuery().taskId(approval.getId()).count())
        .as("the officer's approval did not count")
        .isEqualTo(1);
    // a return needs comments
    assertThat(
            TaskPages.refused(
                mvc,
                TaskPages.completeForm(approval.getId())
                    .param(VAR_DEVELOPMENT_PLAN_DECISION, "return"),
                director))
        .contains("f-" + VAR_DEVELOPMENT_PLAN_COMMENTS + "-error");
    TaskPages.done(
        mvc,
        TaskPages.completeForm(approval.getId()).param(VAR_DEVELOPMENT_PLAN_DECISION, "approve"),
        director);
    Task action = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(action.getTaskDefinitionKey()).isEqualTo(TASK_DRAFT_ACTION_PLAN);

    // the district dashboard's own-work section has the plan's step, and its done approval
    String dashboard = TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, officer);
    assertThat(dashboard)
        .contains("data-task-id=\"" + action.getId() + "\"")
        .contains("data-stage=\"PLAN_ACTION\"")
        .contains("จัดทำแผนปฏิบัติการประจำปี")
        .contains("อนุมัติแผนพัฒนาฯ ระยะ 3 ปี");
  }

  private static ResultMatcher[] gone() {
    return new ResultMatcher[] {
      status().isFound(), redirectedUrl("/tasks"), flash().attribute("error", "task.error.gone")
    };
  }
}
