package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;

/**
 * Dashboard, exports, remind-now and the school page of the demo district, and who may see which.
 */
@ProcessTest
class MonitoringWebTest {
  static final int YEAR = 2710;

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired javax.sql.DataSource dataSource;

  @BeforeEach
  void setUp() {
    int ce = AcademicYears.firstCalendarYear(YEAR);
    EngineTestClock.at(LocalDateTime.of(ce, 5, 16, 8, 0));
    cycles.startYear("1099", YEAR, "qaofficer");
    // school 1 sets its standards on time; the others are late once the clock moves past 24 May
    Task first =
        tasks.createTaskQuery().processInstanceBusinessKey("1099010001-" + YEAR).singleResult();
    if (first != null && "Task_SetStandards".equals(first.getTaskDefinitionKey())) {
      tasks.claim(first.getId(), "qa1");
      tasks.complete(first.getId());
    }
    EngineTestClock.at(LocalDateTime.of(ce, 5, 29, 9, 0));
  }

  @Test
  void theDistrictDashboardShowsEverySchoolWithItsStatusAndTheOverdueList() throws Exception {
    String html = page("supervisor2", "/monitoring/districts/1099?year=" + YEAR);
    assertThat(html)
        .contains("data-school=\"1099010008\"")
        .contains("data-status=\"OVERDUE\"")
        .contains("data-status=\"DONE\"")
        .contains("id=\"overdue-list\"")
        .contains("เลยกำหนด 5 วัน");
    // the supervisor's own cluster comes first
    assertThat(html.indexOf("data-school=\"1099010005\""))
        .isLessThan(html.indexOf("data-school=\"1099010001\""));
    // filters: cluster 1 only, and schools with something done
    String cluster1 =
        page(
            "supdirector",
            "/monitoring/districts/1099?year=" + YEAR + "&cluster=1099-C1&status=DONE");
    assertThat(cluster1)
        .contains("data-school=\"1099010001\"")
        .doesNotContain("data-school=\"1099010002\"")
        .doesNotContain("data-school=\"1099010005\"");
    String bad = page("supdirector", "/monitoring/districts/1099?year=abc&status=NOPE");
    assertThat(bad).contains("ตัวกรองบางค่าไม่ถูกต้อง");
  }

  @Test
  void exportsOpenWithThaiIntactAndParseWithPoi() throws Exception {
    MockHttpSession s = WebSessions.login(mvc, "qaofficer");
    byte[] csv =
        mvc.perform(
                get("/monitoring/districts/1099/matrix.csv").param("year", "" + YEAR).session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(csv[0] & 0xff).isEqualTo(0xEF);
    assertThat(csv[1] & 0xff).isEqualTo(0xBB);
    assertThat(csv[2] & 0xff).isEqualTo(0xBF);
    List<CSVRecord> records =
        CSVFormat.EXCEL
            .parse(
                new InputStreamReader(
                    new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))
            .getRecords();
    assertThat(records.get(0).get(1)).isEqualTo("รหัสสถานศึกษา");
    assertThat(records).hasSize(9);
    assertThat(
            records.stream()
                .filter(r -> r.get(1).equals("1099010001"))
                .findFirst()
                .orElseThrow()
                .get(3))
        .startsWith("เสร็จ");

    byte[] xlsx =
        mvc.perform(
                get("/monitoring/districts/1099/overdue.xlsx").param("year", "" + YEAR).session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("เลยกำหนด (วัน)");
      assertThat(sheet.getLastRowNum()).as("7 late standards, 1 late endorsement").isEqualTo(8);
      assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(5.0);
      assertThat(sheet.getRow(1).getCell(5).getStringCellValue())
          .isEqualTo("คณะทำงานประกันคุณภาพของสถานศึกษา");
    }
    byte[] overdueCsv =
        mvc.perform(
                get("/monitoring/districts/1099/overdue.csv").param("year", "" + YEAR).session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(overdueCsv, StandardCharsets.UTF_8))
        .contains("กำหนดมาตรฐานและค่าเป้าหมาย");
  }

  @Test
  void theOverdueXlsxHasRealDueDatesAFrozenFilteredHeaderAndTheCsvTheThaiDate() throws Exception {
    MockHttpSession s = WebSessions.login(mvc, "supdirector");
    byte[] xlsx =
        mvc.perform(
                get("/monitoring/districts/1099/overdue.xlsx").param("year", "" + YEAR).session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    byte[] csv =
        mvc.perform(
                get("/monitoring/districts/1099/overdue.csv").param("year", "" + YEAR).session(s))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    List<CSVRecord> records =
        CSVFormat.EXCEL
            .parse(
                new InputStreamReader(
                    new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))
            .getRecords();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      org.apache.poi.xssf.usermodel.XSSFSheet sheet = book.getSheetAt(0);
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef())
          .isEqualTo("A1:F" + (sheet.getLastRowNum() + 1));
      assertThat(sheet.getColumnWidth(1))
          .as("school names are wider than the default column")
          .isGreaterThan(sheet.getDefaultColumnWidth() * 256);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Cell due = sheet.getRow(r).getCell(3);
        assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(due)).isTrue();
        java.time.LocalDate day = due.getLocalDateTimeCellValue().toLocalDate();
        assertThat(day)
            .isBefore(
                LocalDateTime.of(AcademicYears.firstCalendarYear(YEAR), 5, 29, 0, 0).toLocalDate());
        // the CSV shows the same day as the pages do: Buddhist Era in Thai
        assertThat(records.get(r).get(3))
            .isEqualTo(th.qaflow.web.ThaiDates.date(day, java.util.Locale.forLanguageTag("th")))
            .endsWith(" " + YEAR);
      }
    }
  }

  @Test
  void remindNowWritesOneOutboxMailPerPersonAndDay() throws Exception {
    Task late =
        tasks.createTaskQuery().processInstanceBusinessKey("1099010002-" + YEAR).singleResult();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    MockHttpSession obec = WebSessions.login(mvc, "obec");
    mvc.perform(post("/monitoring/tasks/{id}/remind", late.getId()).session(obec).with(csrf()))
        .andExpect(status().isForbidden());
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    mvc.perform(post("/monitoring/tasks/{id}/remind", late.getId()).session(qa).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(mails(jdbc, late.getId())).isZero();

    MockHttpSession sup = WebSessions.login(mvc, "supervisor1");
    mvc.perform(post("/monitoring/tasks/{id}/remind", late.getId()).session(sup).with(csrf()))
        .andExpect(status().is3xxRedirection());
    long sent = mails(jdbc, late.getId());
    assertThat(sent).isPositive();
    mvc.perform(post("/monitoring/tasks/{id}/remind", late.getId()).session(sup).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(mails(jdbc, late.getId())).isEqualTo(sent);
    assertThat(
            jdbc.sql("select subject from mail_outbox where task_id = ? and kind = 'REMIND_NOW'")
                .param(late.getId())
                .query(String.class)
                .list())
        .allMatch(subject -> subject.contains("แจ้งเตือน"));
  }

  @Test
  void scopeIsCheckedForEveryView() throws Exception {
    // school users: only their own school's page
    MockHttpSession qa1 = WebSessions.login(mvc, "qa1");
    mvc.perform(get("/monitoring").session(qa1)).andExpect(status().is3xxRedirection());
    mvc.perform(get("/monitoring/schools/1099010001").param("year", "" + YEAR).session(qa1))
        .andExpect(status().isOk());
    mvc.perform(get("/monitoring/schools/1099010002").param("year", "" + YEAR).session(qa1))
        .andExpect(status().isNotFound());
    mvc.perform(get("/monitoring/districts/1099").session(qa1)).andExpect(status().isForbidden());
    mvc.perform(get("/monitoring/districts/1099/matrix.csv").session(qa1))
        .andExpect(status().isForbidden());
    // district staff: their district (not another), redirected from the national view
    MockHttpSession sup = WebSessions.login(mvc, "supervisor1");
    mvc.perform(get("/monitoring").session(sup)).andExpect(status().is3xxRedirection());
    mvc.perform(get("/monitoring/districts/1099").session(sup)).andExpect(status().isOk());
    mvc.perform(get("/monitoring/districts/2000").session(sup)).andExpect(status().isForbidden());
    // a supervisor's schools are those of their clusters (1099-C1: schools 1-4), not the other
    // cluster's
    mvc.perform(get("/monitoring/schools/1099010002").param("year", "" + YEAR).session(sup))
        .andExpect(status().isOk());
    mvc.perform(get("/monitoring/schools/1099010006").param("year", "" + YEAR).session(sup))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/monitoring/schools/1099010006")
                .param("year", "" + YEAR)
                .session(WebSessions.login(mvc, "supervisor2")))
        .andExpect(status().isOk());
    mvc.perform(post("/monitoring/rebuild").session(sup).with(csrf()))
        .andExpect(status().isForbidden());
    // OBEC: everything, read only
    MockHttpSession obec = WebSessions.login(mvc, "obec");
    String national =
        mvc.perform(get("/monitoring").param("year", "" + YEAR).session(obec))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(national).contains("data-district=\"1099\"").doesNotContain("/monitoring/rebuild");
    String dashboard =
        mvc.perform(get("/monitoring/districts/1099").param("year", "" + YEAR).session(obec))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(dashboard).doesNotContain("/remind");
    mvc.perform(get("/monitoring/schools/1099010003").param("year", "" + YEAR).session(obec))
        .andExpect(status().isOk());
    mvc.perform(post("/monitoring/rebuild").session(obec).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/monitoring")).andExpect(status().is3xxRedirection());
  }

  @Test
  void theSchoolPageShowsTheTimelineAndServesTheDiagramFromTheEngine() throws Exception {
    MockHttpSession qa1 = WebSessions.login(mvc, "qa1");
    String html =
        mvc.perform(get("/monitoring/schools/1099010001").param("year", "" + YEAR).session(qa1))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js")
        .contains("data-stage=\"STANDARDS\"")
        .contains("Task_SetStandards")
        .contains("qa1");
    String pi =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey("1099010001-" + YEAR)
            .singleResult()
            .getProcessInstanceId();
    String xml =
        mvc.perform(
                get("/monitoring/schools/1099010001/processes/{pi}/diagram.bpmn", pi).session(qa1))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(xml).contains("bpmndi:BPMNDiagram").contains("SchoolQaCycle");
    // another school's process through this school's address: not found
    String other =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey("1099010002-" + YEAR)
            .singleResult()
            .getProcessInstanceId();
    mvc.perform(
            get("/monitoring/schools/1099010001/processes/{pi}/diagram.bpmn", other).session(qa1))
        .andExpect(status().isNotFound());
  }

  private String page(String user, String url) throws Exception {
    return mvc.perform(get(url).session(WebSessions.login(mvc, user)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static long mails(JdbcClient jdbc, String taskId) {
    return jdbc.sql("select count(*) from mail_outbox where task_id = ? and kind = 'REMIND_NOW'")
        .param(taskId)
        .query(Long.class)
        .single();
  }
}
