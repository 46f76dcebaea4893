package th.qaflow.standards.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.cycle.CycleService;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.FrameworkFileException;
import th.qaflow.standards.FrameworkPurpose;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.support.ProcessTest;

/**
 * Standards are data: the MoE 2561 frameworks load at start, and another framework is a file, not
 * code.
 */
@ProcessTest
class StandardsCatalogTest {
  @Autowired StandardsCatalog catalog;
  @Autowired JdbcStandardsCatalog loader;
  @Autowired StandardsLoader startLoader;
  @Autowired OrganisationDirectory directory;
  @Autowired CycleService cycles;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  @Test
  void moeStandardsOf2561AreLoadedWithTheirItemsAndFiveLevels() {
    Framework basic = catalog.internalFramework(EducationLevel.BASIC, 2569).orElseThrow();
    assertThat(basic.code()).isEqualTo("moe2561-basic");
    assertThat(basic.standards()).extracting(s -> s.code()).containsExactly("1", "2", "3");
    assertThat(basic.standards()).extracting(s -> s.items().size()).containsExactly(2, 6, 5);
    assertThat(basic.standards().get(1).items().get(0).nameTh())
        .isEqualTo("มีเป้าหมาย วิสัยทัศน์ และพันธกิจที่สถานศึกษากำหนดชัดเจน");
    assertThat(basic.levels())
        .extracting(l -> l.nameTh())
        .containsExactly("ยอดเยี่ยม", "ดีเลิศ", "ดี", "ปานกลาง", "กำลังพัฒนา");

    Framework early = catalog.internalFramework(EducationLevel.EARLY_CHILDHOOD, 2569).orElseThrow();
    assertThat(early.standards())
        .extracting(s -> s.nameTh())
        .containsExactly(
            "คุณภาพของเด็ก", "กระบวนการบริหารและการจัดการ", "การจัดประสบการณ์ที่เน้นเด็กเป็นสำคัญ");
    assertThat(catalog.internalFramework(EducationLevel.BASIC, 2560)).as("before 2561").isEmpty();

    assertThat(
            jdbc.sql("select count(*) from qa_standard where framework_code = 'moe2561-basic'")
                .query(Integer.class)
                .single())
        .isEqualTo(3 + 13);
  }

  @Test
  void aSchoolWorksWithTheStandardsOfTheLevelsItOffers() {
    School both = directory.school("1099010001").orElseThrow();
    School basicOnly = directory.school("1099010003").orElseThrow();
    assertThat(both.earlyChildhood() && both.basic()).isTrue();
    assertThat(basicOnly.earlyChildhood()).isFalse();

    List<Map<String, Object>> rows = rows(catalog.cycleVariables(both, 2569));
    assertThat(rows)
        .extracting(r -> r.get("standardCode"))
        .containsExactly(
            "EARLY_CHILDHOOD-1",
            "EARLY_CHILDHOOD-2",
            "EARLY_CHILDHOOD-3",
            "BASIC-1",
            "BASIC-2",
            "BASIC-3");
    assertThat(rows.get(3))
        .containsEntry("standardLabel", "ขั้นพื้นฐาน มาตรฐานที่ 1 คุณภาพของผู้เรียน")
        .containsEntry("standardLabelEn", "Basic, standard 1: Quality of learners")
        .containsEntry(
            "standardItems",
            "1.1 ผลสัมฤทธิ์ทางวิชาการของผู้เรียน\n1.2 คุณลักษณะที่พึงประสงค์ของผู้เรียน");
    assertThat(rows(catalog.cycleVariables(basicOnly, 2569)))
        .extracting(r -> r.get("standardCode"))
        .containsExactly("BASIC-1", "BASIC-2", "BASIC-3");

    List<Map<String, Object>> levels =
        list(catalog.cycleVariables(both, 2569).get(StandardsCatalog.VAR_LEVEL_OPTIONS));
    assertThat(levels).extracting(l -> l.get("value")).containsExactly("5", "4", "3", "2", "1");
    assertThat(levels.get(0))
        .containsEntry("label", "ยอดเยี่ยม")
        .containsEntry("label_en", "Excellent");
  }

  @Test
  void aCycleStartsWithTheSchoolsStandardsAsJsonVariables() {
    String pi = cycles.startSchool("1099010003", 2661, "qaofficer").orElseThrow();
    Object standards = runtime.getVariable(pi, StandardsCatalog.VAR_STANDARDS);
    assertThat(rows(Map.of(StandardsCatalog.VAR_STANDARDS, standards))).hasSize(3);
    assertThat(runtime.getVariableTyped(pi, StandardsCatalog.VAR_LEVEL_OPTIONS).getType().getName())
        .isEqualTo("object");
    assertThat(
            jdbc.sql(
                    "select count(*) from act_ru_variable where name_ = 'standards' and proc_inst_id_ = :pi")
                .param("pi", pi)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anotherFrameworkIsAFileNotCode(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("onesqa-r5-basic.json"),
        onesqaLike("onesqa-r5-test", 16),
        StandardCharsets.UTF_8);
    assertThat(startLoader.loadDirectory(dir)).isEmpty();

    Framework external = catalog.framework("onesqa-r5-test").orElseThrow();
    assertThat(external.purpose()).isEqualTo(FrameworkPurpose.EXTERNAL);
    assertThat(external.standards()).hasSize(3);
    assertThat(external.itemCount()).isEqualTo(16);
    assertThat(catalog.internalFramework(EducationLevel.BASIC, 2569).orElseThrow().code())
        .as("an external framework does not replace the school's own")
        .isEqualTo("moe2561-basic");

    assertThat(startLoader.loadDirectory(dir)).as("loading again changes nothing").isEmpty();
    assertThatThrownBy(() -> loader.load(onesqaLike("onesqa-r5-test", 15), "edited.json"))
        .isInstanceOf(FrameworkFileException.class)
        .hasMessageContaining("new code");
    assertThat(catalog.framework("onesqa-r5-test").orElseThrow().itemCount()).isEqualTo(16);
  }

  @Test
  void aNewerInternalFrameworkAppliesFromItsFirstYear() {
    loader.load(
        onesqaLike("moe2695-basic-test", 4)
            .replace("\"EXTERNAL\"", "\"INTERNAL\"")
            .replace("2567", "2695"),
        "newer.json");
    assertThat(catalog.internalFramework(EducationLevel.BASIC, 2694).orElseThrow().code())
        .isEqualTo("moe2561-basic");
    assertThat(catalog.internalFramework(EducationLevel.BASIC, 2695).orElseThrow().code())
        .isEqualTo("moe2695-basic-test");
  }

  @Test
  void aBadFileIsReportedAndNothingOfItIsStored(@TempDir Path dir) throws Exception {
    int before = catalog.frameworks().size();
    Files.writeString(dir.resolve("a-broken.json"), "{ not json", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("b-no-name.json"),
        onesqaLike("bad-name", 3).replace("\"nameEn\": \"Framework\",", ""));
    Files.writeString(
        dir.resolve("c-twice.json"), onesqaLike("bad-twice", 3).replace("\"2.1\"", "\"1.1\""));
    Files.writeString(
        dir.resolve("d-levels.json"),
        onesqaLike("bad-levels", 3).replace("\"value\": \"5\"", "\"value\": \"1\""));
    Files.writeString(
        dir.resolve("e-year.json"), onesqaLike("bad-year", 3).replace("2567", "2024"));
    Files.writeString(dir.resolve("f-ok.json"), onesqaLike("good-one-test", 3));

    List<String> problems = startLoader.loadDirectory(dir);
    assertThat(problems).hasSize(5);
    assertThat(problems.get(0)).contains("a-broken.json", "not valid JSON");
    assertThat(problems.get(1)).contains("b-no-name.json", "'nameEn' is missing");
    assertThat(problems.get(2)).contains("c-twice.json", "'1.1' is used twice");
    assertThat(problems.get(3)).contains("d-levels.json", "best first");
    assertThat(problems.get(4)).contains("e-year.json", "Buddhist-Era year");
    assertThat(catalog.frameworks()).hasSize(before + 1);
    assertThat(
            jdbc.sql("select count(*) from qa_standard where framework_code like 'bad-%'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  /**
   * A framework of three standards sharing {@code indicators} indicators, like ONESQA's fifth
   * round.
   */
  private static String onesqaLike(String code, int indicators) {
    StringBuilder items = new StringBuilder();
    int[] perStandard = {indicators / 3 + indicators % 3, indicators / 3, indicators / 3};
    StringBuilder standards = new StringBuilder();
    for (int s = 1; s <= 3; s++) {
      items.setLength(0);
      for (int i = 1; i <= perStandard[s - 1]; i++) {
        items
            .append(i > 1 ? "," : "")
            .append("{\"code\": \"")
            .append(s)
            .append('.')
            .append(i)
            .append("\", \"nameTh\": \"ตัวบ่งชี้ที่ ")
            .append(s)
            .append('.')
            .append(i)
            .append("\", \"nameEn\": \"Indicator ")
            .append(s)
            .append('.')
            .append(i)
            .append("\"}");
      }
      standards
          .append(s > 1 ? "," : "")
          .append("{\"code\": \"")
          .append(s)
          .append("\", \"nameTh\": \"มาตรฐานที่ ")
          .append(s)
          .append("\", \"nameEn\": \"Standard ")
          .append(s)
          .append("\", \"items\": [")
          .append(items)
          .append("]}");
    }
    return """
        {"code": "%s", "nameTh": "กรอบการประเมินทดสอบ", "nameEn": "Framework",
         "educationLevel": "BASIC", "purpose": "EXTERNAL", "effectiveFrom": 2567, "effectiveTo": 2699,
         "levels": [{"value": "5", "nameTh": "ดีเยี่ยม", "nameEn": "Excellent"},
                    {"value": "4", "nameTh": "ดีมาก", "nameEn": "Very good"}],
         "standards": [%s]}"""
        .formatted(code, standards);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> variables) {
    return list(variables.get(StandardsCatalog.VAR_STANDARDS));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
