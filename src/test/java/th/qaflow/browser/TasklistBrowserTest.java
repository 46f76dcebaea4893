package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.security.QaUsers;
import th.qaflow.support.BrowserSupport;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;

/**
 * Issue 16 §1 in a real browser: a supervisor with many tasks (the demo's, plus four visit rounds
 * in each of 2995–2997 over the whole district: 48 more of their cluster's) finds one school's task
 * in two clicks (choose the school and show; open the task), then claims a year's tasks of a school
 * in one submit; on a 1366 px desktop and a 390 px phone. Screenshots: {@code
 * target/screenshots/tasklist-*}. Same Spring configuration as {@link BrowserTest}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class TasklistBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired VisitRounds rounds;
  @Autowired QaUsers users;

  @Test
  void aSupervisorFindsOneSchoolsTaskInTwoClicksAndClaimsSeveralAtOnce() throws Exception {
    for (int year = 2995; year <= 2997; year++) {
      for (int round = 1; round <= 4; round++) {
        rounds.launch(users.byId("qaofficer"), "1099", year, round, null);
      }
    }
    WebDriver browser = chromium.driver();
    chromium.resize(DESKTOP);
    chromium.login("supervisor1");
    browser.get(chromium.url("/tasks"));
    int before = browser.findElements(By.cssSelector("tr[data-task-id]")).size();
    assertThat(before).isGreaterThan(40);
    chromium.screenshot("tasklist-desktop-all");

    // click 1: the school (a select: keyboard and screen readers use it as any select), show
    new Select(browser.findElement(By.id("filter-school"))).selectByValue("1099010003");
    browser.findElement(By.cssSelector("#task-filters button[type=submit]")).click();
    waitFor(browser, d -> d.getCurrentUrl().contains("school=1099010003"));
    List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-task-id]"));
    assertThat(rows).hasSizeBetween(12, 20).hasSizeLessThan(before);
    for (WebElement row : rows) {
      String id = row.getAttribute("data-task-id");
      String pi = tasks.createTaskQuery().taskId(id).singleResult().getProcessInstanceId();
      assertThat(runtime.getVariable(pi, "schoolCode")).isEqualTo("1099010003");
    }
    chromium.screenshot("tasklist-desktop-school");

    // click 2: the task
    WebElement link = rows.get(0).findElement(By.cssSelector("a"));
    String name = link.getText();
    link.click();
    waitFor(browser, d -> d.getCurrentUrl().matches(".*/tasks/[^/?]+$"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    assertThat(browser.findElement(By.cssSelector("dl.values")).getText()).contains("1099010003");

    // bulk claim: one year's tasks of school 4
    browser.get(chromium.url("/tasks?school=1099010004&year=2996"));
    List<WebElement> boxes = browser.findElements(By.cssSelector("input[name=ids]"));
    assertThat(boxes).hasSize(4);
    List<String> ids = boxes.stream().map(b -> b.getAttribute("value")).toList();
    for (WebElement box : boxes) {
      box.click();
    }
    WebElement claim = browser.findElement(By.id("bulk-claim-button"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", claim);
    claim.click();
    waitFor(browser, d -> !d.findElements(By.id("bulk-result")).isEmpty());
    assertThat(browser.findElement(By.id("bulk-result")).getText()).contains("รับงานแล้ว 4 งาน");
    assertThat(browser.getCurrentUrl()).contains("school=1099010004").contains("year=2996");
    for (String id : ids) {
      assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee())
          .isEqualTo("supervisor1");
    }
    assertThat(browser.findElements(By.cssSelector("input[name=ids]"))).isEmpty();
    chromium.screenshot("tasklist-desktop-claimed");

    // on a phone: the same two steps, nothing wider than the screen
    chromium.resize(BrowserSupport.PHONE);
    browser.get(chromium.url("/tasks"));
    assertThat(pageWidth(browser)).isLessThanOrEqualTo(BrowserSupport.PHONE.width);
    chromium.screenshot("tasklist-phone-all");
    new Select(browser.findElement(By.id("filter-school"))).selectByValue("1099010002");
    WebElement show = browser.findElement(By.cssSelector("#task-filters button[type=submit]"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", show);
    show.click();
    waitFor(browser, d -> d.getCurrentUrl().contains("school=1099010002"));
    assertThat(browser.findElements(By.cssSelector("tr[data-task-id]"))).hasSizeBetween(12, 20);
    assertThat(pageWidth(browser)).isLessThanOrEqualTo(BrowserSupport.PHONE.width);
    chromium.screenshot("tasklist-phone-school");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('list-title').scrollIntoView()");
    chromium.screenshot("tasklist-phone-rows");
    // no technical identifiers in front of people
    assertThat(browser.findElement(By.tagName("main")).getText())
        .doesNotContain(DistrictVisitProcess.businessKey("1099010002", 2997, 1))
        .doesNotContain("null")
        .doesNotContain("VISIT_PLAN")
        .doesNotContain("supervisor1");
  }

  private static long pageWidth(WebDriver browser) {
    return (Long)
        ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
  }

  private static void waitFor(
      WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
  }
}
