package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 14 §2 in a real browser, on the demo: the district dashboard shows this year's schools
 * without a completed visit (last year's round covered every school, so no three-year warning); its
 * link leads to the monitoring report, last year's published with its per-standard table; the
 * public page; a school's QA teacher sees only the school's own findings — on a desktop (1366) and
 * a phone (390), each page with no critical or serious axe-core violation and no sideways
 * scrolling. Nothing is changed. Screenshots: {@code target/screenshots/monitoring-report-*}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class MonitoringReportBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;

  @Test
  void coverageOnTheDashboardAndLastYearsPublishedReport() throws Exception {
    int year = AcademicYears.current(clock);
    int lastYear = year - 1;
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.login("qaofficer");
    for (Dimension size : List.of(DESKTOP, BrowserSupport.PHONE)) {
      chromium.resize(size);
      String tag = size == DESKTOP ? "desktop" : "phone";

      browser.get(chromium.url("/monitoring/districts/1099?year=" + year));
      AccessibilityBrowserTest.settle(browser);
      WebElement coverage = browser.findElement(By.id("visit-coverage"));
      assertThat(coverage.getText()).contains("การตรวจเยี่ยมสถานศึกษาครบทุกแห่ง");
      List<String> missing =
          coverage.findElements(By.cssSelector("#coverage-missing li")).stream()
              .map(e -> e.getAttribute("data-uncovered-school"))
              .toList();
      assertThat(missing)
          .as("school 1's visit of this year is done, the others are not")
          .contains("1099010002", "1099010008")
          .doesNotContain("1099010001");
      assertThat(coverage.findElements(By.id("coverage-warning")))
          .as("every school was visited last year")
          .isEmpty();
      scrollTo(browser, coverage);
      chromium.screenshot("monitoring-report-coverage-" + tag);
      check(browser, problems, tag + " dashboard");

      browser.get(chromium.url("/district/monitoring-report?district=1099&year=" + lastYear));
      assertThat(browser.findElement(By.id("mr-status")).getAttribute("data-published"))
          .isEqualTo("true");
      assertThat(browser.findElements(By.cssSelector("#mr-standards tbody tr"))).isNotEmpty();
      assertThat(browser.findElements(By.cssSelector("#mr-findings tbody tr[data-school]")))
          .extracting(e -> e.getAttribute("data-school"))
          .contains("1099010001", "1099010008");
      chromium.screenshot("monitoring-report-district-" + tag);
      check(browser, problems, tag + " district report");

      browser.get(chromium.url("/public/districts/1099/monitoring-report/" + lastYear));
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .contains("รายงานผลการติดตามตรวจสอบ");
      check(browser, problems, tag + " public report");
    }

    chromium.login("qa1");
    for (Dimension size : List.of(DESKTOP, BrowserSupport.PHONE)) {
      chromium.resize(size);
      browser.get(chromium.url("/monitoring-report/schools/1099010001?year=" + lastYear));
      assertThat(browser.findElements(By.cssSelector("#mr-findings tbody tr[data-school]")))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.getAttribute("data-school")).isEqualTo("1099010001"));
      chromium.screenshot("monitoring-report-school-" + (size == DESKTOP ? "desktop" : "phone"));
      check(browser, problems, size.width + "px school report");
    }
    assertThat(problems).as("critical or serious axe violations, sideways scrolling").isEmpty();
  }

  private static void check(WebDriver browser, Map<String, List<String>> problems, String page) {
    List<String> found = new java.util.ArrayList<>(Axe.violations(browser));
    if ((Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;")) {
      found.add("scrolls sideways");
    }
    if (!found.isEmpty()) {
      problems.put(page, found);
    }
  }

  private static void scrollTo(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
  }
}
