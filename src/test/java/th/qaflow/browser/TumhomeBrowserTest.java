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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeProcess;

/**
 * Issue 14 §6 in a real browser, on the demo: the QA officer opens the TUMHOME drive from the
 * navigation (the year's drive with its four signed MOUs, the mentoring's visit round and the 4Q
 * indicators), the open mentoring task with the round's visits above its form, and the district
 * dashboard's card; director4 sees only the own school's MOU, not signed, signing closed. Then the
 * mentoring is done, the officer records the MOU schools' levels on the page and sees the computed
 * ranking; once evaluated, the public results page. Every page on a desktop (1366) and a phone
 * (390) without critical or serious axe-core violations and without sideways scrolling.
 * Screenshots: {@code target/screenshots/tumhome-*}. Same Spring configuration as {@link
 * BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class TumhomeBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;
  @Autowired TumhomeDrives drives;
  @Autowired TaskService tasks;

  @Test
  void theOfficerFollowsTheMentoringAndRanksTheMouSchools() throws Exception {
    int year = AcademicYears.current(clock);
    String pi = drives.drive("1099", year).orElseThrow().processInstanceId();
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    chromium.login("qaofficer");
    chromium.openFromNav("/tumhome");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("4Q");
    String drive = browser.findElement(By.id("tumhome-" + year)).getText();
    assertThat(drive).contains("ลงนาม MOU แล้ว 4 จาก").contains("รอบการนิเทศ (ตรวจเยี่ยม) ที่ 2");
    assertThat(browser.findElements(By.cssSelector(".tumhome-visit-list tbody tr"))).hasSize(4);
    chromium.checkPage("tumhome-drives", DESKTOP, problems);

    Task open = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(open.getTaskDefinitionKey()).isEqualTo(TumhomeProcess.TASK_MENTORING);
    browser.get(chromium.url("/tasks/" + open.getId()));
    assertThat(browser.findElement(By.cssSelector(".tumhome-panel")).getText())
        .contains("รอบการนิเทศ (ตรวจเยี่ยม) ที่ 2");
    chromium.checkPage("tumhome-task", DESKTOP, problems);

    browser.get(chromium.url("/monitoring/districts/1099?year=" + year));
    assertThat(browser.findElement(By.id("tumhome-card")).getText()).contains("ลงนาม MOU แล้ว");
    // the dashboard's matrix scrolls sideways by design: only axe there
    assertThat(Axe.violations(browser)).as("dashboard with the card").isEmpty();
    chromium.screenshot("tumhome-dashboard-card-desktop");

    chromium.login("director4");
    browser.get(chromium.url("/tumhome"));
    assertThat(browser.findElements(By.cssSelector(".tumhome-own"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".tumhome-own")).getAttribute("data-signed"))
        .isEqualTo("false");
    assertThat(browser.findElements(By.cssSelector(".tumhome-sign")))
        .as("signing closed")
        .isEmpty();
    chromium.checkPage("tumhome-director", DESKTOP, problems);

    // the mentoring done, the officer records the levels and QA Flow ranks the schools
    tasks.complete(
        open.getId(),
        Map.of(
            TumhomeProcess.VAR_REFLECTION, "สะท้อนผลกับครู", TumhomeProcess.VAR_REPORT, "รายงาน"));
    chromium.login("qaofficer");
    browser.get(chromium.url("/tumhome?district=1099"));
    List<String> levels = List.of("5", "4", "4", "3");
    List<String> schools = List.of("1099010001", "1099010002", "1099010003", "1099010005");
    for (int i = 0; i < schools.size(); i++) {
      for (int q = 1; q <= 4; q++) {
        new Select(browser.findElement(By.id("level-" + schools.get(i) + "-Q" + q)))
            .selectByValue(levels.get(i));
      }
    }
    chromium.checkPage("tumhome-levels", DESKTOP, problems);
    browser.findElement(By.cssSelector(".tumhome-results button[type=submit]")).click();
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
        .contains("จัดลำดับ");
    List<WebElement> ranked =
        browser.findElements(By.cssSelector(".tumhome-ranking-table tbody tr"));
    assertThat(ranked)
        .extracting(r -> r.getAttribute("data-rank"))
        .containsExactly("1", "2", "2", "4");
    assertThat(browser.findElements(By.cssSelector("a.tumhome-export"))).hasSize(1);
    chromium.checkPage("tumhome-ranking", DESKTOP, problems);

    Task evaluate = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    tasks.complete(
        evaluate.getId(),
        Map.of(
            TumhomeProcess.VAR_RESULT_STUDENTS, "ดี",
            TumhomeProcess.VAR_RESULT_TEACHERS, "ดีมาก",
            TumhomeProcess.VAR_RESULT_CLASSROOMS, "ดี",
            TumhomeProcess.VAR_RESULT_DIRECTORS, "ดีมาก",
            TumhomeProcess.VAR_SHARING, "เวทีแลกเปลี่ยนเรียนรู้",
            TumhomeProcess.VAR_NEXT_CYCLE, "no"));
    browser.manage().deleteAllCookies();
    browser.get(chromium.url("/public/districts/1099/tumhome/" + year));
    assertThat(browser.findElements(By.cssSelector(".tumhome-ranking-table tbody tr"))).hasSize(4);
    chromium.checkPage("tumhome-public", DESKTOP, problems);

    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }
}
