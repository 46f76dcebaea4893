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
import th.qaflow.research.ResearchProjects;
import th.qaflow.research.ResearchProjects.Project;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;

/**
 * Issue 15 §1 in a real browser, on the demo: the QA officer opens the research from the navigation
 * (the year's R2R project and its stage), the project's page (its rounds of the model loop and its
 * steps), the request form of the data for researchers with a refused request (Thai messages), and
 * the supervision director the log of requests. Every page on a desktop (1366) and a phone (390)
 * without critical or serious axe-core violations and without sideways scrolling. Screenshots:
 * {@code target/screenshots/research-*}. Same Spring configuration as {@link BrowserTest}, so the
 * demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class ResearchBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;
  @Autowired ResearchProjects projects;

  @Test
  void theOfficerFollowsTheDistrictsResearch() throws Exception {
    int year = AcademicYears.current(clock);
    Project project =
        projects.projects("1099").stream()
            .filter(p -> p.academicYear() == year)
            .findFirst()
            .orElseThrow();
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    chromium.login("qaofficer");
    chromium.openFromNav("/research");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("การวิจัยเพื่อพัฒนาระบบการประกันคุณภาพ");
    assertThat(browser.findElement(By.id("research-" + project.id())).getText())
        .contains(project.title());
    chromium.checkPage("research-projects", DESKTOP, problems);

    browser.findElement(By.cssSelector("#research-" + project.id() + " a")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(project.title());
    assertThat(browser.findElement(By.cssSelector(".research-rounds")).getText())
        .contains("เพิ่มการโค้ชรายสัปดาห์");
    chromium.checkPage("research-project", DESKTOP, problems);

    browser.get(chromium.url("/research/data"));
    browser.findElement(By.id("research-organisation")).sendKeys("มหาวิทยาลัย");
    browser.findElement(By.cssSelector("#research-data-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("research-data-errors")).getText())
        .contains("โปรดระบุชื่อผู้ขอข้อมูล");
    chromium.checkPage("research-data-refused", DESKTOP, problems);

    chromium.login("supdirector");
    browser.get(chromium.url("/research/data/log?district=1099"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("บันทึกคำขอข้อมูลสำหรับนักวิจัย");
    chromium.checkPage("research-log", DESKTOP, problems);

    browser.get(chromium.url("/monitoring/districts/1099?year=" + year));
    assertThat(browser.findElement(By.id("research-card")).getText()).contains("โครงการ 1");
    assertThat(Axe.violations(browser)).as("dashboard with the card").isEmpty();

    // a school's QA staff open their register from the bar: the joint project and the form
    chromium.login("qa1");
    chromium.openFromNav("/research/schools");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("ทะเบียนงานวิจัยของสถานศึกษา");
    assertThat(browser.findElement(By.cssSelector(".school-research")).getText())
        .contains("การประเมินตนเองแบบร่วมมือของโรงเรียนคู่พัฒนา")
        .contains("โรงเรียนบ้านท่าน้ำ");
    chromium.checkPage("research-school", DESKTOP, problems);

    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }
}
