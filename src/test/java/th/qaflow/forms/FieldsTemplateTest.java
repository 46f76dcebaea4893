package th.qaflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Renders templates/forms/fields.html with a standalone engine, as the application's would. */
class FieldsTemplateTest {

  static final Locale THAI = Locale.forLanguageTag("th-TH");

  static SpringTemplateEngine engine;
  final FormValidator validator = new FormValidator();

  @BeforeAll
  static void engine() {
    ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
    files.setPrefix("templates/");
    files.setSuffix(".html");
    files.setTemplateMode(TemplateMode.HTML);
    files.setCharacterEncoding("UTF-8");
    files.setCheckExistence(true);
    files.setOrder(1);
    StringTemplateResolver inline = new StringTemplateResolver();
    inline.setTemplateMode(TemplateMode.HTML);
    inline.setOrder(2);
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/forms");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    engine = new SpringTemplateEngine();
    engine.addTemplateResolver(files);
    engine.addTemplateResolver(inline);
    engine.setTemplateEngineMessageSource(messages);
  }

  static String fields(FormSchema schema, Map<String, ?> raw, Object errors, Locale locale) {
    Context ctx = new Context(locale);
    ctx.setVariable("schema", schema);
    ctx.setVariable("raw", raw);
    ctx.setVariable("errors", errors);
    return engine.process(
        "<form method=\"post\"><th:block th:replace=\"~{forms/fields :: fields(${schema}, ${raw}, ${errors})}\"/></form>",
        ctx);
  }

  static String readonly(FormSchema schema, Map<String, ?> values, Locale locale) {
    Context ctx = new Context(locale);
    ctx.setVariable("schema", schema);
    ctx.setVariable("values", values);
    return engine.process(
        "<div th:replace=\"~{forms/fields :: readonly(${schema}, ${values})}\"></div>", ctx);
  }

  /** The opening tag of the element with this id, white space collapsed. */
  static String tag(String html, String id) {
    Matcher m =
        Pattern.compile("<[a-z]+\\s[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    assertThat(m.find()).as("element #" + id + " in\n" + html).isTrue();
    return m.group().replaceAll("\\s+", " ");
  }

  /**
   * The form in Thai as a task shows it: choices the task supplies ({@code valuesKey}) get one
   * option each, so a checklist of them has a box to render.
   */
  static String fieldsWithOptions(FormSchema schema) {
    Map<String, Object> options = new java.util.HashMap<>();
    for (FormComponent c : schema.inputs()) {
      if (c.valuesKey() != null) {
        options.put(c.valuesKey(), List.of(Map.of("label", "ตัวเลือก", "value", "option1")));
      }
    }
    Context ctx = new Context(THAI);
    ctx.setVariable("schema", schema);
    ctx.setVariable("raw", FormValues.toRaw(schema, null));
    ctx.setVariable("errors", null);
    ctx.setVariable("context", FormContext.of(options));
    return engine.process(
        "<form method=\"post\"><th:block th:replace=\"~{forms/fields :: fieldsIn(${schema}, ${raw},"
            + " ${errors}, ${context})}\"/></form>",
        ctx);
  }

  @Test
  void rendersAllFormsWithoutErrors() {
    for (FormSchema schema : new FormCatalog().all()) {
      String html = fieldsWithOptions(schema);
      for (String key : schema.keys()) {
        assertThat(html).as(schema.id() + " " + key).contains("name=\"" + key + "\"");
      }
      assertThat(html).doesNotContain("??");
    }
  }

  @Test
  void showsTheErrorNextToTheFieldAndKeepsWhatWasTyped() {
    FormSchema plans = new FormCatalog().get("MakePlans");
    FormResult result =
        validator.validate(
            plans,
            TestForms.params(
                "developmentPlanPeriod", "2568 ถึง 2571",
                "actionPlanSummary", "โครงการ <b>ยกระดับ</b> ผลสัมฤทธิ์",
                "projects[0].projectName", "โครงการรักการอ่าน",
                "projects[0].projectBudget", "12x"));
    assertThat(result.valid()).isFalse();

    String html = fields(plans, result.raw(), result.errors(), THAI);

    assertThat(tag(html, "f-developmentPlanPeriod"))
        .startsWith("<input type=\"text\"")
        .contains(
            "name=\"developmentPlanPeriod\"",
            "value=\"2568 ถึง 2571\"",
            "required",
            "maxlength=\"20\"",
            "aria-invalid=\"true\"",
            "aria-describedby=\"f-developmentPlanPeriod-desc f-developmentPlanPeriod-error\"");
    assertThat(html)
        .containsPattern(
            "(?s)id=\"f-developmentPlanPeriod\".*?>\\s*"
                + "<p class=\"field-error\" id=\"f-developmentPlanPeriod-error\"><span>รูปแบบข้อมูลไม่ถูกต้อง");
    assertThat(html)
        .contains("<label for=\"f-developmentPlanPeriod\">ช่วงปีของแผนพัฒนาการจัดการศึกษา (พ.ศ.)");
    assertThat(html)
        .contains("id=\"f-developmentPlanPeriod-desc\">ปีเริ่มต้นและปีสิ้นสุด เช่น 2568–2571</p>");

    // a valid field keeps its text, escaped, and is not marked invalid
    assertThat(html).contains(">โครงการ &lt;b&gt;ยกระดับ&lt;/b&gt; ผลสัมฤทธิ์</textarea>");
    assertThat(html).doesNotContain("f-actionPlanSummary-error");
    assertThat(tag(html, "f-actionPlanSummary"))
        .contains("aria-describedby=\"f-actionPlanSummary-desc\"")
        .doesNotContain("aria-invalid", "-error");

    // inside a list row: the row's typed values are kept and the error sits next to the row's field
    assertThat(tag(html, "f-projects-0-projectBudget"))
        .contains(
            "type=\"text\"",
            "name=\"projects[0].projectBudget\"",
            "value=\"12x\"",
            "inputmode=\"decimal\"",
            "aria-invalid=\"true\"");
    assertThat(html)
        .contains("id=\"f-projects-0-projectBudget-error\"><span>กรุณากรอกเป็นตัวเลข</span></p>");
    assertThat(tag(html, "f-projects-0-projectName")).contains("value=\"โครงการรักการอ่าน\"");
  }

  @Test
  void messagesWithArgumentsAndEnglish() {
    FormSchema plans = new FormCatalog().get("MakePlans");
    FormResult result =
        validator.validate(plans, TestForms.params("projects[0].projectBudget", "100000001"));

    String thai = fields(plans, result.raw(), result.errors(), THAI);
    assertThat(thai)
        .contains(
            "id=\"f-projects-0-projectBudget-error\"><span>ต้องไม่มากกว่า 100,000,000</span>");
    assertThat(thai)
        .contains("id=\"f-actionPlanSummary-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>");

    String english = fields(plans, result.raw(), result.errors(), Locale.ENGLISH);
    assertThat(english).contains("<label for=\"f-projects-0-projectBudget\">Budget (baht)");
    assertThat(english)
        .contains(
            "id=\"f-projects-0-projectBudget-error\"><span>Must be at most 100,000,000</span>");
    assertThat(english)
        .contains("<strong>Make the development plan and the annual action plan</strong>");
    assertThat(english).doesNotContain("กรุณา");

    FormSchema standards = new FormCatalog().get("SetStandards");
    assertThat(fields(standards, null, null, Locale.ENGLISH))
        .contains(
            "<option value=\"\" selected=\"selected\">— Please choose —</option>",
            "<option value=\"moe2561\">Education standards B.E. 2561 (2018)</option>");
  }

  @Test
  void textComponentIsEscapedParagraphs() {
    FormSchema schema =
        TestForms.withComponents(
            """
        {"type": "text", "id": "Field_t", "text": "# หัวข้อ <script>alert(1)</script>\\n\\nบรรทัด 1\\nบรรทัด <img src=x onerror=alert(1)>"}
        """);
    String html = fields(schema, null, null, THAI);
    assertThat(html).doesNotContain("<script").doesNotContain("<img");
    assertThat(html)
        .contains(
            "<p class=\"form-text-heading\"><strong>หัวข้อ &lt;script&gt;alert(1)&lt;/script&gt;</strong></p>");
    assertThat(html).contains("<p>บรรทัด 1<br>บรรทัด &lt;img src=x onerror=alert(1)&gt;</p>");
  }

  @Test
  void choicesCheckboxAndDates() {
    FormSchema review = new FormCatalog().get("BoardApproveSar");
    Map<String, String> raw = Map.of("boardDecision", "return", "boardMeetingDate", "2026-05-12");
    String html = fields(review, raw, Map.of(), Locale.ENGLISH);
    assertThat(html).contains("<fieldset class=\"form-field form-radios\" id=\"f-boardDecision\">");
    assertThat(html).containsPattern("<legend>Board resolution<span class=\"form-required\"");
    assertThat(tag(html, "f-boardDecision-1"))
        .contains(
            "type=\"radio\"", "name=\"boardDecision\"", "value=\"return\"", "checked", "required");
    assertThat(tag(html, "f-boardDecision-0"))
        .contains("value=\"approve\"")
        .doesNotContain("checked");
    assertThat(html).contains("<label for=\"f-boardDecision-1\">Return for revision</label>");
    assertThat(tag(html, "f-boardMeetingDate"))
        .contains("type=\"date\"", "name=\"boardMeetingDate\"", "value=\"2026-05-12\"", "required");

    FormSchema submit = new FormCatalog().get("SubmitSar");
    String checkbox = fields(submit, Map.of("sarSubmittedToESar", "true"), null, THAI);
    assertThat(tag(checkbox, "f-sarSubmittedToESar"))
        .contains("type=\"checkbox\"", "value=\"true\"", "name=\"sarSubmittedToESar\"", "checked")
        .doesNotContain("required");
    assertThat(checkbox)
        .contains(
            "<label for=\"f-sarSubmittedToESar\">อัปโหลดรายงานในระบบ e-SAR ของ สพฐ. แล้ว</label>");

    FormSchema standards = new FormCatalog().get("SetStandards");
    String select = fields(standards, FormValues.toRaw(standards, null), null, THAI);
    assertThat(select)
        .contains(
            "<option value=\"moe2561\" selected=\"selected\">มาตรฐานการศึกษา พ.ศ. 2561</option>");
  }

  @Test
  void readonlyShowsLabelsDatesAndLinks() {
    FormSchema board = new FormCatalog().get("BoardApproveSar");
    String thai =
        readonly(
            board,
            Map.of(
                "boardDecision", "return",
                "boardComments", "ดีมาก\r\nควรเพิ่มหลักฐาน <ภาคผนวก>",
                "boardMeetingDate", "2026-05-12"),
            THAI);
    assertThat(thai)
        .contains("<dt>มติคณะกรรมการสถานศึกษาขั้นพื้นฐาน</dt>", "<dd>ส่งกลับให้แก้ไข</dd>");
    assertThat(thai).contains("<dd>ดีมาก<br>ควรเพิ่มหลักฐาน &lt;ภาคผนวก&gt;</dd>");
    assertThat(thai).contains("<dd>12 พ.ค. 2569</dd>");
    assertThat(thai)
        .contains(
            "<dt>มติที่ประชุมครั้งที่</dt>", "<dd class=\"form-readonly-empty\">ไม่ได้ระบุ</dd>");

    String english =
        readonly(
            board,
            Map.of(
                "boardDecision",
                "approve",
                "boardComments",
                "hidden when approving",
                "boardMeetingDate",
                "2026-05-12"),
            Locale.ENGLISH);
    assertThat(english)
        .contains("<dd>Approve</dd>", "<dd>12 May 2026</dd>")
        .doesNotContain("hidden when approving");

    FormSchema publish = new FormCatalog().get("PublishSar");
    String links =
        readonly(
            publish,
            Map.of(
                "sarPublishedAs",
                "link",
                "sarPublicLink",
                "https://school.example/sar.pdf?a=1&b=2"),
            THAI);
    assertThat(links).contains("<a href=\"https://school.example/sar.pdf?a=1&amp;b=2\"");
    String notALink =
        readonly(
            publish,
            Map.of("sarPublishedAs", "link", "sarPublicLink", "javascript:alert(1)"),
            THAI);
    assertThat(notALink)
        .doesNotContain("href=\"javascript")
        .contains("<dd>javascript:alert(1)</dd>");

    FormSchema draft = new FormCatalog().get("DraftSar");
    String file =
        readonly(
            draft,
            Map.of(
                "sarAnnexesComplete",
                false,
                "sarFile",
                Map.of("versionId", "v-1", "filename", "SAR <2569>.pdf")),
            THAI);
    assertThat(file)
        .contains("href=\"/documents/v-1\"", ">SAR &lt;2569&gt;.pdf</a>", "<dd>ไม่ใช่</dd>");
  }
}
