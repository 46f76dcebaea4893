package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.support.BrowserSupport;
import th.qaflow.support.TaskPages;

/**
 * The help desk in a real browser, on the demo: school 3's QA teacher opens Help desk from the
 * navigation, sends a question without a title (the Thai message, the typed text kept), then sends
 * it; supervisor1 opens Help desk from the district's menu, opens the question and answers in the
 * thread; the asker reads the answer; the district FAQ is searched (the demo's entry found, a word
 * not in it finds nothing). No critical or serious axe violation on a desktop (1366) and a phone
 * (390), nothing scrolls sideways on the phone. Screenshots: {@code target/screenshots/helpdesk-*}.
 * Same Spring configuration as {@link BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class HelpdeskBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);
  static final String TITLE = "การเขียนจุดเด่นจุดที่ควรพัฒนาใน SAR (ทดสอบเบราว์เซอร์)";

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Test
  void aSchoolAsksTheSupervisorAnswersInTheThreadAndTheFaqIsSearched() throws Exception {
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    chromium.login("qa3");
    chromium.openFromNav("/helpdesk");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ถามตอบกับศึกษานิเทศก์");
    new Select(browser.findElement(By.id("helpdesk-topic"))).selectByValue("SAR");
    browser
        .findElement(By.id("helpdesk-body"))
        .sendKeys("ควรเขียนจุดเด่นกี่ข้อ และต้องอ้างอิงหลักฐานหรือไม่");
    browser.findElement(By.cssSelector("#helpdesk-ask button[type=submit]")).click();
    assertThat(browser.findElement(By.id("helpdesk-errors")).getText())
        .contains("โปรดกรอกข้อมูลนี้");
    assertThat(browser.findElement(By.id("helpdesk-body")).getAttribute("value"))
        .as("the typed question is kept")
        .contains("ควรเขียนจุดเด่นกี่ข้อ");
    chromium.checkPage("helpdesk-ask-error", DESKTOP, problems);
    browser.findElement(By.id("helpdesk-title")).sendKeys(TITLE);
    // a screenshot of what the school sees, attached to the question
    Path screen = Files.createTempDirectory("helpdesk").resolve("หน้าจอ SAR.pdf");
    Files.write(screen, TaskPages.pdf("screen"));
    browser.findElement(By.id("helpdesk-file")).sendKeys(screen.toString());
    browser.findElement(By.cssSelector("#helpdesk-ask button[type=submit]")).click();
    assertThat(browser.findElement(By.id("question-title")).getText()).isEqualTo(TITLE);
    assertThat(browser.findElement(By.id("question-files")).getText()).contains("หน้าจอ SAR.pdf");
    assertThat(browser.findElement(By.id("question-status")).getText())
        .isEqualTo("รอศึกษานิเทศก์ตอบ");
    String thread = browser.getCurrentUrl();

    chromium.login("supervisor1");
    chromium.openFromNav("/helpdesk");
    browser.findElement(By.linkText(TITLE)).click();
    browser
        .findElement(By.id("helpdesk-text"))
        .sendKeys("เขียนจุดเด่นตามผลการประเมินจริง 3-5 ข้อ และอ้างอิงหลักฐานที่โรงเรียนเก็บไว้");
    chromium.checkPage("helpdesk-answer", DESKTOP, problems);
    chromium.submitAndWait(By.cssSelector("#helpdesk-answer button[type=submit]"));
    assertThat(browser.findElement(By.id("question-thread")).getText())
        .contains("เขียนจุดเด่นตามผลการประเมินจริง");
    assertThat(browser.findElement(By.id("question-status")).getText())
        .isEqualTo("ตอบแล้ว รอผู้ถามยืนยัน");

    chromium.login("qa3");
    browser.get(thread);
    assertThat(browser.findElement(By.id("question-thread")).getText())
        .contains("เขียนจุดเด่นตามผลการประเมินจริง");
    assertThat(browser.findElements(By.id("helpdesk-reply"))).hasSize(1);
    chromium.checkPage("helpdesk-thread", DESKTOP, problems);

    chromium.resize(DESKTOP);
    browser.get(chromium.url("/helpdesk/faq"));
    browser.findElement(By.id("faq-q")).sendKeys("บันทึกการนิเทศ");
    browser.findElement(By.cssSelector("#faq-search button[type=submit]")).click();
    assertThat(browser.findElement(By.id("faq-entries")).getText())
        .contains("หลักฐานประกอบการเขียน SAR มาตรฐานที่ 3");
    chromium.checkPage("helpdesk-faq", DESKTOP, problems);
    browser.get(chromium.url("/helpdesk/faq?q=ไม่มีคำนี้ในคำถามที่พบบ่อย"));
    assertThat(browser.findElement(By.id("faq-none")).getText())
        .isEqualTo("ไม่พบคำถามที่ตรงกับคำค้น");
    assertThat(browser.findElements(By.cssSelector("a[id^=faq-edit-]")))
        .as("a school does not edit the FAQ")
        .isEmpty();

    // the supervisor rewords the entry: an empty title is refused in Thai, the typed answer kept
    chromium.login("supervisor1");
    chromium.openFromNav("/helpdesk");
    browser.findElement(By.id("helpdesk-faq-link")).click();
    browser.findElement(By.id("faq-q")).sendKeys("บันทึกการนิเทศ");
    browser.findElement(By.cssSelector("#faq-search button[type=submit]")).click();
    browser.findElement(By.cssSelector("a[id^=faq-edit-]")).click();
    WebElement title = browser.findElement(By.id("faq-title"));
    String before = title.getAttribute("value");
    title.clear();
    browser.findElement(By.id("faq-answer")).sendKeys("\nแนบภาพถ่ายกิจกรรมได้");
    browser.findElement(By.cssSelector("#faq-edit-form button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector("#faq-edit-form .field-error")).getText())
        .isEqualTo("โปรดกรอกข้อมูลนี้");
    assertThat(browser.findElement(By.id("faq-answer")).getAttribute("value"))
        .contains("แนบภาพถ่ายกิจกรรมได้");
    chromium.checkPage("helpdesk-faq-edit", DESKTOP, problems);
    browser.findElement(By.id("faq-title")).sendKeys(before);
    browser.findElement(By.cssSelector("#faq-edit-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("faq-entries")).getText())
        .contains(before)
        .contains("แนบภาพถ่ายกิจกรรมได้")
        .contains("แก้ไขล่าสุด");
    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }
}
