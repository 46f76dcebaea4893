package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import th.qaflow.cycle.CycleService;
import th.qaflow.documents.DocumentEvent;
import th.qaflow.documents.DocumentEventKind;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * Issue 3's bad input, end to end through HTTP on the real forms, and the proof of which SAR
 * version the board approved. After every refused submission the task is still open and nothing was
 * stored.
 */
@ProcessTest
class TaskFormsWebTest {
  static final String SCHOOL = "1099010002";
  static final AtomicInteger NEXT_YEAR = new AtomicInteger(2670);

  /** Thai with combining vowels and tone marks, a ZWJ emoji sequence, and markup. */
  static final String TRICKY =
      "ผู้เรียนอ่านออกเขียนได้ ๑๐๐% 👩🏽‍🏫✨ <b>ตัวหนา</b> <script>alert(1)</script>";

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired Documents documents;
  @Autowired JdbcClient jdbc;

  int year;
  String pi;

  @BeforeEach
  void startCycle() {
    year = NEXT_YEAR.getAndIncrement();
    pi = cycles.startSchool(SCHOOL, year, "qaofficer").orElseThrow();
  }

  @Test
  void standardsFormRefusesBadRowsKeepsInputAndStoresTheGoodOneExactly() throws Exception {
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    Task task = open();
    int rows = ((List<?>) tasks.getVariable(task.getId(), "standards")).size();

    // missing target level in row 0, an option that does not exist in row 1
    MockMultipartHttpServletRequestBuilder bad = form(task);
    bad.param("standardsFramework", "moe2561")
        .param("targets[0].targetDescription", TRICKY)
        .param("targets[1].targetLevel", "9");
    for (int i = 2; i < rows; i++) {
      bad.param("targets[" + i + "].targetLevel", "4");
    }
    String page =
        mvc.perform(bad.session(qa))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("id=\"f-targets-0-targetLevel-error\"", "id=\"f-targets-1-targetLevel-error\"");
    assertThat(page)
        .as("typed text kept, escaped")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("👩🏽‍🏫✨")
        .doesNotContain("<script>alert(1)");
    assertNothingStored(task);

    // now valid; plus a made-up field and a tampered read-only cell, both ignored
    MockMultipartHttpServletRequestBuilder good = form(task);
    good.param("standardsFramework", "moe2561")
        .param("injected", "x")
        .param("targets[0].standardCode", "HACKED");
    for (int i = 0; i < rows; i++) {
      good.param("targets[" + i + "].targetLevel", "4")
          .param("targets[" + i + "].targetDescription", TRICKY)
          .param("targets[" + i + "].targetBaseline", "ปีที่ผ่านมาระดับดี");
    }
    mvc.perform(good.session(qa)).andExpect(redirectedUrl("/tasks"));
    List<Map<String, Object>> targets = rows("targets");
    assertThat(targets).hasSize(rows);
    assertThat(targets.get(0))
        .containsEntry("standardCode", "EARLY_CHILDHOOD-1")
        .containsEntry("targetLevel", "4");
    assertThat(((String) targets.get(0).get("targetDescription")).getBytes(StandardCharsets.UTF_8))
        .as("stored byte for byte")
        .isEqualTo(TRICKY.getBytes(StandardCharsets.UTF_8));
    assertThat(runtime.getVariable(pi, "injected")).isNull();

    // the same form again: refused cleanly (the task is gone), no 500: back to the list with the
    // message
    mvc.perform(good.session(qa))
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                .attribute("error", "task.error.gone"));

    // the board sees the targets read-only and escaped
    Task endorse = open();
    String boardPage =
        mvc.perform(get("/tasks/{id}", endorse.getId()).session(WebSessions.login(mvc, "board2")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(boardPage)
        .contains("&lt;b&gt;ตัวหนา&lt;/b&gt;", "👩🏽‍🏫✨")
        .doesNotContain("<b>ตัวหนา</b>");
  }

  @Test
  void endorsementDatesMustLieInTheAcademicYearAndReturningNeedsComments() throws Exception {
    completeEngineSide(open(), Map.of());
    Task endorse = open();
    MockHttpSession board = WebSessions.login(mvc, "board2");

    String page =
        submit(
            form(endorse)
                .param("endorsementDecision", "return")
                .param("endorsementMeetingDate", (year - 543 - 1) + "-12-01"),
            board);
    assertThat(page)
        .contains("id=\"f-endorsementMeetingDate-error\"", "id=\"f-endorsementComments-error\"");
    assertNothingStored(endorse);

    page =
        submit(
            form(endorse)
                .param("endorsementDecision", "approve")
                .param("endorsementMeetingDate", year + "-05-20"),
            board);
    assertThat(page)
        .as("a Buddhist-Era year typed as CE")
        .contains("id=\"f-endorsementMeetingDate-error\"");
    assertNothingStored(endorse);

    mvc.perform(
            form(endorse)
                .param("endorsementDecision", "approve")
                .param("endorsementMeetingDate", (year - 543) + "-05-20")
                .session(board))
        .andExpect(redirectedUrl("/tasks"));
    assertThat(runtime.getVariable(pi, "endorsementDecision")).isEqualTo("approve");
  }

  @Test
  void badSarFilesAreRefusedNextToTheFieldAndNothingIsStored() throws Exception {
    Task draft = driveTo(TASK_DRAFT_SAR);
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    byte[] pdf = pdf("v1");

    byte[] tooLarge = new byte[(int) documents.maxSize() + 1];
    System.arraycopy(pdf, 0, tooLarge, 0, pdf.length);
    assertRefused(draft, qa, file("SAR.pdf", tooLarge), "ไฟล์มีขนาดใหญ่เกินไป");
    assertRefused(
        draft,
        qa,
        file("SAR.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8)),
        "เนื้อหาของไฟล์ไม่ตรงกับนามสกุล");
    assertRefused(draft, qa, file("../../etc/SAR.pdf", pdf), "ชื่อไฟล์ใช้ไม่ได้");
    assertRefused(draft, qa, file("SAR\u0000.pdf", pdf), "ชื่อไฟล์ใช้ไม่ได้");
    assertRefused(draft, qa, file("SAR\n2569.pdf", pdf), "ชื่อไฟล์ใช้ไม่ได้");
    assertRefused(draft, qa, file("SAR.exe", pdf), "id=\"f-sarFile-error\"");

    String thaiName = "รายงาน SAR ปีการศึกษา " + year + " ฉบับสมบูรณ์ 📄.pdf";
    mvc.perform(draftForm(draft, file(thaiName, pdf)).session(qa))
        .andExpect(redirectedUrl("/tasks"));
    DocumentVersion stored =
        documents
            .latest(new th.qaflow.documents.DocumentSlot(SCHOOL, year, "sarFile"))
            .orElseThrow();
    assertThat(stored.filename()).isEqualTo(thaiName);
    assertThat(stored.sha256()).isEqualTo(sha256(pdf));
    assertThat(stored.mimeType()).isEqualTo("application/pdf");
    assertThat(map(runtime.getVariable(pi, VAR_SAR_FILE)))
        .containsEntry("versionId", stored.versionId())
        .doesNotContainKey("content");
  }

  @Test
  void theBoardApprovesOneExactVersionAndTheSubmissionCarriesIt() throws Exception {
    Task draft = driveTo(TASK_DRAFT_SAR);
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    MockHttpSession director = WebSessions.login(mvc, "director2");
    MockHttpSession board = WebSessions.login(mvc, "board2");
    byte[] v1 = pdf("first draft");
    byte[] v2 = pdf("second draft after the board");

    mvc.perform(draftForm(draft, file("SAR.pdf", v1)).session(qa))
        .andExpect(redirectedUrl("/tasks"));
    mvc.perform(form(open()).param("directorDecision", "toBoard").session(director))
        .andExpect(redirectedUrl("/tasks"));

    // the board sees the version it decides on, and must say why it returns
    Task boardTask = open();
    String boardPage =
        mvc.perform(get("/tasks/{id}", boardTask.getId()).session(board))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String v1Id =
        documents
            .latest(new th.qaflow.documents.DocumentSlot(SCHOOL, year, "sarFile"))
            .orElseThrow()
            .versionId();
    assertThat(boardPage)
        .contains("id=\"sar-version\"", "/documents/" + v1Id, sha256(v1).substring(0, 12));
    assertThat(
            submit(
                form(boardTask)
                    .param("boardDecision", "return")
                    .param("boardMeetingDate", (year - 543) + "-04-20"),
                board))
        .contains("id=\"f-boardComments-error\"");
    mvc.perform(
            form(boardTask)
                .param("boardDecision", "return")
                .param("boardComments", "เพิ่มหลักฐานมาตรฐานที่ 2")
                .param("boardMeetingDate", (year - 543) + "-04-20")
                .session(board))
        .andExpect(redirectedUrl("/tasks"));

    // the redraft shows the board's comments first, keeps v1 unless a new file comes, and makes v2
    Task redraft = open();
    assertThat(redraft.getTaskDefinitionKey()).isEqualTo(TASK_DRAFT_SAR);
    String redraftPage =
        mvc.perform(get("/tasks/{id}", redraft.getId()).session(qa))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(redraftPage).contains("เพิ่มหลักฐานมาตรฐานที่ 2", "class=\"card related\"");
    mvc.perform(draftForm(redraft, file("SAR แก้ไข.pdf", v2)).session(qa))
        .andExpect(redirectedUrl("/tasks"));
    mvc.perform(form(open()).param("directorDecision", "toBoard").session(director))
        .andExpect(redirectedUrl("/tasks"));
    mvc.perform(
            form(open())
                .param("boardDecision", "approve")
                .param("boardMeetingDate", (year - 543) + "-05-10")
                .session(board))
        .andExpect(redirectedUrl("/tasks"));

    DocumentVersion approved =
        documents.version((String) runtime.getVariable(pi, VAR_SAR_APPROVED_VERSION)).orElseThrow();
    assertThat(approved.version()).isEqualTo(2);
    assertThat(runtime.getVariable(pi, VAR_SAR_APPROVED_SHA256)).isEqualTo(sha256(v2));

    mvc.perform(
            form(open())
                .param("sarApprovedVersionConfirmed", "true")
                .param("sarSubmittedOn", (year - 543) + "-05-20")
                .session(director))
        .andExpect(redirectedUrl("/tasks"));
    assertThat(runtime.getVariable(pi, VAR_SAR_SUBMITTED_VERSION)).isEqualTo(approved.versionId());

    // the audit trail proves it: which version, which hash (re-computed at the time), who, in which
    // task
    List<DocumentEvent> events = documents.events(approved.documentId());
    assertThat(events)
        .extracting(DocumentEvent::kind, DocumentEvent::version)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DocumentEventKind.UPLOADED, 1),
            org.assertj.core.groups.Tuple.tuple(DocumentEventKind.RETURNED, 1),
            org.assertj.core.groups.Tuple.tuple(DocumentEventKind.UPLOADED, 2),
            org.assertj.core.groups.Tuple.tuple(DocumentEventKind.APPROVED, 2),
            org.assertj.core.groups.Tuple.tuple(DocumentEventKind.SUBMITTED, 2));
    DocumentEvent approval = events.get(3);
    assertThat(approval.sha256()).isEqualTo(sha256(v2));
    assertThat(approval.userId()).isEqualTo("board2");
    assertThat(approval.processInstanceId()).isEqualTo(pi);

    // the first version stays downloadable for the school, and another school cannot see either
    mvc.perform(get("/documents/{id}", v1Id).session(qa)).andExpect(status().isOk());
    mvc.perform(get("/documents/{id}", approved.versionId()).session(WebSessions.login(mvc, "qa3")))
        .andExpect(status().isNotFound());
  }

  // --- helpers

  private void assertRefused(
      Task draft, MockHttpSession qa, MockMultipartFile file, String expected) throws Exception {
    String page = submit(draftForm(draft, file), qa);
    assertThat(page)
        .as(file.getOriginalFilename())
        .contains("id=\"f-sarFile-error\"", expected)
        .contains("ผลการประเมินเบื้องต้นของสถานศึกษา");
    assertNothingStored(draft);
    assertThat(documents.ofSchool(SCHOOL, year)).isEmpty();
  }

  private MockHttpServletRequestBuilder draftForm(Task draft, MockMultipartFile file) {
    MockMultipartHttpServletRequestBuilder form = form(draft);
    form.file(file);
    return form.param("sarExecutiveSummary", "ผลการประเมินเบื้องต้นของสถานศึกษา")
        .param("sarAnnexesComplete", "true");
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("sarFile", name, "application/pdf", content);
  }

  private MockMultipartHttpServletRequestBuilder form(Task task) {
    return TaskPages.completeForm(task.getId());
  }

  private String submit(MockHttpServletRequestBuilder form, MockHttpSession session)
      throws Exception {
    return TaskPages.refused(mvc, form, session);
  }

  private void assertNothingStored(Task task) {
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult())
        .as("still open")
        .isNotNull();
    assertThat(
            jdbc.sql("select count(*) from task_submission where task_id = :t")
                .param("t", task.getId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private Task open() {
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }

  /**
   * Earlier stages done on the engine directly (their forms are not under test here), timers fired.
   */
  private Task driveTo(String key) {
    return ProcessDriver.driveTo(tasks, management, pi, key, task -> engineSideAnswers(Map.of()));
  }

  private void completeEngineSide(Task task, Map<String, Object> extra) {
    tasks.complete(task.getId(), engineSideAnswers(extra));
  }

  private static Map<String, Object> engineSideAnswers(Map<String, Object> extra) {
    Map<String, Object> vars = new java.util.HashMap<>(ProcessDriver.SCHOOL_CYCLE_APPROVALS);
    vars.putAll(extra);
    return vars;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String variable) {
    return (List<Map<String, Object>>) runtime.getVariable(pi, variable);
  }

  private static byte[] pdf(String text) {
    return TaskPages.pdf(text);
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
