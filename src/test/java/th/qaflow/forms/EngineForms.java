package th.qaflow.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test form {@code forms-test/Engine.form} (every component QA Flow renders) and its context.
 */
final class EngineForms {

  private EngineForms() {}

  static FormSchema form() {
    try (InputStream in =
        EngineForms.class.getClassLoader().getResourceAsStream("forms-test/Engine.form")) {
      return FormSchemaParser.parse(in, "forms-test/Engine.form");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> level(String value, String label, String en) {
    return map("value", value, "label", label, "label_en", en);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Process variables as the cycle sets them: options, seed rows, bounds, the academic year. */
  static Map<String, Object> variables() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(
        "levelOptions",
        List.of(
            level("5", "ยอดเยี่ยม", "Excellent"),
            level("4", "ดีเลิศ", "Very good"),
            level("3", "ดี", "Good"),
            level("2", "ปานกลาง", "Fair"),
            level("1", "กำลังพัฒนา", "Developing")));
    v.put(
        "standardOptions",
        List.of(
            level("BASIC-1.1", "1.1 ผลสัมฤทธิ์ทางวิชาการ", "1.1 Academic achievement"),
            level("BASIC-1.2", "1.2 คุณลักษณะที่พึงประสงค์", "1.2 Desirable characteristics")));
    v.put(
        "targets",
        new ArrayList<>(
            List.of(
                map(
                    "standardCode",
                    "BASIC-1",
                    "standardLabel",
                    "มาตรฐานที่ 1 คุณภาพของผู้เรียน <script>",
                    "targetLevel",
                    "4",
                    "standardItems",
                    "1.1 ผลสัมฤทธิ์"),
                map(
                    "standardCode",
                    "BASIC-2",
                    "standardLabel",
                    "มาตรฐานที่ 2 กระบวนการบริหาร",
                    "targetLevel",
                    "3"))));
    v.put(
        "ownStandards",
        List.of(
            map(
                "standardCode",
                "OWN-1",
                "standardLabel",
                "มาตรฐานของโรงเรียน",
                "targetLevel",
                "5")));
    v.put("maxBudget", 1000L);
    v.put("noteMin", 2L);
    v.put("noteMax", 10L);
    v.put("academicYear", 2569);
    return v;
  }

  static FormContext context() {
    return FormContext.of(variables());
  }

  /** A complete, valid submission of the test form (without the SAR file). */
  static Map<String, String[]> validParams() {
    Map<String, String[]> p = new LinkedHashMap<>();
    p.put("decision", new String[] {"approve"});
    p.put("meetingDate", new String[] {"2026-06-01"});
    p.put("plan.period", new String[] {"2568–2571"});
    p.put("plan.budget", new String[] {"500"});
    p.put("plan.level", new String[] {"4"});
    p.put("note", new String[] {"ดีมาก"});
    p.put("standardsServed", new String[] {"BASIC-1.1", "BASIC-1.2"});
    p.put("tags", new String[] {"a"});
    p.put("assessment[0].achievedLevel", new String[] {"4"});
    p.put("assessment[1].achievedLevel", new String[] {"3"});
    p.put("assessment[2].achievedLevel", new String[] {"5"});
    p.put("projects[0]", new String[] {""});
    p.put("projects[0].name", new String[] {"โครงการรักการอ่าน"});
    p.put("projects[0].budget", new String[] {"15000"});
    p.put("projects[0].standards", new String[] {"S1", "S2"});
    p.put("projects[0].contact.email", new String[] {"kru@school.ac.th"});
    return p;
  }

  static UploadedFile pdf(String name) {
    byte[] bytes = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
    return new UploadedFile(name, "application/pdf", bytes.length, bytes);
  }
}
