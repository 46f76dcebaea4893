package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.qaflow.forms.EngineForms.context;
import static th.qaflow.forms.EngineForms.pdf;
import static th.qaflow.forms.EngineForms.validParams;
import static th.qaflow.forms.EngineForms.variables;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Groups, lists, choices from variables, file pickers and FEEL conditions, on
 * forms-test/Engine.form.
 */
class FormEngineTest {

  final FormSchema form = EngineForms.form();
  final FormValidator validator = new FormValidator();

  static FieldError error(String code, Object... args) {
    return FieldError.of(code, args);
  }

  FormResult validate(
      Map<String, String[]> params, Map<String, List<UploadedFile>> files, FormContext ctx) {
    return validator.validate(form, new FormSubmission(params, files), ctx);
  }

  FormResult validate(Map<String, String[]> params) {
    return validate(params, Map.of("sarFile", List.of(pdf("sar.pdf"))), context());
  }

  static Map<String, String[]> with(Map<String, String[]> params, String... keysAndValues) {
    Map<String, String[]> p = new LinkedHashMap<>(params);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] == null) {
        p.remove(keysAndValues[i]);
      } else {
        p.put(keysAndValues[i], new String[] {keysAndValues[i + 1]});
      }
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  static <T> T at(Map<String, Object> values, String path) {
    Object current = values;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket >= 0) {
        current = ((Map<String, Object>) current).get(part.substring(0, bracket));
        current =
            ((List<Object>) current)
                .get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      } else {
        current = ((Map<String, Object>) current).get(part);
      }
    }
    return (T) current;
  }

  @Nested
  class Parsing {
    @Test
    void everyNewComponent() {
      assertThat(form.variables())
          .containsExactly(
              "decision",
              "comments",
              "meetingDate",
              "plan",
              "note",
              "standardsServed",
              "tags",
              "assessment",
              "projects",
              "sarFile",
              "annexes");
      assertThat(form.keys()).contains("note").doesNotContain("plan", "period");
      FormComponent plan = form.components().get(4);
      assertThat(plan.isPathGroup()).isTrue();
      assertThat(plan.components())
          .extracting(FormComponent::key)
          .containsExactly("period", "budget", "level");
      assertThat(plan.components().get(1).validate().maxExpression()).isEqualTo("maxBudget");
      assertThat(plan.components().get(1).validate().max()).isNull();
      assertThat(plan.components().get(2).valuesKey()).isEqualTo("levelOptions");

      FormComponent assessment = form.components().get(9);
      assertThat(assessment.isList()).isTrue();
      assertThat(assessment.allowAddRemove()).isFalse();
      assertThat(assessment.rowsFrom()).containsExactly("targets", "ownStandards");
      assertThat(assessment.components().get(3).hide()).startsWith("not(achievedLevel != null");
      FormComponent projects = form.components().get(10);
      assertThat(projects.allowAddRemove()).isTrue();
      assertThat(projects.defaultRepetitions()).isEqualTo(1);
      FormComponent sar = form.components().get(11);
      assertThat(sar.accept()).isEqualTo(".pdf,.docx");
      assertThat(sar.multiple()).isFalse();
      assertThat(form.components().get(12).multiple()).isTrue();
      assertThat(form.components().get(6).isMultiChoice()).isTrue();
      assertThat(form.components().get(7).type()).isEqualTo("taglist");
      assertThat(form.components().get(8).type()).isEqualTo("separator");
      assertThat(form.components()).allMatch(FormComponent::isSupported);
      assertThat(form.components().get(3).withinAcademicYear()).isTrue();
    }

    @Test
    void keysAreUniquePerRowAndGroupButNotAcrossThem() {
      FormSchema twoLists =
          TestForms.withComponents(
              """
          {"type": "dynamiclist", "id": "A", "path": "a", "components": [{"type": "textfield", "id": "A1", "key": "name"}]}""",
              """
          {"type": "dynamiclist", "id": "B", "path": "b", "components": [{"type": "textfield", "id": "B1", "key": "name"}]}""",
              """
          {"type": "textfield", "id": "C", "key": "name"}""");
      assertThat(twoLists.variables()).containsExactly("a", "b", "name");
      assertThatThrownBy(
              () ->
                  TestForms.withComponents(
                      """
          {"type": "dynamiclist", "id": "A", "path": "a", "components": [
            {"type": "textfield", "id": "A1", "key": "x"}, {"type": "number", "id": "A2", "key": "x"}]}"""))
          .isInstanceOf(FormSchemaException.class)
          .hasMessageContaining("component A2 repeats the key \"x\"");
      assertThatThrownBy(
              () ->
                  TestForms.withComponents(
                      "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"a\"}",
                      "{\"type\": \"group\", \"id\": \"G\", \"path\": \"a\", \"components\": []}"))
          .isInstanceOf(FormSchemaException.class)
          .hasMessageContaining("repeats the key or path \"a\"");
    }

    @Test
    void rejectsBrokenFeelAndListsWithoutPath() {
      assertThatThrownBy(
              () ->
                  TestForms.withComponents(
                      "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"a\", \"conditional\": {\"hide\": \"=a = \"}}"))
          .isInstanceOf(FormSchemaException.class)
          .hasMessageContaining("component T: conditional.hide")
          .hasMessageContaining("not valid FEEL");
      assertThatThrownBy(
              () ->
                  TestForms.withComponents(
                      "{\"type\": \"textfield\", \"id\": \"T\", \"key\": \"a\", \"conditional\": {\"hide\": \"a = 1\"}}"))
          .isInstanceOf(FormSchemaException.class)
          .hasMessageContaining("must start with =");
      assertThatThrownBy(
              () ->
                  TestForms.withComponents(
                      "{\"type\": \"number\", \"id\": \"N\", \"key\": \"n\", \"validate\": {\"max\": \"=1 +\"}}"))
          .isInstanceOf(FormSchemaException.class)
          .hasMessageContaining("validate.max");
      assertThatThrownBy(
              () ->
                  TestForms.withComponents(
                      "{\"type\": \"dynamiclist\", \"id\": \"L\", \"components\": []}"))
          .isInstanceOf(FormSchemaException.class)
          .hasMessageContaining("dynamic list without a \"path\"");
    }
  }

  @Nested
  class Values {
    @Test
    void aValidSubmissionGivesNestedValues() {
      FormResult r = validate(validParams());
      assertThat(r.errors()).isEmpty();
      Map<String, Object> v = r.values();
      assertThat(v)
          .containsEntry("decision", "approve")
          .containsEntry("comments", null)
          .containsEntry("meetingDate", "2026-06-01")
          .containsEntry("note", "ดีมาก")
          .containsEntry("standardsServed", List.of("BASIC-1.1", "BASIC-1.2"))
          .containsEntry("tags", List.of("a"));
      assertThat(v.get("plan"))
          .isEqualTo(Map.of("period", "2568–2571", "budget", 500L, "level", "4"));

      List<Map<String, Object>> rows = at(v, "assessment");
      assertThat(rows).hasSize(3);
      assertThat(rows.get(0))
          .containsEntry("standardCode", "BASIC-1")
          .containsEntry("standardItems", "1.1 ผลสัมฤทธิ์")
          .containsEntry("standardLabel", "มาตรฐานที่ 1 คุณภาพของผู้เรียน <script>")
          .containsEntry("targetLevel", "4")
          .containsEntry("achievedLevel", "4")
          .doesNotContainKeys("reason", "districtNote");
      assertThat(rows.get(2))
          .containsEntry("standardCode", "OWN-1")
          .containsEntry("achievedLevel", "5");

      List<Map<String, Object>> projects = at(v, "projects");
      assertThat(projects).hasSize(1);
      assertThat(projects.get(0))
          .containsEntry("name", "โครงการรักการอ่าน")
          .containsEntry("budget", 15000L)
          .containsEntry("standards", List.of("S1", "S2"))
          .containsEntry("done", false)
          .containsEntry("contact", Map.of("email", "kru@school.ac.th"));
      assertThat(v.get("sarFile")).isEqualTo(pdf("sar.pdf"));
      assertThat(v).containsEntry("annexes", null);
    }

    @Test
    void fieldsNotInTheFormAreIgnored() {
      FormResult r =
          validate(
              with(
                  validParams(),
                  "evil",
                  "x",
                  "plan.evil",
                  "x",
                  "assessment[0].evil",
                  "x",
                  "projects[0].evil",
                  "x",
                  "Intro",
                  "x",
                  "Warn",
                  "x",
                  "assessment[0].Warn",
                  "x"));
      assertThat(r.valid()).isTrue();
      assertThat(r.values()).doesNotContainKeys("evil", "Intro", "Warn");
      assertThat((Map<String, Object>) at(r.values(), "plan")).doesNotContainKey("evil");
      assertThat((Map<String, Object>) at(r.values(), "assessment[0]"))
          .doesNotContainKeys("evil", "Warn");
      assertThat((Map<String, Object>) at(r.values(), "projects[0]")).doesNotContainKey("evil");
    }

    @Test
    void thaiCombiningCharactersAndEmojiInRowsAreKeptExactly() {
      String name = "ที่นี่ 👩‍👩‍👧 ✅ ครูผู้สอน";
      FormResult r = validate(with(validParams(), "projects[0].name", "  " + name + " "));
      assertThat((String) at(r.values(), "projects[0].name")).isEqualTo(name);
      assertThat(r.raw().get("projects[0].name")).containsExactly("  " + name + " ");
    }
  }

  @Nested
  class RulesInGroupsAndRows {
    @Test
    void everyRuleInsideAGroup() {
      assertThat(validate(with(validParams(), "plan.period", "")).errorsOf("plan.period"))
          .containsExactly(error(FieldError.REQUIRED));
      assertThat(validate(with(validParams(), "plan.period", "256")).errorsOf("plan.period"))
          .containsExactly(
              error(
                  FieldError.MIN_LENGTH, 4)); // patterns are not run over text of the wrong length
      assertThat(
              validate(with(validParams(), "plan.period", "2568 ถึง 2571 และต่อไปอีก"))
                  .errorsOf("plan.period"))
          .containsExactly(error(FieldError.MAX_LENGTH, 20));
      assertThat(validate(with(validParams(), "plan.period", "ปี 2568")).errorsOf("plan.period"))
          .containsExactly(error(FieldError.PATTERN));
      assertThat(validate(with(validParams(), "plan.budget", "-1")).errorsOf("plan.budget"))
          .containsExactly(error(FieldError.MIN, new BigDecimal("0")));
      assertThat(validate(with(validParams(), "plan.level", "9")).errorsOf("plan.level"))
          .containsExactly(error(FieldError.OPTION));
    }

    @Test
    void everyRuleInsideAListRow() {
      FormResult r =
          validate(
              with(
                  validParams(),
                  "assessment[1].achievedLevel",
                  "",
                  "assessment[2].achievedLevel",
                  "excellent",
                  "projects[0].name",
                  "ก".repeat(51),
                  "projects[0].budget",
                  "1000001",
                  "projects[0].contact.email",
                  "not-an-email"));
      assertThat(r.errorsOf("assessment[1].achievedLevel"))
          .containsExactly(error(FieldError.REQUIRED_CHOICE));
      assertThat(r.errorsOf("assessment[2].achievedLevel"))
          .containsExactly(error(FieldError.OPTION));
      assertThat(r.errorsOf("projects[0].name")).containsExactly(error(FieldError.MAX_LENGTH, 50));
      assertThat(r.errorsOf("projects[0].budget"))
          .containsExactly(error(FieldError.MAX, new BigDecimal("1000000")));
      assertThat(r.errorsOf("projects[0].contact.email")).containsExactly(error(FieldError.EMAIL));
      assertThat(
              validate(with(validParams(), "projects[0].budget", "-5"))
                  .errorsOf("projects[0].budget"))
          .containsExactly(error(FieldError.MIN, new BigDecimal("0")));
      Map<String, String[]> badChoice = new LinkedHashMap<>(validParams());
      badChoice.put("projects[0].standards", new String[] {"S1", "S9"});
      assertThat(validate(badChoice).errorsOf("projects[0].standards"))
          .containsExactly(error(FieldError.OPTION));
      assertThat(
              validate(with(validParams(), "projects[0].name", " ")).errorsOf("projects[0].name"))
          .containsExactly(error(FieldError.REQUIRED));
    }

    @Test
    void checklistRequiredAndOptionsFromTheVariable() {
      assertThat(validate(with(validParams(), "standardsServed", null)).errorsOf("standardsServed"))
          .containsExactly(error(FieldError.REQUIRED_CHOICE));
      assertThat(
              validate(with(validParams(), "standardsServed", "BASIC-9"))
                  .errorsOf("standardsServed"))
          .containsExactly(error(FieldError.OPTION));
      Map<String, Object> noOptions = variables();
      noOptions.remove("standardOptions");
      assertThat(
              validate(
                      validParams(),
                      Map.of("sarFile", List.of(pdf("a.pdf"))),
                      FormContext.of(noOptions))
                  .errorsOf("standardsServed"))
          .containsExactly(error(FieldError.OPTION));
      assertThat(validate(with(validParams(), "tags", "z")).errorsOf("tags"))
          .containsExactly(error(FieldError.OPTION));
    }

    @Test
    void keepsEveryRowAndMultiValueTypedWhenThereAreErrors() {
      Map<String, String[]> p =
          with(
              validParams(),
              "plan.period",
              "",
              "projects[3].name",
              "โครงการที่สอง",
              "projects[3].budget",
              "12x");
      p.put("projects[3].standards", new String[] {"S2", "S1"});
      FormResult r = validate(p);
      assertThat(r.valid()).isFalse();
      assertThat(r.raw().get("standardsServed")).containsExactly("BASIC-1.1", "BASIC-1.2");
      assertThat(r.raw().get("projects[3].standards")).containsExactly("S2", "S1");
      assertThat(r.raw().get("projects[3].budget")).containsExactly("12x");
      assertThat(r.raw())
          .containsKeys(
              "projects[0]",
              "projects[3]",
              "assessment[0]",
              "assessment[2]",
              "assessment[0].standardLabel",
              "assessment[0].targetLevel");
      assertThat(r.raw().get("assessment[0].standardLabel"))
          .containsExactly("มาตรฐานที่ 1 คุณภาพของผู้เรียน <script>");
      assertThat(r.errorsOf("projects[3].budget")).containsExactly(error(FieldError.NUMBER));
    }
  }

  @Nested
  class Conditions {
    @Test
    void hiddenFieldIsNeitherRequiredNorStored() {
      FormResult approve = validate(with(validParams(), "comments", "ข้อความที่ไม่ควรเก็บ"));
      assertThat(approve.valid()).isTrue();
      assertThat(approve.values()).containsEntry("comments", null);
      assertThat(approve.raw().get("comments")).containsExactly("ข้อความที่ไม่ควรเก็บ");

      FormResult ret = validate(with(validParams(), "decision", "return"));
      assertThat(ret.errorsOf("comments")).containsExactly(error(FieldError.REQUIRED));
      FormResult withComments =
          validate(with(validParams(), "decision", "return", "comments", "แก้ไขเป้าหมาย"));
      assertThat(withComments.values()).containsEntry("comments", "แก้ไขเป้าหมาย");
    }

    @Test
    void rowConditionReadsTheRowsFieldsAndTheSeed() {
      // row 0: target 4 (from the seed), achieved 3: the reason is required
      FormResult below = validate(with(validParams(), "assessment[0].achievedLevel", "3"));
      assertThat(below.errorsOf("assessment[0].reason"))
          .containsExactly(error(FieldError.REQUIRED));
      assertThat(below.errors()).doesNotContainKeys("assessment[1].reason", "assessment[2].reason");
      FormResult tooShort =
          validate(
              with(
                  validParams(),
                  "assessment[0].achievedLevel",
                  "3",
                  "assessment[0].reason",
                  "สั้น"));
      assertThat(tooShort.errorsOf("assessment[0].reason"))
          .containsExactly(error(FieldError.MIN_LENGTH, 5));
      FormResult ok =
          validate(
              with(
                  validParams(),
                  "assessment[0].achievedLevel",
                  "3",
                  "assessment[0].reason",
                  "ครูย้ายกลางปี",
                  "assessment[1].reason",
                  "ไม่ควรเก็บ"));
      assertThat(ok.valid()).isTrue();
      assertThat((String) at(ok.values(), "assessment[0].reason")).isEqualTo("ครูย้ายกลางปี");
      assertThat((Map<String, Object>) at(ok.values(), "assessment[1]"))
          .doesNotContainKey("reason");

      Map<String, String[]> p = with(validParams(), "assessment[0].achievedLevel", "3");
      assertThat(new FormConditions().hiddenPaths(form, p, context()))
          .contains("comments", "assessment[1].Warn", "assessment[2].Warn", "assessment[1].reason")
          .doesNotContain("assessment[0].Warn", "assessment[0].reason", "decision");
    }

    @Test
    void rowConditionReadsAContextVariable() {
      assertThat(validate(validParams()).errors()).doesNotContainKey("assessment[0].districtNote");
      Map<String, Object> vars = variables();
      vars.put("needDistrictNote", true);
      FormResult r =
          validate(validParams(), Map.of("sarFile", List.of(pdf("a.pdf"))), FormContext.of(vars));
      assertThat(r.errorsOf("assessment[0].districtNote"))
          .containsExactly(error(FieldError.REQUIRED));
      assertThat(r.errorsOf("assessment[2].districtNote"))
          .containsExactly(error(FieldError.REQUIRED));
    }

    @Test
    void feelBounds() {
      assertThat(validate(with(validParams(), "plan.budget", "1500")).errorsOf("plan.budget"))
          .containsExactly(error(FieldError.MAX, new BigDecimal("1000")));
      assertThat(validate(with(validParams(), "note", "ยาวเกินสิบตัวอักษร")).errorsOf("note"))
          .containsExactly(error(FieldError.MAX_LENGTH, 10));
      assertThat(validate(with(validParams(), "note", "ก")).errorsOf("note"))
          .containsExactly(error(FieldError.MIN_LENGTH, 2));
      Map<String, Object> vars = variables();
      vars.put("maxBudget", 2000.5d);
      assertThat(
              validate(
                      with(validParams(), "plan.budget", "1500"),
                      Map.of("sarFile", List.of(pdf("a.pdf"))),
                      FormContext.of(vars))
                  .errorsOf("plan.budget"))
          .isEmpty();
      vars.remove("maxBudget"); // no value: no bound, as form-js
      assertThat(
              validate(
                      with(validParams(), "plan.budget", "99999"),
                      Map.of("sarFile", List.of(pdf("a.pdf"))),
                      FormContext.of(vars))
                  .errorsOf("plan.budget"))
          .isEmpty();
    }

    @Test
    void hiddenByAFieldOfTheSameGroup() {
      FormSchema f =
          TestForms.withComponents(
              """
          {"type": "group", "id": "G", "path": "g", "components": [
            {"type": "checkbox", "id": "C", "key": "other"},
            {"type": "textfield", "id": "T", "key": "detail", "validate": {"required": true}, "conditional": {"hide": "=not(g.other)"}}]}""");
      FormResult off = validator.validate(f, TestForms.params());
      assertThat(off.valid()).isTrue();
      assertThat(off.values().get("g")).isEqualTo(Map.of("other", false));
      assertThat(validator.validate(f, TestForms.params("g.other", "on")).errorsOf("g.detail"))
          .containsExactly(error(FieldError.REQUIRED));
    }
  }

  @Nested
  class SeededRows {
    @Test
    void clientCannotAddRemoveOrChangeReadonlyCells() {
      Map<String, String[]> p =
          with(
              validParams(),
              "assessment[3].achievedLevel",
              "5",
              "assessment[3].standardLabel",
              "มาตรฐานปลอม",
              "assessment[0].standardLabel",
              "เปลี่ยนแล้ว",
              "assessment[0].targetLevel",
              "1",
              "assessment[0].standardCode",
              "EVIL");
      FormResult r = validate(p);
      assertThat(r.valid()).isTrue();
      List<Map<String, Object>> rows = at(r.values(), "assessment");
      assertThat(rows).hasSize(3);
      assertThat(rows.get(0))
          .containsEntry("standardLabel", "มาตรฐานที่ 1 คุณภาพของผู้เรียน <script>")
          .containsEntry("targetLevel", "4")
          .containsEntry("standardCode", "BASIC-1");

      Map<String, String[]> removed = new LinkedHashMap<>(validParams());
      removed.remove("assessment[1].achievedLevel");
      assertThat(validate(removed).errorsOf("assessment[1].achievedLevel"))
          .containsExactly(error(FieldError.REQUIRED_CHOICE));
    }

    @Test
    void theListsOwnVariableWinsOverTheSeed() {
      Map<String, Object> vars = variables();
      vars.put(
          "assessment",
          List.of(
              EngineForms.map("standardLabel", "เดิม", "targetLevel", "2", "achievedLevel", "1")));
      FormResult r =
          validate(validParams(), Map.of("sarFile", List.of(pdf("a.pdf"))), FormContext.of(vars));
      List<Map<String, Object>> rows = at(r.values(), "assessment");
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0))
          .containsEntry("standardLabel", "เดิม")
          .containsEntry("achievedLevel", "4");
    }

    @Test
    void addRemoveListsOrderRowsByIndexAndLimitThem() {
      Map<String, String[]> p =
          with(
              validParams(),
              "projects[0]",
              null,
              "projects[0].name",
              null,
              "projects[0].budget",
              null,
              "projects[0].standards",
              null,
              "projects[0].contact.email",
              null,
              "projects[12].name",
              "สิบสอง",
              "projects[2].name",
              "สอง",
              "projects[007].name",
              "ไม่ใช่ดัชนี");
      FormResult r = validate(p);
      assertThat(r.valid()).isTrue();
      List<Map<String, Object>> rows = at(r.values(), "projects");
      assertThat(rows).extracting(m -> m.get("name")).containsExactly("สอง", "สิบสอง");

      Map<String, String[]> many = new LinkedHashMap<>(validParams());
      for (int i = 0; i < 205; i++) {
        many.put("projects[" + i + "].name", new String[] {"p" + i});
      }
      FormResult tooMany = validate(many);
      assertThat(tooMany.errorsOf("projects")).containsExactly(error(FieldError.ROWS, 200));
    }

    @Test
    void initialValuesSeedRowsAndDefaultRepetitions() {
      Map<String, Object> vars = variables();
      vars.put("standardsServed", List.of("BASIC-1.2"));
      vars.put("plan", Map.of("period", "2568–2571", "budget", 12L));
      Map<String, List<String>> raw = FormValues.initial(form, vars);
      assertThat(raw)
          .containsEntry("assessment[0]", List.of())
          .containsEntry("assessment[2]", List.of())
          .doesNotContainKey("assessment[3]")
          .containsEntry(
              "assessment[0].standardLabel", List.of("มาตรฐานที่ 1 คุณภาพของผู้เรียน <script>"))
          .containsEntry("assessment[2].targetLevel", List.of("5"))
          .containsEntry("projects[0]", List.of())
          .doesNotContainKey("projects[1]")
          .containsEntry("standardsServed", List.of("BASIC-1.2"))
          .containsEntry("plan.period", List.of("2568–2571"))
          .containsEntry("plan.budget", List.of("12"));
      assertThat(FormValues.toRaw(form, vars))
          .containsEntry("plan.budget", "12")
          .containsEntry("standardsServed", "BASIC-1.2");
    }
  }

  @Nested
  class Files {
    final Map<String, String[]> params = validParams();

    @Test
    void requiredIsMetByANewUploadOrTheCurrentValue() {
      assertThat(validate(params, Map.of(), context()).errorsOf("sarFile"))
          .containsExactly(error(FieldError.FILE_REQUIRED));
      Map<String, Object> vars = variables();
      vars.put("sarFile", "version-123");
      FormResult kept =
          validate(with(params, "sarFile", "version-evil"), Map.of(), FormContext.of(vars));
      assertThat(kept.valid()).isTrue();
      assertThat(kept.values()).containsEntry("sarFile", "version-123");
      FormResult replaced =
          validate(params, Map.of("sarFile", List.of(pdf("ใหม่.pdf"))), FormContext.of(vars));
      assertThat(replaced.values().get("sarFile")).isEqualTo(pdf("ใหม่.pdf"));
      // a text parameter never becomes a file picker's value
      assertThat(
              validate(with(params, "sarFile", "version-evil"), Map.of(), context())
                  .errorsOf("sarFile"))
          .containsExactly(error(FieldError.FILE_REQUIRED));
      // an empty part (no file chosen) is no upload
      assertThat(
              validate(
                      params,
                      Map.of(
                          "sarFile",
                          List.of(new UploadedFile("", "application/octet-stream", 0, null))),
                      context())
                  .errorsOf("sarFile"))
          .containsExactly(error(FieldError.FILE_REQUIRED));
    }

    @Test
    void acceptAndMultiple() {
      byte[] png = "png".getBytes(StandardCharsets.US_ASCII);
      UploadedFile image = new UploadedFile("photo.PNG", "image/png", png.length, png);
      UploadedFile exe = new UploadedFile("sar.exe", "application/octet-stream", 3, png);
      assertThat(validate(params, Map.of("sarFile", List.of(exe)), context()).errorsOf("sarFile"))
          .containsExactly(error(FieldError.FILE_TYPE, ".pdf,.docx"));
      assertThat(
              validate(
                      params,
                      Map.of("sarFile", List.of(new UploadedFile("SAR.DOCX", null, 3, png))),
                      context())
                  .errorsOf("sarFile"))
          .isEmpty();
      assertThat(
              validate(params, Map.of("sarFile", List.of(pdf("a.pdf"), pdf("b.pdf"))), context())
                  .errorsOf("sarFile"))
          .containsExactly(error(FieldError.TOO_MANY_FILES));
      FormResult annexes =
          validate(
              params,
              Map.of("sarFile", List.of(pdf("a.pdf")), "annexes", List.of(pdf("1.pdf"), image)),
              context());
      assertThat(annexes.valid()).isTrue();
      assertThat(annexes.values().get("annexes")).isEqualTo(List.of(pdf("1.pdf"), image));
      // in a row: "image/*" accepts by MIME type, ".pdf" by extension
      FormResult evidence =
          validate(
              params,
              Map.of(
                  "sarFile",
                  List.of(pdf("a.pdf")),
                  "assessment[1].evidenceFile",
                  List.of(image),
                  "assessment[2].evidenceFile",
                  List.of(exe)),
              context());
      assertThat((Object) at(evidence.values(), "assessment[1].evidenceFile")).isEqualTo(image);
      assertThat(evidence.errorsOf("assessment[2].evidenceFile"))
          .containsExactly(error(FieldError.FILE_TYPE, ".pdf,image/*"));
      // files for rows that do not exist are ignored
      FormResult ghost =
          validate(
              params,
              Map.of(
                  "sarFile", List.of(pdf("a.pdf")), "assessment[7].evidenceFile", List.of(image)),
              context());
      assertThat(ghost.valid()).isTrue();
      assertThat((List<?>) ghost.values().get("assessment")).hasSize(3);
    }

    @Test
    void uploadCheckErrorsAreShownOnTheField() {
      UploadCheck tooBig =
          file ->
              file.size() > 5 ? List.of(FieldError.of("document.error.tooLarge", 5)) : List.of();
      FormResult r =
          validator.validate(
              form,
              new FormSubmission(params, Map.of("sarFile", List.of(pdf("big.pdf")))),
              new FormContext(variables(), tooBig, Locale.ENGLISH));
      assertThat(r.errorsOf("sarFile")).containsExactly(error("document.error.tooLarge", 5));
    }
  }

  @Test
  void datesOutsideTheAcademicYear() {
    assertThat(validate(with(validParams(), "meetingDate", "2026-05-16")).errorsOf("meetingDate"))
        .isEmpty();
    assertThat(validate(with(validParams(), "meetingDate", "2027-05-15")).errorsOf("meetingDate"))
        .isEmpty();
    assertThat(validate(with(validParams(), "meetingDate", "2026-05-15")).errorsOf("meetingDate"))
        .containsExactly(error(FieldError.OUTSIDE_ACADEMIC_YEAR, "16 พ.ค. 2569", "15 พ.ค. 2570"));
    FormResult english =
        validator.validate(
            form,
            new FormSubmission(
                with(validParams(), "meetingDate", "2027-05-16"),
                Map.of("sarFile", List.of(pdf("a.pdf")))),
            new FormContext(variables(), null, Locale.ENGLISH));
    assertThat(english.errorsOf("meetingDate"))
        .containsExactly(error(FieldError.OUTSIDE_ACADEMIC_YEAR, "16 May 2026", "15 May 2027"));
    Map<String, Object> noYear = variables();
    noYear.remove("academicYear");
    assertThat(
            validate(
                    with(validParams(), "meetingDate", "2020-01-01"),
                    Map.of("sarFile", List.of(pdf("a.pdf"))),
                    FormContext.of(noYear))
                .errorsOf("meetingDate"))
        .isEmpty();
  }
}
