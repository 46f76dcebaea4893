package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import th.qaflow.cycle.CycleService;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * Issue 11: when the work comes back, the decision forms of the new round start empty (no option
 * checked, no comment, no meeting date), while what the school revises (the SAR draft) is still
 * pre-filled. Through HTTP on the real forms and engine.
 */
@ProcessTest
class NewRoundFormsWebTest {
  static final String SCHOOL = "1099010004";
  static final AtomicInteger NEXT_YEAR = new AtomicInteger(2604);
  static final String SUMMARY = "บทสรุปผู้บริหาร ฉบับร่างแรก";

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;

  int year;
  String pi;

  @BeforeEach
  void startCycle() {
    year = NEXT_YEAR.getAndIncrement();
    pi = cycles.startSchool(SCHOOL, year, "qaofficer").orElseThrow();
  }

  @Test
  void aRedraftRoundAsksTheDirectorAndTheBoardAfreshButKeepsTheDraft() throws Exception {
    MockHttpSession qa = WebSessions.login(mvc, "qa4");
    MockHttpSession director = WebSessions.login(mvc, "director4");
    MockHttpSession board = WebSessions.login(mvc, "board4");
    String meeting = (year - 543) + "-04-20";

    Task draft = driveTo(TASK_DRAFT_SAR);
    List<?> levels = (List<?>) tasks.getVariable(draft.getId(), "assessment");
    int rows = levels == null ? 1 : Math.max(1, levels.size());
    MockMultipartHttpServletRequestBuilder first = form(draft);
    first.file(new MockMultipartFile("sarFile", "SAR.pdf", "application/pdf", pdf("v1")));
    first.param("sarExecutiveSummary", SUMMARY).param("sarAnnexesComplete", "true");
    for (int i = 0; i < rows; i++) {
      first.param("sarLevels[" + i + "].achievedLevel", "3");
    }
    done(first, qa);

    // round 1: the director returns the draft with comments
    done(
        form(open(TASK_DIRECTOR_REVIEW_SAR))
            .param("directorDecision", "returnToQa")
            .param("directorComments", "ความเห็นผู้อำนวยการรอบแรก"),
        director);

    // the redraft keeps what the school revises: the summary, the levels, the file
    String redraft = page(open(TASK_DRAFT_SAR), qa);
    assertThat(FormHtml.textarea(redraft, "sarExecutiveSummary")).isEqualTo(SUMMARY);
    assertThat(FormHtml.selected(redraft, "sarLevels[0].achievedLevel")).isEqualTo("3");
    assertThat(FormHtml.anyChecked(redraft, "sarAnnexesComplete")).isTrue();
    done(
        form(open(TASK_DRAFT_SAR))
            .param("sarExecutiveSummary", SUMMARY + " แก้ไขแล้ว")
            .param("sarAnnexesComplete", "true")
            .params(levels(rows, "3")),
        qa);

    // round 2 of the director: no choice made, no comment from round 1
    String directorPage = page(open(TASK_DIRECTOR_REVIEW_SAR), director);
    assertThat(FormHtml.anyChecked(directorPage, "directorDecision"))
        .as("director's decision preselected")
        .isFalse();
    assertThat(FormHtml.textarea(directorPage, "directorComments")).isEmpty();
    done(form(open(TASK_DIRECTOR_REVIEW_SAR)).param("directorDecision", "toBoard"), director);

    // round 1 of the board: returns with comments, a meeting date and a resolution number
    done(
        form(open(TASK_BOARD_APPROVE_SAR))
            .param("boardDecision", "return")
            .param("boardComments", "ความเห็นคณะกรรมการรอบแรก")
            .param("boardMeetingDate", meeting)
            .param("boardResolutionNo", "1/" + year),
        board);

    redraft = page(open(TASK_DRAFT_SAR), qa);
    assertThat(FormHtml.textarea(redraft, "sarExecutiveSummary")).isEqualTo(SUMMARY + " แก้ไขแล้ว");
    assertThat(FormHtml.selected(redraft, "sarLevels[0].achievedLevel")).isEqualTo("3");
    done(
        form(open(TASK_DRAFT_SAR))
            .param("sarExecutiveSummary", SUMMARY + " รอบสาม")
            .param("sarAnnexesComplete", "true")
            .params(levels(rows, "3")),
        qa);

    directorPage = page(open(TASK_DIRECTOR_REVIEW_SAR), director);
    assertThat(FormHtml.anyChecked(directorPage, "directorDecision"))
        .as("'toBoard' of round 2 preselected")
        .isFalse();
    assertThat(FormHtml.textarea(directorPage, "directorComments")).isEmpty();
    done(form(open(TASK_DIRECTOR_REVIEW_SAR)).param("directorDecision", "toBoard"), director);

    // round 2 of the board: nothing of round 1's resolution is on the form (it is in the history,
    // read-only)
    String boardPage = page(open(TASK_BOARD_APPROVE_SAR), board);
    assertThat(FormHtml.anyChecked(boardPage, "boardDecision"))
        .as("'return' of round 1 preselected")
        .isFalse();
    assertThat(FormHtml.textarea(boardPage, "boardComments")).isEmpty();
    assertThat(FormHtml.textarea(boardPage, "boardRecommendations")).isEmpty();
    assertThat(FormHtml.value(boardPage, "boardMeetingDate")).isEmpty();
    assertThat(FormHtml.value(boardPage, "boardResolutionNo")).isEmpty();
    assertThat(boardPage)
        .as("round 1's resolution is still shown as history")
        .contains("ความเห็นคณะกรรมการรอบแรก");

    // an unread submit cannot repeat round 1: the decision is required again
    String refused =
        mvc.perform(form(open(TASK_BOARD_APPROVE_SAR)).session(board))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("id=\"f-boardDecision-error\"", "id=\"f-boardMeetingDate-error\"");
    done(
        form(open(TASK_BOARD_APPROVE_SAR))
            .param("boardDecision", "approve")
            .param("boardMeetingDate", meeting),
        board);
    assertThat(open(TASK_SUBMIT_SAR)).isNotNull();
  }

  @Test
  void aReturnedStandardsRoundAsksTheBoardAfresh() throws Exception {
    MockHttpSession board = WebSessions.login(mvc, "board4");
    tasks.complete(driveTo(TASK_SET_STANDARDS).getId(), Map.of());
    done(
        form(open(TASK_BOARD_ENDORSE_STANDARDS))
            .param("endorsementDecision", "return")
            .param("endorsementComments", "ปรับค่าเป้าหมาย")
            .param("endorsementMeetingDate", (year - 543) + "-05-20"),
        board);
    tasks.complete(open(TASK_SET_STANDARDS).getId(), Map.of());

    String page = page(open(TASK_BOARD_ENDORSE_STANDARDS), board);
    assertThat(FormHtml.anyChecked(page, "endorsementDecision")).isFalse();
    assertThat(FormHtml.textarea(page, "endorsementComments")).isEmpty();
    assertThat(FormHtml.value(page, "endorsementMeetingDate")).isEmpty();
  }

  // --- helpers

  private static Map<String, List<String>> levelsMap(int rows, String level) {
    Map<String, List<String>> p = new HashMap<>();
    for (int i = 0; i < rows; i++) {
      p.put("sarLevels[" + i + "].achievedLevel", List.of(level));
    }
    return p;
  }

  private static org.springframework.util.MultiValueMap<String, String> levels(
      int rows, String level) {
    return new org.springframework.util.LinkedMultiValueMap<>(levelsMap(rows, level));
  }

  private void done(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form,
      MockHttpSession session)
      throws Exception {
    TaskPages.done(mvc, form, session);
  }

  private String page(Task task, MockHttpSession session) throws Exception {
    return TaskPages.page(mvc, "/tasks/" + task.getId(), session);
  }

  private MockMultipartHttpServletRequestBuilder form(Task task) {
    return TaskPages.completeForm(task.getId());
  }

  private Task open(String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task).as("open task").isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  /**
   * Earlier stages done on the engine directly (their forms are not under test here), timers fired.
   */
  private Task driveTo(String key) {
    return ProcessDriver.driveTo(
        tasks,
        management,
        pi,
        key,
        task -> {
          Map<String, Object> vars = new HashMap<>(Map.of("endorsementDecision", "approve"));
          if (task.getTaskDefinitionKey().equals(TASK_INTERNAL_ASSESSMENT)) {
            vars.put(
                "assessment",
                List.of(
                    new HashMap<>(
                        Map.of(
                            "standardCode",
                            "T-1",
                            "standardLabel",
                            "มาตรฐานทดสอบ",
                            "targetLevel",
                            "4",
                            "achievedLevel",
                            "4"))));
          }
          return vars;
        });
  }

  private static byte[] pdf(String text) {
    return TaskPages.pdf(text);
  }
}
