package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 16 §3: axe-core on every page of every demo role, at desktop (1366) and phone (390) size:
 * no critical and no serious violation. The pages of a role are the links of its navigation, the
 * first task of its list and the pages one level down that the navigation does not name (the
 * district dashboard, a school page, last year's synthesis, the district plan, ONESQA's comparison,
 * the notification settings, the captured mails, the guidance). Same demo context as {@link
 * BrowserTest}; nothing is changed, so other tests' demo data stays as it was.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class AccessibilityBrowserTest {
  private static final Logger log = LoggerFactory.getLogger(AccessibilityBrowserTest.class);
  static final Dimension DESKTOP = new Dimension(1366, 900);
  static final int LAST_YEAR = AcademicYears.of(LocalDate.now(AcademicYears.ZONE)) - 1;
  static final List<String> BELOW_THE_NAV =
      List.of(
          "/monitoring/districts/1099",
          "/monitoring/schools/1099010001",
          "/synthesis/1099/" + LAST_YEAR,
          "/district/plan",
          "/external/compare",
          "/notification/settings",
          "/admin/mails/captured",
          "/guidance");

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin",
        "obec",
        "qaofficer",
        "supdirector",
        "districtdirector",
        "supervisor1",
        "qa1",
        "director1",
        "board1"
      })
  void everyPageOfEveryRoleHasNoCriticalOrSeriousViolation(String user) {
    WebDriver browser = chromium.driver();
    chromium.login(user);
    List<String> pages = pagesOf(browser);
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Dimension size : List.of(DESKTOP, BrowserSupport.PHONE)) {
      chromium.resize(size);
      Set<String> seen = new LinkedHashSet<>();
      for (String page : pages) {
        browser.get(chromium.url(page));
        String shown = URI.create(browser.getCurrentUrl()).getRawPath();
        if (!seen.add(shown + "?" + URI.create(browser.getCurrentUrl()).getRawQuery())) {
          continue;
        }
        settle(browser);
        List<String> found = Axe.violations(browser);
        if (!found.isEmpty()) {
          problems.put(size.width + "px " + page, found);
        }
      }
      log.info("{} at {}px: {} pages checked with axe", user, size.width, seen.size());
    }
    assertThat(problems).as("critical and serious axe violations for %s", user).isEmpty();
  }

  @Test
  void theLoginPublicAndErrorPagesHaveNoCriticalOrSeriousViolation() {
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (Dimension size : List.of(DESKTOP, BrowserSupport.PHONE)) {
      chromium.resize(size);
      for (String page :
          List.of(
              "/login",
              "/login?error",
              "/public/districts/1099/synthesis/" + LAST_YEAR,
              "/public/districts/1099/good-practices/" + LAST_YEAR,
              "/public/districts/1099/monitoring-report/" + LAST_YEAR,
              "/no-such-page")) {
        browser.get(chromium.url(page));
        settle(browser);
        List<String> found = Axe.violations(browser);
        if (!found.isEmpty()) {
          problems.put(size.width + "px " + page, found);
        }
      }
    }
    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }

  /** The role's navigation, its first task and the pages below the navigation. */
  private List<String> pagesOf(WebDriver browser) {
    browser.get(chromium.url("/tasks"));
    Set<String> pages = new LinkedHashSet<>();
    pages.add("/tasks");
    for (WebElement a : browser.findElements(By.cssSelector("header nav a[href]"))) {
      String path = URI.create(a.getAttribute("href")).getRawPath();
      if (!path.startsWith("/camunda")) {
        pages.add(path);
      }
    }
    List<WebElement> tasks = browser.findElements(By.cssSelector("tr[data-task-id] a[href]"));
    if (!tasks.isEmpty()) {
      pages.add(URI.create(tasks.get(0).getAttribute("href")).getRawPath());
    }
    pages.addAll(BELOW_THE_NAV);
    return new ArrayList<>(pages);
  }

  /** Waits until the page's scripts have drawn what they draw (diagrams, charts). */
  static void settle(WebDriver browser) {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete' && Array.from("
                                + "document.querySelectorAll('.diagram[data-xml-url],"
                                + " canvas[data-chart=months]')).every(function (e) {"
                                + " return e.hasAttribute('data-rendered')"
                                + " || e.hasAttribute('data-error'); });")));
  }
}
