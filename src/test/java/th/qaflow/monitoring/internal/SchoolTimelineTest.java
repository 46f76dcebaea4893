package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.cycle.SchoolQaCycleProcess.TASK_BOARD_ENDORSE_STANDARDS;
import static th.qaflow.cycle.SchoolQaCycleProcess.TASK_SET_STANDARDS;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.WebSessions;

/**
 * The school page's timeline puts each decision and comment on the task that made it: the board
 * returns the standards with comments (form field and a task comment), the school sets them again,
 * the board approves — the return shows on the first endorsement only, the approval on the second,
 * nothing on the school's steps.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class SchoolTimelineTest {
  static final int YEAR = 2821;
  static final String SCHOOL = "1099010003";

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired SchoolPages pages;

  @Test
  void aBoardsReturnAndItsCommentsShowOnTheRightTask() throws Exception {
    organisation.importDemo();
    int ce = AcademicYears.firstCalendarYear(YEAR);
    EngineTestClock.at(LocalDateTime.of(ce, 5, 16, 8, 0));
    String pi = cycles.startSchool(SCHOOL, YEAR, "qaofficer").orElseThrow();
    MockHttpSession qa = WebSessions.login(mvc, "qa3");
    MockHttpSession board = WebSessions.login(mvc, "board3");

    Task set1 = open(pi, TASK_SET_STANDARDS);
    mvc.perform(setStandards(set1, "รอบแรก").session(qa)).andExpect(redirectedUrl("/tasks"));
    Task endorse1 = open(pi, TASK_BOARD_ENDORSE_STANDARDS);
    mvc.perform(
            post("/tasks/{id}/comments", endorse1.getId())
                .session(board)
                .with(csrf())
                .param("text", "ความเห็นในงาน: ขอเอกสารประกอบ"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/tasks/{id}/complete", endorse1.getId())
                .session(board)
                .with(csrf())
                .param("endorsementDecision", "return")
                .param("endorsementComments", "ค่าเป้าหมายมาตรฐานที่ 2 ต่ำไป")
                .param("endorsementMeetingDate", (ce) + "-05-20"))
        .andExpect(redirectedUrl("/tasks"));

    Task set2 = open(pi, TASK_SET_STANDARDS);
    assertThat(set2.getId()).isNotEqualTo(set1.getId());
    mvc.perform(setStandards(set2, "รอบสอง").session(qa)).andExpect(redirectedUrl("/tasks"));
    Task endorse2 = open(pi, TASK_BOARD_ENDORSE_STANDARDS);
    mvc.perform(
            post("/tasks/{id}/complete", endorse2.getId())
                .session(board)
                .with(csrf())
                .param("endorsementDecision", "approve")
                .param("endorsementMeetingDate", (ce) + "-05-27"))
        .andExpect(redirectedUrl("/tasks"));

    // the model: decisions and comments by task
    SchoolPages.ProcessView view =
        pages.processes(SCHOOL, YEAR).stream()
            .filter(p -> p.id().equals(pi))
            .findFirst()
            .orElseThrow();
    assertThat(decisions(view, endorse1.getId()))
        .contains("endorsementDecision=return", "endorsementComments=ค่าเป้าหมายมาตรฐานที่ 2 ต่ำไป")
        .doesNotContain("endorsementDecision=approve");
    assertThat(comments(view, endorse1.getId())).containsExactly("ความเห็นในงาน: ขอเอกสารประกอบ");
    assertThat(decisions(view, endorse2.getId()))
        .contains("endorsementDecision=approve")
        .doesNotContain("endorsementDecision=return")
        .noneMatch(d -> d.contains("ต่ำไป"));
    assertThat(comments(view, endorse2.getId())).isEmpty();
    assertThat(decisions(view, set1.getId())).noneMatch(d -> d.startsWith("endorsement"));
    assertThat(decisions(view, set2.getId())).noneMatch(d -> d.startsWith("endorsement"));
    assertThat(comments(view, set2.getId())).isEmpty();

    // the page: each step's block (li with data-task-id) carries its own decisions and comments
    String html =
        mvc.perform(get("/monitoring/schools/{c}", SCHOOL).param("year", "" + YEAR).session(qa))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    // decisions under their form labels and option labels, never the variable name or value
    assertThat(step(html, endorse1.getId()))
        .contains(
            "มติคณะกรรมการสถานศึกษาขั้นพื้นฐาน",
            "ส่งกลับให้แก้ไข",
            "ค่าเป้าหมายมาตรฐานที่ 2 ต่ำไป",
            "ความเห็นในงาน: ขอเอกสารประกอบ",
            "จำลอง ศรีนวล")
        .doesNotContain("endorsementDecision", ">return<");
    assertThat(step(html, endorse2.getId()))
        .contains("เห็นชอบ")
        .doesNotContain("ต่ำไป", "ขอเอกสารประกอบ", ">approve<");
    assertThat(step(html, set1.getId()))
        .doesNotContain("มติคณะกรรมการสถานศึกษาขั้นพื้นฐาน", "ต่ำไป", "ขอเอกสารประกอบ");
    assertThat(step(html, set2.getId()))
        .doesNotContain("มติคณะกรรมการสถานศึกษาขั้นพื้นฐาน", "ต่ำไป", "ขอเอกสารประกอบ");

    // another school's people do not see the timeline
    mvc.perform(
            get("/monitoring/schools/{c}", SCHOOL)
                .param("year", "" + YEAR)
                .session(WebSessions.login(mvc, "board4")))
        .andExpect(status().isNotFound());
  }

  private MockHttpServletRequestBuilder setStandards(Task task, String text) {
    int standards = ((List<?>) tasks.getVariable(task.getId(), "standards")).size();
    MockHttpServletRequestBuilder complete =
        post("/tasks/{id}/complete", task.getId())
            .with(csrf())
            .param("standardsFramework", "moe2561");
    for (int i = 0; i < standards; i++) {
      complete
          .param("targets[" + i + "].targetLevel", "4")
          .param("targets[" + i + "].targetDescription", text + " ข้อ " + (i + 1))
          .param("targets[" + i + "].targetBaseline", "ปีที่ผ่านมาระดับดี");
    }
    return complete;
  }

  private Task open(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private static List<String> decisions(SchoolPages.ProcessView view, String taskId) {
    return step(view, taskId).decisions().stream().map(d -> d.name() + "=" + d.value()).toList();
  }

  private static List<String> comments(SchoolPages.ProcessView view, String taskId) {
    return step(view, taskId).comments().stream().map(Comment::getFullMessage).toList();
  }

  private static SchoolPages.Step step(SchoolPages.ProcessView view, String taskId) {
    return view.steps().stream().filter(s -> s.taskId().equals(taskId)).findFirst().orElseThrow();
  }

  /** The timeline entry of one task: from its li to the next step's li (or the end of the list). */
  private static String step(String html, String taskId) {
    int from = html.indexOf("data-task-id=\"" + taskId + "\"");
    assertThat(from).as("step %s on the page", taskId).isPositive();
    int next = html.indexOf("data-task-id=", from + 10);
    int end = html.indexOf("</ol>", from);
    return html.substring(from, next > 0 && next < end ? next : end);
  }
}
