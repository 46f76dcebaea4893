package th.qaflow.notification.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.Stages;
import th.qaflow.kernel.TaskVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.web.ThaiDates;

/**
 * The notification module's beans. Plain classes wired here, so tests can build a second "node".
 */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfig {
  private static final Logger log = LoggerFactory.getLogger(NotificationConfig.class);

  @Bean
  MailOutbox mailOutbox(DataSource dataSource, NotificationProperties props) {
    return new MailOutbox(dataSource, props.getMessageIdDomain());
  }

  @Bean
  Preferences notificationPreferences(DataSource dataSource) {
    return new Preferences(dataSource);
  }

  @Bean
  DistrictSettings notificationSettings(
      DataSource dataSource,
      NotificationProperties props,
      @Value("${qaflow.escalation.director-after-days:1}") int directorAfterDays,
      @Value("${qaflow.escalation.supervisor-after-days:7}") int supervisorAfterDays) {
    return new DistrictSettings(
        dataSource, props.getReminderDays(), directorAfterDays, supervisorAfterDays);
  }

  @Bean
  Tokens notificationTokens(DataSource dataSource) {
    return new Tokens(dataSource);
  }

  @Bean
  TaskReader notificationTaskReader(
      TaskService tasks,
      IdentityService identity,
      OrganisationDirectory directory,
      TaskVariables variables,
      CandidateGroups candidates) {
    return new TaskReader(tasks, identity, directory, variables, candidates);
  }

  @Bean
  CandidateGroups candidateGroups(DataSource dataSource, ManagementService management) {
    return new CandidateGroups(dataSource, management);
  }

  @Bean
  Recipients notificationRecipients(IdentityService identity, OrganisationDirectory directory) {
    return new Recipients(identity, directory);
  }

  @Bean
  MailComposer mailComposer(
      MessageSource messages, ThaiDates dates, @Value("${qaflow.base-url}") String baseUrl) {
    return new MailComposer(messages, dates, baseUrl);
  }

  @Bean
  ReminderScanner reminderScanner(
      TaskReader reader,
      Recipients recipients,
      OrganisationDirectory directory,
      MailOutbox outbox,
      MailComposer composer,
      Preferences preferences,
      DistrictSettings settings,
      Tokens tokens,
      Clock clock,
      NotificationProperties props,
      PlatformTransactionManager transactions,
      Stages stages) {
    return new ReminderScanner(
        reader,
        recipients,
        directory,
        outbox,
        composer,
        preferences,
        settings,
        tokens,
        clock,
        props,
        new TransactionTemplate(transactions),
        stages);
  }

  @Bean
  RemindNow reminders(
      TaskReader reader,
      Recipients recipients,
      OrganisationDirectory directory,
      MailOutbox outbox,
      MailComposer composer,
      Clock clock,
      PlatformTransactionManager transactions) {
    return new RemindNow(
        reader, recipients, outbox, composer, clock, new TransactionTemplate(transactions));
  }

  @Bean
  EscalationListener escalationListener(
      TaskReader reader, ReminderScanner scanner, Clock clock, OrganisationDirectory directory) {
    return new EscalationListener(reader, scanner, clock, directory);
  }

  @Bean
  DeadlineChangeListener deadlineChangeListener(
      TaskReader reader,
      Recipients recipients,
      OrganisationDirectory directory,
      MailOutbox outbox,
      MailComposer composer,
      Clock clock,
      PlatformTransactionManager transactions) {
    return new DeadlineChangeListener(
        reader, recipients, outbox, composer, clock, new TransactionTemplate(transactions));
  }

  @Bean
  SchoolNews schoolNews(
      OrganisationDirectory directory,
      Recipients recipients,
      MailOutbox outbox,
      MessageSource messages) {
    return new SchoolNews(directory, recipients, outbox, messages);
  }

  @Bean
  SarAdviceListener sarAdviceListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new SarAdviceListener(news, messages, baseUrl);
  }

  @Bean
  CommitteeInvitationListener committeeInvitationListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new CommitteeInvitationListener(news, messages, baseUrl);
  }

  @Bean
  SchoolHelpListener schoolHelpListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new SchoolHelpListener(news, messages, baseUrl);
  }

  @Bean
  HelpdeskListener helpdeskListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new HelpdeskListener(news, messages, baseUrl);
  }

  @Bean
  PasswordResetListener passwordResetListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new PasswordResetListener(news, messages, baseUrl);
  }

  @Bean
  ClassroomQaListener classroomQaListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new ClassroomQaListener(news, messages, baseUrl);
  }

  @Bean
  TrainingListener trainingListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new TrainingListener(news, messages, baseUrl);
  }

  @Bean
  GroupMeetingsListener groupMeetingsListener(
      SchoolNews news, MessageSource messages, @Value("${qaflow.base-url}") String baseUrl) {
    return new GroupMeetingsListener(news, messages, baseUrl);
  }

  /** Absent when no mail server is configured: mails then wait in the outbox. */
  @Bean
  OutboxSender outboxSender(
      MailOutbox outbox,
      ObjectProvider<JavaMailSender> mail,
      Clock clock,
      NotificationProperties props,
      @Value("${qaflow.notification.node:}") String node) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      log.warn(
          "No mail server configured (spring.mail.host / QAFLOW_SMTP_HOST): mails stay in the outbox");
      return null;
    }
    return new OutboxSender(outbox, sender, clock, props, node.isBlank() ? hostName() : node);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "node";
    }
  }

  /**
   * The background jobs: scan for due reminders and drain the outbox, each on its own thread
   * ({@link NotificationJobs}). On by default on every node (the outbox makes that safe); tests
   * switch them off and call the scanner and sender themselves.
   */
  @Bean
  @ConditionalOnProperty(
      name = "qaflow.notification.scheduling.enabled",
      havingValue = "true",
      matchIfMissing = true)
  NotificationJobs notificationJobs(
      ReminderScanner scanner, ObjectProvider<OutboxSender> sender, NotificationProperties props) {
    Runnable scan =
        () -> {
          long started = System.nanoTime();
          ReminderScanner.Result r = scanner.scan();
          if (r.reminders() + r.escalations() + r.digests() > 0) {
            log.info(
                "Reminder scan: {} tasks, {} reminders, {} escalations, {} digests in {} ms",
                r.tasks(),
                r.reminders(),
                r.escalations(),
                r.digests(),
                (System.nanoTime() - started) / 1_000_000);
          }
        };
    Runnable send =
        () -> {
          OutboxSender s = sender.getIfAvailable();
          if (s != null) {
            long started = System.nanoTime();
            int sent = s.drain();
            if (sent > 0) {
              log.info(
                  "Outbox: {} mails sent in {} ms",
                  sent,
                  (System.nanoTime() - started) / 1_000_000);
            }
          }
        };
    return new NotificationJobs(
        new NotificationJobs.Job(scan, Duration.ofSeconds(20), props.getScanInterval()),
        new NotificationJobs.Job(send, Duration.ofSeconds(25), props.getSendInterval()));
  }
}
