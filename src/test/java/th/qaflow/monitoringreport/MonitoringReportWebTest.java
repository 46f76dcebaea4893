package th.qaflow.monitoringreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.monitoringreport.MonitoringReportProcess.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.visit.VisitRounds;

/**
 * The monitoring report through the real web layer: the district's staff see the report with its
 * findings and download a valid XLSX (date cells, frozen header, autofilter, Thai) and a Thai PDF;
 * another district's officer is refused the page, the files and the start; a school sees only its
 * own findings and not another school's page; the public page and PDF answer 404 until the report
 * is published, then without a login. District 1099, year 2583; district 7291 is the other one.
 */
@ProcessTest
class MonitoringReportWebTest {
  static final String OTHER = "7291";
  static final int YEAR = 2583;

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired VisitRounds rounds;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired MonitoringReports reports;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบรายงาน เขต 1,Report test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "mrofficer"
            + OTHER
            + ",วิภา,ใจดี,mrofficer"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(YEAR - 543, 9, 1, 9, 0);
  }

  @Test
  void scopesDownloadsAndThePublicPage() throws Exception {
    ReportFixture fixture = new ReportFixture(rounds, work, tasks, users);
    fixture.visit(YEAR, 1, 2);
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession foreign = WebSessions.login(mvc, "mrofficer" + OTHER);
    MockHttpSession school = WebSessions.login(mvc, "qa1");

    // others may not start it; the officer does, from the page
    Refusals.startForbidden(
        mvc, "/district/monitoring-report", "1099", YEAR, List.of(foreign, school));
    assertThat(reports.start("1099", YEAR, "qaofficer")).isPresent();
    String pi =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(businessKey("1099", YEAR))
            .singleResult()
            .getProcessInstanceId();
    String draftPage = page("/district/monitoring-report?district=1099&year=" + YEAR, officer);
    assertThat(draftPage)
        .contains("อยู่ระหว่างจัดทำ")
        .contains("1099010001")
        .contains("1099010002")
        .doesNotContain("data-school=\"1099010003\"");
    mvc.perform(get("/public/districts/1099/monitoring-report/" + YEAR))
        .andExpect(status().isNotFound());

    tasks.complete(
        fixture.open(pi, TASK_DRAFT_REPORT).getId(),
        ReportFixture.draft("ภาพรวมการติดตามตรวจสอบของเขต"));
    tasks.complete(
        fixture.open(pi, TASK_APPROVE_REPORT).getId(), Map.of(VAR_DECISION, DECISION_APPROVE));
    tasks.complete(
        fixture.open(pi, TASK_REPORT_TO_COMMITTEE).getId(),
        Map.of(VAR_COMMITTEE_DATE, (YEAR - 543) + "-11-20", VAR_SCHOOLS_INFORMED, true));

    String page = page("/district/monitoring-report?district=1099&year=" + YEAR, officer);
    assertThat(page).contains("ภาพรวมการติดตามตรวจสอบของเขต").contains("mr-public-link");

    // another district's officer: not the page, not the files
    mvc.perform(
            get("/district/monitoring-report")
                .param("district", "1099")
                .param("year", String.valueOf(YEAR))
                .session(foreign))
        .andExpect(status().isForbidden());
    for (String file : List.of(".xlsx", ".pdf")) {
      mvc.perform(get("/district/monitoring-report/1099/" + YEAR + file).session(foreign))
          .andExpect(status().isForbidden());
      mvc.perform(get("/district/monitoring-report/1099/" + YEAR + file).session(school))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/district/monitoring-report").session(school))
        .andExpect(status().isForbidden());

    // a school: its own findings and the published advice, never another school's
    String own = page("/monitoring-report/schools/1099010001?year=" + YEAR, school);
    assertThat(own)
        .contains("data-school=\"1099010001\"")
        .doesNotContain("1099010002")
        .contains("จัดสอนซ่อมเสริมอย่างเป็นระบบ");
    mvc.perform(
            get("/monitoring-report/schools/1099010002")
                .param("year", String.valueOf(YEAR))
                .session(school))
        .andExpect(status().isForbidden());

    // the XLSX: three sheets, the findings with real date cells, a frozen header with a filter
    byte[] xlsx = download("/district/monitoring-report/1099/" + YEAR + ".xlsx", officer);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets).containsExactly("รายงาน", "รายมาตรฐาน", "รายสถานศึกษา");
      XSSFSheet schools = book.getSheet("รายสถานศึกษา");
      assertThat(schools.getRow(0).getCell(1).getStringCellValue()).isEqualTo("สถานศึกษา");
      assertThat(schools.getPaneInformation().isFreezePane()).isTrue();
      assertThat(schools.getCTWorksheet().isSetAutoFilter()).isTrue();
      assertThat(schools.getLastRowNum()).isGreaterThanOrEqualTo(2);
      Row first = schools.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("1099010001");
      Cell completed = first.getCell(7);
      assertThat(completed.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(completed)).isTrue();
      assertThat(schools.getColumnWidth(1)).isGreaterThan(8 * 256);
      assertThat(book.getSheet("รายงาน").getRow(1).getCell(1).getStringCellValue())
          .isEqualTo("ภาพรวมการติดตามตรวจสอบของเขต");
    }
    // the PDF: Thai text that extracts as written
    assertThat(pdfText(download("/district/monitoring-report/1099/" + YEAR + ".pdf", officer)))
        .contains("รายงานผลการติดตามตรวจสอบ")
        .contains("ภาพรวมการติดตามตรวจสอบของเขต");

    // published: the public page and PDF without a login, no school's own findings
    String published =
        mvc.perform(get("/public/districts/1099/monitoring-report/" + YEAR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(published).contains("ภาพรวมการติดตามตรวจสอบของเขต").doesNotContain("mr-findings");
    byte[] publicPdf =
        mvc.perform(get("/public/districts/1099/monitoring-report/" + YEAR).param("format", "pdf"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(pdfText(publicPdf)).contains("ภาพรวมการติดตามตรวจสอบของเขต");
    mvc.perform(get("/public/districts/" + OTHER + "/monitoring-report/" + YEAR))
        .andExpect(status().isNotFound());
  }

  private String page(String url, MockHttpSession session) throws Exception {
    return TaskPages.page(mvc, url, session);
  }

  private byte[] download(String url, MockHttpSession session) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
