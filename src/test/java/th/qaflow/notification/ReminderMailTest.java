package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.notification.NotificationFixture.*;
import static th.qaflow.support.Mails.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.notification.internal.MailOutbox;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.notification.internal.Preferences;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;

/**
 * Every reminder kind and both escalations, end to end: engine clock → scan → outbox → SMTP →
 * GreenMail, with Thai subjects and bodies, Buddhist-Era dates and a link to the task.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class ReminderMailTest {
  @Autowired GreenMail mail;
  @Autowired ReminderScanner scanner;
  @Autowired OutboxSender sender;
  @Autowired MailOutbox outbox;
  @Autowired Preferences preferences;
  @Autowired Clock clock;
  @Autowired TaskService tasks;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    importDistrict(organisation);
    preferences.set(QA1, NotificationMode.IMMEDIATE, clock.instant());
    preferences.set(QA2, NotificationMode.IMMEDIATE, clock.instant());
  }

  @Test
  void eachReminderKindThenEachEscalation() {
    Task task = startCycle(2620);
    LocalDate due = LocalDate.of(2077, 5, 24); // STANDARDS of 2620 (2077 CE): 24 May
    assertThat(task.getDueDate().toInstant().atZone(AcademicYears.ZONE).toLocalDate())
        .isEqualTo(due);

    at(due.minusDays(7).atTime(6, 59));
    assertThat(Mails.about(mail, task.getId())).isEmpty();

    at(due.minusDays(7).atTime(7, 0));
    List<MimeMessage> seven = Mails.about(mail, task.getId());
    assertThat(seven).extracting(Mails::to).containsExactlyInAnyOrder(email(QA1), email(QA2));
    MimeMessage m = seven.get(0);
    assertThat(subject(m))
        .contains("อีก 7 วันครบกำหนด")
        .contains(SCHOOL_NAME)
        .contains("24 พ.ค. 2620")
        .contains("ปีการศึกษา 2620");
    assertThat(body(m))
        .contains("24 พ.ค. 2620")
        .contains(SCHOOL_NAME)
        .contains("กำหนดมาตรฐาน")
        .contains("http://localhost:8080/tasks/" + task.getId());
    assertThat(kind(m)).isEqualTo("DUE_IN_7");

    at(due.minusDays(7).atTime(9, 0)); // scanning again sends nothing new
    assertThat(Mails.about(mail, task.getId())).hasSize(2);

    at(due.minusDays(3).atTime(7, 0));
    assertThat(kinds(task))
        .containsExactlyInAnyOrder("DUE_IN_7", "DUE_IN_7", "DUE_IN_3", "DUE_IN_3");

    tasks.claim(task.getId(), QA1); // claimed: only the assignee hears about it
    at(due.minusDays(1).atTime(7, 0));
    at(due.atTime(7, 0));
    List<MimeMessage> all = Mails.about(mail, task.getId());
    assertThat(all.stream().filter(x -> kind(x).equals("DUE_IN_1")).map(Mails::to))
        .containsExactly(email(QA1));
    assertThat(all.stream().filter(x -> kind(x).equals("DUE_TODAY")).map(Mails::to))
        .containsExactly(email(QA1));
    assertThat(all.stream().filter(x -> kind(x).equals("DUE_TODAY")).map(Mails::subject))
        .allMatch(s -> s.contains("ครบกำหนดวันนี้"));

    // overdue: director after 1 day (the director keeps the default digest mode: escalations are
    // immediate)
    at(due.plusDays(1).atTime(23, 0));
    assertThat(kinds(task)).doesNotContain("OVERDUE_DIRECTOR");
    at(due.plusDays(2).atTime(0, 0));
    List<MimeMessage> director = byKind(task, "OVERDUE_DIRECTOR");
    assertThat(director).extracting(Mails::to).containsExactly(email(DIRECTOR));
    assertThat(subject(director.get(0)))
        .contains("เลยกำหนด")
        .contains("ผู้อำนวยการ")
        .contains(SCHOOL_NAME)
        .contains("ปีการศึกษา 2620");

    // and the cluster's supervisor after 7 days
    at(due.plusDays(7).atTime(12, 0));
    assertThat(byKind(task, "OVERDUE_SUPERVISOR")).isEmpty();
    at(due.plusDays(8).atTime(0, 0));
    assertThat(byKind(task, "OVERDUE_SUPERVISOR"))
        .extracting(Mails::to)
        .containsExactly(email(SUPERVISOR));
    at(due.plusDays(9).atTime(0, 0));
    assertThat(Mails.about(mail, task.getId()).stream().filter(x -> kind(x).startsWith("OVERDUE")))
        .hasSize(2);
  }

  @Test
  void aMovedDeadlineRetimesTheReminders() {
    Task task = startCycle(2621);
    LocalDate due = LocalDate.of(2078, 5, 24);
    at(due.minusDays(7).atTime(8, 0));
    assertThat(kinds(task)).containsExactly("DUE_IN_7", "DUE_IN_7");

    // the district moves the deadline six days later: the old 3-day reminder never comes
    moveDue(task, due.plusDays(6));
    at(due.minusDays(3).atTime(8, 0));
    assertThat(kinds(task)).hasSize(2);
    at(due.minusDays(1).atTime(8, 0)); // = 7 days before the new date
    assertThat(kinds(task))
        .containsExactlyInAnyOrder("DUE_IN_7", "DUE_IN_7", "DUE_IN_7", "DUE_IN_7");

    // moved to tomorrow: only the latest reminder that applies, not 7, 3 and 1 at once
    moveDue(task, due);
    at(due.minusDays(1).atTime(9, 0));
    assertThat(kinds(task))
        .containsExactlyInAnyOrder(
            "DUE_IN_7", "DUE_IN_7", "DUE_IN_7", "DUE_IN_7", "DUE_IN_1", "DUE_IN_1");
  }

  @Test
  void aCrashBetweenOutboxWriteAndSendSendsOnce() {
    Task task = startCycle(2622);
    LocalDate due = LocalDate.of(2079, 5, 24);
    clock(due.minusDays(3).atTime(10, 0));
    scanner.scan(); // decided and committed ...
    List<Long> rows = outbox.forKeyPrefix(task.getId() + "|").stream().map(r -> r.id()).toList();
    assertThat(rows).hasSize(2);
    // ... then the node that claimed the mails dies before sending them
    for (long id : rows) {
      assertThat(
              outbox.claim(id, "crashed-node", clock.instant(), clock.instant().plusSeconds(300)))
          .isTrue();
    }
    scanner.scan(); // after the restart the scan decides the same reminders again: no new rows
    sender.drain(); // still locked by the dead node
    assertThat(Mails.about(mail, task.getId())).isEmpty();

    clock(due.minusDays(3).atTime(10, 6)); // the dead node's lock ran out
    scanner.scan();
    sender.drain();
    sender.drain();
    assertThat(Mails.about(mail, task.getId()))
        .extracting(Mails::to)
        .containsExactlyInAnyOrder(email(QA1), email(QA2));
    assertThat(outbox.forKeyPrefix(task.getId() + "|"))
        .allMatch(r -> r.status().equals(MailOutbox.SENT));
    // same Message-ID for the same key, every time
    assertThat(Mails.about(mail, task.getId()))
        .allMatch(x -> messageId(x).endsWith("@qaflow.local>"));
  }

  // --- helpers --------------------------------------------------------------------------------

  Task startCycle(int year) {
    return NotificationFixture.startCycle(cycles, tasks, year);
  }

  void at(LocalDateTime bangkok) {
    NotificationFixture.at(scanner, sender, bangkok);
  }

  void moveDue(Task task, LocalDate date) {
    Task t = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    t.setDueDate(
        Date.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(AcademicYears.ZONE).toInstant()));
    tasks.saveTask(t);
  }

  List<String> kinds(Task task) {
    return Mails.about(mail, task.getId()).stream().map(Mails::kind).toList();
  }

  List<MimeMessage> byKind(Task task, String kind) {
    return Mails.ofKind(Mails.about(mail, task.getId()), kind);
  }
}
