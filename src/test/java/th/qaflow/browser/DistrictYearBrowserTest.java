package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 5 end to end in a real browser on the demo data: the district officer finishes last year's
 * district cycle (synthesis → approval → report → good practices), the published synthesis is
 * public in Thai with its PDF; and a school's submitted SAR returned by its supervisor comes back
 * to the school with the comments. Same Spring configuration as {@link BrowserTest}, so the demo
 * context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class DistrictYearBrowserTest {
  static final String DISTRICT = "1099";

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  WebDriver browser;
  int year;

  @BeforeEach
  void useTheClassBrowser() {
    browser = chromium.driver();
    year =
        th.qaflow.kernel.AcademicYears.of(
                java.time.LocalDate.now(th.qaflow.kernel.AcademicYears.ZONE))
            - 1;
  }

  @Test
  void theDistrictOfficerRunsLastYearsDistrictCycleToTheEndAndThePublicSeesItInThai()
      throws Exception {
    String overview = "ภาพรวมสถานศึกษาในสังกัดมีผลการประเมินระดับดีเลิศขึ้นไป ปีการศึกษา " + year;
    String strengths = "ผู้เรียนมีทักษะการอ่าน การเขียน และการสื่อสารที่ดีขึ้น";
    String weaknesses = "ผลสัมฤทธิ์ทางวิชาการด้านคณิตศาสตร์ยังต่ำกว่าค่าเป้าหมาย";
    String recommendations = "ส่งเสริมการจัดการเรียนรู้เชิงรุกและการนิเทศภายในอย่างต่อเนื่อง";

    // the demo waits at the officer's synthesis of last year; the task page shows the generated
    // summary
    login("qaofficer");
    openTask(districtTask(DistrictQaCycleProcess.TASK_SYNTHESISE_SARS));
    WebElement panel =
        browser.findElement(By.cssSelector("section[aria-labelledby='synthesis-panel-title']"));
    assertThat(panel.getText())
        .contains("โรงเรียน")
        .contains("(1099010001)")
        .contains("(1099010006)")
        .doesNotContain("(1099010008)"); // school 8's SAR was never accepted
    assertThat(panel.findElements(By.cssSelector("table"))).isNotEmpty();
    browser.findElement(By.id("f-synthesisOverview")).sendKeys(overview);
    browser.findElement(By.id("f-synthesisStrengths")).sendKeys(strengths);
    browser.findElement(By.id("f-synthesisWeaknesses")).sendKeys(weaknesses);
    browser.findElement(By.id("f-synthesisRecommendations")).sendKeys(recommendations);
    submitTaskForm();

    // the supervision director approves
    login("supdirector");
    openTask(districtTask(DistrictQaCycleProcess.TASK_APPROVE_SYNTHESIS));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(overview);
    browser.findElement(By.cssSelector("input[name='synthesisDecision'][value='approve']")).click();
    submitTaskForm();

    // the district director reports to OBEC and the committee
    login("districtdirector");
    openTask(districtTask(DistrictQaCycleProcess.TASK_REPORT_SYNTHESIS));
    setDate("f-reportedToObecOn", java.time.LocalDate.now().minusDays(2).toString());
    setDate("f-reportedToCommitteeOn", java.time.LocalDate.now().minusDays(1).toString());
    browser.findElement(By.id("f-districtReportRef")).sendKeys("ศธ 04099/" + year);
    submitTaskForm();

    // published: the officer selects the good practices, and the district's year is done
    login("qaofficer");
    openTask(districtTask(DistrictQaCycleProcess.TASK_SELECT_GOOD_PRACTICES));
    browser
        .findElement(By.id("f-goodPractices"))
        .sendKeys("โรงเรียนบ้านท่าน้ำ: ชุมชนการเรียนรู้ทางวิชาชีพด้านการอ่าน");
    browser
        .findElement(By.id("f-goodPracticesSharing"))
        .sendKeys("เวทีแลกเปลี่ยนเรียนรู้ระดับเขตพื้นที่");
    submitTaskForm();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(DistrictQaCycleProcess.PROCESS_ID)
                .processInstanceBusinessKey(DistrictQaCycleProcess.businessKey(DISTRICT, year))
                .finished()
                .count())
        .isEqualTo(1);

    // anyone, without a login: the public page in Thai with the schools' SAR files, and its PDF
    browser.manage().deleteAllCookies();
    String page = "/public/districts/" + DISTRICT + "/synthesis/" + year;
    browser.get(url(page));
    assertThat(browser.getCurrentUrl()).doesNotContain("/login");
    String text = browser.findElement(By.tagName("main")).getText();
    assertThat(text).contains(overview, strengths, weaknesses, recommendations, "(1099010001)");
    List<WebElement> sars = browser.findElements(By.cssSelector("a[href*='" + page + "/sar/']"));
    assertThat(sars).as("schools 2, 4 and 6 published their SAR file").hasSize(3);
    assertThat(browser.findElements(By.cssSelector("a[href^='https://www.109901000']")))
        .as("schools 1, 3 and 5 link their website")
        .hasSize(3);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> sar =
        http.send(
            HttpRequest.newBuilder(URI.create(sars.get(0).getAttribute("href"))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(sar.statusCode()).isEqualTo(200);
    assertThat(new String(sar.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    // the school's Thai file name survives (RFC 5987), not dropped by the server as an invalid
    // header
    assertThat(sar.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            d ->
                assertThat(
                        java.net.URLDecoder.decode(
                            d.replaceFirst("(?s).*filename\\*=UTF-8''", ""),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .contains("รายงานการประเมินตนเอง")
                    .endsWith(".pdf"));

    String pdfHref =
        browser.findElement(By.cssSelector("a[href$='" + page + ".pdf']")).getAttribute("href");
    HttpResponse<byte[]> pdf =
        http.send(
            HttpRequest.newBuilder(URI.create(pdfHref)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String pdfText = new PDFTextStripper().getText(doc);
      assertThat(pdfText)
          .contains(
              overview,
              strengths,
              weaknesses,
              recommendations,
              "เผยแพร่แล้ว",
              "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุขใจ เขต 1");
    }
  }

  @Test
  void aSarReturnedByTheSupervisorComesBackToTheSchoolWithTheDistrictsComments() {
    // last year's school 8: its board returned the SAR; the school redrafts, approves and submits
    // it again
    String business = "1099010008-" + year;
    login("qa8");
    openTask(schoolTask(business, SchoolQaCycleProcess.TASK_DRAFT_SAR));
    browser.findElement(By.id("f-sarExecutiveSummary")).clear();
    browser
        .findElement(By.id("f-sarExecutiveSummary"))
        .sendKeys("ฉบับปรับปรุงตามข้อเสนอแนะของคณะกรรมการสถานศึกษาขั้นพื้นฐาน");
    submitTaskForm();

    login("director8");
    openTask(schoolTask(business, SchoolQaCycleProcess.TASK_DIRECTOR_REVIEW_SAR));
    browser.findElement(By.cssSelector("input[name='directorDecision'][value='toBoard']")).click();
    submitTaskForm();

    login("board8");
    openTask(schoolTask(business, SchoolQaCycleProcess.TASK_BOARD_APPROVE_SAR));
    browser.findElement(By.cssSelector("input[name='boardDecision'][value='approve']")).click();
    setDate("f-boardMeetingDate", java.time.LocalDate.now().minusDays(1).toString());
    submitTaskForm();

    login("director8");
    openTask(schoolTask(business, SchoolQaCycleProcess.TASK_SUBMIT_SAR));
    checkIfUnchecked("sarApprovedVersionConfirmed");
    setDate("f-sarSubmittedOn", java.time.LocalDate.now().toString());
    submitTaskForm();

    // the cluster's supervisor asks for a revision, with advice
    String comments =
        "ขอให้เพิ่มหลักฐานเชิงประจักษ์ของมาตรฐานที่ 2 และแผนพัฒนาที่สอดคล้องกับผลการประเมิน";
    login("supervisor2");
    Task review =
        tasks
            .createTaskQuery()
            .processDefinitionKey(SarReviewProcess.PROCESS_ID)
            .processInstanceBusinessKey(business)
            .singleResult();
    assertThat(review).as("the submission opened the district's review").isNotNull();
    openTask(review);
    assertThat(browser.findElement(By.cssSelector(".district-review")).getText()).isNotBlank();
    browser.findElement(By.cssSelector("input[name='reviewDecision'][value='revise']")).click();
    WebElement field = browser.findElement(By.id("f-reviewComments"));
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> field.isDisplayed());
    field.sendKeys(comments);
    submitTaskForm();

    // the school publishes on its own calendar; its publication shows the request to revise
    login("director8");
    Task publish = schoolTask(business, SchoolQaCycleProcess.TASK_PUBLISH_SAR);
    openTask(publish);
    assertThat(browser.findElement(By.cssSelector(".district-returned")).getText())
        .contains(comments);
    tasks.complete(
        publish.getId(),
        java.util.Map.of(
            "sarPublishedAs", "link", "sarPublicLink", "https://www.school8.example/sar"));

    // then the revision round: the redraft again, with the district's advice on its page
    login("qa8");
    Task redraft = schoolTask(business, SchoolQaCycleProcess.TASK_DRAFT_SAR);
    openTask(redraft);
    assertThat(browser.findElement(By.cssSelector(".district-returned")).getText())
        .contains(comments);
  }

  // --- helpers

  private Task districtTask(String key) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(DistrictQaCycleProcess.PROCESS_ID)
        .processInstanceBusinessKey(DistrictQaCycleProcess.businessKey(DISTRICT, year))
        .taskDefinitionKey(key)
        .singleResult();
  }

  private Task schoolTask(String businessKey, String key) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private void login(String user) {
    chromium.login(user);
  }

  /** From the task list: the task's row, then its page. */
  private void openTask(Task task) {
    assertThat(task).as("the task is open").isNotNull();
    browser.get(url("/tasks"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-task-id='" + task.getId() + "']"));
    row.findElement(By.tagName("a")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/tasks/" + task.getId()));
    browser.findElement(By.id("task-form"));
  }

  private void submitTaskForm() {
    browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            ExpectedConditions.or(
                ExpectedConditions.urlMatches(".*/tasks$"),
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".form-field-invalid"))));
    assertThat(browser.findElements(By.cssSelector(".form-field-invalid")))
        .as(
            "form errors: %s",
            browser.findElements(By.cssSelector(".form-field-invalid")).stream()
                .map(WebElement::getText)
                .toList())
        .isEmpty();
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText()).isNotBlank();
  }

  private void setDate(String id, String isoDate) {
    WebElement input = browser.findElement(By.id(id));
    String value =
        "datetime-local".equals(input.getAttribute("type")) ? isoDate + "T09:00" : isoDate;
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            input,
            value);
  }

  private void checkIfUnchecked(String name) {
    WebElement box =
        browser.findElement(By.cssSelector("input[type=checkbox][name='" + name + "']"));
    if (!box.isSelected()) {
      box.click();
    }
  }

  private String url(String path) {
    return chromium.url(path);
  }
}
