package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 13 §1 in a real browser, on the demo: school 6's QA teacher opens this year's plans task
 * (the demo leaves it open and no other browser test completes it; BrowserTest completes school 7's
 * standards task in the same demo context), finds the district's guidance panel, downloads the
 * guidance PDF the demo district published (in the browser's own session), follows the panel to the
 * guidance page and reads it on a desktop and a phone. Screenshots: {@code
 * target/screenshots/guidance-*}. Same Spring configuration as {@link BrowserTest}, so the demo
 * context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class GuidanceBrowserTest {
  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired TaskService tasks;
  @Autowired Clock clock;

  @Test
  void aSchoolUserOpensTheDistrictsGuidanceFromThePlansTask() throws Exception {
    int year = AcademicYears.current(clock);
    Task plans =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey("1099010006", year))
            .taskDefinitionKey(SchoolQaCycleProcess.TASK_MAKE_PLANS)
            .singleResult();
    assertThat(plans).as("the demo's school 6 has not made its plans").isNotNull();
    WebDriver browser = chromium.driver();
    chromium.login("qa6");
    browser.get(chromium.url("/tasks/" + plans.getId()));

    WebElement panel = browser.findElement(By.id("district-guidance"));
    assertThat(panel.getText()).contains("เอกสารแนวทางของเขตพื้นที่").contains("ประกาศเมื่อ");
    List<WebElement> files = panel.findElements(By.cssSelector("a.document-link"));
    assertThat(files)
        .extracting(WebElement::getText)
        .anySatisfy(t -> assertThat(t).contains("guidance-" + year + ".pdf"))
        .anySatisfy(t -> assertThat(t).contains("sar-template-" + year + ".pdf"));
    scrollTo(browser, panel);
    chromium.screenshot("guidance-task-panel-desktop");

    // the download, as the browser makes it with the teacher's session
    WebElement guidance =
        files.stream()
            .filter(a -> a.getText().contains("guidance-" + year + ".pdf"))
            .findFirst()
            .orElseThrow();
    Map<?, ?> download = fetch(browser, guidance.getAttribute("href"));
    assertThat(download.get("status")).isEqualTo(200L);
    assertThat(download.get("type")).isEqualTo("application/pdf");
    assertThat((String) download.get("head")).startsWith("%PDF");
    assertThat((String) download.get("disposition")).contains("attachment");

    // the panel leads to the whole page
    panel.findElement(By.cssSelector("a[href='/guidance']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/guidance"));
    WebElement h1 = browser.findElement(By.tagName("h1"));
    assertThat(h1.getText()).isEqualTo("แนวทางและเอกสารของเขตพื้นที่");
    WebElement thisYear = browser.findElement(By.id("guidance-" + year));
    assertThat(thisYear.getText())
        .contains("ปีการศึกษา " + year)
        .contains("ปีปัจจุบัน")
        .contains("ประกาศเมื่อ")
        .contains("แนวทางการประกันคุณภาพภายใน")
        .contains("guidance-" + year + ".pdf");
    // last year's guidance is listed too
    assertThat(browser.findElements(By.id("guidance-" + (year - 1)))).hasSize(1);
    // the school's navigation has it
    assertThat(browser.findElements(By.cssSelector("nav a[href='/guidance']"))).hasSize(1);
    chromium.screenshot("guidance-page-desktop");

    chromium.resize(BrowserSupport.PHONE);
    browser.navigate().refresh();
    assertThat(overflowsSideways(browser)).as("no sideways scrolling on a phone").isFalse();
    chromium.screenshot("guidance-page-phone");
    browser.get(chromium.url("/tasks/" + plans.getId()));
    WebElement phonePanel = browser.findElement(By.id("district-guidance"));
    scrollTo(browser, phonePanel);
    assertThat(overflowsSideways(browser)).isFalse();
    chromium.screenshot("guidance-task-panel-phone");
  }

  private static void scrollTo(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
  }

  private static boolean overflowsSideways(WebDriver browser) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
  }

  /** GETs the address in the page (same session), returning status, type and the first bytes. */
  private static Map<?, ?> fetch(WebDriver browser, String href) {
    return (Map<?, ?>)
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({"
                    + " status: r.status, type: r.headers.get('content-type'),"
                    + " disposition: r.headers.get('content-disposition'),"
                    + " head: String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 4)))})))"
                    + ".catch(e => done({status: -1, type: String(e)}));",
                href);
  }
}
