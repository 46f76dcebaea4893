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
 * Issue 14 §4 in a real browser, on the demo: supervisor1 opens the school groups from the
 * navigation (both demo groups with the 7–15 warning, เชิงดอย behind its meeting rule, only their
 * own group linked, the XLSX export), then their group's page (rule per semester, committee with
 * chair and vice-chair, meetings, the group supervision project) and that project's page; director5
 * is taken from the navigation to their own group, which shows ยังไม่ครบ. Every page on a desktop
 * (1366) and a phone (390) without critical or serious axe-core violations and without sideways
 * scrolling. Screenshots: {@code target/screenshots/groups-*}. Same Spring configuration as {@link
 * BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class GroupsBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Test
  void theSupervisorAndADirectorSeeTheirGroupsAndTheMeetingRule() throws Exception {
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    chromium.login("supervisor1");
    chromium.openFromNav("/groups");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("กลุ่มโรงเรียน");
    assertThat(browser.findElement(By.id("group-1099-C2")).getText())
        .contains("กลุ่มโรงเรียนเชิงดอย")
        .contains("ยังไม่ครบ")
        .contains("ไม่อยู่ในเกณฑ์ 7–15 โรง");
    assertThat(browser.findElements(By.cssSelector("a[href='/groups/1099-C2']"))).isEmpty();
    assertThat(browser.findElement(By.id("groups-export")).getAttribute("href"))
        .contains("/groups/export.xlsx");
    chromium.checkPage("groups-list", DESKTOP, problems);

    browser.findElement(By.cssSelector("a[href='/groups/1099-C1']")).click();
    assertThat(browser.findElement(By.id("group-members")).getText())
        .contains("ประธานกรรมการ")
        .contains("รองประธานกรรมการ");
    assertThat(browser.findElement(By.id("group-rule")).getText()).contains("ครบ");
    assertThat(browser.findElements(By.cssSelector(".group-meeting"))).hasSize(4);
    assertThat(browser.findElement(By.id("group-supervision-projects")).getText())
        .contains("นิเทศ ติดตามการอ่านออกเขียนได้");
    chromium.checkPage("groups-group", DESKTOP, problems);

    // the project's page says which group it serves; its owner may change it
    browser
        .findElement(
            By.cssSelector("#group-supervision-projects a[href^='/supervision/projects/']"))
        .click();
    assertThat(browser.findElement(By.id("project-group")).getText())
        .contains("กลุ่มโรงเรียนริมน้ำ");
    assertThat(browser.findElements(By.id("project-group-form"))).hasSize(1);
    chromium.checkPage("groups-supervision-project", DESKTOP, problems);

    browser.manage().deleteAllCookies();
    chromium.resize(DESKTOP);
    chromium.login("director5");
    chromium.openFromNav("/groups");
    assertThat(browser.getCurrentUrl()).endsWith("/groups/1099-C2");
    assertThat(browser.findElement(By.id("group-behind")).getText()).contains("ยังไม่ครบ");
    assertThat(browser.findElements(By.id("group-call-meeting"))).hasSize(1);
    chromium.checkPage("groups-director", DESKTOP, problems);

    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }
}
