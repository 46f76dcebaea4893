package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.network.NetworkCycles;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 14 §5 in a real browser, on the demo: the QA officer opens the supervision networks from
 * the navigation (the year's cycle, its stage, its three networks and semester one's report), the
 * open development task of semester two with the networks above its form, and the district
 * dashboard's card. Every page on a desktop (1366) and a phone (390) without critical or serious
 * axe-core violations and without sideways scrolling. Screenshots: {@code
 * target/screenshots/network-*}. Same Spring configuration as {@link BrowserTest}, so the demo
 * context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class NetworkBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;
  @Autowired NetworkCycles cycles;
  @Autowired TaskService tasks;

  @Test
  void theOfficerFollowsTheYearsNetworks() throws Exception {
    int year = AcademicYears.current(clock);
    String pi = cycles.cycle("1099", year).orElseThrow().processInstanceId();
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    chromium.login("qaofficer");
    chromium.openFromNav("/networks");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("การพัฒนาเครือข่ายการนิเทศ");
    String cycle = browser.findElement(By.id("network-" + year)).getText();
    assertThat(cycle)
        .contains("เครือข่ายครูแกนนำการอ่าน")
        .contains("โรงเรียนพี่โรงเรียนน้อง")
        .contains("ชุมชนครูปฐมวัย");
    chromium.checkPage("network-cycles", DESKTOP, problems);

    Task open = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(open).isNotNull();
    browser.get(chromium.url("/tasks/" + open.getId()));
    assertThat(browser.findElement(By.cssSelector(".network-panel")).getText())
        .contains("เครือข่ายครูแกนนำการอ่าน");
    chromium.checkPage("network-task", DESKTOP, problems);

    browser.get(chromium.url("/monitoring/districts/1099?year=" + year));
    assertThat(browser.findElement(By.id("network-card")).getText()).contains("เครือข่าย 3");
    // the dashboard's matrix scrolls sideways by design: only axe there
    assertThat(Axe.violations(browser)).as("dashboard with the card").isEmpty();
    chromium.screenshot("network-dashboard-card-desktop");

    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }
}
