package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * Issue 16 §1 on the task page: after a failed submit an error summary comes first and links to
 * every field; selects say "please choose"; a SAR the director or the board returned shows why
 * above everything else.
 */
@ProcessTest
class TaskPageWebTest {
  static final String SCHOOL = "1099010005";
  static final AtomicInteger NEXT_YEAR = new AtomicInteger(2770);
  static final Pattern SUMMARY_LINK = Pattern.compile("<li><a href=\"#([^\"]+)\">");

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;

  int year;
  String pi;
  MockHttpSession qa;

  @BeforeEach
  void startCycle() throws Exception {
    year = NEXT_YEAR.getAndIncrement();
    pi = cycles.startSchool(SCHOOL, year, "qaofficer").orElseThrow();
    qa = WebSessions.login(mvc, "qa5");
  }

  @Test
  void anEmptySubmitPutsASummaryFirstThatLinksToEveryFieldWithAnError() throws Exception {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    mvc.perform(post("/tasks/{id}/claim", task.getId()).session(qa).with(csrf()));

    String page = TaskPages.refused(mvc, TaskPages.completeForm(task.getId()), qa);

    // one message per field with an error (the framework select and, in each of the six rows, the
    // target level select, the description and the baseline): the summary counts and links them all
    int fieldErrors = count(page, "class=\"field-error\"");
    assertThat(fieldErrors).isEqualTo(19);
    assertThat(page)
        .contains("id=\"error-summary\"")
        .contains("tabindex=\"-1\"")
        .contains("autofocus")
        .contains("<h2 id=\"error-summary-title\">มีข้อผิดพลาด 19 รายการ</h2>");
    List<String> targets = new ArrayList<>();
    Matcher m = SUMMARY_LINK.matcher(page);
    while (m.find()) {
      targets.add(m.group(1));
    }
    assertThat(targets).hasSize(fieldErrors).doesNotHaveDuplicates();
    for (String id : targets) {
      assertThat(page).as("the link target %s exists", id).contains("id=\"" + id + "\"");
    }
    assertThat(targets)
        .startsWith(
            "f-standardsFramework", "f-targets-0-targetLevel", "f-targets-0-targetDescription");
    // first on the page: above the task's details and the form
    assertThat(page.indexOf("id=\"error-summary\""))
        .isLessThan(page.indexOf("class=\"card values\""))
        .isLessThan(page.indexOf("id=\"task-form\""));
    // the fields keep their inline message, described by it and marked invalid
    assertThat(page)
        .containsPattern(
            "id=\"f-standardsFramework\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"[^\"]*f-standardsFramework-error")
        .contains("id=\"f-standardsFramework-error\"><span>โปรดเลือกจากรายการ</span>")
        .contains("id=\"f-targets-0-targetLevel-error\"><span>โปรดเลือกจากรายการ</span>")
        .contains("id=\"f-targets-0-targetDescription-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>");
    // the summary names the row of a list's field
    assertThat(page).contains("(รายการที่ 1)");

    String english =
        TaskPages.refused(mvc, TaskPages.completeForm(task.getId()).param("lang", "en"), qa);
    assertThat(english)
        .contains("<h2 id=\"error-summary-title\">There are 19 problems</h2>")
        .contains("id=\"f-standardsFramework-error\"><span>Please choose from the list</span>")
        .doesNotContain("??");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  void aPageWithoutErrorsHasNoSummary() throws Exception {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(TaskPages.page(mvc, "/tasks/" + task.getId(), qa)).doesNotContain("error-summary");
  }

  @Test
  void aSarTheDirectorOrTheBoardReturnedSaysWhyAboveEverythingElse() throws Exception {
    Task review = driveTo(SchoolQaCycleProcess.TASK_DIRECTOR_REVIEW_SAR);
    String director = "มาตรฐานที่ 2 ยังไม่มีหลักฐานประกอบ\nกรุณาแนบผลการประเมินภาคเรียนที่ 2";
    tasks.complete(
        review.getId(), Map.of("directorDecision", "returnToQa", "directorComments", director));

    Task redraft = open(SchoolQaCycleProcess.TASK_DRAFT_SAR);
    String page = TaskPages.page(mvc, "/tasks/" + redraft.getId(), qa);
    assertThat(page)
        .contains("ผู้อำนวยการส่ง SAR กลับให้แก้ไข")
        .contains("มาตรฐานที่ 2 ยังไม่มีหลักฐานประกอบ\nกรุณาแนบผลการประเมินภาคเรียนที่ 2");
    assertThat(page.indexOf("panel-returned"))
        .isPositive()
        .isLessThan(page.indexOf("class=\"card values\""))
        .isLessThan(page.indexOf("id=\"comments\""));
    // and the comments section no longer says plainly that there is nothing
    assertThat(page).contains("เหตุที่ส่งกลับให้แก้ไขแสดงไว้ที่ด้านบนของหน้า");
    assertThat(TaskPages.page(mvc, "/tasks/" + redraft.getId() + "?lang=en", qa))
        .contains("The director returned the SAR for revision");

    // next round: the director sends it on, the board returns it; now the board's reasons show
    tasks.complete(redraft.getId(), answers());
    tasks.complete(
        open(SchoolQaCycleProcess.TASK_DIRECTOR_REVIEW_SAR).getId(),
        Map.of("directorDecision", "toBoard"));
    tasks.complete(
        open(SchoolQaCycleProcess.TASK_BOARD_APPROVE_SAR).getId(),
        Map.of("boardDecision", "return", "boardComments", "ปรับบทสรุปผู้บริหารให้กระชับ"));
    String again =
        TaskPages.page(mvc, "/tasks/" + open(SchoolQaCycleProcess.TASK_DRAFT_SAR).getId(), qa);
    assertThat(again)
        .contains("คณะกรรมการสถานศึกษาขั้นพื้นฐานส่ง SAR กลับให้แก้ไข")
        .contains("ปรับบทสรุปผู้บริหารให้กระชับ")
        .doesNotContain("ผู้อำนวยการส่ง SAR กลับให้แก้ไข");
    assertThat(again.indexOf("panel-returned")).isLessThan(again.indexOf("class=\"card values\""));
  }

  @Test
  void aFirstDraftHasNoReturnedPanel() throws Exception {
    Task draft = driveTo(SchoolQaCycleProcess.TASK_DRAFT_SAR);
    assertThat(TaskPages.page(mvc, "/tasks/" + draft.getId(), qa)).doesNotContain("panel-returned");
  }

  private Task open(String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(task).as("%s is open", key).isNotNull();
    return task;
  }

  /** Earlier stages done on the engine directly (their forms are not under test here). */
  private Task driveTo(String key) {
    return ProcessDriver.driveTo(tasks, management, pi, key, task -> answers());
  }

  private static Map<String, Object> answers() {
    return new HashMap<>(ProcessDriver.SCHOOL_CYCLE_APPROVALS);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
