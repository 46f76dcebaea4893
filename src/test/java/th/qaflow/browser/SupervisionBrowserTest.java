package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 14 §1 in a real browser, on the demo: the supervision director opens the supervision plan
 * from the navigation (the year's plan, its stage and two projects), a project's page with the
 * visit round launched under it, and the district dashboard's card; a school director sends a
 * rating without a score (refused in Thai, the comment kept), then with one. Every page on a
 * desktop (1366) and a phone (390) without critical or serious axe-core violations and without
 * sideways scrolling. Screenshots: {@code target/screenshots/supervision-*}. Same Spring
 * configuration as {@link BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class SupervisionBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;
  @Autowired SupervisionPlans plans;

  @Test
  void theUnitFollowsItsPlanAndASchoolRatesTheSupervision() throws Exception {
    int year = AcademicYears.current(clock);
    long planId = plans.plan("1099", year).orElseThrow().id();
    long projectId = plans.projects(planId).get(0).id();
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    chromium.login("supdirector");
    chromium.openFromNav("/supervision");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("แผนปฏิบัติการนิเทศการศึกษา");
    String plan = browser.findElement(By.id("supervision-" + year)).getText();
    assertThat(plan)
        .contains("รายงานความก้าวหน้าโครงการนิเทศ")
        .contains("นิเทศ ติดตามการอ่านออกเขียนได้")
        .contains("ร้อยละ 60");
    chromium.checkPage("supervision-plans", DESKTOP, problems);

    browser.get(chromium.url("/supervision/projects/" + projectId));
    assertThat(browser.findElement(By.id("project-rounds")).getText()).contains("รอบที่ 1");
    chromium.checkPage("supervision-project", DESKTOP, problems);

    browser.get(chromium.url("/monitoring/districts/1099?year=" + year));
    assertThat(browser.findElement(By.id("supervision-card")).getText())
        .contains("ขับเคลื่อนชุมชนการเรียนรู้ทางวิชาชีพ");
    // the dashboard's matrix scrolls sideways by design: only axe there
    assertThat(Axe.violations(browser)).as("dashboard with the card").isEmpty();
    chromium.screenshot("supervision-dashboard-card-desktop");

    // a school director: no score is refused, the comment kept; then saved
    browser.manage().deleteAllCookies();
    chromium.resize(DESKTOP);
    chromium.login("director3");
    chromium.openFromNav("/supervision/satisfaction");
    String comment = "ขอให้มีการนิเทศการสอนคณิตศาสตร์เพิ่ม";
    browser.findElement(By.id("rating-comment")).sendKeys(comment);
    browser.findElement(By.cssSelector("#rating-form button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
        .contains("โปรดเลือกระดับความพึงพอใจ");
    assertThat(browser.findElement(By.id("rating-comment")).getAttribute("value"))
        .isEqualTo(comment);
    chromium.checkPage("supervision-rating-error", DESKTOP, problems);
    browser.findElement(By.cssSelector("label[for='rating-4']")).click();
    browser.findElement(By.cssSelector("#rating-form button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
        .contains("บันทึกการประเมิน");
    chromium.checkPage("supervision-rating", DESKTOP, problems);
    assertThat(plans.ratings("1099", year)).anyMatch(r -> r.schoolCode().equals("1099010003"));

    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }
}
