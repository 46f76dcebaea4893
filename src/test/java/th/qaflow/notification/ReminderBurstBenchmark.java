package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.notification.NotificationFixture.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import th.qaflow.QaFlowTest;
import th.qaflow.notification.internal.MailOutbox;
import th.qaflow.notification.internal.NotificationProperties;
import th.qaflow.notification.internal.OutboxRow;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.notification.internal.Preferences;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;

/**
 * A burst of due reminders: N open tasks of one school's QA group (two members, immediate mode) all
 * due in three days; one scan, then the outbox drained to GreenMail. Not part of the normal run:
 * {@code ./mvnw -o test -Dqaflow.excludedGroups=none -Dtest=ReminderBurstBenchmark
 * -Dburst.tasks=1000}.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
@Tag("benchmark")
class ReminderBurstBenchmark {
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ReminderScanner scanner;
  @Autowired OutboxSender sender;
  @Autowired Preferences preferences;
  @Autowired Clock clock;
  @Autowired GreenMail mail;
  @Autowired OrganisationImport organisation;
  @Autowired MailOutbox outbox;
  @Autowired JavaMailSenderImpl smtp;
  @Autowired NotificationProperties props;

  @Test
  void burst() throws Exception {
    int n = Integer.getInteger("burst.tasks", 1000);
    importDistrict(organisation);
    preferences.set(QA1, NotificationMode.IMMEDIATE, clock.instant());
    preferences.set(QA2, NotificationMode.IMMEDIATE, clock.instant());
    LocalDate due = LocalDate.of(2099, 5, 24);
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("NotificationBurst")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Burst")
            .name("งานทดสอบปริมาณ")
            .camundaCandidateGroups(Groups.schoolQa(SCHOOL))
            .camundaDueDate("2099-05-24T23:59:59+07:00")
            .endEvent()
            .done();
    repository.createDeployment().addModelInstance("NotificationBurst.bpmn", model).deploy();
    clock(due.minusDays(10).atTime(8, 0));
    long t0 = System.nanoTime();
    // a school cycle carries dozens of variables (form values); so do these, as filler
    int fillers = Integer.getInteger("burst.vars", 30);
    for (int i = 0; i < n; i++) {
      Map<String, Object> vars = new HashMap<>(Map.of("schoolCode", SCHOOL, "stage", "PLANS"));
      for (int v = 0; v < fillers; v++) {
        vars.put("filler" + v, "ค่าที่กรอก " + i + "/" + v);
      }
      runtime.startProcessInstanceByKey("NotificationBurst", vars);
    }
    long t1 = System.nanoTime();
    clock(due.minusDays(3).atTime(7, 5));
    int before = mail.getReceivedMessages().length;
    ReminderScanner.Result scan = scanner.scan();
    long t2 = System.nanoTime();
    // baseline, same run, same server: the same mails through raw JavaMail over one connection
    List<MimeMessage> copies = copies(outbox.withStatus(MailOutbox.PENDING, 2 * n));
    double rawBefore = rawOneConnection(copies);
    long t3 = System.nanoTime();
    int sent = sender.drain();
    long t4 = System.nanoTime();
    double rawAfter = rawOneConnection(copies);
    int received = mail.getReceivedMessages().length - before - 2 * copies.size();
    double rate = sent / ((t4 - t3) / 1e9);
    double raw = (rawBefore + rawAfter) / 2;
    System.out.printf(
        "BURST tasks=%d start=%.1fs scan: tasks=%d reminders=%d in %.1fs; drain: sent=%d in %.1fs"
            + " (%.0f mails/s); raw JavaMail, one connection: %.0f and %.0f mails/s;"
            + " ratio raw/drain %.2f; received=%d%n",
        n,
        (t1 - t0) / 1e9,
        scan.tasks(),
        scan.reminders(),
        (t2 - t1) / 1e9,
        sent,
        (t4 - t3) / 1e9,
        rate,
        rawBefore,
        rawAfter,
        raw / rate,
        received);
    assertThat(received).isEqualTo(2 * n);
    assertThat(outbox.countsByStatus()).containsEntry(MailOutbox.PENDING, 0);

    // deciding again, nothing new to write (every later scan of the day), against the engine's
    // own query for the same open tasks (what GET /engine-rest/task?dueBefore=… runs), interleaved
    Date horizon = Date.from(clock.instant().plus(Duration.ofDays(30)));
    List<Double> rescans = new ArrayList<>();
    List<Double> queries = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      long q0 = System.nanoTime();
      int listed = tasks.createTaskQuery().active().dueBefore(horizon).list().size();
      long q1 = System.nanoTime();
      ReminderScanner.Result again = scanner.scan();
      long q2 = System.nanoTime();
      assertThat(again.reminders()).isZero();
      assertThat(listed).isGreaterThanOrEqualTo(n);
      queries.add((q1 - q0) / 1e6);
      rescans.add((q2 - q1) / 1e6);
    }
    Collections.sort(rescans);
    Collections.sort(queries);
    System.out.printf(
        "RESCAN tasks=%d fillers=%d: scan median %.0f ms (min %.0f, max %.0f); engine task query"
            + " median %.0f ms; ratio %.2f%n",
        n,
        fillers,
        rescans.get(2),
        rescans.get(0),
        rescans.get(4),
        queries.get(2),
        rescans.get(2) / queries.get(2));
  }

  /** The outbox's mails as plain JavaMail messages (same sender, recipient, subject and bodies). */
  private List<MimeMessage> copies(List<OutboxRow> rows) throws Exception {
    List<MimeMessage> result = new ArrayList<>();
    for (OutboxRow row : rows) {
      MimeMessage m = new MimeMessage(smtp.getSession());
      MimeMessageHelper h = new MimeMessageHelper(m, true, "UTF-8");
      h.setFrom(props.getFrom());
      h.setTo(row.recipientEmail());
      h.setSubject(row.subject());
      h.setText(row.text(), row.html());
      result.add(m);
    }
    return result;
  }

  /** Mails per second of a plain JavaMail loop over one reused connection. */
  private double rawOneConnection(List<MimeMessage> messages) throws Exception {
    long t0 = System.nanoTime();
    try (Transport t = smtp.getSession().getTransport("smtp")) {
      t.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
      for (MimeMessage m : messages) {
        m.saveChanges();
        t.sendMessage(m, m.getAllRecipients());
      }
    }
    return messages.size() / ((System.nanoTime() - t0) / 1e9);
  }
}
