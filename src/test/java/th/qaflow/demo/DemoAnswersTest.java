package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.qaflow.kernel.AcademicYears;

/**
 * The demo answers fit the forms they fill: every parameter is an editable field of the task's
 * form, every required field of every row is answered, choices are options, texts match their
 * patterns and lengths, and there is one row per standard of the school.
 */
class DemoAnswersTest {

  static final int YEAR = 2568;
  static final List<String> TASKS =
      List.of(
          TASK_SET_STANDARDS,
          TASK_BOARD_ENDORSE_STANDARDS,
          TASK_ANNOUNCE_STANDARDS,
          TASK_MAKE_PLANS,
          TASK_SELF_CHECK_SEMESTER_ONE,
          TASK_SELF_CHECK_SEMESTER_TWO,
          TASK_INTERNAL_ASSESSMENT,
          TASK_DRAFT_SAR,
          TASK_DIRECTOR_REVIEW_SAR,
          TASK_BOARD_APPROVE_SAR,
          TASK_SUBMIT_SAR,
          TASK_PUBLISH_SAR);
  static final Set<String> LEVELS = Set.of("1", "2", "3", "4", "5");

  /** The cycle's standards rows as the standards catalog writes them. */
  static List<Map<String, Object>> standards(boolean earlyChildhood) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (earlyChildhood) {
      rows.add(row("EARLY_CHILDHOOD", 1, "คุณภาพของเด็ก", "1.1 มีพัฒนาการด้านร่างกาย"));
      rows.add(
          row(
              "EARLY_CHILDHOOD",
              2,
              "กระบวนการบริหารและการจัดการ",
              "2.1 มีหลักสูตรครอบคลุมพัฒนาการทั้ง 4 ด้าน"));
      rows.add(row("EARLY_CHILDHOOD", 3, "การจัดประสบการณ์ที่เน้นเด็กเป็นสำคัญ", ""));
    }
    rows.add(
        row(
            "BASIC",
            1,
            "คุณภาพของผู้เรียน",
            "1.1 ผลสัมฤทธิ์ทางวิชาการของผู้เรียน\n1.2 คุณลักษณะที่พึงประสงค์ของผู้เรียน"));
    rows.add(
        row("BASIC", 2, "กระบวนการบริหารและการจัดการ", "2.1 มีเป้าหมาย วิสัยทัศน์ และพันธกิจ"));
    rows.add(
        row(
            "BASIC",
            3,
            "กระบวนการจัดการเรียนการสอนที่เน้นผู้เรียนเป็นสำคัญ",
            "3.1 จัดการเรียนรู้ผ่านกระบวนการคิด"));
    return rows;
  }

  static Map<String, Object> row(String level, int n, String name, String items) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("educationLevel", level);
    row.put("frameworkCode", level.equals("BASIC") ? "moe2561-basic" : "moe2561-early-childhood");
    row.put("standardCode", level + "-" + n);
    row.put(
        "standardLabel",
        (level.equals("BASIC") ? "ขั้นพื้นฐาน" : "ปฐมวัย") + " มาตรฐานที่ " + n + " " + name);
    row.put("standardItems", items);
    return row;
  }

  static List<String> options(List<Map<String, Object>> standards) {
    return standards.stream().map(s -> String.valueOf(s.get("standardCode"))).toList();
  }

  /**
   * An input of a form, with its parameter path pattern ({@code rows[].key}) and its list (or
   * null).
   */
  record Field(JsonNode node, String path, String list) {}

  static List<Field> fields(String taskKey) throws IOException {
    JsonNode form =
        new ObjectMapper()
            .readTree(Path.of("forms", taskKey.replace("Task_", "") + ".form").toFile());
    List<Field> fields = new ArrayList<>();
    for (JsonNode c : form.path("components")) {
      if (c.path("type").asText().equals("dynamiclist")) {
        String list = c.path("path").asText();
        c.path("components")
            .forEach(
                child -> {
                  if (child.has("key")) {
                    fields.add(new Field(child, list + "[]." + child.path("key").asText(), list));
                  }
                });
      } else if (c.has("key")) {
        fields.add(new Field(c, c.path("key").asText(), null));
      }
    }
    return fields;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyAnswerFitsItsForm(int school) throws IOException {
    boolean earlyChildhood = school != 3 && school != 6;
    List<Map<String, Object>> standards = standards(earlyChildhood);
    int rows = standards.size() + DemoAnswers.ownStandards(school).size();
    for (String task : TASKS) {
      Map<String, String[]> params =
          DemoAnswers.forTask(task, school, YEAR, standards, options(standards));
      List<Field> fields = fields(task);
      Map<String, Field> byPath = new LinkedHashMap<>();
      fields.forEach(f -> byPath.put(f.path(), f));
      Map<String, Set<Integer>> rowsSent = new LinkedHashMap<>();

      for (var e : params.entrySet()) {
        String name = e.getKey();
        String where = task + " " + name;
        Field f = byPath.get(name.replaceAll("\\[\\d+]", "[]"));
        assertThat(f).as(where + " is a field of the form").isNotNull();
        JsonNode c = f.node();
        String type = c.path("type").asText();
        assertThat(c.path("readonly").asBoolean(false)).as(where + " is editable").isFalse();
        assertThat(type).as(where + ": files go as multipart parts").isNotEqualTo("filepicker");
        if (f.list() != null) {
          rowsSent
              .computeIfAbsent(f.list(), k -> new HashSet<>())
              .add(Integer.parseInt(name.replaceAll("^\\w+\\[(\\d+)].*$", "$1")));
        }
        String[] values = e.getValue();
        assertThat(values.length == 1 || type.equals("checklist"))
            .as(where + " single value")
            .isTrue();
        for (String value : values) {
          assertThat(value).as(where).isNotNull();
          if (c.has("valuesKey")) {
            Set<String> allowed =
                c.path("valuesKey").asText().equals("levelOptions")
                    ? LEVELS
                    : Set.copyOf(options(standards));
            assertThat(value).as(where).isIn(allowed);
          } else if (c.has("values")) {
            List<String> allowed = new ArrayList<>();
            c.path("values").forEach(o -> allowed.add(o.path("value").asText()));
            assertThat(value).as(where).isIn(allowed);
          }
          JsonNode validate = c.path("validate");
          if (validate.has("maxLength")) {
            assertThat(value.length())
                .as(where + " length")
                .isLessThanOrEqualTo(validate.path("maxLength").asInt());
          }
          if (validate.has("pattern")) {
            assertThat(value).as(where).matches(validate.path("pattern").asText());
          }
          if (type.equals("datetime")) {
            LocalDate date = LocalDate.parse(value);
            assertThat(date).as(where).isBeforeOrEqualTo(LocalDate.now(AcademicYears.ZONE));
            if ("true".equals(c.path("properties").path("withinAcademicYear").asText())) {
              assertThat(date)
                  .as(where)
                  .isBetween(AcademicYears.start(YEAR), AcademicYears.end(YEAR));
            }
          }
          if (type.equals("number")) {
            assertThat(Double.parseDouble(value))
                .as(where)
                .isBetween(
                    validate.path("min").asDouble(),
                    validate.path("max").asDouble(Double.MAX_VALUE));
          }
        }
      }

      // every required field is answered, in every row (fields hidden unless returning are not
      // shown)
      for (Field f : fields) {
        JsonNode c = f.node();
        if (!c.path("validate").path("required").asBoolean(false)
            || c.path("readonly").asBoolean(false)
            || c.path("type").asText().equals("filepicker")
            || c.has("conditional")) {
          continue;
        }
        if (f.list() == null) {
          assertThat(params.get(f.path())).as(task + " answers " + f.path()).isNotNull();
          assertThat(params.get(f.path())[0]).as(task + " " + f.path()).isNotBlank();
        } else {
          for (int i : rowsSent.getOrDefault(f.list(), Set.of())) {
            String name = f.path().replace("[]", "[" + i + "]");
            assertThat(params.get(name)).as(task + " answers " + name).isNotNull();
            assertThat(String.join("", params.get(name))).as(task + " " + name).isNotBlank();
          }
        }
      }

      // one row per standard (the school's own standards included once they exist)
      Map<String, Integer> expectedRows =
          switch (task) {
            case TASK_SET_STANDARDS ->
                DemoAnswers.ownStandards(school).isEmpty()
                    ? Map.of("targets", standards.size())
                    : Map.of(
                        "targets",
                        standards.size(),
                        "ownStandards",
                        DemoAnswers.ownStandards(school).size());
            case TASK_SELF_CHECK_SEMESTER_ONE ->
                Map.of("sc1Rows", rows, "sc1Projects", earlyChildhood ? 7 : 5);
            case TASK_SELF_CHECK_SEMESTER_TWO ->
                Map.of("sc2Rows", rows, "sc2Projects", earlyChildhood ? 7 : 5);
            case TASK_INTERNAL_ASSESSMENT -> Map.of("assessment", rows);
            case TASK_DRAFT_SAR -> Map.of("sarLevels", rows);
            case TASK_MAKE_PLANS -> Map.of("projects", earlyChildhood ? 7 : 5);
            default -> Map.of();
          };
      Map<String, Integer> sent = new LinkedHashMap<>();
      rowsSent.forEach(
          (list, indices) -> {
            assertThat(indices)
                .as(task + " " + list + " rows from 0")
                .allMatch(i -> i < indices.size());
            sent.put(list, indices.size());
          });
      assertThat(sent).as(task + " rows").isEqualTo(expectedRows);
    }
  }

  @Test
  void someSchoolsFallShortOfTheirTargetSoTheFormWarns() {
    List<Map<String, Object>> standards = standards(true);
    Map<String, String[]> set =
        DemoAnswers.forTask(TASK_SET_STANDARDS, 1, YEAR, standards, options(standards));
    Map<String, String[]> ia =
        DemoAnswers.forTask(TASK_INTERNAL_ASSESSMENT, 1, YEAR, standards, options(standards));
    // school 1's basic standard 1 (row 3 after three early-childhood rows): target very good,
    // achieved good
    assertThat(set.get("targets[3].targetLevel")).containsExactly("4");
    assertThat(ia.get("assessment[3].achievedLevel")).containsExactly("3");
    assertThat(
            DemoAnswers.forTask(TASK_DRAFT_SAR, 1, YEAR, standards, options(standards))
                .get("sarExecutiveSummary")[0])
        .contains("ยังไม่บรรลุค่าเป้าหมาย");
    assertThat(
            DemoAnswers.forTask(TASK_INTERNAL_ASSESSMENT, 2, YEAR, standards, options(standards))
                .get("assessment[3].achievedLevel"))
        .containsExactly("4");
  }

  @Test
  void theBoardReturnsWithComments() {
    Map<String, String[]> returned = DemoAnswers.boardReturn(8, YEAR);
    assertThat(returned.get("boardDecision")).containsExactly("return");
    assertThat(returned.get("boardComments")[0]).contains("หลักฐาน");
  }

  @Test
  void theSarFileIsARealPdfWithAThaiName() {
    DemoAnswers.DemoFile sar = DemoAnswers.sarFileFor("1099010001", YEAR);
    assertThat(sar.filename()).startsWith("รายงานการประเมินตนเอง").endsWith(".pdf");
    String pdf = new String(sar.content(), java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(pdf).startsWith("%PDF-1.4").contains("School 1099010001").endsWith("%%EOF\n");
    int xref =
        Integer.parseInt(
            pdf.substring(pdf.indexOf("startxref\n") + 10, pdf.lastIndexOf("\n%%EOF")).strip());
    assertThat(pdf.substring(xref)).as("startxref points at the xref table").startsWith("xref");
  }

  @Test
  void withoutStandardsTheFormsGetNoRows() {
    Map<String, String[]> sc =
        DemoAnswers.forTask(TASK_SELF_CHECK_SEMESTER_ONE, 3, YEAR, List.of(), List.of());
    // only the form's own fields (who evaluated and how), no list row
    assertThat(sc).containsOnlyKeys("sc1Evaluators", "sc1Method");
  }
}
