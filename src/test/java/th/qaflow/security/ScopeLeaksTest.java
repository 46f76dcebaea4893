package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.district.DistrictCycles;
import th.qaflow.documents.Documents;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.WebSessions;

/**
 * The two leaks of issue 11: a school's own page showed the whole district's ONESQA timeline (every
 * director's readiness and a supervisor's return comment about another school), and cluster 1's
 * supervisor could read cluster 2's SAR review. District 7876, year 2776.
 */
@QaFlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeLeaksTest {
  static final ScopeFixture F = new ScopeFixture("7876", 2776);
  static final String READINESS_TASK = "สถานศึกษาแจ้งความพร้อมรับการประเมิน";

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired DistrictCycles districts;
  @Autowired ExternalAssessments external;
  @Autowired Documents documents;
  @Autowired OrganisationImport organisation;

  @BeforeAll
  void fixture() throws Exception {
    organisation.importDemo();
    F.importSecondDistrict(organisation);
    F.build(mvc, runtime, tasks, cycles, districts, external, documents);
  }

  @Test
  void aSchoolsPagesShowItsOwnOnesqaEntriesAndNoOtherSchools() throws Exception {
    for (String user : new String[] {"qa1", "director1", "board1"}) {
      MockHttpSession session = WebSessions.login(mvc, user);
      String schoolPage =
          page(session, "/monitoring/schools/" + ScopeFixture.SCHOOL_1 + "?year=" + F.year);
      // its own readiness step is on its timeline, school 5's declaration and return comment are
      // not
      assertThat(schoolPage)
          .as(user)
          .contains(READINESS_TASK)
          .doesNotContain(
              F.school5Note,
              F.school5ReturnComment,
              F.school5TaskComment,
              ScopeFixture.SCHOOL_5_NAME);
      String taskPage = page(session, "/tasks/" + F.school1Readiness);
      assertThat(taskPage)
          .as(user)
          .contains(F.school1Note)
          .doesNotContain(F.school5Note, F.school5ReturnComment);
    }
    // cluster 1's supervisor confirms school 1's readiness without reading school 5's
    String confirm = page(WebSessions.login(mvc, "supervisor1"), "/tasks/" + F.school1Readiness);
    assertThat(confirm)
        .contains(F.school1Note)
        .doesNotContain(F.school5Note, F.school5ReturnComment);
    // school 5 and cluster 2's supervisor still read school 5's own history
    assertThat(
            page(
                WebSessions.login(mvc, "director5"),
                "/monitoring/schools/" + ScopeFixture.SCHOOL_5 + "?year=" + F.year))
        .contains(F.school5ReturnComment)
        .doesNotContain(F.school1Note);
    assertThat(page(WebSessions.login(mvc, "supervisor2"), "/tasks/" + F.school5Readiness))
        .contains(F.school5Note, F.school5ReturnComment)
        .doesNotContain(F.school1Note);
  }

  @Test
  void clusterOnesSupervisorReadsClusterTwosReviewOnlyOnceHandedToThem() throws Exception {
    MockHttpSession sup1 = WebSessions.login(mvc, "supervisor1");
    mvc.perform(get("/tasks/{id}", F.school5Review).session(sup1))
        .andExpectAll(ScopeTest.notFound());
    mvc.perform(get("/documents/{id}", F.school5Document).session(sup1))
        .andExpect(status().isNotFound());
    mvc.perform(get("/monitoring/schools/{code}", ScopeFixture.SCHOOL_5).session(sup1))
        .andExpect(status().isNotFound());
    assertThat(page(sup1, "/district?year=" + F.year)).doesNotContain(F.school5Review);
    // the district's other staff read it
    mvc.perform(get("/tasks/{id}", F.school5Review).session(WebSessions.login(mvc, "supdirector")))
        .andExpect(status().isOk());

    mvc.perform(
            post("/district/reviews/{id}/assign", F.school5Review)
                .session(WebSessions.login(mvc, "qaofficer"))
                .with(csrf())
                .param("supervisor", "supervisor1"))
        .andExpect(status().is3xxRedirection());
    assertThat(tasks.createTaskQuery().taskId(F.school5Review).singleResult().getAssignee())
        .isEqualTo("supervisor1");

    mvc.perform(get("/tasks/{id}", F.school5Review).session(sup1)).andExpect(status().isOk());
    mvc.perform(get("/documents/{id}", F.school5Document).session(sup1)).andExpect(status().isOk());
    assertThat(page(sup1, "/district?year=" + F.year)).contains(F.school5Review);
    // holding school 5's review does not open another cluster-2 school
    mvc.perform(get("/monitoring/schools/{code}", "1099010006").session(sup1))
        .andExpect(status().isNotFound());

    // taken back, it is closed to them again
    tasks.setAssignee(F.school5Review, null);
    mvc.perform(get("/tasks/{id}", F.school5Review).session(sup1))
        .andExpectAll(ScopeTest.notFound());
    mvc.perform(get("/documents/{id}", F.school5Document).session(sup1))
        .andExpect(status().isNotFound());
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
