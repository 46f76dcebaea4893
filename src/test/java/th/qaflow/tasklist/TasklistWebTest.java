package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.organisation.OrganisationImport;

/** The tasklist through HTTP: list, claim, complete with errors shown and input kept, then complete. */
@QaFlowTest
class TasklistWebTest {
  static final String SCHOOL = "1099010005";
  /** Each test gets its own academic year, so its cycle is fresh in the shared database. */
  static final AtomicInteger NEXT_YEAR = new AtomicInteger(2570);

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;

  int year;
  Task task;
  MockHttpSession qa;

  @BeforeEach
  void setUp() throws Exception {
    organisation.importDemo();
    year = NEXT_YEAR.getAndIncrement();
    cycles.startSchool(SCHOOL, year, "qaofficer").orElseThrow();
    task = tasks.createTaskQuery().processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(SCHOOL, year))
        .singleResult();
    qa = WebSessions.login(mvc, "qa5");
  }

  @Test
  void listsTheGroupsTaskWithSchoolStageAndBuddhistEraDueDate() throws Exception {
    String page = mvc.perform(get("/tasks").session(qa)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(page).contains("data-task-id=\"" + task.getId() + "\"")
        .contains("โรงเรียน")
        .contains("กำหนดมาตรฐานและค่าเป้าหมาย")
        .contains("24 พ.ค. " + year);
    assertThat(page.indexOf("lang=\"th\"")).isPositive();

    String english = mvc.perform(get("/tasks").param("lang", "en").session(qa)).andReturn().getResponse().getContentAsString();
    assertThat(english).contains("My groups&#39; tasks").contains("24 May " + (year - 543));
  }

  @Test
  void claimThenCompleteWithErrorsKeepsInputThenCompletes() throws Exception {
    mvc.perform(post("/tasks/{id}/claim", task.getId()).session(qa).with(csrf()))
        .andExpect(redirectedUrl("/tasks/" + task.getId()));
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("qa5");

    // the required summary is missing: the form comes back with the error next to the field, input kept
    String page = mvc.perform(post("/tasks/{id}/complete", task.getId()).session(qa).with(csrf())
            .param("standardsFramework", "moe2561")
            .param("standardsTargetNote", "หมายเหตุของฉัน <b>ตัวหนา</b>"))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("f-standardsSummary-error")
        .contains("หมายเหตุของฉัน &lt;b&gt;ตัวหนา&lt;/b&gt;")
        .doesNotContain("<b>ตัวหนา</b>");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(tasks.getVariable(task.getId(), "standardsTargetNote")).isNull();

    mvc.perform(post("/tasks/{id}/complete", task.getId()).session(qa).with(csrf())
            .param("standardsSummary", "มาตรฐานที่ 1 ค่าเป้าหมายระดับดีเลิศ")
            .param("standardsFramework", "moe2561"))
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(flash().attribute("success", "task.completed"));
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();

    String list = mvc.perform(get("/tasks").session(qa)).andReturn().getResponse().getContentAsString();
    assertThat(list).doesNotContain(task.getId());

    // the board sees the next task, and the earlier stage's values on its page
    MockHttpSession board = WebSessions.login(mvc, "board5");
    Task next = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    mvc.perform(get("/tasks/{id}", next.getId()).session(board))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("มาตรฐานที่ 1 ค่าเป้าหมายระดับดีเลิศ")));

    // submitting the finished task again is refused cleanly
    mvc.perform(post("/tasks/{id}/complete", task.getId()).session(qa).with(csrf())
            .param("standardsSummary", "again").param("standardsFramework", "moe2561"))
        .andExpect(status().isNotFound());
  }

  @Test
  void commentsAreKeptWithTheirAuthor() throws Exception {
    mvc.perform(post("/tasks/{id}/comments", task.getId()).session(qa).with(csrf()).param("text", "ขอข้อมูลเพิ่มเติม 🙏"))
        .andExpect(redirectedUrl("/tasks/" + task.getId() + "#comments"));
    assertThat(tasks.getTaskComments(task.getId())).anySatisfy(c -> {
      assertThat(c.getFullMessage()).isEqualTo("ขอข้อมูลเพิ่มเติม 🙏");
      assertThat(c.getUserId()).isEqualTo("qa5");
    });
    mvc.perform(post("/tasks/{id}/comments", task.getId()).session(qa).with(csrf()).param("text", "   "))
        .andExpect(flash().attribute("error", "comment.error.empty"));
  }

  @Test
  void postsWithoutCsrfTokenAreRefused() throws Exception {
    mvc.perform(post("/tasks/{id}/claim", task.getId()).session(qa)).andExpect(status().isForbidden());
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }
}
