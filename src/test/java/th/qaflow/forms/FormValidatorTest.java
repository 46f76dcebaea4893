package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.forms.TestForms.params;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormValidatorTest {

  final FormValidator validator = new FormValidator();

  static FieldError error(String code, Object... args) {
    return FieldError.of(code, args);
  }

  FormResult validate(String componentJson, String... keysAndValues) {
    return validator.validate(TestForms.withComponents(componentJson), params(keysAndValues));
  }

  @Nested
  class Text {
    static final String FIELD =
        """
        {"type": "textfield", "id": "F", "key": "t", "validate": {"required": true, "minLength": 3, "maxLength": 5}}""";

    @Test
    void trimsAndKeepsTheRest() {
      FormResult r = validate(FIELD, "t", "  abc \t");
      assertThat(r.valid()).isTrue();
      assertThat(r.values()).containsEntry("t", "abc");
      assertThat(r.raw()).containsEntry("t", java.util.List.of("  abc \t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00A0\u3000", "\u200B \uFEFF"})
    void blankIsMissing(String blank) {
      FormResult r = validate(FIELD, "t", blank);
      assertThat(r.errors()).containsEntry("t", java.util.List.of(error(FieldError.REQUIRED)));
      assertThat(r.raw()).containsEntry("t", java.util.List.of(blank));
      assertThat(validate(FIELD).errorsOf("t")).containsExactly(error(FieldError.REQUIRED));
    }

    @Test
    void lengthLimits() {
      assertThat(validate(FIELD, "t", "ab").errorsOf("t"))
          .containsExactly(error(FieldError.MIN_LENGTH, 3));
      assertThat(validate(FIELD, "t", "abcdef").errorsOf("t"))
          .containsExactly(error(FieldError.MAX_LENGTH, 5));
      assertThat(validate(FIELD, "t", "abcde").valid()).isTrue();
    }

    @Test
    void controlCharactersAreRefusedNextToTheField() {
      String textfield =
          """
          {"type": "textfield", "id": "F", "key": "t"}""";
      String textarea =
          """
          {"type": "textarea", "id": "F", "key": "t"}""";
      for (String bad : new String[] {"a\u0000b", "a\u001B[31mb", "a\u007Fb", "a\u0085b"}) {
        assertThat(validate(textfield, "t", bad).errorsOf("t"))
            .containsExactly(error(FieldError.SINGLE_LINE));
        assertThat(validate(textarea, "t", bad).errorsOf("t"))
            .containsExactly(error(FieldError.CONTROL_CHARACTERS));
      }
      // a single-line field takes no line break or tab; a textarea does
      assertThat(validate(textfield, "t", "a\r\nb").errorsOf("t"))
          .containsExactly(error(FieldError.SINGLE_LINE));
      assertThat(validate(textfield, "t", "a\tb").errorsOf("t"))
          .containsExactly(error(FieldError.SINGLE_LINE));
      FormResult multiLine = validate(textarea, "t", "บรรทัด 1\r\n\tบรรทัด 2");
      assertThat(multiLine.valid()).isTrue();
      assertThat(multiLine.values().get("t")).isEqualTo("บรรทัด 1\r\n\tบรรทัด 2");
    }

    @Test
    void thaiCombiningMarksCountAsCodePointsAndAreKeptExactly() {
      String word = "ที่นี่"; // ท ี ่ น ี ่ : six code points, four of them combining marks
      assertThat(word.codePointCount(0, word.length())).isEqualTo(6);
      String field =
          """
          {"type": "textarea", "id": "F", "key": "t", "validate": {"maxLength": 6}}""";
      FormResult ok = validate(field, "t", " " + word + " ");
      assertThat(ok.values().get("t")).isEqualTo(word);
      assertThat(validate(field, "t", word + "ๆ").errorsOf("t"))
          .containsExactly(error(FieldError.MAX_LENGTH, 6));
    }

    @Test
    void emojiAreOneCharacterEachAndKeptExactly() {
      String family = "👩‍👩‍👧"; // woman ZWJ woman ZWJ girl: five code points, eight UTF-16 units
      String text = "ครอบครัว " + family + " ✅"; // 8 + 1 + 5 + 1 + 1 = 16 code points
      String field =
          """
          {"type": "textarea", "id": "F", "key": "t", "validate": {"maxLength": 16}}""";
      FormResult r = validate(field, "t", text);
      assertThat(r.valid()).isTrue();
      assertThat(r.values().get("t")).isEqualTo(text);
      assertThat(validate(field, "t", text + "!").errorsOf("t"))
          .containsExactly(error(FieldError.MAX_LENGTH, 16));
      assertThat(validate(field, "t", "🙂".repeat(16)).valid()).isTrue();
      assertThat(validate(field, "t", "🙂".repeat(17)).errorsOf("t"))
          .containsExactly(error(FieldError.MAX_LENGTH, 16));
    }

    @Test
    void aBrowserLineBreakCountsOnceAndIsKept() {
      String field =
          """
          {"type": "textarea", "id": "F", "key": "t", "validate": {"maxLength": 3}}""";
      FormResult r = validate(field, "t", "a\r\nb");
      assertThat(r.valid()).isTrue();
      assertThat(r.values().get("t")).isEqualTo("a\r\nb");
    }

    @Test
    void neverLongerThanCamundaCanStore() {
      String field =
          """
          {"type": "textarea", "id": "F", "key": "t"}""";
      assertThat(validate(field, "t", "ก".repeat(4000)).valid()).isTrue();
      assertThat(validate(field, "t", "ก".repeat(4001)).errorsOf("t"))
          .containsExactly(error(FieldError.MAX_LENGTH, FormValidator.STRING_STORAGE_LIMIT));
      String generous =
          """
          {"type": "textarea", "id": "F", "key": "t", "validate": {"maxLength": 5000}}""";
      assertThat(validate(generous, "t", "ก".repeat(4001)).errorsOf("t"))
          .containsExactly(error(FieldError.MAX_LENGTH, FormValidator.STRING_STORAGE_LIMIT));
    }

    @Test
    void pattern() {
      String field =
          """
          {"type": "textfield", "id": "F", "key": "period", "validate": {"pattern": "^\\\\d{4}\\\\s*[–-]\\\\s*\\\\d{4}$"}}""";
      assertThat(validate(field, "period", "2568–2571").values())
          .containsEntry("period", "2568–2571");
      assertThat(validate(field, "period", " 2568 - 2571 ").values())
          .containsEntry("period", "2568 - 2571");
      assertThat(validate(field, "period", "2568/2571").errorsOf("period"))
          .containsExactly(error(FieldError.PATTERN));
      assertThat(validate(field, "period", "").valid())
          .as("optional and blank: no pattern check")
          .isTrue();
    }

    @Test
    void patternIsASearchLikeFormJs() {
      String field =
          """
          {"type": "textfield", "id": "F", "key": "t", "validate": {"pattern": "ab"}}""";
      assertThat(validate(field, "t", "xaby").valid()).isTrue();
    }

    @Test
    void emailAndPhone() {
      String email =
          """
          {"type": "textfield", "id": "F", "key": "e", "validate": {"validationType": "email"}}""";
      assertThat(validate(email, "e", "qa@school.ac.th").valid()).isTrue();
      assertThat(validate(email, "e", "qa@school").errorsOf("e"))
          .containsExactly(error(FieldError.EMAIL));
      String phone =
          """
          {"type": "textfield", "id": "F", "key": "p", "validate": {"validationType": "phone"}}""";
      assertThat(validate(phone, "p", "081-234-5678").valid()).isTrue();
      assertThat(validate(phone, "p", "โทร 02").errorsOf("p"))
          .containsExactly(error(FieldError.PHONE));
    }
  }

  @Nested
  class Numbers {
    static final String FIELD =
        """
        {"type": "number", "id": "F", "key": "n", "validate": {"required": true, "min": 0, "max": 500}}""";

    @ParameterizedTest
    @CsvSource({"0,0", "18,18", "+7,7", "500,500", "12.0,12", "1e2,100", "๑๒,12", "-0,0"})
    void wholeNumbersAreLong(String typed, long expected) {
      FormResult r = validate(FIELD, "n", typed);
      assertThat(r.errors()).isEmpty();
      assertThat(r.values().get("n")).isEqualTo(expected);
    }

    @Test
    void fractionsAreDouble() {
      assertThat(validate(FIELD, "n", "2.5").values().get("n")).isEqualTo(2.5d);
      assertThat(validate(FIELD, "n", ".25").values().get("n")).isEqualTo(0.25d);
    }

    @Test
    void bounds() {
      assertThat(validate(FIELD, "n", "-1").errorsOf("n"))
          .containsExactly(error(FieldError.MIN, new java.math.BigDecimal("0")));
      assertThat(validate(FIELD, "n", "500.5").errorsOf("n"))
          .containsExactly(error(FieldError.MAX, new java.math.BigDecimal("500")));
      assertThat(validate(FIELD, "n", "501").raw()).containsEntry("n", java.util.List.of("501"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "12x",
          "NaN",
          "Infinity",
          "-Infinity",
          "1,000",
          "0x10",
          "1e",
          "--1",
          "1e9999",
          "½"
        })
    void notANumber(String typed) {
      FormResult r = validate(FIELD, "n", typed);
      assertThat(r.errorsOf("n")).containsExactly(error(FieldError.NUMBER));
      assertThat(r.values()).doesNotContainKey("n");
      assertThat(r.raw()).containsEntry("n", java.util.List.of(typed));
    }

    @Test
    void hugeWholeNumbersBecomeDouble() {
      String unbounded =
          """
          {"type": "number", "id": "F", "key": "n"}""";
      assertThat(validate(unbounded, "n", "1e30").values().get("n")).isEqualTo(1e30);
    }

    @Test
    void decimalDigits() {
      String whole =
          """
          {"type": "number", "id": "F", "key": "n", "decimalDigits": 0}""";
      assertThat(validate(whole, "n", "3.5").errorsOf("n"))
          .containsExactly(error(FieldError.DECIMAL_DIGITS, 0));
      assertThat(validate(whole, "n", "3.00").values().get("n")).isEqualTo(3L);
      String cents =
          """
          {"type": "number", "id": "F", "key": "n", "decimalDigits": 2}""";
      assertThat(validate(cents, "n", "3.25").values().get("n")).isEqualTo(3.25d);
      assertThat(validate(cents, "n", "3.125").errorsOf("n"))
          .containsExactly(error(FieldError.DECIMAL_DIGITS, 2));
    }

    @Test
    void blankOptionalIsNull() {
      FormResult r =
          validate(
              """
          {"type": "number", "id": "F", "key": "n"}""",
              "n",
              " ");
      assertThat(r.valid()).isTrue();
      assertThat(r.values()).containsEntry("n", null);
    }
  }

  @Nested
  class Choices {
    static final String SELECT =
        """
        {"type": "select", "id": "F", "key": "level", "validate": {"required": true},
         "values": [{"label": "ยอดเยี่ยม", "value": "excellent"}, {"label": "ดี", "value": "good"}]}""";
    static final String RADIO =
        """
        {"type": "radio", "id": "R", "key": "decision",
         "values": [{"label": "เห็นชอบ", "value": "approve"}, {"label": "ส่งกลับ", "value": "return"}]}""";

    @Test
    void mustBeAnOption() {
      assertThat(validate(SELECT, "level", "good").values()).containsEntry("level", "good");
      assertThat(validate(SELECT, "level", "ดี").errorsOf("level"))
          .containsExactly(error(FieldError.OPTION));
      assertThat(validate(SELECT, "level", "GOOD").errorsOf("level"))
          .containsExactly(error(FieldError.OPTION));
      assertThat(validate(SELECT, "level", "").errorsOf("level"))
          .containsExactly(error(FieldError.REQUIRED_CHOICE));
      assertThat(validate(RADIO, "decision", "return").values())
          .containsEntry("decision", "return");
      assertThat(validate(RADIO, "decision", "delete").errorsOf("decision"))
          .containsExactly(error(FieldError.OPTION));
      assertThat(validate(RADIO).values()).containsEntry("decision", null);
    }

    /** A choice is chosen, not typed: its own "please choose" message, not "please fill in". */
    @Test
    void aRequiredChoiceLeftEmptySaysPleaseChoose() {
      String requiredRadio =
          RADIO.replace(
              "\"key\": \"decision\",",
              "\"key\": \"decision\", \"validate\": {\"required\": true},");
      assertThat(requiredRadio).contains("required");
      assertThat(validate(requiredRadio).errorsOf("decision"))
          .containsExactly(error(FieldError.REQUIRED_CHOICE));
      assertThat(validate(SELECT).errorsOf("level"))
          .containsExactly(error(FieldError.REQUIRED_CHOICE));
      assertThat(validate(Text.FIELD).errorsOf("t")).containsExactly(error(FieldError.REQUIRED));
    }
  }

  @Nested
  class Checkbox {
    static final String OPTIONAL =
        """
        {"type": "checkbox", "id": "F", "key": "done"}""";
    static final String REQUIRED =
        """
        {"type": "checkbox", "id": "F", "key": "agree", "validate": {"required": true}}""";

    @Test
    void absentIsFalse() {
      FormResult r = validate(OPTIONAL);
      assertThat(r.valid()).isTrue();
      assertThat(r.values()).containsEntry("done", false);
      assertThat(r.raw()).containsEntry("done", java.util.List.of(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "on", "TRUE"})
    void checked(String sent) {
      FormResult r = validate(OPTIONAL, "done", sent);
      assertThat(r.values()).containsEntry("done", true);
      assertThat(r.raw()).containsEntry("done", java.util.List.of("true"));
    }

    @Test
    void hiddenFalseBeforeTheBoxIsAllowed() {
      Map<String, String[]> sent = Map.of("done", new String[] {"false", "true"});
      assertThat(validator.validate(TestForms.withComponents(OPTIONAL), sent).values())
          .containsEntry("done", true);
      assertThat(validate(OPTIONAL, "done", "false").values()).containsEntry("done", false);
    }

    @Test
    void requiredMeansTicked() {
      assertThat(validate(REQUIRED).errorsOf("agree")).containsExactly(error(FieldError.REQUIRED));
      assertThat(validate(REQUIRED, "agree", "true").valid()).isTrue();
    }
  }

  @Nested
  class Dates {
    static final String DATE =
        """
        {"type": "datetime", "subtype": "date", "id": "F", "key": "d", "validate": {"required": true}}""";
    static final String TIME =
        """
        {"type": "datetime", "subtype": "time", "id": "F", "key": "t"}""";
    static final String DATETIME =
        """
        {"type": "datetime", "subtype": "datetime", "id": "F", "key": "dt"}""";

    @Test
    void isoDate() {
      assertThat(validate(DATE, "d", "2026-05-31").values()).containsEntry("d", "2026-05-31");
      assertThat(validate(DATE, "d", "๒๐๒๖-๐๕-๓๑").values()).containsEntry("d", "2026-05-31");
      assertThat(validate(DATE, "d", "2024-02-29").valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "2026-02-30",
          "2025-02-29",
          "31/05/2026",
          "2026-5-31",
          "2026-13-01",
          "tomorrow",
          "2026-05-31T10:00",
          "1850-01-01"
        })
    void badDates(String typed) {
      FormResult r = validate(DATE, "d", typed);
      assertThat(r.errorsOf("d")).containsExactly(error(FieldError.DATE));
      assertThat(r.raw()).containsEntry("d", java.util.List.of(typed));
    }

    @Test
    void buddhistEraYearIsExplained() {
      assertThat(validate(DATE, "d", "2569-05-31").errorsOf("d"))
          .containsExactly(error(FieldError.DATE_BUDDHIST_ERA, "2026"));
    }

    @Test
    void time() {
      assertThat(validate(TIME, "t", "09:30").values()).containsEntry("t", "09:30");
      assertThat(validate(TIME, "t", "09:30:15").values()).containsEntry("t", "09:30");
      assertThat(validate(TIME, "t", "24:00").errorsOf("t"))
          .containsExactly(error(FieldError.TIME));
      assertThat(validate(TIME, "t", "9.30").errorsOf("t")).containsExactly(error(FieldError.TIME));
    }

    @Test
    void dateAndTime() {
      assertThat(validate(DATETIME, "dt", "2026-05-31T13:05").values())
          .containsEntry("dt", "2026-05-31T13:05");
      assertThat(validate(DATETIME, "dt", "2026-05-31T13:05:59").values())
          .containsEntry("dt", "2026-05-31T13:05");
      assertThat(validate(DATETIME, "dt", "2026-05-31 13:05").errorsOf("dt"))
          .containsExactly(error(FieldError.DATETIME));
      assertThat(validate(DATETIME, "dt", "2026-02-30T13:05").errorsOf("dt"))
          .containsExactly(error(FieldError.DATETIME));
      assertThat(validate(DATETIME, "dt", "2569-05-31T13:05").errorsOf("dt"))
          .containsExactly(error(FieldError.DATE_BUDDHIST_ERA, "2026"));
    }
  }

  @Test
  void ignoresParametersThatAreNotFieldsOfTheForm() {
    FormSchema form =
        TestForms.withComponents(
            """
        {"type": "text", "id": "Intro", "text": "อธิบาย"}""",
            """
        {"type": "textfield", "id": "A", "key": "a"}""",
            """
        {"type": "textfield", "id": "Ro", "key": "locked", "readonly": true}""",
            """
        {"type": "textfield", "id": "Di", "key": "off", "disabled": true}""");
    Map<String, String[]> sent =
        new HashMap<>(
            params(
                "a",
                "x",
                "_csrf",
                "token",
                "action",
                "complete",
                "processDefinitionId",
                "evil",
                "locked",
                "changed",
                "off",
                "changed",
                "Intro",
                "x"));
    FormResult r = validator.validate(form, sent);
    assertThat(r.valid()).isTrue();
    assertThat(r.values()).containsOnlyKeys("a");
    assertThat(r.raw()).containsOnlyKeys("a");
  }

  @Test
  void unknownTypesAreNeverValidated() {
    FormSchema form =
        TestForms.withComponents(
            """
        {"type": "expression", "id": "T", "key": "tags", "validate": {"required": true}}""",
            """
        {"type": "table", "id": "G", "components": [{"type": "textfield", "id": "I", "key": "inner", "validate": {"required": true}}]}""");
    FormResult r = validator.validate(form, params("tags", "x"));
    assertThat(r.valid()).isTrue();
    assertThat(r.values()).isEmpty();
    assertThat(validator.validate(form, null).valid()).isTrue();
  }

  @Test
  void usesTheFirstValueOfARepeatedParameter() {
    FormResult r =
        validator.validate(
            TestForms.withComponents(
                """
        {"type": "textfield", "id": "A", "key": "a"}"""),
            Map.of("a", new String[] {"first", "second"}));
    assertThat(r.values()).containsEntry("a", "first");
  }

  @Test
  void keepsEverythingTypedWhenThereAreErrors() {
    FormSchema form =
        TestForms.withComponents(
            """
        {"type": "textfield", "id": "A", "key": "name", "validate": {"required": true}}""",
            """
        {"type": "number", "id": "B", "key": "count", "validate": {"max": 5}}""",
            """
        {"type": "textarea", "id": "C", "key": "notes"}""");
    FormResult r =
        validator.validate(form, params("name", "", "count", "７", "notes", "  <b>หมายเหตุ</b>\n"));
    assertThat(r.valid()).isFalse();
    assertThat(r.errors()).containsOnlyKeys("name", "count");
    assertThat(r.raw())
        .containsEntry("name", java.util.List.of(""))
        .containsEntry("count", java.util.List.of("７"))
        .containsEntry("notes", java.util.List.of("  <b>หมายเหตุ</b>\n"));
    assertThat(r.values())
        .containsEntry("notes", "<b>หมายเหตุ</b>")
        .doesNotContainKeys("name", "count");
  }

  @Test
  void aCompleteSchoolFormBecomesTypedVariables() {
    FormSchema board = new FormCatalog().get("BoardEndorseStandards");
    FormResult r =
        validator.validate(
            board,
            params(
                "endorsementDecision", "approve",
                "endorsementComments", "",
                "endorsementMeetingDate", "2025-05-28",
                "endorsementResolutionNo", " 2/2568 "));
    assertThat(r.valid()).isTrue();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("endorsementDecision", "approve");
    expected.put("endorsementComments", null); // cleared, in case an earlier round had comments
    expected.put("endorsementMeetingDate", "2025-05-28");
    expected.put("endorsementResolutionNo", "2/2568");
    assertThat(r.values()).containsExactlyEntriesOf(expected);
  }
}
