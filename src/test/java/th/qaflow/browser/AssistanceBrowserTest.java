package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
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
import th.qaflow.support.BrowserSupport;

/**
 * Issue 13 §5 (help for schools below the standard) in a real browser, on the demo: the district's
 * QA officer finds last year's schools below their targets on the synthesis page, school 3 marked
 * as helped, the others with a box to start help (sent with none chosen: the Thai message, nothing
 * started, so the shared demo is not changed); the district's list of help; school 3's QA teacher
 * reads the school's approved plan and the recorded visit — on a desktop (1366) and a phone (390).
 * Screenshots: {@code target/screenshots/assistance-*}. Same Spring configuration as {@link
 * BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class AssistanceBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;

  @Test
  void theDistrictStartsHelpFromTheSynthesisAndTheSchoolReadsItsPlan() throws Exception {
    int lastYear = AcademicYears.current(clock) - 1;
    WebDriver browser = chromium.driver();
    chromium.resize(DESKTOP);
    chromium.login("qaofficer");
    browser.get(chromium.url("/synthesis/1099/" + lastYear));
    WebElement help = browser.findElement(By.id("below-target-help"));
    assertThat(help.getText())
        .contains("การช่วยเหลือสถานศึกษาที่ยังไม่ได้มาตรฐานตามเป้าหมาย")
        .contains("1099010003")
        .contains("อยู่ระหว่างการช่วยเหลือ");
    List<WebElement> boxes = help.findElements(By.cssSelector("input[name=school]"));
    assertThat(boxes)
        .extracting(b -> b.getAttribute("value"))
        .as("the schools below a target without help can be chosen, school 3 not again")
        .contains("1099010005")
        .doesNotContain("1099010003");
    scrollTo(browser, help);
    chromium.screenshot("assistance-synthesis-desktop");
    // sent with no school chosen: a clear message, nothing started
    help.findElement(By.cssSelector("button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
        .isEqualTo("โปรดเลือกสถานศึกษาในรายชื่ออย่างน้อยหนึ่งแห่ง");

    browser.get(chromium.url("/district/assistance"));
    WebElement c = browser.findElement(By.id("help-1099010003-" + lastYear));
    assertThat(c.getText())
        .contains("อยู่ระหว่างการช่วยเหลือ")
        .contains("นิเทศ ติดตามและบันทึกผลการเยี่ยม")
        .contains("ช่วยเหลือสถานศึกษา: นิเทศ ติดตาม");
    chromium.screenshot("assistance-district-desktop");
    chromium.resize(BrowserSupport.PHONE);
    browser.navigate().refresh();
    assertThat(overflowsSideways(browser)).as("no sideways scrolling on a phone").isFalse();
    chromium.screenshot("assistance-district-phone");

    chromium.resize(DESKTOP);
    chromium.login("qa3");
    browser.get(chromium.url("/assistance/schools/1099010003"));
    WebElement mine = browser.findElement(By.id("help-1099010003-" + lastYear));
    assertThat(mine.getText())
        .contains("แผนการช่วยเหลือ")
        .contains("สอนซ่อมเสริมคณิตศาสตร์")
        .contains("ขั้นพื้นฐาน มาตรฐานที่ 1")
        .contains("รอบที่ 1 เยี่ยมวันที่")
        .contains("นางสาวปิยะนันท์ สมชาติ");
    chromium.screenshot("assistance-school-desktop");
    chromium.resize(BrowserSupport.PHONE);
    browser.navigate().refresh();
    assertThat(overflowsSideways(browser)).as("no sideways scrolling on a phone").isFalse();
    chromium.screenshot("assistance-school-phone");
    // another school's page is refused
    browser.get(chromium.url("/assistance/schools/1099010005"));
    assertThat(browser.getPageSource()).doesNotContain("help-1099010005");
  }

  private static void scrollTo(WebDriver browser, WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
  }

  private static boolean overflowsSideways(WebDriver browser) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
  }
}
