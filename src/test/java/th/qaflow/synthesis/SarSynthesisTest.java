package th.qaflow.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.SynthesisApproved;
import th.qaflow.documents.Documents;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;
import th.qaflow.synthesis.SynthesisSummary.StandardResult;

/**
 * The synthesis of district 1099's accepted SARs of year 2760 on the real engine: two schools
 * accepted, one returned, one still working; the summary, its XLSX and PDF, who may download them,
 * and the public page before and after the approval is published.
 */
@ProcessTest
class SarSynthesisTest {
  static final String DISTRICT = "1099";
  static final int YEAR = 2760;
  static final String STRENGTH = "ผู้เรียนมีคุณลักษณะที่พึงประสงค์ มีจิตอาสา";
  static final String OTHER_DISTRICT = "2776";

  @Autowired CycleService cycles;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Documents documents;
  @Autowired OrganisationImport organisation;
  @Autowired SarSynthesis synthesis;
  @Autowired MockMvc mvc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;

  static boolean driven;

  @BeforeEach
  void fixture() {
    if (driven) {
      return;
    }
    SynthesisFixture f = new SynthesisFixture(cycles, runtime, tasks, management, documents);
    // school 1: every standard very good, on target
    f.acceptedSar(
        "1099010001",
        YEAR,
        new SynthesisFixture.Answers(c -> 4, c -> 4, STRENGTH, "พัฒนาทักษะการคิดคำนวณ", false));
    // school 2: learner quality below its target, published as a file
    f.acceptedSar(
        "1099010002",
        YEAR,
        new SynthesisFixture.Answers(
            c -> 4,
            c -> c.equals("BASIC-1") ? 3 : 5,
            STRENGTH + "\nชุมชนมีส่วนร่วมในการพัฒนาสถานศึกษา",
            "พัฒนาทักษะการคิดคำนวณ",
            true));
    // school 3: the district asked it to revise, not counted
    f.driveToPublication(
        "1099010003",
        YEAR,
        new SynthesisFixture.Answers(c -> 4, c -> 1, "x", "y", false),
        SchoolQaCycleProcess.SAR_REVIEW_REVISE);
    f.started("1099010004", YEAR);
    Person admin =
        new Person(
            "admin",
            "ผู้ดูแล",
            "ระบบ",
            "admin@qaflow.example",
            Role.ADMIN,
            null,
            null,
            List.of(),
            "th");
    organisation.importCsv(
        ImportKind.DISTRICTS,
        csv(
            "code,name_th,name_en,kind",
            OTHER_DISTRICT + ",สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอื่น,Other District,PRIMARY"),
        admin);
    organisation.importCsv(
        ImportKind.PEOPLE,
        csv(
            "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
            "syn2776qa,ปรียา,อื่นเขต,syn2776qa@qaflow.example,DISTRICT_QA_OFFICER,"
                + OTHER_DISTRICT
                + ",,,demo"),
        admin);
    driven = true;
  }

  @Test
  void summaryCountsOnlyAcceptedSars() {
    SynthesisSummary s = synthesis.summary(DISTRICT, YEAR);
    assertThat(s.schoolsInDistrict()).isEqualTo(8);
    assertThat(s.cycles()).isEqualTo(4);
    assertThat(s.accepted()).isEqualTo(2);
    assertThat(s.returned()).isEqualTo(1);
    assertThat(s.levels())
        .extracting(SynthesisSummary.QualityLevel::nameTh)
        .containsExactly("ยอดเยี่ยม", "ดีเลิศ", "ดี", "ปานกลาง", "กำลังพัฒนา");
    assertThat(s.educationLevels())
        .extracting(SynthesisSummary.EducationLevelSummary::educationLevel)
        .containsExactly("EARLY_CHILDHOOD", "BASIC");
    SynthesisSummary.EducationLevelSummary basic = s.educationLevels().get(1);
    assertThat(basic.schools()).isEqualTo(2);
    StandardResult learners =
        basic.standards().stream()
            .filter(r -> r.standardCode().equals("BASIC-1"))
            .findFirst()
            .orElseThrow();
    assertThat(learners.counts()).containsExactly(0, 1, 1, 0, 0);
    assertThat(learners.mean()).isEqualTo(3.5);
    StandardResult management =
        basic.standards().stream()
            .filter(r -> r.standardCode().equals("BASIC-2"))
            .findFirst()
            .orElseThrow();
    assertThat(management.counts()).containsExactly(1, 1, 0, 0, 0);
    assertThat(s.lowestRated().get(0).standardCode()).isEqualTo("BASIC-1");
    assertThat(s.belowTargets())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.schoolCode()).isEqualTo("1099010002");
              assertThat(b.standardCode()).isEqualTo("BASIC-1");
              assertThat(b.target()).isEqualTo(4);
              assertThat(b.achieved()).isEqualTo(3);
            });
    assertThat(s.strengths())
        .first()
        .satisfies(
            t -> {
              assertThat(t.text()).isEqualTo(STRENGTH);
              assertThat(t.schoolCodes()).containsExactly("1099010001", "1099010002");
            });
    assertThat(s.improvements())
        .extracting(SynthesisSummary.Theme::text)
        .containsExactly("พัฒนาทักษะการคิดคำนวณ");
    assertThat(s.schools())
        .extracting(SynthesisSummary.AcceptedSar::schoolCode)
        .containsExactly("1099010001", "1099010002");
    assertThat(s.schools().get(0).publicLink())
        .isEqualTo("https://www.1099010001.school.example/sar/" + YEAR);
    assertThat(s.schools().get(1).publicLink()).isNull();
    assertThat(s.schools().get(1).sarVersionId()).isNotNull();
    assertThat(s.schools().get(1).publishedFile()).isTrue();
  }

  @Test
  void districtStaffDownloadTheXlsxInThai() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    byte[] xlsx =
        mvc.perform(get("/synthesis/{d}/{y}.xlsx", DISTRICT, YEAR).session(officer))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.containsString("synthesis-1099-2760.xlsx")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(sheet -> sheets.add(sheet.getSheetName()));
      assertThat(sheets)
          .containsExactly(
              "ภาพรวม",
              "ระดับคุณภาพรายมาตรฐาน",
              "มาตรฐานที่ต่ำที่สุด",
              "ต่ำกว่าค่าเป้าหมาย",
              "จุดเด่นและจุดที่ควรพัฒนา",
              "สถานศึกษา");
      Sheet levels = book.getSheet("ระดับคุณภาพรายมาตรฐาน");
      Row header = levels.getRow(0);
      assertThat(header.getCell(2).getStringCellValue()).isEqualTo("มาตรฐาน");
      assertThat(header.getCell(3).getStringCellValue()).isEqualTo("ยอดเยี่ยม");
      Row learners = null;
      for (Row row : levels) {
        if ("BASIC-1".equals(row.getCell(1).getStringCellValue())) {
          learners = row;
        }
      }
      assertThat(learners).isNotNull();
      assertThat(learners.getCell(0).getStringCellValue()).isEqualTo("ระดับการศึกษาขั้นพื้นฐาน");
      assertThat(learners.getCell(2).getStringCellValue())
          .isEqualTo("มาตรฐานที่ 1 คุณภาพของผู้เรียน");
      assertThat(List.of(3, 4, 5, 6, 7, 8).stream().map(c -> learners_(levels, c)).toList())
          .containsExactly(0.0, 1.0, 1.0, 0.0, 0.0, 2.0);
      Sheet below = book.getSheet("ต่ำกว่าค่าเป้าหมาย");
      assertThat(below.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1099010002");
      assertThat(below.getRow(1).getCell(4).getStringCellValue()).isEqualTo("ดีเลิศ");
      assertThat(below.getRow(1).getCell(5).getStringCellValue()).isEqualTo("ดี");
    }
  }

  private static double learners_(Sheet levels, int column) {
    for (Row row : levels) {
      if ("BASIC-1".equals(row.getCell(1).getStringCellValue())) {
        return row.getCell(column).getNumericCellValue();
      }
    }
    throw new AssertionError("no BASIC-1 row");
  }

  @Test
  void thePdfCarriesThaiTextInTheEmbeddedFont() throws Exception {
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor2");
    byte[] pdf =
        mvc.perform(get("/synthesis/{d}/{y}.pdf", DISTRICT, YEAR).session(supervisor))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string("Content-Type", org.hamcrest.Matchers.startsWith("application/pdf")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "สรุปผลการสังเคราะห์รายงานการประเมินตนเองของสถานศึกษา",
              "ระดับการศึกษาขั้นพื้นฐาน",
              "มาตรฐานที่ 1 คุณภาพของผู้เรียน",
              "ยอดเยี่ยม",
              "ปานกลาง",
              "มาตรฐานที่ผลการประเมินต่ำกว่าค่าเป้าหมายของสถานศึกษา",
              "โรงเรียนบ้านท่าน้ำ (1099010002)",
              STRENGTH);
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).isTrue();
        assertThat(font.getName()).matches("[A-Z]{6}\\+Laksaman(-Bold)?"); // an embedded subset
      }
    }
  }

  @Test
  void onlyTheDistrictsStaffAndObecMayDownload() throws Exception {
    for (String user :
        List.of("qaofficer", "supdirector", "districtdirector", "supervisor1", "obec", "admin")) {
      mvc.perform(
              get("/synthesis/{d}/{y}.pdf", DISTRICT, YEAR).session(WebSessions.login(mvc, user)))
          .andExpect(status().isOk());
    }
    for (String user : List.of("qa1", "director2", "board3", "syn2776qa")) {
      MockHttpSession session = WebSessions.login(mvc, user);
      mvc.perform(get("/synthesis/{d}/{y}.xlsx", DISTRICT, YEAR).session(session))
          .andExpect(status().isForbidden());
      mvc.perform(get("/synthesis/{d}/{y}.pdf", DISTRICT, YEAR).session(session))
          .andExpect(status().isForbidden());
      mvc.perform(get("/synthesis/{d}/{y}", DISTRICT, YEAR).session(session))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/synthesis/{d}/{y}.xlsx", DISTRICT, YEAR))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            get("/synthesis/{d}/{y}.xlsx", "9999", YEAR).session(WebSessions.login(mvc, "obec")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/synthesis/{d}/{y}", DISTRICT, YEAR).session(WebSessions.login(mvc, "qaofficer")))
        .andExpect(status().isOk());
  }

  @Test
  void thePublicPageShowsOnlyThePublishedReport() throws Exception {
    int year = YEAR + 1; // nothing published for it
    mvc.perform(get("/public/districts/{d}/synthesis/{y}", DISTRICT, year))
        .andExpect(status().isNotFound());
    mvc.perform(get("/public/districts/{d}/synthesis/{y}.pdf", DISTRICT, year))
        .andExpect(status().isNotFound());

    publish(YEAR);
    String html =
        mvc.perform(get("/public/districts/{d}/synthesis/{y}", DISTRICT, YEAR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html)
        .contains(
            "ภาพรวมผลการประเมินตนเองของสถานศึกษาในสังกัด",
            "สถานศึกษาร้อยละ 50 ได้ระดับดีเลิศขึ้นไป",
            "https://www.1099010001.school.example/sar/" + YEAR,
            "/public/districts/1099/synthesis/2760/sar/1099010002",
            "โรงเรียนบ้านท่าน้ำ");
    assertThat(html).doesNotContain("โรงเรียนบ้านหนองบัวทอง"); // returned, not in the report

    byte[] sar =
        mvc.perform(
                get("/public/districts/{d}/synthesis/{y}/sar/{s}", DISTRICT, YEAR, "1099010002"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(sar, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    mvc.perform(get("/public/districts/{d}/synthesis/{y}/sar/{s}", DISTRICT, YEAR, "1099010003"))
        .andExpect(status().isNotFound());
    // 1099010001 published only a link: the district holds its board-approved file, but the public
    // gets the link only
    SynthesisSummary.AcceptedSar linkOnly =
        synthesis.published(DISTRICT, YEAR).orElseThrow().summary().schools().get(0);
    assertThat(linkOnly.schoolCode()).isEqualTo("1099010001");
    assertThat(linkOnly.sarVersionId()).isNotNull();
    assertThat(linkOnly.publishedFile()).isFalse();
    mvc.perform(get("/public/districts/{d}/synthesis/{y}/sar/{s}", DISTRICT, YEAR, "1099010001"))
        .andExpect(status().isNotFound());
    assertThat(html).doesNotContain("/public/districts/1099/synthesis/2760/sar/1099010001");

    byte[] pdf =
        mvc.perform(get("/public/districts/{d}/synthesis/{y}.pdf", DISTRICT, YEAR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(
              "เผยแพร่แล้ว", "สถานศึกษาร้อยละ 50 ได้ระดับดีเลิศขึ้นไป", "ข้อเสนอแนะเพื่อการพัฒนา");
    }
  }

  @Test
  void thePublishedSummaryIsASnapshot() {
    publish(YEAR);
    PublishedSynthesis published = synthesis.published(DISTRICT, YEAR).orElseThrow();
    assertThat(published.summary().accepted()).isEqualTo(2);
    assertThat(published.approvedBy()).isEqualTo("supdirector");
    assertThat(published.summary().belowTargets()).hasSize(1);
    // the district later accepts school 3's SAR too: the live summary moves, the published one does
    // not
    String pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("1099010004-" + YEAR)
            .singleResult()
            .getId();
    runtime.setVariable(
        pi, SchoolQaCycleProcess.VAR_SAR_REVIEW_DECISION, SchoolQaCycleProcess.SAR_REVIEW_RETURNED);
    assertThat(synthesis.summary(DISTRICT, YEAR).returned()).isEqualTo(2);
    assertThat(synthesis.published(DISTRICT, YEAR).orElseThrow().summary().returned()).isEqualTo(1);
    runtime.removeVariable(pi, SchoolQaCycleProcess.VAR_SAR_REVIEW_DECISION);
  }

  private void publish(int year) {
    tx.executeWithoutResult(
        s ->
            events.publishEvent(
                new SynthesisApproved(
                    DISTRICT,
                    year,
                    Map.of(
                        "synthesisOverview", "สถานศึกษาร้อยละ 50 ได้ระดับดีเลิศขึ้นไปในทุกมาตรฐาน",
                        "synthesisStrengths", "ผู้เรียนมีคุณลักษณะที่พึงประสงค์",
                        "synthesisWeaknesses", "ผลสัมฤทธิ์ทางวิชาการยังต่ำกว่าเป้าหมาย",
                        "synthesisRecommendations", "นิเทศติดตามการสอนคณิตศาสตร์"),
                    "supdirector",
                    Instant.parse("2027-06-20T03:00:00Z"))));
  }

  private static java.io.InputStream csv(String... lines) {
    return new ByteArrayInputStream(
        String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
  }
}
