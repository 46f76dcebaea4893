package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.support.BrowserSupport;
import th.qaflow.support.CamundaWebappStatics;

/**
 * Issue 16 §4 in a real browser: the admin signs in once, on QA Flow's own login page, and Cockpit
 * opens without a second login, with the admin's name (not "undefined undefined") and the deployed
 * process definitions with their running instances. Screenshots: {@code
 * target/screenshots/cockpit-*}. Same Spring configuration as {@link BrowserTest}, so the demo
 * context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class CockpitBrowserTest {
  static final String SCHOOL_CYCLE = "วงจรประกันคุณภาพภายในประจำปีของสถานศึกษา";
  static final String DISTRICT_CYCLE =
      "วงจรประกันคุณภาพการศึกษาประจำปีของสำนักงานเขตพื้นที่การศึกษา";

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired ProcessEngine engine;

  /** Camunda's webapps find their engine and runtime in statics ({@link CamundaWebappStatics}). */
  @BeforeEach
  void registerThisContextsEngine() {
    CamundaWebappStatics.pointAt(engine);
  }

  @Test
  void theQaFlowLoginOpensCockpitWithTheProcessDefinitions() throws Exception {
    WebDriver browser = chromium.driver();
    chromium.login("admin");
    browser.get(chromium.url("/camunda/app/cockpit/default/#/dashboard"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Running"));
    String dashboard = browser.findElement(By.tagName("body")).getText();
    assertThat(dashboard).doesNotContain("undefined undefined");
    assertThat(browser.findElements(By.cssSelector("form[name=signinForm]")))
        .as("no second login form")
        .isEmpty();
    chromium.screenshot("cockpit-dashboard-desktop");

    browser.get(chromium.url("/camunda/app/cockpit/default/#/processes"));
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(SCHOOL_CYCLE));
    String processes = browser.findElement(By.tagName("body")).getText();
    assertThat(processes).contains(SCHOOL_CYCLE).contains(DISTRICT_CYCLE);
    chromium.screenshot("cockpit-processes-desktop");
  }
}
