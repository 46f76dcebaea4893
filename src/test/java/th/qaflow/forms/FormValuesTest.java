package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormValuesTest {

  static final FormSchema FORM =
      TestForms.withComponents(
          """
      {"type": "text", "id": "Intro", "text": "อธิบาย"}""",
          """
      {"type": "textfield", "id": "A", "key": "name", "defaultValue": "โรงเรียนบ้านหนองบัว"}""",
          """
      {"type": "number", "id": "B", "key": "count"}""",
          """
      {"type": "number", "id": "B2", "key": "ratio"}""",
          """
      {"type": "checkbox", "id": "C", "key": "done", "defaultValue": false}""",
          """
      {"type": "select", "id": "D", "key": "level", "defaultValue": "good",
       "values": [{"label": "ดี", "value": "good"}, {"label": "ดีเลิศ", "value": "very_good"}]}""",
          """
      {"type": "datetime", "subtype": "date", "id": "E", "key": "day"}""",
          """
      {"type": "datetime", "subtype": "time", "id": "F", "key": "at"}""",
          """
      {"type": "datetime", "subtype": "datetime", "id": "G", "key": "when"}""",
          """
      {"type": "expression", "id": "H", "key": "tags"}""");

  /**
   * Issue 11: a decision, its comment and its date (qaflow.carry=never) start afresh; the content
   * is kept.
   */
  @Test
  void decisionsAreNotCarriedFromAnEarlierRoundButTheContentIs() {
    FormSchema form =
        TestForms.withComponents(
            """
        {"type": "textarea", "id": "S", "key": "summary"}""",
            """
        {"type": "dynamiclist", "id": "L", "path": "rows", "isRepeating": true, "allowAddRemove": false,
         "defaultRepetitions": 0, "components": [
           {"type": "select", "id": "LV", "key": "level", "values": [{"label": "ดี", "value": "good"}]},
           {"type": "textarea", "id": "LN", "key": "note", "properties": {"qaflow.carry": "never"}}]}""",
            """
        {"type": "radio", "id": "D", "key": "decision", "properties": {"qaflow.carry": "never"},
         "values": [{"label": "เห็นชอบ", "value": "approve"}, {"label": "ส่งกลับ", "value": "return"}]}""",
            """
        {"type": "textarea", "id": "C", "key": "comments", "properties": {"qaflow.carry": "NEVER"}}""",
            """
        {"type": "datetime", "subtype": "date", "id": "M", "key": "meeting", "properties": {"qaflow.carry": "never"}}""",
            """
        {"type": "checkbox", "id": "K", "key": "confirmed", "defaultValue": false,
         "properties": {"qaflow.carry": "never"}}""");
    Map<String, Object> vars = new HashMap<>();
    vars.put("summary", "ร่างแรก");
    vars.put("rows", java.util.List.of(Map.of("level", "good", "note", "ความเห็นรอบแรก")));
    vars.put("decision", "return");
    vars.put("comments", "แก้ไขมาตรฐานที่ 2");
    vars.put("meeting", "2026-06-01");
    vars.put("confirmed", true);
    assertThat(FormValues.initial(form, vars))
        .containsOnly(
            Map.entry("summary", java.util.List.of("ร่างแรก")),
            Map.entry("rows[0]", java.util.List.of()),
            Map.entry("rows[0].level", java.util.List.of("good")),
            Map.entry("confirmed", java.util.List.of("")));
    assertThat(form.components().get(0).carriesOver()).isTrue();
    assertThat(form.components().get(2).carriesOver()).isFalse();
  }

  @Test
  void defaultsWhenThereAreNoVariables() {
    assertThat(FormValues.toRaw(FORM, null))
        .containsExactly(
            Map.entry("name", "โรงเรียนบ้านหนองบัว"),
            Map.entry("done", ""),
            Map.entry("level", "good"));
  }

  @Test
  void variablesAsTheInputsShowThem() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("name", "ร.ร. ที่นี่ 🙂");
    vars.put("count", 18L);
    vars.put("ratio", 2.50d);
    vars.put("done", true);
    vars.put("level", "very_good");
    vars.put("day", "2026-05-31");
    vars.put("at", LocalTime.of(9, 5, 30));
    vars.put("when", LocalDateTime.of(2026, 5, 31, 13, 5));
    vars.put("tags", "ignored: not a supported input");
    vars.put("other", "not on this form");
    assertThat(FormValues.toRaw(FORM, vars))
        .containsExactly(
            Map.entry("name", "ร.ร. ที่นี่ 🙂"),
            Map.entry("count", "18"),
            Map.entry("ratio", "2.5"),
            Map.entry("done", "true"),
            Map.entry("level", "very_good"),
            Map.entry("day", "2026-05-31"),
            Map.entry("at", "09:05"),
            Map.entry("when", "2026-05-31T13:05"));
  }

  @Test
  void nullVariablesFallBackToDefaultsAndOtherTypesAreConverted() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("name", null);
    vars.put("done", "false");
    vars.put(
        "day",
        Date.from(LocalDate.of(2026, 5, 31).atStartOfDay(ZoneId.systemDefault()).toInstant()));
    vars.put("count", 1e21);
    Map<String, String> raw = FormValues.toRaw(FORM, vars);
    assertThat(raw)
        .containsEntry("name", "โรงเรียนบ้านหนองบัว")
        .containsEntry("done", "")
        .containsEntry("day", "2026-05-31")
        .containsEntry("count", "1000000000000000000000");
  }

  @Test
  void roundTripsThroughTheValidator() {
    FormSchema form = new FormCatalog().get("MakePlans");
    Map<String, String[]> sent =
        TestForms.params(
            "developmentPlanPeriod",
            "2568–2571",
            "actionPlanSummary",
            "แผน",
            "actionPlanProjectCount",
            "7");
    FormResult first = new FormValidator().validate(form, sent);
    Map<String, String> raw = FormValues.toRaw(form, first.values());
    Map<String, String[]> again = new HashMap<>();
    raw.forEach((k, v) -> again.put(k, new String[] {v}));
    assertThat(new FormValidator().validate(form, again).values()).isEqualTo(first.values());
  }

  @Test
  void displayValues() {
    Locale th = Locale.forLanguageTag("th-TH");
    FormComponent level = FORM.input("level").orElseThrow();
    assertThat(level.displayValue("very_good", th)).isEqualTo("ดีเลิศ");
    assertThat(level.displayValue("unknown", th)).isEqualTo("unknown");
    assertThat(level.displayValue("", th)).isNull();
    assertThat(FORM.input("day").orElseThrow().displayValue("2026-05-31", th))
        .isEqualTo("31 พ.ค. 2569");
    assertThat(FORM.input("day").orElseThrow().displayValue("2026-05-31", Locale.ENGLISH))
        .isEqualTo("31 May 2026");
    assertThat(FORM.input("day").orElseThrow().displayValue("not a date", th))
        .isEqualTo("not a date");
    assertThat(FORM.input("at").orElseThrow().displayValue("09:05", th)).isEqualTo("09:05 น.");
    assertThat(FORM.input("when").orElseThrow().displayValue("2026-05-31T13:05", th))
        .isEqualTo("31 พ.ค. 2569 13:05 น.");
    assertThat(FORM.input("ratio").orElseThrow().displayValue(2.50d, th)).isEqualTo("2.5");
    assertThat(FORM.input("name").orElseThrow().displayLines("บรรทัดหนึ่ง\r\nบรรทัดสอง", th))
        .containsExactly("บรรทัดหนึ่ง", "บรรทัดสอง");
  }
}
