package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Kind;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.security.QaUsers;
import th.qaflow.support.Axe;
import th.qaflow.support.BrowserSupport;
import th.qaflow.tasklist.TaskWork;

/**
 * The outside committee member in a real browser, on the demo: a sub-committee's meeting was held
 * and its minutes wait for the members; ktpnmember signs in, opens Committees from the navigation,
 * sees the demo's ก.ต.ป.น. and the sub-committee (nothing else), opens the minutes from the page,
 * asks for a correction without saying what (refused, the choice kept), then approves. The pages
 * have no critical or serious axe violation on a desktop (1366) and a phone (390), and nothing
 * scrolls sideways on the phone. Screenshots: {@code target/screenshots/committee-*}. Same Spring
 * configuration as {@link BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class CommitteeBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);
  static final String SUB = "อ.ก.ต.ป.น. ด้านการนิเทศ (ทดสอบเบราว์เซอร์)";

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired Clock clock;
  @Autowired Committees committees;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TaskWork work;
  @Autowired QaUsers users;

  @Test
  void theOutsideMemberReadsTheMinutesAndApprovesThem() throws Exception {
    long id = heldMeeting();
    WebDriver browser = chromium.driver();
    chromium.resize(DESKTOP);
    chromium.login("ktpnmember");
    assertThat(browser.findElements(By.cssSelector("nav a[href='/monitoring']"))).isEmpty();
    chromium.openFromNav("/committees");
    String list = browser.findElement(By.id("committee-list")).getText();
    assertThat(list).contains(SUB).contains("ก.ต.ป.น.");
    assertThat(browser.findElements(By.cssSelector("#committee-list tbody tr"))).hasSize(2);
    checkPage(browser, "committee-list");

    browser.findElement(By.linkText(SUB)).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(SUB);
    assertThat(browser.findElement(By.cssSelector(".committee-minutes")).getText())
        .contains("ที่ประชุมเห็นชอบแนวทางการนิเทศออนไลน์");
    assertThat(browser.findElements(By.id("committee-add-member")))
        .as("reads, does not manage")
        .isEmpty();
    checkPage(browser, "committee-page");

    chromium.resize(DESKTOP);
    browser.findElement(By.cssSelector("a.committee-my-step")).click();
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("ที่ประชุมเห็นชอบแนวทางการนิเทศออนไลน์");
    browser.findElement(By.cssSelector("input[name='minutesVote'][value='object']")).click();
    browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("f-minutesObjection-error")).getText()).isNotBlank();
    assertThat(
            browser
                .findElement(By.cssSelector("input[name='minutesVote'][value='object']"))
                .isSelected())
        .isTrue();
    checkPage(browser, "committee-vote");

    chromium.resize(DESKTOP);
    browser.findElement(By.cssSelector("input[name='minutesVote'][value='approve']")).click();
    browser.findElement(By.cssSelector("#task-form button[type=submit]")).click();
    // the task page's own URL starts with /tasks too: wait for the list the completion leads to
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/tasks"));
    assertThat(committees.votes(committees.meetings(id).get(0).id()))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.userId()).isEqualTo("ktpnmember");
              assertThat(v.vote()).isEqualTo("approve");
            });
    browser.get(chromium.url("/committees/" + id));
    assertThat(browser.findElement(By.cssSelector(".committee-votes")).getText())
        .contains("สมชาย ใฝ่รู้")
        .contains("รับรอง");
  }

  /** Axe at desktop and phone width, and no sideways scrolling on the phone. */
  private void checkPage(WebDriver browser, String name) throws Exception {
    for (Dimension size : List.of(DESKTOP, BrowserSupport.PHONE)) {
      chromium.resize(size);
      browser.navigate().refresh();
      assertThat(Axe.violations(browser)).as("axe at " + size.width + "px on " + name).isEmpty();
      chromium.screenshot(name + (size.width < 500 ? "-phone" : "-desktop"));
    }
    assertThat(
            (Boolean)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "return document.documentElement.scrollWidth > window.innerWidth + 1;"))
        .as("no sideways scrolling on a phone")
        .isFalse();
  }

  /** A sub-committee of the demo's ก.ต.ป.น. whose meeting was held yesterday, minutes recorded. */
  private long heldMeeting() {
    int year = AcademicYears.current(clock);
    Long parent =
        committees.ofDistrict("1099").stream()
            .filter(c -> c.kind() == Kind.KTPN)
            .map(Committees.Committee::id)
            .findFirst()
            .orElseThrow();
    LocalDate today = LocalDate.now(clock);
    long id =
        committees.create(
            "1099",
            Kind.SUB,
            parent,
            SUB,
            today.minusMonths(1),
            today.plusYears(2),
            2,
            "qaofficer");
    committees.addMember(id, "ktpnmember", MemberRole.MEMBER);
    String pi = committees.startMeeting(id, year, "supdirector");
    Map<String, String> agenda = new LinkedHashMap<>();
    agenda.put("meetingDate", today.minusDays(1).toString());
    agenda.put("meetingPlace", "ห้องประชุมกลุ่มนิเทศ");
    agenda.put("agendaItems[0].agendaTitle", "แนวทางการนิเทศออนไลน์");
    complete(pi, agenda);
    // the meeting day is past: the timer fires (here, or by the demo's job executor)
    for (int i = 0; i < 100 && tasks.createTaskQuery().processInstanceId(pi).count() == 0; i++) {
      management.createJobQuery().processInstanceId(pi).timers().list().stream()
          .findFirst()
          .ifPresent(
              job -> {
                try {
                  management.executeJob(job.getId());
                } catch (RuntimeException firedByJobExecutor) {
                  // the job executor got there first
                }
              });
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Map<String, String> minutes = new LinkedHashMap<>();
    minutes.put("minutes", "ที่ประชุมเห็นชอบแนวทางการนิเทศออนไลน์");
    complete(pi, minutes);
    return id;
  }

  private void complete(String pi, Map<String, String> values) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    Map<String, String[]> p = new LinkedHashMap<>();
    values.forEach((k, v) -> p.put(k, new String[] {v}));
    assertThat(work.complete(task.getId(), users.byId("supdirector"), p).done()).isTrue();
  }
}
