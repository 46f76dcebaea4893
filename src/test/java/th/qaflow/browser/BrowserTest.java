package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.BrowserSupport;

/**
 * A real browser (Debian's headless Chromium) against the running demo app: a QA coordinator signs
 * in, opens a task, completes its form and sees it gone from the list. One Chromium for the class
 * ({@link BrowserSupport}).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class BrowserTest {
  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  WebDriver browser;

  @BeforeEach
  void useTheClassBrowser() {
    browser = chromium.driver();
  }

  @Test
  void qaCoordinatorCompletesATaskInTheBrowser() throws Exception {
    browser.get(url("/tasks"));
    assertThat(browser.getCurrentUrl()).contains("/login");
    assertThat(browser.findElement(By.id("demo-accounts")).getText())
        .contains("qa7")
        .contains("admin");

    chromium.submitLogin("qa7", "demo");

    WebElement row = browser.findElement(By.cssSelector("tr[data-task-id]"));
    String taskId = row.getAttribute("data-task-id");
    assertThat(row.getText()).contains("กำหนดมาตรฐานและค่าเป้าหมาย").contains("เลยกำหนด");
    row.findElement(By.tagName("a")).click();

    // last year feeds this year (issue 13 §3): above the form, per standard, last year's target and
    // SAR level, the SAR's points to improve and the board's advice; the school sets this year's
    // target and baseline from it
    int lastYear = AcademicYears.of(LocalDate.now(AcademicYears.ZONE)) - 1;
    WebElement panel = browser.findElement(By.id("last-year"));
    assertThat(panel.getText())
        .contains("ผลการดำเนินงานปีการศึกษา " + lastYear)
        .contains("ค่าเป้าหมายปีที่ผ่านมา")
        .contains("4 ดีเลิศ")
        .contains("ต่ำกว่าค่าเป้าหมาย")
        .contains("จุดที่ควรพัฒนา")
        .contains("ข้อเสนอแนะของคณะกรรมการสถานศึกษาขั้นพื้นฐาน")
        .contains("ปีถัดไปควรเร่งยกระดับ");
    List<WebElement> below = panel.findElements(By.cssSelector("td.below-target"));
    assertThat(below).as("school 7's mathematics fell short last year").isNotEmpty();
    String shortStandard =
        below
            .get(0)
            .findElement(By.xpath("./ancestor::tr"))
            .findElement(By.tagName("th"))
            .getText();
    assertThat(
            browser.findElement(By.id("last-year")).getLocation().getY()
                < browser.findElement(By.id("task-form")).getLocation().getY())
        .as("last year comes before the form")
        .isTrue();
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView()", panel);
    chromium.screenshot("last-year-desktop");
    chromium.resize(BrowserSupport.PHONE);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView()", panel);
    assertThat(panel.getSize().getWidth())
        .as("the panel fits a phone's width (its table scrolls inside)")
        .isLessThanOrEqualTo(BrowserSupport.PHONE.width);
    chromium.screenshot("last-year-phone");
    chromium.resize(BrowserSupport.DESKTOP);

    // one row per standard; the first row's target level left empty: the error shows next to that
    // field and nothing typed is lost
    new Select(browser.findElement(By.id("f-standardsFramework"))).selectByValue("moe2561");
    List<WebElement> levels =
        browser.findElements(By.cssSelector("select[name^='targets['][name$='].targetLevel']"));
    assertThat(levels).as("school 7 offers early childhood and basic education").hasSize(6);
    for (int i = 0; i < levels.size(); i++) {
      if (i > 0) {
        new Select(browser.findElement(By.name("targets[" + i + "].targetLevel")))
            .selectByValue("4");
      }
      browser
          .findElement(By.name("targets[" + i + "].targetDescription"))
          .sendKeys("ผู้เรียนร้อยละ 80 บรรลุค่าเป้าหมายข้อ " + (i + 1));
      browser
          .findElement(By.name("targets[" + i + "].targetBaseline"))
          .sendKeys("ปีการศึกษา " + lastYear + " ตามตารางผลการดำเนินงานข้อ " + (i + 1));
    }
    // the standard that fell short: its baseline says so, from the panel
    int shortRow =
        browser
            .findElements(By.cssSelector("input[name^='targets['][name$='].standardLabel']"))
            .stream()
            .map(e -> e.getAttribute("value"))
            .toList()
            .indexOf(shortStandard);
    assertThat(shortRow).as(shortStandard + " is a row of the form").isNotNegative();
    WebElement baseline = browser.findElement(By.name("targets[" + shortRow + "].targetBaseline"));
    baseline.clear();
    baseline.sendKeys("ปีการศึกษา " + lastYear + " ได้ระดับดี ต่ำกว่าค่าเป้าหมายระดับดีเลิศ");
    browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector("[id*='targetLevel'][id$='-error']")).getText())
        .isNotBlank();
    assertThat(browser.findElement(By.name("targets[5].targetDescription")).getAttribute("value"))
        .isEqualTo("ผู้เรียนร้อยละ 80 บรรลุค่าเป้าหมายข้อ 6");

    new Select(browser.findElement(By.name("targets[0].targetLevel"))).selectByValue("4");
    browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/tasks"));
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
        .contains("เรียบร้อย");
    List<WebElement> left =
        browser.findElements(By.cssSelector("tr[data-task-id='" + taskId + "']"));
    assertThat(left).isEmpty();
  }

  /** forms.js asks the server (FEEL) which fields to hide while the board chooses its decision. */
  @Test
  void returnCommentsAppearWhenTheBoardChoosesToReturn() {
    chromium.login("board4");
    browser.findElement(By.cssSelector("tr[data-task-id] a")).click();

    WebElement comments = browser.findElement(By.cssSelector("[data-path='endorsementComments']"));
    assertThat(comments.isDisplayed()).as("hidden until the board returns").isFalse();
    browser
        .findElement(By.cssSelector("input[name='endorsementDecision'][value='return']"))
        .click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> comments.isDisplayed());
    browser
        .findElement(By.cssSelector("input[name='endorsementDecision'][value='approve']"))
        .click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !comments.isDisplayed());

    // returning without saying why is refused next to the field, and the choice is kept
    browser
        .findElement(By.cssSelector("input[name='endorsementDecision'][value='return']"))
        .click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> comments.isDisplayed());
    browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("f-endorsementComments-error")).getText()).isNotBlank();
    assertThat(
            browser
                .findElement(By.cssSelector("input[name='endorsementDecision'][value='return']"))
                .isSelected())
        .isTrue();
  }

  /**
   * The school page draws its process with bpmn-js served by the app itself (no CDN), current step
   * marked.
   */
  @Test
  void theSchoolPageDrawsTheProcessWithBpmnJsFromTheApp() {
    chromium.login("qa3");
    browser.get(url("/monitoring"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().contains("/monitoring/schools/1099010003"));
    List<WebElement> scripts =
        browser.findElements(By.cssSelector("script[src*='bpmn-navigated-viewer']"));
    assertThat(scripts).isNotEmpty();
    assertThat(scripts.get(0).getAttribute("src")).startsWith(url("/vendor/bpmn-js/"));
    WebElement diagram = browser.findElement(By.cssSelector(".diagram"));
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> "true".equals(diagram.getAttribute("data-rendered")));
    assertThat(diagram.findElements(By.cssSelector("svg"))).isNotEmpty();
    assertThat(diagram.findElements(By.cssSelector(".qa-current"))).isNotEmpty();
  }

  /**
   * Five wrong passwords for one user id: the sign-in page says it is locked and until when, in
   * Thai with a Buddhist-Era date, instead of repeating "wrong user name or password" (the lock
   * ends by itself).
   */
  @Test
  void aLockedSignInSaysUntilWhenInThai() throws Exception {
    String user =
        "browser-lock-test"; // no one's account: other tests of this context keep signing in
    for (int attempt = 1; attempt <= 5; attempt++) {
      browser.get(url("/login"));
      chromium.submitLogin(user, "wrong-" + attempt);
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(d -> d.getCurrentUrl().contains("/login?error"));
      if (attempt < 5) {
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
            .contains("ไม่ถูกต้อง");
        assertThat(browser.findElements(By.id("login-locked"))).isEmpty();
      }
    }
    String locked = browser.findElement(By.id("login-locked")).getText();
    assertThat(locked)
        .contains("ล็อก")
        .contains("ลองใหม่ได้หลังเวลา")
        .contains(
            String.valueOf(
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Bangkok")).getYear() + 543));
    chromium.screenshot("login-locked");
  }

  private String url(String path) {
    return chromium.url(path);
  }
}
