package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 16 §2 and §3 in a real browser, on the demo: the district dashboard's heatmap, progress
 * bars and on-time chart (drawn by Chart.js, with their tables), the national ranking with
 * sparklines and sortable columns, last year's synthesis one click away, the phone's menu button,
 * the calendar's date hints and reset confirmation, the notification radios beside their labels.
 * Screenshots in target/screenshots (dashboard-*, national-*, synthesis-*, calendar-*,
 * notifications-*). Nothing of the demo is changed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class DashboardBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);
  static final int YEAR = AcademicYears.of(LocalDate.now(AcademicYears.ZONE));

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  WebDriver browser;

  @BeforeEach
  void desktop() {
    browser = chromium.driver();
    chromium.resize(DESKTOP);
  }

  @Test
  void theDistrictDashboardIsAHeatmapWithProgressBarsAndAnOnTimeChart() throws Exception {
    chromium.login("qaofficer");
    browser.get(chromium.url("/monitoring/districts/1099"));
    waitRendered("#on-time-chart");
    // the stylesheet is there: an overdue cell is red, a done one green, not alike
    WebElement overdue = browser.findElement(By.cssSelector("td.hm-overdue .status"));
    WebElement done = browser.findElement(By.cssSelector("td.hm-done .status"));
    assertThat(overdue.getCssValue("background-color"))
        .isNotEqualTo(done.getCssValue("background-color"))
        .isEqualTo("rgba(253, 226, 226, 1)");
    assertThat(overdue.getText()).startsWith("!").contains("เลยกำหนด");
    assertThat(done.getText()).startsWith("✓").contains("เสร็จ");
    // the filters sit side by side on the desktop
    List<WebElement> selects = browser.findElements(By.cssSelector("#filters select"));
    assertThat(selects.get(0).getLocation().getY()).isEqualTo(selects.get(1).getLocation().getY());
    // a progress bar per stage, its numbers in words
    List<WebElement> bars = browser.findElements(By.cssSelector("#progress li"));
    assertThat(bars).hasSizeGreaterThan(3);
    assertThat(bars.get(0).getText()).contains("เสร็จแล้วร้อยละ").contains("จาก 8 โรงเรียน");
    assertThat(bars.get(0).findElement(By.cssSelector(".progress-bar .seg")).getSize().getWidth())
        .isPositive();
    // the chart, and its numbers as a table
    WebElement chart = browser.findElement(By.id("on-time-chart"));
    assertThat(chart.getSize().getHeight()).isGreaterThan(100);
    assertThat(chart.getAttribute("aria-label")).contains("แผนภูมิแท่ง");
    assertThat(browser.findElements(By.cssSelector("#on-time-table tbody tr"))).isNotEmpty();
    // every earlier year and last year's synthesis are links
    assertThat(browser.findElement(By.cssSelector("nav.years a[aria-current=page]")).getText())
        .isEqualTo(String.valueOf(YEAR));
    assertThat(browser.findElements(By.cssSelector("nav.years a")))
        .extracting(WebElement::getText)
        .contains(String.valueOf(YEAR - 1));
    chromium.screenshot("dashboard-district-desktop");
    scrollTo("#matrix");
    chromium.screenshot("dashboard-heatmap-desktop");

    chromium.resize(BrowserSupport.PHONE);
    browser.navigate().refresh();
    waitRendered("#on-time-chart");
    assertWithinScreen();
    chromium.screenshot("dashboard-district-phone");
    scrollTo("#matrix");
    chromium.screenshot("dashboard-heatmap-phone");

    chromium.resize(DESKTOP);
    browser.findElement(By.id("last-synthesis")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/synthesis/1099/" + (YEAR - 1)));
    assertThat(browser.findElement(By.cssSelector("nav.years a[aria-current=page]")).getText())
        .startsWith(String.valueOf(YEAR - 1));
    chromium.screenshot("synthesis-last-year-desktop");
  }

  @Test
  void theNationalViewRanksTheDistrictsWithASparklineAndSortsByAnyColumn() throws Exception {
    chromium.login("obec");
    browser.get(chromium.url("/monitoring"));
    waitRendered("#on-time-chart");
    WebElement row =
        browser.findElement(By.cssSelector("#national tbody tr[data-district='1099']"));
    assertThat(row.findElement(By.tagName("td")).getText()).isEqualTo("1");
    // the figures say when they were read (they are kept up to a minute), in the Buddhist Era
    assertThat(browser.findElement(By.id("national-summary")).getText())
        .containsPattern("ข้อมูล ณ \\d{1,2} \\S+ 25\\d\\d \\d\\d:\\d\\d");
    WebElement spark = row.findElement(By.cssSelector("canvas.sparkline"));
    // drawn when it scrolls into view
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", row);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> spark.getAttribute("data-rendered") != null);
    assertThat(spark.getAttribute("aria-label")).contains("ร้อยละที่ตรงเวลารายเดือน").contains("%");
    WebElement schools = browser.findElement(By.xpath("//table[@id='national']//th[3]"));
    schools.findElement(By.tagName("button")).click();
    assertThat(schools.getAttribute("aria-sort")).isEqualTo("ascending");
    schools.findElement(By.tagName("button")).click();
    assertThat(schools.getAttribute("aria-sort")).isEqualTo("descending");
    chromium.screenshot("national-desktop");
    chromium.resize(BrowserSupport.PHONE);
    browser.navigate().refresh();
    waitRendered("#on-time-chart");
    assertWithinScreen();
    chromium.screenshot("national-phone");
  }

  @Test
  void theDistrictsPagesSitInTwoMenusThatOpenOneAtATime() throws Exception {
    chromium.login("qaofficer");
    browser.get(chromium.url("/tasks"));
    WebElement nav = browser.findElement(By.id("main-nav"));
    List<String> bar =
        nav.findElements(By.xpath("./a | ./details/summary")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(bar)
        .containsExactly(
            "งานของฉัน",
            "ปฏิทินการประกันคุณภาพ",
            "ติดตามความก้าวหน้า",
            "งานประกันคุณภาพสถานศึกษา",
            "งานกลุ่มนิเทศฯ",
            "ระบบ",
            "การแจ้งเตือน");
    WebElement unit = browser.findElement(By.id("nav-unit"));
    WebElement qa = browser.findElement(By.id("nav-qa"));
    assertThat(unit.findElement(By.cssSelector("a[href='/networks']")).isDisplayed()).isFalse();
    unit.findElement(By.tagName("summary")).click();
    assertThat(unit.findElements(By.cssSelector(".nav-menu a")))
        .extracting(a -> a.getAttribute("pathname"))
        .containsExactly(
            "/supervision",
            "/committees",
            "/groups",
            "/networks",
            "/tumhome",
            "/research",
            "/classroom-qa",
            "/training");
    assertThat(unit.findElement(By.cssSelector("a[href='/networks']")).isDisplayed()).isTrue();
    assertThat(Axe.violations(browser)).as("the open menu").isEmpty();
    chromium.screenshot("nav-menu-open-desktop");
    // one menu at a time; Escape closes it and gives the focus back to its name
    qa.findElement(By.tagName("summary")).click();
    assertThat(qa.getAttribute("open")).isNotNull();
    assertThat(unit.getAttribute("open")).isNull();
    qa.findElement(By.tagName("summary")).sendKeys(Keys.ESCAPE);
    assertThat(qa.getAttribute("open")).isNull();
    // a click elsewhere closes it too
    unit.findElement(By.tagName("summary")).click();
    browser.findElement(By.tagName("h1")).click();
    assertThat(unit.getAttribute("open")).isNull();

    // on a phone the menus open inside the folded navigation
    chromium.resize(BrowserSupport.PHONE);
    chromium.openFromNav("/tumhome");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/tumhome"));

    // a school's director has no menus: their few pages stay in the bar
    chromium.resize(BrowserSupport.DESKTOP);
    chromium.login("director1");
    browser.get(chromium.url("/tasks"));
    assertThat(browser.findElements(By.cssSelector("#main-nav details"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#main-nav a[href='/tumhome']")))
        .singleElement()
        .satisfies(a -> assertThat(a.isDisplayed()).isTrue());
  }

  @Test
  void onAPhoneTheNavigationFoldsBehindAMenuButton() throws Exception {
    chromium.login("qaofficer");
    browser.get(chromium.url("/tasks"));
    WebElement button = browser.findElement(By.id("menu-button"));
    WebElement nav = browser.findElement(By.id("main-nav"));
    assertThat(button.isDisplayed()).as("no menu button on the desktop").isFalse();
    assertThat(nav.isDisplayed()).isTrue();

    chromium.resize(BrowserSupport.PHONE);
    assertThat(button.isDisplayed()).isTrue();
    assertThat(nav.isDisplayed()).isFalse();
    assertThat(browser.findElement(By.tagName("header")).getSize().getHeight())
        .as("the header of a phone without the eleven links")
        .isLessThan(160);
    chromium.screenshot("menu-closed-phone");
    button.click();
    assertThat(button.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(nav.isDisplayed()).isTrue();
    chromium.screenshot("menu-open-phone");
    nav.findElement(By.cssSelector("a[href='/calendar']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/calendar"));
  }

  @Test
  void theCalendarsHintsFollowTheTypedDateAndResetAsksFirst() throws Exception {
    chromium.login("qaofficer");
    browser.get(chromium.url("/calendar?year=" + YEAR));
    WebElement input = browser.findElement(By.id("due_PLANS"));
    WebElement note = browser.findElement(By.id("due-note-PLANS"));
    setDate(input, (YEAR - 543) + "-07-09");
    assertThat(note.getText()).isEqualTo("9 ก.ค. " + YEAR);
    chromium.resize(BrowserSupport.PHONE);
    WebElement label = browser.findElement(By.cssSelector("label[for='due_PLANS']"));
    assertThat(label.isDisplayed()).as("a visible label on the phone").isTrue();
    assertThat(label.getText()).isEqualTo("วันครบกำหนด");
    scrollTo("#row-PLANS");
    chromium.screenshot("calendar-phone");
    chromium.resize(DESKTOP);
    // reset all asks first; saying no sends nothing
    String before = input.getAttribute("value");
    browser.findElement(By.cssSelector("#reset-form button")).click();
    Alert confirm =
        new WebDriverWait(browser, Duration.ofSeconds(5))
            .until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).contains("คืนค่าวันเริ่มต้น");
    confirm.dismiss();
    assertThat(browser.findElement(By.id("due_PLANS")).getAttribute("value")).isEqualTo(before);

    // in English the dates are English
    browser.get(chromium.url("/calendar?year=" + YEAR + "&lang=en"));
    WebElement en = browser.findElement(By.id("due_PLANS"));
    assertThat(browser.findElement(By.id("due-note-PLANS")).getText())
        .matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
    setDate(en, (YEAR - 543) + "-07-09");
    assertThat(browser.findElement(By.id("due-note-PLANS")).getText())
        .isEqualTo("9 Jul " + (YEAR - 543));
    chromium.screenshot("calendar-english-desktop");
    browser.get(chromium.url("/calendar?lang=th"));
  }

  @Test
  void theNotificationRadiosSitBesideTheirLabels() throws Exception {
    chromium.login("qa1");
    chromium.resize(BrowserSupport.PHONE);
    browser.get(chromium.url("/me/notifications"));
    for (WebElement radio : browser.findElements(By.cssSelector("input[type=radio][name=mode]"))) {
      WebElement label =
          browser.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"));
      Rectangle r = radio.getRect();
      Rectangle l = label.getRect();
      assertThat(l.getX())
          .as("label right of its radio")
          .isGreaterThan(r.getX() + r.getWidth() - 1);
      assertThat(l.getY()).as("on the same line").isLessThan(r.getY() + r.getHeight());
      assertThat(l.getY() + l.getHeight()).isGreaterThan(r.getY());
    }
    chromium.screenshot("notifications-phone");
  }

  private void setDate(WebElement input, String iso) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
            input,
            iso);
  }

  private void waitRendered(String css) {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> d.findElement(By.cssSelector(css)).getAttribute("data-rendered") != null);
  }

  private void scrollTo(String css) {
    ((JavascriptExecutor) browser)
        .executeScript("document.querySelector(arguments[0]).scrollIntoView();", css);
  }

  /** Nothing but the tables' own scroll areas is wider than the phone's screen. */
  private void assertWithinScreen() {
    Number width =
        (Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
    assertThat(width.intValue()).isLessThanOrEqualTo(BrowserSupport.PHONE.width);
  }
}
