package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.notification.NotificationFixture.*;
import static th.qaflow.support.Mails.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.TaskVariables;
import th.qaflow.notification.internal.CandidateGroups;
import th.qaflow.notification.internal.DistrictSettings;
import th.qaflow.notification.internal.MailComposer;
import th.qaflow.notification.internal.MailOutbox;
import th.qaflow.notification.internal.NotificationProperties;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.notification.internal.Preferences;
import th.qaflow.notification.internal.Recipients;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.notification.internal.TaskReader;
import th.qaflow.notification.internal.Tokens;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EmbeddedPostgresExtension;
import th.qaflow.support.EngineTestClock;
import th.qaflow.web.ThaiDates;

/**
 * Two nodes on one PostgreSQL: the application's engine and a second Camunda engine on the same
 * database, each with its own scanner and sender, deciding and sending the same due reminders at
 * the same moment. Every mail is written once and delivered once.
 */
@SpringBootTest(
    properties = {"qaflow.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
class TwoNodesPostgresTest {
  @RegisterExtension
  static final EmbeddedPostgresExtension postgres =
      new EmbeddedPostgresExtension().withEngineSchema();

  static final GreenMail smtp =
      new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  @BeforeAll
  static void start() throws IOException {
    smtp.start();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    postgres.register(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    registry.add("spring.mail.properties.mail.smtp.auth", () -> "false");
    registry.add("spring.mail.properties.mail.smtp.starttls.enable", () -> "false");
    registry.add("spring.mail.properties.mail.smtp.starttls.required", () -> "false");
  }

  @AfterAll
  static void stop() throws IOException {
    smtp.stop();
    EngineTestClock.reset();
  }

  @Autowired DataSource dataSource;
  @Autowired ReminderScanner scanner;
  @Autowired OutboxSender sender;
  @Autowired th.qaflow.kernel.Stages stages;
  @Autowired MailOutbox outbox;
  @Autowired Preferences preferences;
  @Autowired Clock clock;
  @Autowired NotificationProperties props;
  @Autowired OrganisationImport organisation;
  @Autowired OrganisationDirectory directory;
  @Autowired CycleService cycles;
  @Autowired MessageSource messages;
  @Autowired ThaiDates dates;
  @Autowired JavaMailSender mailSender;
  @Autowired DistrictSettings settings;
  @Autowired Tokens tokens;

  @Test
  void twoEnginesFiringTheSameDueRemindersSendEachOnce() throws Exception {
    importDistrict(organisation);
    preferences.set(QA1, NotificationMode.IMMEDIATE, clock.instant());
    preferences.set(QA2, NotificationMode.IMMEDIATE, clock.instant());
    clock(LocalDateTime.of(2091, 5, 16, 8, 0));
    cycles.startSchool(SCHOOL, 2634, "test").orElseThrow(); // due 24 May 2091: overdue by then
    clock(LocalDateTime.of(2092, 5, 16, 8, 0));
    cycles.startSchool(SCHOOL, 2635, "test").orElseThrow(); // due 24 May 2092: three days ahead

    ProcessEngine node2Engine =
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
            .setDataSource(dataSource)
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
            .setJobExecutorActivate(false)
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            .setProcessEngineName("node2")
            .buildProcessEngine();
    try {
      MailOutbox outbox2 = new MailOutbox(dataSource, props.getMessageIdDomain());
      ReminderScanner scanner2 =
          new ReminderScanner(
              new TaskReader(
                  node2Engine.getTaskService(),
                  node2Engine.getIdentityService(),
                  directory,
                  new TaskVariables(
                      node2Engine.getRuntimeService(),
                      node2Engine.getTaskService(),
                      node2Engine.getManagementService(),
                      dataSource),
                  new CandidateGroups(dataSource, node2Engine.getManagementService())),
              new Recipients(node2Engine.getIdentityService(), directory),
              directory,
              outbox2,
              new MailComposer(messages, dates, "http://localhost:8080"),
              new Preferences(dataSource),
              settings,
              tokens,
              clock,
              props,
              new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
              stages);
      OutboxSender sender2 = new OutboxSender(outbox2, mailSender, clock, props, "node2");

      clock(LocalDate.of(2092, 5, 21).atTime(8, 0));
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 3; round++) {
          CyclicBarrier together = new CyclicBarrier(2);
          List<Future<Object>> runs =
              pool.invokeAll(
                  List.<Callable<Object>>of(
                      () -> {
                        together.await();
                        return scanner.scan();
                      },
                      () -> {
                        together.await();
                        return scanner2.scan();
                      }));
          for (Future<Object> f : runs) {
            f.get();
          }
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Integer>> drains =
            pool.invokeAll(
                List.<Callable<Integer>>of(
                    () -> {
                      together.await();
                      return sender.drain();
                    },
                    () -> {
                      together.await();
                      return sender2.drain();
                    }));
        int sent = drains.get(0).get() + drains.get(1).get();
        assertThat(sent).isEqualTo(4);
      } finally {
        pool.shutdown();
      }
    } finally {
      node2Engine.close();
    }

    MimeMessage[] received = smtp.getReceivedMessages();
    var kinds =
        Arrays.stream(received)
            .collect(Collectors.groupingBy(m -> kind(m) + " → " + to(m), Collectors.counting()));
    assertThat(kinds)
        .containsOnly(
            java.util.Map.entry("DUE_IN_3 → " + email(QA1), 1L),
            java.util.Map.entry("DUE_IN_3 → " + email(QA2), 1L),
            java.util.Map.entry("OVERDUE_DIRECTOR → " + email(DIRECTOR), 1L),
            java.util.Map.entry("OVERDUE_SUPERVISOR → " + email(SUPERVISOR), 1L));
    assertThat(outbox.countsByStatus())
        .containsEntry(MailOutbox.SENT, 4)
        .containsEntry(MailOutbox.PENDING, 0);
  }
}
