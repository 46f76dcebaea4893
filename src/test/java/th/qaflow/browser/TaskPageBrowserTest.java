package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import th.qaflow.cycle.CycleService;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 16 §1 in a real browser: an empty submit of a real task's form (a fresh school cycle next
 * to the demo) comes back with the error summary at the top of the page, focused; following one of
 * its links puts the focus on that field. Screenshots: {@code target/screenshots/task-errors-*}.
 * Same Spring configuration as {@link BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class TaskPageBrowserTest {
  static final String SCHOOL = "1099010005";
  static final Pattern COUNT = Pattern.compile("มีข้อผิดพลาด (\\d+) รายการ");

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired TaskService tasks;
  @Autowired CycleService cycles;

  @Test
  void anEmptySubmitLandsOnTheErrorSummaryWhoseLinksLeadToTheFields() throws Exception {
    String pi = cycles.startSchool(SCHOOL, 2790, "qaofficer").orElseThrow();
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    WebDriver browser = chromium.driver();
    chromium.login("qa5");
    browser.get(chromium.url("/tasks/" + task.getId()));
    WebElement claim = browser.findElement(By.cssSelector("form[action$='/claim'] button"));
    claim.click();
    // the claim reloads the page: wait for the new one before using its form
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(claim));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.cssSelector("#task-form button[type=submit]")).isEmpty());
    submitEmpty(browser);

    WebElement summary = browser.findElement(By.id("error-summary"));
    assertThat(activeId(browser)).isEqualTo("error-summary");
    assertThat(inViewport(browser, summary)).as("the summary is on screen").isTrue();
    Matcher count = COUNT.matcher(summary.getText());
    assertThat(count.find()).isTrue();
    List<WebElement> links = summary.findElements(By.cssSelector("li a"));
    assertThat(links).hasSize(Integer.parseInt(count.group(1)));
    assertThat(links.size())
        .isEqualTo(browser.findElements(By.cssSelector(".field-error")).size())
        .isGreaterThan(1);
    assertThat(summary.getText()).contains("โปรดเลือกจากรายการ").contains("กรุณากรอกข้อมูลช่องนี้");
    chromium.screenshot("task-errors-desktop");

    // a link far down the form: the focus goes to that field, which is on screen
    WebElement last = links.get(links.size() - 1);
    String target = last.getAttribute("href").replaceFirst(".*#", "");
    last.click();
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> target.equals(activeId(d)));
    assertThat(inViewport(browser, browser.findElement(By.id(target)))).isTrue();
    assertThat(browser.findElement(By.id(target)).getAttribute("aria-invalid")).isEqualTo("true");

    // on a phone too
    chromium.resize(BrowserSupport.PHONE);
    submitEmpty(browser);
    assertThat(activeId(browser)).isEqualTo("error-summary");
    assertThat(inViewport(browser, browser.findElement(By.id("error-summary")))).isTrue();
    chromium.screenshot("task-errors-phone");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private static void submitEmpty(WebDriver browser) {
    WebElement button = browser.findElement(By.cssSelector("#task-form button[type=submit]"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", button);
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.id("error-summary")).isEmpty());
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(d -> "error-summary".equals(activeId(d)));
  }

  private static String activeId(WebDriver browser) {
    return (String)
        ((JavascriptExecutor) browser).executeScript("return document.activeElement.id");
  }

  private static boolean inViewport(WebDriver browser, WebElement element) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                    + " return r.top >= 0 && r.top < window.innerHeight;",
                element);
  }
}
