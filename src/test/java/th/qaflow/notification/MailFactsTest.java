package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.notification.NotificationFixture.*;
import static th.qaflow.support.Mails.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.QaFlowTest;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.DaysLate;
import th.qaflow.kernel.EscalationDue;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.WebSessions;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;

/**
 * Every mail read as its reader reads it (GreenMail, decoded UTF-8 subject and body): who gets it,
 * which school or district and academic year it names, how many days late it says (the dashboard's
 * number for the same task at the same engine clock), no placeholder or raw text, one escalation
 * per task and level whatever decides it, and the deadline-changed mail's old and new dates.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class MailFactsTest {
  /** Placeholders and leaked keys a reader must never see. */
  static final List<String> JUNK = List.of("–", "??", "notification.", "0 คือ", "null", "{0}");

  @Autowired GreenMail mail;
  @Autowired ReminderScanner scanner;
  @Autowired th.qaflow.notification.internal.Preferences preferences;
  @Autowired OutboxSender sender;
  @Autowired Reminders reminders;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired VisitRounds rounds;
  @Autowired QaUsers users;
  @Autowired CalendarEditor calendar;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired MockMvc mvc;

  @BeforeEach
  void setUp() {
    importDistrict(organisation);
  }

  @Test
  void anEscalationNamesTheSchoolAndYearAndSaysTheDashboardsDaysLate() throws Exception {
    Task task = startCycle(2624); // STANDARDS due 24 May 2081 (2624 BE) 23:59:59
    preferences.set(QA2, NotificationMode.DIGEST, clock.instant());
    // 27 May 08:00: 2 days 8 hours after the due moment, the 3rd calendar day after the due date
    at(LocalDateTime.of(2081, 5, 27, 8, 0));
    List<MimeMessage> escalations = byKind(task, "OVERDUE_DIRECTOR");
    assertThat(escalations).extracting(Mails::to).containsExactly(email(DIRECTOR));
    long dashboard = dashboardDaysLate(2624, task.getId());
    assertThat(dashboard)
        .isEqualTo(3)
        .isEqualTo(DaysLate.of(task.getDueDate().toInstant(), clock.instant()));
    MimeMessage m = escalations.get(0);
    assertThat(subject(m))
        .contains("งานเลยกำหนด " + dashboard + " วัน")
        .contains(SCHOOL_NAME)
        .contains("ปีการศึกษา 2624")
        .contains("แจ้งผู้อำนวยการสถานศึกษา");
    assertThat(text(m))
        .contains("เลยกำหนดมาแล้ว " + dashboard + " วัน")
        .contains("สถานศึกษา: " + SCHOOL_NAME)
        .contains("ปีการศึกษา: 2624")
        .contains("กำหนดเสร็จ: 24 พ.ค. 2624")
        .doesNotContain("สถานศึกษาที่เกี่ยวข้อง");
    assertClean(m);
    // the day's digest (after 07:00) of a QA member in digest mode: school and year in its subject,
    // the same count
    MimeMessage digest =
        byKind(task, "DIGEST").stream()
            .filter(d -> to(d).equals(email(QA2)))
            .findFirst()
            .orElseThrow();
    assertThat(subject(digest))
        .contains("สรุปงานประจำวันที่ 27 พ.ค. 2624")
        .contains(SCHOOL_NAME)
        .contains("ปีการศึกษา")
        .contains("2624");
    assertThat(text(digest)).contains("เลยกำหนด " + dashboard + " วัน");
    assertClean(digest);
  }

  @Test
  void aSecondSourceWithAnotherDueDateMakesNoSecondEscalation() {
    Task task = startCycle(2625);
    clock(LocalDateTime.of(2082, 11, 2, 9, 0));
    // the district's SAR chase escalates the school's first open task, naming the calendar's SAR
    // deadline
    Date sarDeadline = Date.from(StageWindow.defaults(SchoolStage.SAR_SUBMISSION, 2625).dueAt());
    assertThat(sarDeadline).isNotEqualTo(task.getDueDate());
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s ->
                events.publishEvent(
                    new EscalationDue(
                        task.getProcessInstanceId(),
                        task.getId(),
                        SCHOOL,
                        2625,
                        SchoolStage.SAR_SUBMISSION.name(),
                        "DIRECTOR",
                        sarDeadline)));
    // and the scanner decides the same task's escalation from the task
    at(LocalDateTime.of(2082, 11, 2, 9, 0));
    at(LocalDateTime.of(2082, 11, 20, 9, 0));
    List<MimeMessage> toDirector = byKind(task, "OVERDUE_DIRECTOR");
    assertThat(toDirector).as("one escalation to the director, not one per source").hasSize(1);
    assertThat(text(toDirector.get(0))).contains("กำหนดเสร็จ: 24 พ.ค. 2625");
    assertThat(subject(toDirector.get(0)))
        .contains("งานเลยกำหนด 162 วัน"); // 24 May → 2 Nov, when it was decided
  }

  @Test
  void aDistrictTaskAboutASchoolEscalatesToDistrictStaffNeverToTheSchoolDirector()
      throws Exception {
    int year = 2626;
    clock(LocalDateTime.of(2083, 5, 20, 8, 0));
    rounds.launch(users.byId(OFFICER), DISTRICT, year, 1, CLUSTER);
    String visit =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(DistrictVisitProcess.PROCESS_ID)
            .processInstanceBusinessKey(DistrictVisitProcess.businessKey(SCHOOL, year, 1))
            .singleResult()
            .getId();
    Task plan = tasks.createTaskQuery().processInstanceId(visit).singleResult();
    tasks.complete(plan.getId(), Map.of("visitDate", "2083-08-20"));
    Task committee = tasks.createTaskQuery().processInstanceId(visit).singleResult();
    assertThat(committee.getTaskDefinitionKey())
        .isEqualTo(DistrictVisitProcess.TASK_APPOINT_COMMITTEE);
    Instant due = committee.getDueDate().toInstant();

    at(LocalDateTime.ofInstant(due, AcademicYears.ZONE).plusDays(10));
    List<MimeMessage> about =
        Mails.about(mail, committee.getId()).stream()
            .filter(m -> kind(m).startsWith("OVERDUE_"))
            .toList();
    assertThat(Mails.about(mail, committee.getId()))
        .extracting(Mails::to)
        .as("no mail of any kind (reminder, digest, escalation) to the school's people")
        .doesNotContain(email(DIRECTOR), email(SUPERVISOR), email(QA1), email(QA2));
    assertThat(about)
        .extracting(Mails::to)
        .containsExactlyInAnyOrder(email(SUPERVISION_DIRECTOR), email(OFFICER))
        .doesNotContain(email(DIRECTOR), email(SUPERVISOR));
    String dueText =
        text(about.get(0))
            .lines()
            .filter(l -> l.startsWith("กำหนดเสร็จ: "))
            .findFirst()
            .orElseThrow();
    for (MimeMessage m : about) {
      assertThat(subject(m))
          .contains(DISTRICT_NAME)
          .contains("ปีการศึกษา 2626")
          .doesNotContain("สถานศึกษา");
      assertThat(text(m))
          .contains("สำนักงานเขตพื้นที่: " + DISTRICT_NAME)
          .contains("ปีการศึกษา: 2626")
          .contains("สถานศึกษาที่เกี่ยวข้อง: " + SCHOOL_NAME)
          .contains(dueText)
          .doesNotContain("สถานศึกษาของท่าน")
          .doesNotContain("กลุ่มที่ท่านนิเทศ");
      assertClean(m);
    }
    assertThat(byKind(committee, "OVERDUE_DIRECTOR"))
        .extracting(Mails::to)
        .containsExactly(email(SUPERVISION_DIRECTOR));
    show(byKind(committee, "OVERDUE_DIRECTOR").get(0));

    // "remind now" on the same district task: the district is named, the days late said plainly
    assertThat(reminders.remindNow(committee.getId(), OFFICER)).isEqualTo(1);
    sender.drain();
    List<MimeMessage> now = byKind(committee, "REMIND_NOW");
    assertThat(now).hasSize(1);
    MimeMessage remind = now.get(0);
    assertThat(to(remind)).isEqualTo(email(SUPERVISION_DIRECTOR));
    assertThat(text(remind))
        .contains("สำนักงานเขตพื้นที่: " + DISTRICT_NAME)
        .contains("เลยกำหนดมาแล้ว " + DaysLate.of(due, clock.instant()) + " วัน");
    assertThat(subject(remind)).contains(DISTRICT_NAME).contains("ปีการศึกษา 2626");
    assertClean(remind);
  }

  @Test
  void remindNowSaysTheDueDateOrHowLateAndNamesTheSchool() throws Exception {
    Task task = startCycle(2627);
    clock(LocalDateTime.of(2084, 5, 20, 10, 0)); // before the due date (24 May)
    assertThat(reminders.remindNow(task.getId(), OFFICER)).isEqualTo(2);
    sender.drain();
    List<MimeMessage> early = byKind(task, "REMIND_NOW");
    assertThat(early).extracting(Mails::to).containsExactlyInAnyOrder(email(QA1), email(QA2));
    for (MimeMessage m : early) {
      assertThat(text(m))
          .contains("ให้แล้วเสร็จภายในวันที่ 24 พ.ค. 2627")
          .contains("สถานศึกษา: " + SCHOOL_NAME)
          .doesNotContain("เลยกำหนด");
      assertThat(subject(m))
          .contains(SCHOOL_NAME)
          .contains("ปีการศึกษา 2627")
          .contains("กำหนดส่ง 24 พ.ค. 2627");
      assertClean(m);
    }

    clock(LocalDateTime.of(2084, 5, 27, 8, 0));
    assertThat(reminders.remindNow(task.getId(), OFFICER)).isEqualTo(2);
    sender.drain();
    // GreenMail lists mails by mailbox, not in order: the second day's mails are those that say
    // "late"
    List<MimeMessage> late =
        byKind(task, "REMIND_NOW").stream().filter(m -> text(m).contains("เลยกำหนด")).toList();
    assertThat(late).extracting(Mails::to).containsExactlyInAnyOrder(email(QA1), email(QA2));
    long dashboard = dashboardDaysLate(2627, task.getId());
    assertThat(dashboard).isEqualTo(3);
    for (MimeMessage m : late) {
      assertThat(text(m))
          .contains("ซึ่งเลยกำหนดมาแล้ว " + dashboard + " วัน")
          .contains("สถานศึกษา: " + SCHOOL_NAME);
      assertThat(subject(m)).contains("เลยกำหนด " + dashboard + " วัน").contains("ปีการศึกษา 2627");
      assertClean(m);
    }
  }

  @Test
  void aMovedDeadlineSaysTheOldAndTheNewDateOncePerChange() {
    int year = 2628;
    Task task = startCycle(year);
    StageWindow standards = StageWindow.defaults(SchoolStage.STANDARDS, year);
    assertThat(standards.due()).isEqualTo(LocalDate.of(2085, 5, 24));
    move(year, standards, LocalDate.of(2085, 5, 20));
    List<MimeMessage> changed = byKind(task, "DEADLINE_CHANGED");
    assertThat(changed).extracting(Mails::to).containsExactlyInAnyOrder(email(QA1), email(QA2));
    for (MimeMessage m : changed) {
      assertThat(subject(m))
          .contains("เปลี่ยนกำหนดส่ง")
          .contains(SCHOOL_NAME)
          .contains("ปีการศึกษา 2628")
          .contains("จาก 24 พ.ค. 2628 เป็น 20 พ.ค. 2628");
      assertThat(text(m))
          .contains("ให้เร็วขึ้น จากวันที่ 24 พ.ค. 2628 เป็นวันที่ 20 พ.ค. 2628")
          .contains("กำหนดเสร็จ: 20 พ.ค. 2628")
          .contains("สถานศึกษา: " + SCHOOL_NAME);
      assertClean(m);
    }
    show(changed.get(0));
    // the same calendar saved again changes nothing and tells nobody anything
    move(year, standards, LocalDate.of(2085, 5, 20));
    assertThat(byKind(task, "DEADLINE_CHANGED")).hasSize(2);
    // a second change is a second mail each
    move(year, standards, LocalDate.of(2085, 5, 22));
    List<MimeMessage> all = byKind(task, "DEADLINE_CHANGED");
    assertThat(all).hasSize(4);
    assertThat(
            all.stream()
                .filter(
                    m ->
                        text(m)
                            .contains(
                                "ขยายกำหนดส่งงานต่อไปนี้ จากวันที่ 20 พ.ค. 2628 เป็นวันที่ 22 พ.ค. 2628")))
        .extracting(Mails::to)
        .containsExactlyInAnyOrder(email(QA1), email(QA2));
  }

  // --- helpers --------------------------------------------------------------------------------

  Task startCycle(int year) {
    return NotificationFixture.startCycle(cycles, tasks, year);
  }

  void at(LocalDateTime bangkok) {
    NotificationFixture.at(scanner, sender, bangkok);
  }

  void move(int year, StageWindow window, LocalDate due) {
    calendar.save(
        DISTRICT,
        year,
        List.of(new StageWindow(window.stage(), window.opens(), due)),
        users.byId(OFFICER));
    sender.drain();
  }

  /** The days late the district dashboard's overdue list shows for the task, read as its page. */
  long dashboardDaysLate(int year, String taskId) throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, OFFICER);
    String html =
        mvc.perform(
                get("/monitoring/districts/{d}", DISTRICT)
                    .param("year", "" + year)
                    .session(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m =
        Pattern.compile(
                "<tr data-task-id=\""
                    + Pattern.quote(taskId)
                    + "\">.*?<td class=\"overdue\">(\\d+)</td>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("task %s in the dashboard's overdue list", taskId).isTrue();
    return Long.parseLong(m.group(1));
  }

  List<MimeMessage> byKind(Task task, String kind) {
    return Mails.ofKind(Mails.about(mail, task.getId()), kind);
  }

  static String text(MimeMessage m) {
    return Mails.plainText(m);
  }

  /** Prints a mail as its reader sees it (subject and text), for whoever reads the test output. */
  static void show(MimeMessage m) {
    System.out.println(
        "----- mail to " + to(m) + "\nSubject: " + subject(m) + "\n\n" + text(m) + "-----");
  }

  static void assertClean(MimeMessage m) {
    for (String junk : JUNK) {
      assertThat(subject(m)).as("subject").doesNotContain(junk);
      assertThat(body(m)).as("body (text and HTML)").doesNotContain(junk);
    }
  }
}
