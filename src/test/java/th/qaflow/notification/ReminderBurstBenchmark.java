package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.notification.NotificationFixture.*;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
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
  @Autowired ReminderScanner scanner;
  @Autowired OutboxSender sender;
  @Autowired Preferences preferences;
  @Autowired Clock clock;
  @Autowired GreenMail mail;
  @Autowired OrganisationImport organisation;

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
    for (int i = 0; i < n; i++) {
      runtime.startProcessInstanceByKey(
          "NotificationBurst", Map.of("schoolCode", SCHOOL, "stage", "PLANS"));
    }
    long t1 = System.nanoTime();
    clock(due.minusDays(3).atTime(7, 5));
    int before = mail.getReceivedMessages().length;
    ReminderScanner.Result scan = scanner.scan();
    long t2 = System.nanoTime();
    int sent = sender.drain();
    long t3 = System.nanoTime();
    int received = mail.getReceivedMessages().length - before;
    System.out.printf(
        "BURST tasks=%d start=%.1fs scan: tasks=%d reminders=%d in %.1fs; drain: sent=%d in %.1fs"
            + " (%.0f mails/s); received=%d%n",
        n,
        (t1 - t0) / 1e9,
        scan.tasks(),
        scan.reminders(),
        (t2 - t1) / 1e9,
        sent,
        (t3 - t2) / 1e9,
        sent / ((t3 - t2) / 1e9),
        received);
    assertThat(received).isEqualTo(2 * n);
  }
}
