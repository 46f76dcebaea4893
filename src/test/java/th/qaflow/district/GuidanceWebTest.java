package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.documents.DocumentEventKind;
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
 * Issue 13 §1 through the real web layer: when a district completes Task_PublishGuidance, the files
 * attached there (guidance, SAR template, forms) become readable by the users of that district's
 * schools, and by nobody of another district; {@code /guidance} lists the district's guidance with
 * the summary, the Buddhist-Era date and download links; the school's standards task shows the
 * panel; a newer version stays private until it is published, and every version is kept. District
 * 1099 and district 7812 (school 7812010001, its users {@code g7812…}), year 2812.
 */
@ProcessTest
class GuidanceWebTest {
  static final int YEAR = 2812;
  static final String DISTRICT = "1099";
  static final String OTHER = "7812";
  static final String OTHER_SCHOOL = "7812010001";
  static final String OTHER_QA = "g7812qa";
  static final String OTHER_OFFICER = "g7812off";
  static final String OTHER_SUMMARY = "แนวทางลับของเขตอื่น " + YEAR;
  static final String SUMMARY =
      "แนวทางการประกันคุณภาพภายใน ปีการศึกษา " + YEAR + " ตามกฎกระทรวง พ.ศ. 2561";

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired DistrictCycles districtCycles;
  @Autowired CycleService cycles;
  @Autowired Documents documents;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    importOtherDistrict();
    SchoolWalker.clock(YEAR - 543, 5, 20);
  }

  @Test
  void theDistrictsSchoolsDownloadItsPublishedGuidanceAndNobodyElseDoes() throws Exception {
    // the other district publishes first: its file and summary are the foreign markers below
    String otherCycle = districtCycles.start(OTHER, YEAR, OTHER_OFFICER).orElseThrow();
    MockHttpSession otherOfficer = WebSessions.login(mvc, OTHER_OFFICER);
    TaskPages.done(
        mvc,
        publish(open(otherCycle), OTHER_SUMMARY)
            .file(pdfFile("guidanceFile", "other-district-guidance.pdf", "other")),
        otherOfficer);
    DocumentVersion foreign = latest(OTHER, "guidanceFile");

    String pi = districtCycles.start(DISTRICT, YEAR, "qaofficer").orElseThrow();
    Task guidanceTask = open(pi);
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    // the form offers the SAR template and the forms (several files) next to the guidance
    assertThat(TaskPages.page(mvc, "/tasks/" + guidanceTask.getId(), officer))
        .contains("name=\"sarTemplateFile\"", "name=\"formsFile\"", "multiple");
    byte[] guidancePdf = TaskPages.pdf("guidance " + YEAR);
    TaskPages.done(
        mvc,
        publish(guidanceTask, SUMMARY)
            .file(pdfFile("guidanceFile", "แนวทาง " + YEAR + ".pdf", "guidance " + YEAR))
            .file(pdfFile("sarTemplateFile", "แบบ SAR " + YEAR + ".pdf", "sar " + YEAR))
            .file(pdfFile("formsFile", "แบบฟอร์ม 1.pdf", "form 1"))
            .file(pdfFile("formsFile", "แบบฟอร์ม 2.pdf", "form 2")),
        officer);
    DocumentVersion guidance = latest(DISTRICT, "guidanceFile");
    DocumentVersion template = latest(DISTRICT, "sarTemplateFile");
    assertThat(documents.events(guidance.documentId()))
        .extracting(e -> e.kind())
        .containsExactly(DocumentEventKind.UPLOADED, DocumentEventKind.PUBLISHED_TO_SCHOOLS);
    assertThat(documents.publishedToSchools(DISTRICT))
        .filteredOn(p -> p.version().academicYear() == YEAR)
        .extracting(p -> p.version().slot())
        .containsExactly("formsFile.0", "formsFile.1", "guidanceFile", "sarTemplateFile");

    // every user of the district's schools downloads it: QA group, director, board
    for (String user : List.of("qa1", "director1", "board5", "qa8")) {
      MockHttpServletResponse response =
          mvc.perform(get("/documents/{id}", guidance.versionId()).session(login(user)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse();
      assertThat(response.getContentAsByteArray()).as(user).isEqualTo(guidancePdf);
      assertThat(response.getContentType()).isEqualTo("application/pdf");
    }
    mvc.perform(get("/documents/{id}", template.versionId()).session(login("qa3")))
        .andExpect(status().isOk());
    // another district's school and staff: 404 as for a document that does not exist
    for (String user : List.of(OTHER_QA, OTHER_OFFICER)) {
      mvc.perform(get("/documents/{id}", guidance.versionId()).session(login(user)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/documents/{id}/versions", guidance.versionId()).session(login(user)))
          .andExpect(status().isNotFound());
    }
    // and ours never read theirs
    for (String user : List.of("qa1", "director1", "board5")) {
      mvc.perform(get("/documents/{id}", foreign.versionId()).session(login(user)))
          .andExpect(status().isNotFound());
    }
    mvc.perform(get("/documents/{id}", foreign.versionId()).session(login(OTHER_QA)))
        .andExpect(status().isOk());
    // anonymous: to the sign-in page
    String anonymous =
        mvc.perform(get("/documents/{id}", guidance.versionId()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(anonymous).endsWith("/login");
    assertThat(mvc.perform(get("/guidance")).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");

    // the page: this year's summary, date (Buddhist Era), every file; nothing of the other district
    MockHttpSession qa1 = login("qa1");
    String page = TaskPages.page(mvc, "/guidance", qa1);
    assertThat(page)
        .contains("แนวทางและเอกสารของเขตพื้นที่")
        .contains(SUMMARY)
        .contains("ประกาศเมื่อ 20 พ.ค. " + YEAR)
        .contains("/documents/" + guidance.versionId())
        .contains("/documents/" + template.versionId())
        .contains("แนวทาง " + YEAR + ".pdf", "แบบ SAR " + YEAR + ".pdf", "แบบฟอร์ม 2.pdf")
        .contains("id=\"guidance-" + YEAR + "\"")
        .doesNotContain(OTHER_SUMMARY)
        .doesNotContain("other-district-guidance.pdf")
        .doesNotContain(foreign.versionId());
    assertThat(TaskPages.page(mvc, "/guidance", login(OTHER_QA)))
        .contains(OTHER_SUMMARY, foreign.versionId())
        .doesNotContain(SUMMARY)
        .doesNotContain(guidance.versionId());
    // naming the other district is refused, not answered
    mvc.perform(get("/guidance").param("district", OTHER).session(qa1))
        .andExpect(status().isForbidden());
    mvc.perform(get("/guidance").param("district", DISTRICT).session(login(OTHER_QA)))
        .andExpect(status().isForbidden());
    // the district's staff and OBEC see what their schools see
    assertThat(TaskPages.page(mvc, "/guidance", officer)).contains(SUMMARY);
    assertThat(TaskPages.page(mvc, "/guidance?district=" + OTHER, login("obec")))
        .contains(OTHER_SUMMARY);
    // English
    String english =
        mvc.perform(get("/guidance").param("lang", "en").session(qa1))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english)
        .contains("The district&#39;s guidance and documents")
        .contains("Published on 20 May " + (YEAR - 543));
    mvc.perform(get("/guidance").param("lang", "th").session(qa1));
    // the school's navigation links to it
    assertThat(TaskPages.page(mvc, "/tasks", qa1)).contains("href=\"/guidance\"");

    // the school's standards task (the district cycle started it) shows the panel with the links
    Task standards =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey("1099010001", YEAR))
            .taskDefinitionKey(SchoolQaCycleProcess.TASK_SET_STANDARDS)
            .singleResult();
    assertThat(TaskPages.page(mvc, "/tasks/" + standards.getId(), qa1))
        .contains("เอกสารแนวทางของเขตพื้นที่")
        .contains("/documents/" + guidance.versionId())
        .contains("/documents/" + template.versionId())
        .doesNotContain(foreign.versionId());

    // a newer version uploaded to the district's slot stays the district's until it is published
    DocumentVersion draft =
        documents.store(
            DocumentSlot.ofDistrict(DISTRICT, YEAR, "guidanceFile"),
            "แนวทาง ฉบับแก้ไข.pdf",
            TaskPages.pdf("guidance v2"),
            "qaofficer");
    mvc.perform(get("/documents/{id}", draft.versionId()).session(qa1))
        .andExpect(status().isNotFound());
    assertThat(TaskPages.page(mvc, "/documents/" + guidance.versionId() + "/versions", qa1))
        .contains(guidance.versionId())
        .doesNotContain(draft.versionId());
    assertThat(TaskPages.page(mvc, "/guidance", qa1))
        .contains(guidance.versionId())
        .doesNotContain(draft.versionId());
    // published: schools see the latest published version; the first one is kept and readable
    SchoolWalker.clock(YEAR - 543, 6, 2);
    documents.publishToSchools(draft.versionId(), "qaofficer", null, null);
    assertThat(TaskPages.page(mvc, "/guidance", qa1))
        .contains(draft.versionId(), "แนวทาง ฉบับแก้ไข.pdf", "(เผยแพร่ 2 มิ.ย. " + YEAR + ")")
        .doesNotContain("/documents/" + guidance.versionId() + "\"");
    mvc.perform(get("/documents/{id}", guidance.versionId()).session(qa1))
        .andExpect(status().isOk());
    assertThat(TaskPages.page(mvc, "/documents/" + draft.versionId() + "/versions", qa1))
        .contains(guidance.versionId(), draft.versionId());

    // the committee order (not published) stays the district's own
    Task committee = open(pi);
    assertThat(committee.getTaskDefinitionKey())
        .isEqualTo(DistrictQaCycleProcess.TASK_APPOINT_COMMITTEE);
    TaskPages.done(
        mvc,
        TaskPages.completeForm(committee.getId())
            .file(pdfFile("committeeOrderFile", "order.pdf", "order"))
            .param("committeeOrderNo", "45/" + YEAR)
            .param("committeeOrderDate", (YEAR - 543) + "-06-01")
            .param("committeeMembers", "นายสุรชัย ทองคำ ประธานกรรมการ"),
        login("supdirector"));
    DocumentVersion order = latest(DISTRICT, "committeeOrderFile");
    mvc.perform(get("/documents/{id}", order.versionId()).session(qa1))
        .andExpect(status().isNotFound());
    assertThat(TaskPages.page(mvc, "/guidance", qa1)).doesNotContain(order.versionId());
  }

  @Test
  void beforeTheDistrictPublishesTheSchoolsPanelSaysSoAndThePageListsNothingOfThatYear()
      throws Exception {
    int year = YEAR + 1;
    String cycle = cycles.startSchool(OTHER_SCHOOL, year, OTHER_OFFICER).orElseThrow();
    Task standards = open(cycle);
    assertThat(standards.getTaskDefinitionKey()).isEqualTo(SchoolQaCycleProcess.TASK_SET_STANDARDS);
    MockHttpSession session = login(OTHER_QA);
    assertThat(TaskPages.page(mvc, "/tasks/" + standards.getId(), session))
        .contains("เอกสารแนวทางของเขตพื้นที่")
        .contains("สำนักงานเขตพื้นที่ยังไม่ได้เผยแพร่แนวทางของปีการศึกษา " + year)
        .contains("href=\"/guidance\"");
    assertThat(TaskPages.page(mvc, "/guidance", session))
        .contains("แนวทางและเอกสารของเขตพื้นที่")
        .doesNotContain("id=\"guidance-" + year + "\"")
        .doesNotContain(SUMMARY);
  }

  // --- helpers

  private MockMultipartHttpServletRequestBuilder publish(Task task, String summary) {
    MockMultipartHttpServletRequestBuilder form = TaskPages.completeForm(task.getId());
    form.param("guidanceSummary", summary);
    form.param("calendarChecked", "true");
    return form;
  }

  private static MockMultipartFile pdfFile(String field, String name, String text) {
    return new MockMultipartFile(field, name, "application/pdf", TaskPages.pdf(text));
  }

  private DocumentVersion latest(String district, String slot) {
    return documents.latest(DocumentSlot.ofDistrict(district, YEAR, slot)).orElseThrow();
  }

  private Task open(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }

  private MockHttpSession login(String user) throws Exception {
    return WebSessions.login(mvc, user);
  }

  private void importOtherDistrict() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สำนักงานเขตพื้นที่การศึกษาประถมศึกษาแนวทาง เขต 1,Guidance District 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        OTHER_SCHOOL
            + ",97812001,โรงเรียนบ้านแนวทาง,Ban Naew Thang School,"
            + OTHER
            + ","
            + OTHER
            + "-C1,กลุ่มแนวทาง,true,true");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        OTHER_QA
            + ",สมใจ,แนวทาง,"
            + OTHER_QA
            + "@qaflow.example,SCHOOL_QA,,"
            + OTHER_SCHOOL
            + ",,demo",
        OTHER_OFFICER
            + ",ปรียา,แนวทาง,"
            + OTHER_OFFICER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
  }
}
