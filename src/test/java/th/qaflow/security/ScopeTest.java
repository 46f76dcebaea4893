package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;

/** Who may see and do what, checked on the server; a refused request changes nothing. */
@ProcessTest
class ScopeTest {
  static final String SCHOOL_B = "1099010006";
  static final AtomicInteger NEXT_YEAR = new AtomicInteger(2580);

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;

  Task schoolBTask;

  @BeforeEach
  void setUp() {
    int year = NEXT_YEAR.getAndIncrement();
    cycles.startSchool(SCHOOL_B, year, "qaofficer").orElseThrow();
    schoolBTask =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(SCHOOL_B, year))
            .singleResult();
  }

  @Test
  void aUserOfAnotherSchoolGetsNotFoundAndChangesNothing() throws Exception {
    MockHttpSession schoolA = WebSessions.login(mvc, "qa5");
    // answered exactly as a task that does not exist (or is done): back to the list with the same
    // message
    for (String id : List.of(schoolBTask.getId(), "no-such-task")) {
      mvc.perform(get("/tasks/{id}", id).session(schoolA)).andExpectAll(notFound());
      mvc.perform(
              post("/tasks/{id}/complete", id)
                  .session(schoolA)
                  .with(csrf())
                  .param("standardsFramework", "moe2561")
                  .param("targets[0].targetLevel", "5")
                  .param("targets[0].targetDescription", "แอบส่งแทน"))
          .andExpectAll(notFound());
      mvc.perform(post("/tasks/{id}/claim", id).session(schoolA).with(csrf()))
          .andExpectAll(notFound());
      mvc.perform(post("/tasks/{id}/comments", id).session(schoolA).with(csrf()).param("text", "x"))
          .andExpectAll(notFound());
    }
    assertUntouched();
    String list =
        mvc.perform(get("/tasks").session(schoolA)).andReturn().getResponse().getContentAsString();
    assertThat(list).doesNotContain(schoolBTask.getId());
  }

  @Test
  void aSchoolRoleWithoutTheTaskMaySeeButNotComplete() throws Exception {
    // the director of school B sees the QA group's task but it is not theirs to complete
    MockHttpSession director = WebSessions.login(mvc, "director6");
    mvc.perform(get("/tasks/{id}", schoolBTask.getId()).session(director))
        .andExpect(status().isOk());
    mvc.perform(
            post("/tasks/{id}/complete", schoolBTask.getId())
                .session(director)
                .with(csrf())
                .param("standardsFramework", "moe2561")
                .param("targets[0].targetLevel", "5")
                .param("targets[0].targetDescription", "x"))
        .andExpect(status().isForbidden());
    assertUntouched();
  }

  @Test
  void districtStaffSeeTheirDistrictButDoNotDoTheSchoolsWork() throws Exception {
    // school B (1099010006) is in cluster 2: its supervisor and the district's QA officer see its
    // task
    for (String user : new String[] {"supervisor2", "qaofficer"}) {
      MockHttpSession staff = WebSessions.login(mvc, user);
      mvc.perform(get("/tasks/{id}", schoolBTask.getId()).session(staff))
          .andExpect(status().isOk());
      mvc.perform(post("/tasks/{id}/claim", schoolBTask.getId()).session(staff).with(csrf()))
          .andExpect(status().isForbidden());
    }
    assertUntouched();
  }

  @Test
  void aSupervisorOfAnotherClusterGetsNotFoundAndChangesNothing() throws Exception {
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    mvc.perform(get("/tasks/{id}", schoolBTask.getId()).session(supervisor))
        .andExpectAll(notFound());
    mvc.perform(post("/tasks/{id}/claim", schoolBTask.getId()).session(supervisor).with(csrf()))
        .andExpectAll(notFound());
    mvc.perform(
            post("/tasks/{id}/comments", schoolBTask.getId())
                .session(supervisor)
                .with(csrf())
                .param("text", "x"))
        .andExpectAll(notFound());
    mvc.perform(get("/monitoring/schools/{code}", SCHOOL_B).session(supervisor))
        .andExpect(status().isNotFound());
    assertUntouched();
  }

  @Test
  void theObecViewerReadsEverythingAndChangesNothing() throws Exception {
    MockHttpSession obec = WebSessions.login(mvc, "obec");
    mvc.perform(get("/tasks/{id}", schoolBTask.getId()).session(obec)).andExpect(status().isOk());
    mvc.perform(post("/tasks/{id}/claim", schoolBTask.getId()).session(obec).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}/complete", schoolBTask.getId())
                .session(obec)
                .with(csrf())
                .param("standardsFramework", "moe2561")
                .param("targets[0].targetLevel", "5")
                .param("targets[0].targetDescription", "x"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/tasks/{id}/comments", schoolBTask.getId())
                .session(obec)
                .with(csrf())
                .param("text", "x"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/cycles/start")
                .session(obec)
                .with(csrf())
                .param("district", "1099")
                .param("year", "2569"))
        .andExpect(status().isForbidden());
    assertUntouched();
  }

  @Test
  void onlyTheDistrictQaOfficerOrAdminStartsTheYear() throws Exception {
    mvc.perform(get("/cycles").session(WebSessions.login(mvc, "qa5")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/cycles").session(WebSessions.login(mvc, "qaofficer")))
        .andExpect(status().isOk());
  }

  @Test
  void anonymousRequestsAreSentToTheLoginPage() throws Exception {
    mvc.perform(get("/tasks")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/cycles")).andExpect(status().is3xxRedirection());
  }

  /**
   * What a missing task, a finished one and another school's one all get: the list and one message.
   */
  static org.springframework.test.web.servlet.ResultMatcher[] notFound() {
    return new org.springframework.test.web.servlet.ResultMatcher[] {
      status().isFound(), redirectedUrl("/tasks"), flash().attribute("error", "task.error.gone")
    };
  }

  private void assertUntouched() {
    Task now = tasks.createTaskQuery().taskId(schoolBTask.getId()).singleResult();
    assertThat(now).as("task still open").isNotNull();
    assertThat(now.getAssignee()).isNull();
    assertThat(tasks.getVariable(schoolBTask.getId(), "targets")).isNull();
    assertThat(tasks.getTaskComments(schoolBTask.getId())).isEmpty();
  }
}
