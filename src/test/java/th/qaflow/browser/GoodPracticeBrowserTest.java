package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.goodpractice.GoodPractices;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 13 §5 in a real browser, on the demo: school 2's QA teacher (no other browser test acts for
 * school 2 on this page) opens Good practice from the navigation, sends a nomination without a name
 * (refused, what was typed kept), then with it, and finds it listed; a visitor without login reads
 * last year's published good practices (only the selected ones) on a desktop (1366) and a phone
 * (390). Screenshots: {@code target/screenshots/good-practice-*}. Same Spring configuration as
 * {@link BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class GoodPracticeBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;
  @Autowired GoodPractices rounds;

  @Test
  void aSchoolNominatesAndTheDistrictsSelectionIsPublic() throws Exception {
    int year = AcademicYears.current(clock);
    assertThat(rounds.round("1099", year)).as("the demo's round of this year is open").isPresent();
    WebDriver browser = chromium.driver();
    chromium.resize(DESKTOP);
    chromium.login("qa2");
    chromium.openFromNav("/goodpractice");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("วิธีปฏิบัติที่ดีของสถานศึกษา");
    assertThat(browser.findElement(By.cssSelector(".gp-stage")).getText())
        .contains("เปิดรับการเสนอ");

    String practice = "นักเรียนทุกคนอ่านหนังสือ 15 นาทีก่อนเข้าเรียน ครูบันทึกผลรายเดือน";
    new Select(browser.findElement(By.id("gp-standard"))).selectByValue("BASIC-1");
    browser.findElement(By.id("gp-practice")).sendKeys(practice);
    browser.findElement(By.id("gp-evidenceUrl")).sendKeys("https://drive.example/school2/reading");
    browser.findElement(By.cssSelector("#gp-nominate button[type=submit]")).click();
    WebElement errors = browser.findElement(By.id("gp-errors"));
    assertThat(errors.getText()).contains("โปรดระบุชื่อวิธีปฏิบัติที่ดี");
    assertThat(browser.findElement(By.id("gp-practice")).getAttribute("value")).isEqualTo(practice);
    assertThat(browser.findElement(By.id("gp-title")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    chromium.screenshot("good-practice-school-error-desktop");

    browser.findElement(By.id("gp-title")).sendKeys("อ่านก่อนเรียน 15 นาที");
    browser.findElement(By.cssSelector("#gp-nominate button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
        .contains("บันทึกการเสนอแล้ว");
    assertThat(browser.findElement(By.cssSelector(".gp-list")).getText())
        .contains("อ่านก่อนเรียน 15 นาที")
        .contains("รอการพิจารณา")
        .as("school 2 sees only its own nominations")
        .doesNotContain("บันทึกการอ่านรายวัน");
    WebElement mine =
        browser.findElements(By.cssSelector(".gp-nomination")).stream()
            .filter(e -> e.getText().contains("อ่านก่อนเรียน 15 นาที"))
            .findFirst()
            .orElseThrow();
    assertThat(mine.findElements(By.cssSelector(".gp-actions a"))).as("editable").hasSize(1);
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", mine);
    chromium.screenshot("good-practice-school-desktop");
    chromium.resize(BrowserSupport.PHONE);
    browser.navigate().refresh();
    assertThat(overflowsSideways(browser)).as("no sideways scrolling on a phone").isFalse();
    chromium.screenshot("good-practice-school-phone");

    // anyone, without login: last year's published selection
    browser.manage().deleteAllCookies();
    chromium.resize(DESKTOP);
    browser.get(chromium.url("/public/districts/1099/good-practices/" + (year - 1)));
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page)
        .contains("ปีการศึกษา " + (year - 1))
        .contains("ชุมนุมคณิตคิดสนุก")
        .contains("กิจกรรมแลกเปลี่ยนเรียนรู้")
        .doesNotContain("ติวเข้มก่อนสอบ");
    assertThat(browser.findElements(By.cssSelector("nav a[href='/goodpractice']"))).isEmpty();
    chromium.screenshot("good-practice-public-desktop");
    chromium.resize(BrowserSupport.PHONE);
    browser.navigate().refresh();
    assertThat(overflowsSideways(browser)).isFalse();
    chromium.screenshot("good-practice-public-phone");
  }

  private static boolean overflowsSideways(WebDriver browser) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
  }
}
