package th.qaflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EmbeddedPostgresExtension;
import th.qaflow.support.WebSessions;
import th.qaflow.tasklist.TaskCountsCheck;
import th.qaflow.tasklist.TaskWork;

/**
 * The application on a real PostgreSQL (embedded binaries from Maven Central, started by the test):
 * Flyway and Camunda schemas, organisation import, starting a year once, and a task done over HTTP.
 */
@SpringBootTest(
    properties = {"qaflow.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@AutoConfigureMockMvc
class PostgresIntegrationTest {
  @RegisterExtension
  static final EmbeddedPostgresExtension postgres =
      new EmbeddedPostgresExtension().withEngineSchema();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired TaskWork work;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  /** The task list's counts, one SQL statement of our own, on PostgreSQL's SQL (TaskCountsTest). */
  @Test
  void taskListCountsAreWhatTheTasksAreOnPostgres() {
    TaskCountsCheck.verify(work, tasks, runtime, repository, "pg-tcc");
  }

  @Test
  void runsTheSchoolYearOnPostgres() throws Exception {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    organisation.importDemo();
    organisation.importDemo(); // idempotent

    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    mvc.perform(
            post("/cycles/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param(
                    "year",
                    String.valueOf(th.qaflow.kernel.AcademicYears.of(java.time.LocalDate.now()))))
        .andExpect(status().is3xxRedirection());
    int year = th.qaflow.kernel.AcademicYears.of(java.time.LocalDate.now());
    assertThat(cycles.startYear("1099", year, "qaofficer").started()).as("never twice").isEmpty();
    assertThat(jdbc.sql("select count(*) from school_cycle").query(Integer.class).single())
        .isEqualTo(8);

    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey("1099010001", year))
            .singleResult();
    MockHttpSession qa = WebSessions.login(mvc, "qa1");
    mvc.perform(get("/tasks/{id}", task.getId()).session(qa)).andExpect(status().isOk());
    int standards = ((java.util.List<?>) tasks.getVariable(task.getId(), "standards")).size();
    var complete =
        post("/tasks/{id}/complete", task.getId())
            .session(qa)
            .with(csrf())
            .param("standardsFramework", "moe2561");
    for (int i = 0; i < standards; i++) {
      complete
          .param("targets[" + i + "].targetLevel", "4")
          .param(
              "targets[" + i + "].targetDescription",
              i == 0 ? "มาตรฐานที่ 1 ระดับดีเลิศ 😀" : "ค่าเป้าหมายข้อ " + (i + 1))
          .param("targets[" + i + "].targetBaseline", "ปีที่ผ่านมาระดับดี");
    }
    mvc.perform(complete).andExpect(redirectedUrl("/tasks"));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(SchoolQaCycleProcess.TASK_BOARD_ENDORSE_STANDARDS);
    assertThat(
            jdbc.sql("select values_json from task_submission where task_id = :id")
                .param("id", task.getId())
                .query(String.class)
                .single())
        .contains("มาตรฐานที่ 1 ระดับดีเลิศ 😀");

    MockHttpSession otherSchool = WebSessions.login(mvc, "qa2");
    Task next =
        tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    // another school's task is answered as a missing one: back to the list with the same message
    mvc.perform(get("/tasks/{id}", next.getId()).session(otherSchool))
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("error", "task.error.gone"));
  }
}
