package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.support.BrowserSupport;

/**
 * Training events in a real browser, on the demo: school 3's QA teacher opens Training from the
 * navigation, opens the standards training of cluster 1099-C1 and registers; qaofficer opens
 * Training from the supervision unit's menu, sends a plan without a title (the Thai message, the
 * typed text kept) and opens the SAR workshop held a month ago with its attendance by school, its
 * evaluation summary and the report form. No critical or serious axe violation on a desktop (1366)
 * and a phone (390), nothing scrolls sideways on the phone. Screenshots: {@code
 * target/screenshots/training-*}. Same Spring configuration as {@link BrowserTest}, so the demo
 * context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class TrainingBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Test
  void aSchoolRegistersAndTheOfficerPlansAndReadsTheWorkshop() throws Exception {
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    chromium.login("qa3");
    chromium.openFromNav("/training");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("การอบรมและประชุมเชิงปฏิบัติการ");
    assertThat(browser.findElement(By.id("training-history")).getText())
        .contains("ประชุมเชิงปฏิบัติการการเขียนรายงานการประเมินตนเอง (SAR)");
    chromium.checkPage("training-school-list", DESKTOP, problems);
    browser.findElement(By.linkText("อบรมการกำหนดมาตรฐานและค่าเป้าหมายของสถานศึกษา")).click();
    assertThat(browser.findElement(By.id("training-status")).getText())
        .isEqualTo("เปิดรับลงทะเบียน");
    browser.findElement(By.cssSelector("#training-register button[type=submit]")).click();
    assertThat(browser.findElement(By.id("training-mine")).getText()).contains("ท่านลงทะเบียนแล้ว");
    chromium.checkPage("training-registered", DESKTOP, problems);

    chromium.login("qaofficer");
    chromium.openFromNav("/training");
    browser.findElement(By.id("training-topic")).sendKeys("การใช้ผลการประเมินภายนอก");
    browser.findElement(By.cssSelector("#training-plan button[type=submit]")).click();
    assertThat(browser.findElement(By.id("training-errors")).getText())
        .contains("โปรดกรอกข้อมูลนี้");
    assertThat(browser.findElement(By.id("training-topic")).getAttribute("value"))
        .as("the typed topic is kept")
        .contains("การใช้ผลการประเมินภายนอก");
    chromium.checkPage("training-plan-error", DESKTOP, problems);

    browser.get(chromium.url("/training"));
    browser
        .findElement(By.linkText("ประชุมเชิงปฏิบัติการการเขียนรายงานการประเมินตนเอง (SAR)"))
        .click();
    assertThat(browser.findElement(By.id("training-status")).getText())
        .isEqualTo("รอรายงานผลการอบรม");
    assertThat(browser.findElement(By.id("training-by-school")).getText())
        .contains("โรงเรียนบ้านริมคลอง");
    assertThat(browser.findElement(By.id("training-answers")).getText()).contains("5");
    assertThat(browser.findElements(By.id("training-report"))).hasSize(1);
    chromium.checkPage("training-workshop", DESKTOP, problems);
    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }
}
