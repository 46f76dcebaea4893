package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.notification.NotificationFixture.*;
import static th.qaflow.support.Mails.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.notification.internal.MailOutbox;
import th.qaflow.notification.internal.NotificationProperties;
import th.qaflow.notification.internal.OutboxRow;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.notification.internal.Preferences;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.WebSessions;

/**
 * SMTP outages and the admin's retry, the digest and its unsubscribe link, and the calendar feed.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class NotificationWebTest {
  @Autowired MockMvc mvc;
  @Autowired GreenMail mail;
  @Autowired ReminderScanner scanner;
  @Autowired OutboxSender sender;
  @Autowired MailOutbox outbox;
  @Autowired Preferences preferences;
  @Autowired NotificationProperties props;
  @Autowired Clock clock;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    importDistrict(organisation);
  }

  @Test
  void smtpDownForAWhileThenUpDeliversEachMailOnce() throws Exception {
    preferences.set(QA1, NotificationMode.IMMEDIATE, clock.instant());
    preferences.set(QA2, NotificationMode.IMMEDIATE, clock.instant());
    Task task = startCycle(2630);
    LocalDateTime t = LocalDate.of(2087, 5, 21).atTime(8, 0);
    clock(t);
    scanner.scan();

    OutboxSender down = new OutboxSender(outbox, deadSmtp(), clock, props, "down-node");
    for (int attempt = 1; attempt <= 3; attempt++) {
      down.drain();
      List<OutboxRow> rows = outbox.forKeyPrefix(task.getId() + "|");
      int expected = attempt;
      assertThat(rows)
          .hasSize(2)
          .allMatch(
              r ->
                  r.status().equals(MailOutbox.PENDING)
                      && r.attempts() == expected
                      && r.lastError() != null);
      // back-off: not again before the next attempt is due
      assertThat(down.drain()).isZero();
      t = t.plusMinutes(1L << attempt);
      clock(t);
    }
    assertThat(Mails.about(mail, task.getId())).isEmpty();

    sender.drain(); // SMTP is back
    sender.drain();
    assertThat(Mails.about(mail, task.getId()))
        .extracting(Mails::to)
        .containsExactlyInAnyOrder(email(QA1), email(QA2));
    assertThat(outbox.forKeyPrefix(task.getId() + "|"))
        .allMatch(r -> r.status().equals(MailOutbox.SENT));
  }

  @Test
  void aMailThatKeepsFailingIsShownToAdminsWithRetry() throws Exception {
    preferences.set(QA1, NotificationMode.IMMEDIATE, clock.instant());
    preferences.set(QA2, NotificationMode.IMMEDIATE, clock.instant());
    Task task = startCycle(2631);
    LocalDateTime t = LocalDate.of(2088, 5, 23).atTime(8, 0);
    clock(t);
    scanner.scan();
    OutboxSender down = new OutboxSender(outbox, deadSmtp(), clock, props, "down-node");
    for (int i = 0; i < props.getMaxAttempts(); i++) {
      down.drain();
      t = t.plusHours(7);
      clock(t);
    }
    List<OutboxRow> failed = outbox.forKeyPrefix(task.getId() + "|");
    assertThat(failed).hasSize(2).allMatch(r -> r.status().equals(MailOutbox.FAILED));
    sender.drain();
    assertThat(Mails.about(mail, task.getId())).isEmpty();

    MockHttpSession qa = WebSessions.login(mvc, QA1);
    mvc.perform(get("/admin/mails").session(qa)).andExpect(status().isForbidden());
    mvc.perform(post("/admin/mails/{id}/retry", failed.get(0).id()).session(qa).with(csrf()))
        .andExpect(status().isForbidden());

    MockHttpSession admin = WebSessions.login(mvc, ADMIN_USER);
    String page =
        mvc.perform(get("/admin/mails").session(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("data-mail-id=\"" + failed.get(0).id() + "\"")
        .contains("ConnectException")
        .contains("ลองส่งอีกครั้ง");
    mvc.perform(post("/admin/mails/{id}/retry", failed.get(0).id()).session(admin))
        .andExpect(status().isForbidden()); // no CSRF token
    mvc.perform(post("/admin/mails/{id}/retry", failed.get(0).id()).session(admin).with(csrf()))
        .andExpect(status().is3xxRedirection());
    sender.drain();
    assertThat(Mails.about(mail, task.getId())).hasSize(1);

    String captured =
        mvc.perform(get("/admin/mails/captured").session(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(captured).contains(email(failed.get(0).recipientId())).contains("sandbox=\"\"");
    mvc.perform(get("/admin/mails/captured").session(qa)).andExpect(status().isForbidden());
  }

  @Test
  void digestGroupsTasksBySchoolAndItsUnsubscribeLinkWorks() throws Exception {
    preferences.set(QA1, NotificationMode.DIGEST, clock.instant());
    preferences.set(QA2, NotificationMode.DIGEST, clock.instant());
    Task task = startCycle(2632);
    clock(LocalDate.of(2089, 5, 20).atTime(6, 0)); // before the digest time
    scanner.scan();
    sender.drain();
    assertThat(digestsTo(QA1, "2089-05-20")).isEmpty();

    clock(LocalDate.of(2089, 5, 20).atTime(7, 30));
    scanner.scan();
    scanner.scan();
    sender.drain();
    assertThat(Mails.about(mail, task.getId()))
        .as("no immediate reminder in digest mode")
        .noneMatch(m -> kind(m).startsWith("DUE_"));
    List<MimeMessage> digest = digestsTo(QA1, "2089-05-20");
    assertThat(digest).hasSize(1);
    assertThat(subject(digest.get(0))).contains("สรุปงานประจำวันที่ 20 พ.ค. 2632");
    String body = body(digest.get(0));
    assertThat(body)
        .contains(SCHOOL_NAME)
        .contains("/tasks/" + task.getId())
        .contains("24 พ.ค. 2632");

    Matcher link =
        Pattern.compile(
                "/notifications/unsubscribe\\?user=([^&\\s\"]+)&(?:amp;)?sig=([A-Za-z0-9_-]+)")
            .matcher(body);
    assertThat(link.find()).isTrue();
    mvc.perform(
            get("/notifications/unsubscribe").param("user", link.group(1)).param("sig", "forged"))
        .andExpect(status().isOk())
        .andExpect(
            r ->
                assertThat(r.getResponse().getContentAsString()).contains("ลิงก์ยกเลิกไม่ถูกต้อง"));
    mvc.perform(
        post("/notifications/unsubscribe")
            .param("user", link.group(1))
            .param("sig", "forged")
            .with(csrf()));
    assertThat(preferences.mode(QA1)).isEqualTo(NotificationMode.DIGEST);
    mvc.perform(
            get("/notifications/unsubscribe")
                .param("user", link.group(1))
                .param("sig", link.group(2)))
        .andExpect(status().isOk());
    mvc.perform(
            post("/notifications/unsubscribe")
                .param("user", link.group(1))
                .param("sig", link.group(2))
                .with(csrf()))
        .andExpect(status().isOk());
    assertThat(preferences.mode(QA1)).isEqualTo(NotificationMode.NONE);

    clock(LocalDate.of(2089, 5, 21).atTime(7, 30));
    scanner.scan();
    sender.drain();
    assertThat(digestsTo(QA1, "2089-05-21")).isEmpty();
    assertThat(digestsTo(QA2, "2089-05-21")).hasSize(1);
  }

  @Test
  void calendarFeedParsesAndRejectsAWrongOrRevokedToken() throws Exception {
    Task task = startCycle(2633);
    MockHttpSession qa = WebSessions.login(mvc, QA2);
    String feedUrl =
        (String)
            mvc.perform(post("/me/notifications/calendar").session(qa).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("feedUrl");
    assertThat(feedUrl).startsWith("http://localhost:8080/calendar/").endsWith(".ics");
    String path = feedUrl.substring("http://localhost:8080".length());

    var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
    assertThat(response.getContentType())
        .startsWith("text/calendar")
        .containsIgnoringCase("charset=utf-8");
    String ics = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(ics).contains("\r\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(75);
    }
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = calendar.getComponents("VEVENT");
    VEvent event =
        events.stream()
            .filter(
                e ->
                    e.getUid()
                        .orElseThrow()
                        .getValue()
                        .equals("task-" + task.getId() + "@qaflow.local"))
            .findFirst()
            .orElseThrow();
    assertThat(event.getSummary().getValue()).contains(SCHOOL_NAME);
    assertThat(event.getDateTimeStart().getValue()).isEqualTo("20900524");
    assertThat(event.getDescription().getValue())
        .contains("24 พ.ค. 2633")
        .contains("/tasks/" + task.getId());

    mvc.perform(get("/calendar/" + "x".repeat(43) + ".ics")).andExpect(status().isNotFound());
    String shownOnce =
        mvc.perform(get("/me/notifications").session(qa))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(shownOnce).contains(path); // right after making it (flash) ...
    String later =
        mvc.perform(get("/me/notifications").session(qa))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(later).doesNotContain(path); // ... never again: only its hash is stored
    mvc.perform(post("/me/notifications/calendar/revoke").session(qa).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get(path)).andExpect(status().isNotFound());
  }

  @Test
  void preferencesAndDistrictSettingsRejectBadInput() throws Exception {
    MockHttpSession qa = WebSessions.login(mvc, QA1);
    mvc.perform(post("/me/notifications").session(qa).with(csrf()).param("mode", "SOMETIMES"))
        .andExpect(
            r -> assertThat(r.getFlashMap().get("error")).isEqualTo("notification.prefs.invalid"));
    mvc.perform(post("/me/notifications").session(qa).with(csrf()).param("mode", "IMMEDIATE"))
        .andExpect(status().is3xxRedirection());
    assertThat(preferences.mode(QA1)).isEqualTo(NotificationMode.IMMEDIATE);
    mvc.perform(get("/notification/settings").session(qa)).andExpect(status().isForbidden());

    MockHttpSession officer = WebSessions.login(mvc, OFFICER);
    mvc.perform(get("/notification/settings").session(officer)).andExpect(status().isOk());
    mvc.perform(get("/notification/settings").param("district", "1099").session(officer))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/notification/settings")
                .session(officer)
                .with(csrf())
                .param("reminderDays", "7,x")
                .param("directorAfterDays", "1")
                .param("supervisorAfterDays", "7"))
        .andExpect(
            r ->
                assertThat(r.getFlashMap().get("error"))
                    .isEqualTo("notification.settings.invalid"));
    mvc.perform(
            post("/notification/settings")
                .session(officer)
                .with(csrf())
                .param("reminderDays", "7,3,1,0")
                .param("directorAfterDays", "1")
                .param("supervisorAfterDays", "7"))
        .andExpect(
            r ->
                assertThat(r.getFlashMap().get("success"))
                    .isEqualTo("notification.settings.saved"));
  }

  // --- helpers --------------------------------------------------------------------------------

  Task startCycle(int year) {
    return NotificationFixture.startCycle(cycles, tasks, year);
  }

  List<MimeMessage> digestsTo(String user, String isoDate) {
    return mailsTo(mail, user).stream()
        .filter(m -> kind(m).equals("DIGEST"))
        .filter(m -> body(m).contains(isoDateInThai(isoDate)))
        .toList();
  }

  /** The digest's date as its subject shows it, e.g. 20 พ.ค. 2632. */
  static String isoDateInThai(String iso) {
    LocalDate d = LocalDate.parse(iso);
    String[] months = {
      "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.",
      "ธ.ค."
    };
    return d.getDayOfMonth() + " " + months[d.getMonthValue() - 1] + " " + (d.getYear() + 543);
  }

  /** An SMTP server that is down: a free port nobody listens on. */
  static JavaMailSenderImpl deadSmtp() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    JavaMailSenderImpl dead = new JavaMailSenderImpl();
    dead.setHost("127.0.0.1");
    dead.setPort(port);
    dead.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    return dead;
  }
}
