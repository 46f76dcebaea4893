package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import th.qaflow.documents.DocumentSlot;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The district's own documents through the real web layer: a file uploaded on a district task (no
 * school) is stored in the district's slot, shown on the district's next task page, downloadable by
 * the district's staff and OBEC — and, once published with the guidance, by the district's school
 * users — and a 404 for school users (unpublished files) and another district's staff; a bad file
 * is refused next to the field and nothing is stored. Year 2800 (district 1099) and district 7810
 * as the other district.
 */
@ProcessTest
class DistrictDocumentsWebTest {
  static final int YEAR = 2800;
  static final String DISTRICT = "1099";
  static final String OTHER_DISTRICT = "7810";
  static final String OTHER_OFFICER = "d7810qaoff";

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DistrictCycles districtCycles;
  @Autowired Documents documents;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    importOtherDistrict();
    SchoolWalker.clock(YEAR - 543, 5, 20);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDistrictTaskUploadsToTheDistrictsSlotAndOnlyItsStaffAndObecMayDownload() throws Exception {
    String pi = districtCycles.start(DISTRICT, YEAR, "qaofficer").orElseThrow();
    Task guidance = open(pi);
    assertThat(guidance.getTaskDefinitionKey())
        .isEqualTo(DistrictQaCycleProcess.TASK_PUBLISH_GUIDANCE);
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");

    // the form offers the file picker, and a file of the wrong kind is refused next to it: nothing
    // stored
    assertThat(page(officer, "/tasks/" + guidance.getId())).contains("name=\"guidanceFile\"");
    String refused =
        submitPage(officer, guidanceForm(guidance, file("guidance.exe", pdf("guidance"))));
    assertThat(refused).contains("id=\"f-guidanceFile-error\"");
    assertNothingStored(guidance);
    refused =
        submitPage(
            officer,
            guidanceForm(
                guidance,
                file("guidance.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8))));
    assertThat(refused).contains("id=\"f-guidanceFile-error\"", "เนื้อหาของไฟล์ไม่ตรงกับนามสกุล");
    assertNothingStored(guidance);
    // neither a file nor a letter number: the link is asked for
    assertThat(submitPage(officer, guidanceForm(guidance, null)))
        .contains("id=\"f-guidanceLink-error\"");
    assertNothingStored(guidance);

    // a good PDF without a link: stored in the district's slot, the variable refers to it
    byte[] pdf = pdf("district guidance " + YEAR);
    mvc.perform(
            guidanceForm(guidance, file("แนวทางการประกันคุณภาพ " + YEAR + ".pdf", pdf))
                .session(officer))
        .andExpect(redirectedUrl("/tasks"));
    DocumentVersion stored =
        documents.latest(DocumentSlot.ofDistrict(DISTRICT, YEAR, "guidanceFile")).orElseThrow();
    assertThat(stored.isDistrict()).isTrue();
    assertThat(stored.districtCode()).isEqualTo(DISTRICT);
    assertThat(stored.schoolCode()).isNull();
    assertThat(stored.filename()).isEqualTo("แนวทางการประกันคุณภาพ " + YEAR + ".pdf");
    assertThat((Map<String, Object>) runtime.getVariable(pi, "guidanceFile"))
        .containsEntry("versionId", stored.versionId());
    assertThat(documents.ofDistrict(DISTRICT, YEAR))
        .extracting(DocumentVersion::versionId)
        .containsExactly(stored.versionId());
    assertThat(documents.ofDistrict(OTHER_DISTRICT, YEAR)).isEmpty();

    // the district's next task shows the year's district documents
    Task committee = open(pi);
    assertThat(committee.getTaskDefinitionKey())
        .isEqualTo(DistrictQaCycleProcess.TASK_APPOINT_COMMITTEE);
    MockHttpSession supervisionDirector = WebSessions.login(mvc, "supdirector");
    assertThat(page(supervisionDirector, "/tasks/" + committee.getId()))
        .contains("/documents/" + stored.versionId(), "name=\"committeeOrderFile\"");

    // the district's staff and OBEC download it
    for (String user :
        List.of("qaofficer", "supdirector", "supervisor1", "districtdirector", "obec", "admin")) {
      byte[] body =
          mvc.perform(
                  get("/documents/{id}", stored.versionId()).session(WebSessions.login(mvc, user)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      assertThat(body).as(user).isEqualTo(pdf);
    }
    // the guidance was published to the district's schools when the task completed (issue 13 §1):
    // their users download it too; another district's staff still get 404
    for (String user : List.of("qa1", "director1", "board5")) {
      mvc.perform(get("/documents/{id}", stored.versionId()).session(WebSessions.login(mvc, user)))
          .andExpect(status().isOk());
    }
    mvc.perform(
            get("/documents/{id}", stored.versionId())
                .session(WebSessions.login(mvc, OTHER_OFFICER)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/documents/{id}/versions", stored.versionId())
                .session(WebSessions.login(mvc, OTHER_OFFICER)))
        .andExpect(status().isNotFound());
    assertThat(page(officer, "/documents/" + stored.versionId() + "/versions"))
        .contains("เขตพื้นที่ " + DISTRICT);

    // the committee order: a file instead of the letter link, the members list stays
    byte[] order = pdf("order 45/" + YEAR);
    MockMultipartHttpServletRequestBuilder form = form(committee);
    form.file(new MockMultipartFile("committeeOrderFile", "order.pdf", "application/pdf", order));
    mvc.perform(
            form.param("committeeOrderNo", "45/" + YEAR)
                .param("committeeOrderDate", (YEAR - 543) + "-06-01")
                .param("committeeMembers", "นายสุรชัย ทองคำ ประธานกรรมการ")
                .session(supervisionDirector))
        .andExpect(redirectedUrl("/tasks"));
    assertThat(documents.ofDistrict(DISTRICT, YEAR))
        .extracting(DocumentVersion::slot)
        .containsExactly("committeeOrderFile", "guidanceFile");
    // a district document that was not published (the committee order) stays the district's own:
    // school users and another district's staff get 404
    String orderId =
        documents
            .latest(DocumentSlot.ofDistrict(DISTRICT, YEAR, "committeeOrderFile"))
            .orElseThrow()
            .versionId();
    for (String user : List.of("qa1", "director1", "board5", OTHER_OFFICER)) {
      mvc.perform(get("/documents/{id}", orderId).session(WebSessions.login(mvc, user)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/documents/{id}/versions", orderId).session(WebSessions.login(mvc, user)))
          .andExpect(status().isNotFound());
    }
    assertThat(runtime.getVariable(pi, "committeeMembers"))
        .isEqualTo("นายสุรชัย ทองคำ ประธานกรรมการ");
  }

  @Test
  void documentSlotsOfADistrictAndOfASchoolAreSeparate() {
    DocumentVersion district =
        documents.store(
            DocumentSlot.ofDistrict(DISTRICT, YEAR + 1, "guidanceFile"),
            "a.pdf",
            pdf("district"),
            "qaofficer");
    DocumentVersion school =
        documents.store(
            DocumentSlot.ofSchool("1099010001", YEAR + 1, "guidanceFile"),
            "b.pdf",
            pdf("school"),
            "qa1");
    assertThat(district.documentId()).isNotEqualTo(school.documentId());
    assertThat(documents.ofDistrict(DISTRICT, YEAR + 1))
        .extracting(DocumentVersion::versionId)
        .containsExactly(district.versionId());
    assertThat(documents.ofSchool("1099010001", YEAR + 1))
        .extracting(DocumentVersion::versionId)
        .containsExactly(school.versionId());
    DocumentVersion second =
        documents.store(
            DocumentSlot.ofDistrict(DISTRICT, YEAR + 1, "guidanceFile"),
            "a2.pdf",
            pdf("district 2"),
            "qaofficer");
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.documentId()).isEqualTo(district.documentId());
    assertThat(documents.version(second.versionId()).orElseThrow().documentSlot())
        .isEqualTo(DocumentSlot.ofDistrict(DISTRICT, YEAR + 1, "guidanceFile"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                documents.store(
                    DocumentSlot.ofDistrict("9999", YEAR + 1, "x"), "a.pdf", pdf("x"), "qaofficer"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new DocumentSlot("1099010001", DISTRICT, YEAR, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- helpers

  private MockMultipartHttpServletRequestBuilder guidanceForm(Task task, MockMultipartFile file) {
    MockMultipartHttpServletRequestBuilder form = form(task);
    if (file != null) {
      form.file(file);
    }
    form.param("guidanceSummary", "แนวทางการประกันคุณภาพภายในของปีการศึกษา " + YEAR);
    form.param("calendarChecked", "true");
    return form;
  }

  private MockMultipartHttpServletRequestBuilder form(Task task) {
    return TaskPages.completeForm(task.getId());
  }

  private String submitPage(MockHttpSession session, MockMultipartHttpServletRequestBuilder form)
      throws Exception {
    return TaskPages.refused(mvc, form, session);
  }

  private String page(MockHttpSession session, String url) throws Exception {
    return TaskPages.page(mvc, url, session);
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
    assertThat(documents.ofDistrict(DISTRICT, YEAR)).isEmpty();
  }

  private Task open(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("guidanceFile", name, "application/pdf", content);
  }

  static byte[] pdf(String text) {
    return TaskPages.pdf(text);
  }

  private void importOtherDistrict() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER_DISTRICT
            + ",สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเอกสาร เขต 1,Documents District 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        OTHER_OFFICER
            + ",ปรียา,เอกสาร,"
            + OTHER_OFFICER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER_DISTRICT
            + ",,,demo");
  }
}
