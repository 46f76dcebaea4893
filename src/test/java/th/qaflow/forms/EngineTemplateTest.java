package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.forms.EngineForms.context;
import static th.qaflow.forms.EngineForms.pdf;
import static th.qaflow.forms.EngineForms.validParams;
import static th.qaflow.forms.EngineForms.variables;
import static th.qaflow.forms.FieldsTemplateTest.THAI;
import static th.qaflow.forms.FieldsTemplateTest.tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;

/**
 * Renders forms-test/Engine.form through forms/fields.html: groups, lists, choices, files,
 * conditions.
 */
class EngineTemplateTest {

  final FormSchema form = EngineForms.form();
  final FormValidator validator = new FormValidator();

  @BeforeAll
  static void engine() {
    FieldsTemplateTest.engine();
  }

  static String fields(
      FormSchema schema, Map<String, ?> raw, Object errors, FormContext ctx, Locale locale) {
    Context c = new Context(locale);
    c.setVariable("schema", schema);
    c.setVariable("raw", raw);
    c.setVariable("errors", errors);
    c.setVariable("context", ctx);
    return FieldsTemplateTest.engine.process(
        "<form method=\"post\"><th:block th:replace=\"~{forms/fields :: fieldsIn(${schema}, ${raw}, ${errors}, ${context})}\"/></form>",
        c);
  }

  static String readonly(FormSchema schema, Map<String, ?> values, FormContext ctx, Locale locale) {
    Context c = new Context(locale);
    c.setVariable("schema", schema);
    c.setVariable("values", values);
    c.setVariable("context", ctx);
    return FieldsTemplateTest.engine.process(
        "<div th:replace=\"~{forms/fields :: readonlyIn(${schema}, ${values}, ${context})}\"></div>",
        c);
  }

  @Test
  void aFreshFormWithSeededRowsGroupsChoicesAndFiles() {
    Map<String, Object> vars = variables();
    vars.put("sarFile", Map.of("versionId", "v-123", "filename", "รายงาน <SAR>.pdf"));
    vars.put("decision", "approve");
    String html = fields(form, FormValues.initial(form, vars), null, FormContext.of(vars), THAI);

    // the group: a fieldset with a legend, its inputs named g.key
    assertThat(html)
        .containsPattern("<fieldset class=\"form-group\" id=\"f-plan\">\\s*<legend>แผน</legend>");
    assertThat(tag(html, "f-plan-period"))
        .contains("name=\"plan.period\"", "required", "maxlength=\"20\"");
    assertThat(html).contains("<label for=\"f-plan-period\">ช่วงปี");
    // a group without a path: its inputs at the top level
    assertThat(tag(html, "f-note")).contains("name=\"note\"");

    // seeded rows, read-only cells escaped, options from valuesKey
    assertThat(html)
        .contains("<legend>รายการที่ 1</legend>", "<legend>รายการที่ 3</legend>")
        .doesNotContain("รายการที่ 4");
    assertThat(tag(html, "f-assessment-0-standardLabel"))
        .contains(
            "name=\"assessment[0].standardLabel\"",
            "value=\"มาตรฐานที่ 1 คุณภาพของผู้เรียน &lt;script&gt;\"",
            "readonly");
    assertThat(html).doesNotContain("<script>");
    assertThat(html)
        .containsPattern(
            "(?s)id=\"f-assessment-0-targetLevel\"[^>]*disabled.*?<option value=\"4\" selected=\"selected\">ดีเลิศ</option>");
    assertThat(tag(html, "f-assessment-2-achievedLevel"))
        .contains("name=\"assessment[2].achievedLevel\"");
    assertThat(html).contains("<input type=\"hidden\" name=\"assessment[0]\" value=\"\">");
    // a fixed list has no add/remove buttons and no template
    assertThat(html).doesNotContain("data-add-row=\"assessment\"");

    // the add/remove list: one default row, a template row with the index placeholder
    assertThat(tag(html, "f-projects-0-name")).contains("name=\"projects[0].name\"");
    assertThat(html).contains("<template class=\"form-list-template\">");
    assertThat(tag(html, "f-projects-__INDEX__-name"))
        .contains("name=\"projects[__INDEX__].name\"");
    assertThat(html).contains("<legend>รายการที่ __NUMBER__</legend>");
    assertThat(tag(html, "f-projects-0-contact-email"))
        .contains("name=\"projects[0].contact.email\"");
    assertThat(html).contains("data-add-row=\"projects\"", "data-remove-row=\"\"");

    // checklist from valuesKey, taglist as a multiple select
    assertThat(html)
        .contains("<fieldset class=\"form-field form-checklist\" id=\"f-standardsServed\">");
    assertThat(tag(html, "f-standardsServed-0"))
        .contains("type=\"checkbox\"", "name=\"standardsServed\"", "value=\"BASIC-1.1\"");
    assertThat(html)
        .contains("<label for=\"f-standardsServed-1\">1.2 คุณลักษณะที่พึงประสงค์</label>");
    assertThat(tag(html, "f-tags")).contains("multiple", "name=\"tags\"");

    // file pickers: the current file as a link, not required again; accept passed on
    assertThat(tag(html, "f-sarFile"))
        .contains("type=\"file\"", "name=\"sarFile\"", "accept=\".pdf,.docx\"")
        .doesNotContain("required");
    assertThat(html).contains("<a href=\"/documents/v-123\">รายงาน &lt;SAR&gt;.pdf</a>");
    assertThat(tag(html, "f-annexes")).contains("multiple");
    assertThat(tag(html, "f-assessment-1-evidenceFile"))
        .contains("name=\"assessment[1].evidenceFile\"", "accept=\".pdf,image/*\"");

    // conditions at render: comments hidden (decision approve); the warning hidden while no level
    // is chosen
    assertThat(html)
        .containsPattern(
            Pattern.quote("<div class=\"form-node\" data-path=\"comments\"")
                + " hidden(=\"hidden\")?>");
    assertThat(html)
        .containsPattern(
            Pattern.quote("<div class=\"form-node\" data-path=\"assessment[0].Warn\"")
                + " hidden(=\"hidden\")?>");
    assertThat(html).contains("<div class=\"form-node\" data-path=\"decision\">");
    assertThat(html).contains("<hr class=\"form-separator\">");
    // text stays escaped
    assertThat(html).contains("<strong>แบบทดสอบ &lt;b&gt;หนา&lt;/b&gt;</strong>");
    assertThat(html).doesNotContain("??");
  }

  @Test
  void afterErrorsEveryRowAndValueIsShownAgainWithItsError() {
    Map<String, String[]> p = new LinkedHashMap<>(validParams());
    p.put("decision", new String[] {"return"});
    p.put("assessment[0].achievedLevel", new String[] {"3"});
    p.put("projects[4].name", new String[] {"ที่นี่ 👩‍👩‍👧"});
    p.put("projects[4].standards", new String[] {"S2"});
    p.put("projects[4].budget", new String[] {"12x"});
    FormResult r = validator.validate(form, new FormSubmission(p, Map.of()), context());
    assertThat(r.valid()).isFalse();
    String html = fields(form, r.raw(), r.errors(), context(), THAI);

    assertThat(html).contains("<div class=\"form-node\" data-path=\"comments\">");
    assertThat(html).contains("id=\"f-comments-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>");
    assertThat(html).contains("<div class=\"form-node\" data-path=\"assessment[0].Warn\">");
    assertThat(html)
        .containsPattern(
            Pattern.quote("<div class=\"form-node\" data-path=\"assessment[1].Warn\"")
                + " hidden(=\"hidden\")?>");
    assertThat(tag(html, "f-assessment-0-reason"))
        .contains("aria-invalid=\"true\"", "aria-describedby=\"f-assessment-0-reason-error\"");
    assertThat(html)
        .contains("id=\"f-assessment-0-reason-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>");
    assertThat(html)
        .containsPattern(
            "(?s)id=\"f-assessment-0-achievedLevel\".*?<option value=\"3\" selected=\"selected\">ดี</option>");
    assertThat(tag(html, "f-projects-4-name")).contains("value=\"ที่นี่ 👩‍👩‍👧\"");
    assertThat(tag(html, "f-projects-4-budget")).contains("value=\"12x\"", "aria-invalid=\"true\"");
    assertThat(html).contains("id=\"f-projects-4-budget-error\"><span>กรุณากรอกเป็นตัวเลข</span>");
    assertThat(tag(html, "f-projects-4-standards-1")).contains("value=\"S2\"", "checked");
    assertThat(tag(html, "f-projects-4-standards-0")).doesNotContain("checked");
    assertThat(tag(html, "f-standardsServed-0")).contains("checked");
    assertThat(tag(html, "f-standardsServed-1")).contains("checked");
    assertThat(html).contains("id=\"f-sarFile-error\"><span>กรุณาแนบไฟล์</span>");
    assertThat(html).contains("<legend>รายการที่ 5</legend>");
  }

  @Test
  void englishLabelsAndAcademicYearMessage() {
    Map<String, String[]> p = new LinkedHashMap<>(validParams());
    p.put("meetingDate", new String[] {"2027-06-01"});
    FormResult r =
        validator.validate(
            form,
            new FormSubmission(p, Map.of("sarFile", List.of(pdf("a.pdf")))),
            new FormContext(variables(), null, Locale.ENGLISH));
    String html = fields(form, r.raw(), r.errors(), context(), Locale.ENGLISH);
    assertThat(html)
        .contains(
            "<span>The date must fall within the academic year, from 16 May 2026 to 15 May 2027</span>");
    assertThat(html)
        .contains(
            "<option value=\"5\">Excellent</option>",
            "<label for=\"f-standardsServed-0\">1.1 Academic achievement</label>");
    assertThat(html).contains("<legend>Item 1</legend>", "<strong>Test form</strong>");

    FormResult thai =
        validator.validate(
            form, new FormSubmission(p, Map.of("sarFile", List.of(pdf("a.pdf")))), context());
    assertThat(fields(form, thai.raw(), thai.errors(), context(), THAI))
        .contains("<span>วันที่ต้องอยู่ในปีการศึกษา ระหว่าง 16 พ.ค. 2569 ถึง 15 พ.ค. 2570</span>");
  }

  @Test
  void readonlyShowsNestedValues() {
    FormResult r =
        validator.validate(
            form,
            new FormSubmission(validParams(), Map.of("sarFile", List.of(pdf("a.pdf")))),
            context());
    Map<String, Object> stored = new LinkedHashMap<>(r.values());
    stored.put("sarFile", "v-9");
    stored.put(
        "annexes", List.of(Map.of("versionId", "v-10", "filename", "ภาคผนวก ก.pdf"), "v-11"));
    String html = readonly(form, stored, context(), THAI);
    assertThat(html)
        .contains(
            "<dt>แผน</dt>",
            "<dl class=\"form-readonly form-readonly-group\">",
            "<dt>ช่วงปี</dt>",
            "<dd>2568–2571</dd>",
            "<dd>ดีเลิศ</dd>");
    assertThat(html)
        .contains(
            "<ul class=\"form-readonly-choices\"><li>1.1 ผลสัมฤทธิ์ทางวิชาการ</li><li>1.2 คุณลักษณะที่พึงประสงค์</li></ul>");
    assertThat(html).contains("<ol class=\"form-readonly-rows\">");
    assertThat(html)
        .contains("<dd>มาตรฐานที่ 1 คุณภาพของผู้เรียน &lt;script&gt;</dd>")
        .doesNotContain("<script>");
    assertThat(html).contains("<dd>โครงการรักการอ่าน</dd>", "<dd>15000</dd>", "<li>มาตรฐาน 1</li>");
    assertThat(html).contains("<a href=\"/documents/v-9\">เอกสาร v-9</a>");
    assertThat(html)
        .contains(
            "<a href=\"/documents/v-10\">ภาคผนวก ก.pdf</a>",
            "<a href=\"/documents/v-11\">เอกสาร v-11</a>");
    // hidden by its condition (decision approve): not shown
    assertThat(html).doesNotContain("<dt>ความเห็น</dt>");
    // the reason of a row at its target is hidden; empty values say so
    assertThat(html).doesNotContain("<dt>เหตุผล</dt>");
    assertThat(html).contains("<dd class=\"form-readonly-empty\">ไม่ได้ระบุ</dd>");

    // the old two-argument fragment still works with flat values
    assertThat(
            FieldsTemplateTest.readonly(
                form, Map.of("decision", "return", "comments", "แก้"), Locale.ENGLISH))
        .contains("<dd>Return</dd>", "<dd>แก้</dd>");
  }
}
