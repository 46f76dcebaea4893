package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormSchemaParserTest {

  static final Locale THAI = Locale.forLanguageTag("th");

  @Test
  void readsAModelerForm() {
    FormSchema form =
        FormSchemaParser.parse(
            """
        {
          "components": [
            {"text": "# งาน\\n\\nอธิบาย", "type": "text", "id": "Field_intro",
             "layout": {"row": "Row_1", "columns": null}, "properties": {"text_en": "# Task"}},
            {"label": "มติ", "type": "radio", "id": "Field_r", "key": "decision",
             "description": "เลือกหนึ่งข้อ", "values": [{"label": "เห็นชอบ", "value": "approve"}, {"label": "ส่งกลับ", "value": "return"}],
             "validate": {"required": true},
             "properties": {"label_en": "Decision", "description_en": "Pick one", "option_en.approve": "Approve"}},
            {"label": "จำนวน", "type": "number", "id": "Field_n", "key": "count", "decimalDigits": 0, "increment": "1",
             "defaultValue": 3, "validate": {"min": 0, "max": "500"}},
            {"subtype": "date", "dateLabel": "วันที่", "type": "datetime", "id": "Field_d", "key": "when",
             "properties": {"label_en": "Date"}},
            {"subtype": "time", "timeLabel": "เวลา", "use24h": true, "type": "datetime", "id": "Field_t", "key": "at"},
            {"label": "ข้อความ", "type": "textfield", "id": "Field_x", "key": "note", "readonly": true,
             "validate": {"minLength": "2", "maxLength": 10, "pattern": "^a", "validationType": "custom"},
             "somethingNew": {"nested": [1, 2]}, "conditional": {"hide": "=false"}}
          ],
          "type": "default", "id": "Example", "schemaVersion": 16,
          "exporter": {"name": "Camunda Modeler", "version": "5.31.0"},
          "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0"
        }
        """);

    assertThat(form.id()).isEqualTo("Example");
    assertThat(form.schemaVersion()).isEqualTo(16);
    assertThat(form.executionPlatformVersion()).isEqualTo("7.24.0");
    assertThat(form.keys()).containsExactly("decision", "count", "when", "at", "note");

    FormComponent intro = form.components().get(0);
    assertThat(intro.isInput()).isFalse();
    assertThat(intro.textBlocks(THAI))
        .containsExactly(
            new FormComponent.TextBlock(true, List.of("งาน")),
            new FormComponent.TextBlock(false, List.of("อธิบาย")));
    assertThat(intro.textBlocks(Locale.ENGLISH))
        .containsExactly(new FormComponent.TextBlock(true, List.of("Task")));

    FormComponent radio = form.input("decision").orElseThrow();
    assertThat(radio.isRequired()).isTrue();
    assertThat(radio.labelFor(THAI)).isEqualTo("มติ");
    assertThat(radio.labelFor(Locale.ENGLISH)).isEqualTo("Decision");
    assertThat(radio.descriptionFor(Locale.ENGLISH)).isEqualTo("Pick one");
    assertThat(radio.values())
        .containsExactly(
            new FormOption("approve", "เห็นชอบ", "Approve"),
            new FormOption("return", "ส่งกลับ", null));
    assertThat(radio.values().get(1).labelFor(Locale.ENGLISH))
        .as("falls back to Thai")
        .isEqualTo("ส่งกลับ");

    FormComponent number = form.input("count").orElseThrow();
    assertThat(number.validate().min()).isEqualByComparingTo("0");
    assertThat(number.validate().max()).isEqualByComparingTo(new BigDecimal("500"));
    assertThat(number.decimalDigits()).isZero();
    assertThat(number.defaultValue()).isEqualTo(3L);
    assertThat(number.labelFor(Locale.ENGLISH)).as("no English label: Thai").isEqualTo("จำนวน");

    FormComponent date = form.input("when").orElseThrow();
    assertThat(date.label()).isEqualTo("วันที่");
    assertThat(date.labelEn()).isEqualTo("Date");
    assertThat(date.subtype()).isEqualTo("date");
    assertThat(date.htmlInputType()).isEqualTo("date");
    FormComponent time = form.input("at").orElseThrow();
    assertThat(time.label()).isEqualTo("เวลา");
    assertThat(time.htmlInputType()).isEqualTo("time");

    FormComponent text = form.input("note").orElseThrow();
    assertThat(text.validate())
        .isEqualTo(new FormValidation(false, null, null, 2, 10, "^a", "custom"));
    assertThat(text.readonly()).isTrue();
    assertThat(text.isEditable()).isFalse();
  }

  @Test
  void datetimeWithoutSubtypeIsADate() {
    FormComponent c =
        TestForms.withComponents(
                """
        {"type": "datetime", "id": "F", "key": "d", "dateLabel": "วันที่"}""")
            .components()
            .get(0);
    assertThat(c.subtype()).isEqualTo("date");
  }

  @Test
  void unknownTypesAreKeptButNotInputs() {
    FormSchema form =
        TestForms.withComponents(
            """
        {"type": "table", "id": "G", "label": "กลุ่ม", "components": [{"type": "textfield", "id": "In", "key": "inner"}]}""",
            """
        {"type": "expression", "id": "T", "key": "tags", "values": [{"label": "a", "value": "a"}]}""",
            """
        {"type": "spacer", "id": "S"}""");
    assertThat(form.components())
        .extracting(FormComponent::type)
        .containsExactly("table", "expression", "spacer");
    assertThat(form.components()).noneMatch(FormComponent::isSupported);
    assertThat(form.inputs()).isEmpty();
    assertThat(form.components().get(0).components())
        .extracting(FormComponent::key)
        .containsExactly("inner");
  }

  @Test
  void feelExpressionsInBoundsAreIgnored() {
    FormComponent c =
        TestForms.withComponents(
                """
        {"type": "number", "id": "N", "key": "n", "validate": {"min": "=minimum", "max": 10}}""")
            .components()
            .get(0);
    assertThat(c.validate().min()).isNull();
    assertThat(c.validate().max()).isEqualByComparingTo("10");
  }

  @Test
  void malformedJsonSaysWhere() {
    assertThatThrownBy(
            () ->
                FormSchemaParser.parse(
                    new ByteArrayInputStream(
                        "{\n  \"id\": \"X\",\n  \"components\": [ }"
                            .getBytes(StandardCharsets.UTF_8)),
                    "forms/X.form"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageStartingWith("Form forms/X.form is not valid JSON at line 3");
  }

  @Test
  void rejectsTrailingGarbageAndDuplicateProperties() {
    assertThatThrownBy(() -> FormSchemaParser.parse("{\"id\": \"X\", \"components\": []} x"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () -> FormSchemaParser.parse("{\"id\": \"X\", \"id\": \"Y\", \"components\": []}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("Duplicate field 'id'");
  }

  @Test
  void rejectsStructuresQaFlowCannotUse() {
    assertThatThrownBy(() -> FormSchemaParser.parse("[]"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> FormSchemaParser.parse("{\"components\": []}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("has no \"id\"");
    assertThatThrownBy(() -> FormSchemaParser.parse("{\"id\": \"X\"}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("Form X")
        .hasMessageContaining("no \"components\"");
    assertThatThrownBy(() -> TestForms.withComponents("{\"id\": \"F\"}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("components[0] has no \"type\"");
    assertThatThrownBy(
            () ->
                TestForms.withComponents(
                    "{\"type\": \"textfield\", \"id\": \"A\", \"key\": \"k\"}",
                    "{\"type\": \"textarea\", \"id\": \"B\", \"key\": \"k\"}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("component B repeats the key \"k\"");
    assertThatThrownBy(
            () ->
                TestForms.withComponents(
                    "{\"type\": \"textfield\", \"id\": \"A\", \"key\": \"bad key\"}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("invalid key");
    assertThatThrownBy(
            () ->
                TestForms.withComponents(
                    "{\"type\": \"textfield\", \"id\": \"A\", \"key\": \"k\", \"validate\": {\"pattern\": \"[a-\"}}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("component A has a pattern");
    assertThatThrownBy(
            () ->
                TestForms.withComponents(
                    "{\"type\": \"number\", \"id\": \"A\", \"key\": \"k\", \"validate\": {\"min\": \"ten\"}}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("validate.min \"ten\" is not a number");
    assertThatThrownBy(
            () ->
                TestForms.withComponents(
                    "{\"type\": \"select\", \"id\": \"A\", \"key\": \"k\", \"values\": [{\"label\": \"x\"}]}"))
        .isInstanceOf(FormSchemaException.class)
        .hasMessageContaining("option without a value");
  }

  @Test
  void doesNotCloseTheCallersStream() {
    var closed = new boolean[1];
    var in =
        new ByteArrayInputStream(
            "{\"id\": \"X\", \"components\": []}".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    assertThat(FormSchemaParser.parse(in).id()).isEqualTo("X");
    assertThat(closed[0]).isFalse();
  }
}
