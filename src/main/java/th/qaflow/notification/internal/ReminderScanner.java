package th.qaflow.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.Stage;
import th.qaflow.kernel.Stages;
import th.qaflow.notification.NotificationMode;
import th.qaflow.organisation.OrganisationDirectory;

/**
 * Decides reminders, escalations and digests from the open tasks' current due dates and writes them
 * to the outbox, one transaction per page of tasks. Run on every node: the outbox's unique key
 * makes two nodes deciding the same reminder write it once.
 *
 * <p>Escalations of the SAR board approval and SAR submission are left to the BPMN's boundary
 * timers (they publish {@code EscalationDue}); their before-due reminders are sent from here.
 */
public class ReminderScanner {
  private final Stages stages;

  /** What one scan wrote. */
  public record Result(int tasks, int reminders, int escalations, int digests) {}

  private final TaskReader reader;
  private final Recipients recipients;
  private final OrganisationDirectory directory;
  private final MailOutbox outbox;
  private final MailComposer composer;
  private final Preferences preferences;
  private final DistrictSettings settings;
  private final Tokens tokens;
  private final Clock clock;
  private final NotificationProperties props;
  private final TransactionTemplate tx;

  public ReminderScanner(
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
      TransactionTemplate tx,
      Stages stages) {

    this.stages = stages;
    this.reader = reader;
    this.recipients = recipients;
    this.directory = directory;
    this.outbox = outbox;
    this.composer = composer;
    this.preferences = preferences;
    this.settings = settings;
    this.tokens = tokens;
    this.clock = clock;
    this.props = props;
    this.tx = tx;
  }

  public Result scan() {
    // one scan reads each school, person and group once, however many tasks name it
    ScanDirectory directory = new ScanDirectory(this.directory);
    TaskReader reader = this.reader.with(directory);
    Recipients recipients = this.recipients.forScan(directory);
    Instant now = clock.instant();
    Map<String, NotificationMode> modes = preferences.cache();
    int horizonDays = settings.maxReminderDays() + 1;
    Map<String, DistrictSettings.Setting> districtCache = new LinkedHashMap<>();
    Map<String, Recipient> digestUsers = new LinkedHashMap<>();
    Map<String, List<OpenTask>> digestTasks = new LinkedHashMap<>();
    int[] counts = new int[4];

    reader.dueBefore(
        Date.from(now.plus(Duration.ofDays(horizonDays))),
        page -> {
          tx.executeWithoutResult(
              status -> {
                // what the outbox holds about the page's tasks, in one query, not one per mail
                Set<String> written = outbox.keysOfTasks(page.stream().map(OpenTask::id).toList());
                for (OpenTask task : page) {
                  counts[0]++;
                  DistrictSettings.Setting s =
                      districtCache.computeIfAbsent(
                          String.valueOf(task.districtCode()),
                          d -> settings.of(task.districtCode()));
                  List<Recipient> people = recipients.of(task);

                  OptionalInt before =
                      Kinds.applicableReminder(
                          s.reminderDays(),
                          task.dueDate(),
                          task.due(),
                          now,
                          props.getReminderTime());
                  if (before.isPresent()) {
                    String kind = Kinds.beforeDue(before.getAsInt());
                    for (Recipient r : people) {
                      if (modes.getOrDefault(r.userId(), NotificationMode.DIGEST)
                              == NotificationMode.IMMEDIATE
                          && write(kind, task, r, now, written::contains)) {
                        counts[1]++;
                      }
                    }
                  }
                  if (!escalatedByModelTimer(task.stage())) {
                    if (!now.isBefore(task.due().plus(Duration.ofDays(s.directorAfterDays())))) {
                      counts[2] += escalate(recipients, task, "DIRECTOR", now, written::contains);
                    }
                    if (!now.isBefore(task.due().plus(Duration.ofDays(s.supervisorAfterDays())))) {
                      counts[2] += escalate(recipients, task, "SUPERVISOR", now, written::contains);
                    }
                  }
                  boolean inDigest =
                      task.due().isBefore(now)
                          || !task.dueDate().minusDays(s.maxReminderDays()).isAfter(today(now));
                  if (inDigest) {
                    for (Recipient r : people) {
                      if (modes.getOrDefault(r.userId(), NotificationMode.DIGEST)
                          == NotificationMode.DIGEST) {
                        digestUsers.putIfAbsent(r.userId(), r);
                        digestTasks.computeIfAbsent(r.userId(), k -> new ArrayList<>()).add(task);
                      }
                    }
                  }
                }
              });
        });

    if (!localTime(now).toLocalTime().isBefore(props.getDigestTime())) {
      LocalDate date = today(now);
      tx.executeWithoutResult(
          status -> {
            // today's digests already written (an earlier scan, another node), in a few queries
            Set<String> written =
                outbox.existingKeys(
                    digestTasks.keySet().stream().map(u -> Kinds.digestKey(u, date)).toList());
            for (var e : digestTasks.entrySet()) {
              String key = Kinds.digestKey(e.getKey(), date);
              if (written.contains(key)) {
                continue;
              }
              Recipient r = digestUsers.get(e.getKey());
              String unsubscribe =
                  composer.baseUrl()
                      + "/notifications/unsubscribe?user="
                      + r.userId()
                      + "&sig="
                      + tokens.unsubscribeSignature(r.userId());
              MailComposer.Composed mail = composer.digest(r, e.getValue(), date, now, unsubscribe);
              if (outbox.enqueue(
                  new OutboxMail(
                      key,
                      Kinds.DIGEST,
                      null,
                      r.userId(),
                      r.email(),
                      mail.subject(),
                      mail.text(),
                      mail.html()),
                  now)) {
                counts[3]++;
              }
            }
          });
    }
    return new Result(counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * Escalation mails of one level for a task; called by the scan and by the BPMN's EscalationDue.
   * Both pass the task as read from the engine, so its due date (part of the outbox key) is the
   * task's own: one task and level is one escalation per recipient, whichever source decides it
   * first.
   */
  public int escalate(OpenTask task, String level, Instant now) {
    return escalate(recipients, task, level, now, outbox::exists);
  }

  private int escalate(
      Recipients recipients,
      OpenTask task,
      String level,
      Instant now,
      Predicate<String> alreadyWritten) {
    int written = 0;
    for (Recipient r : recipients.escalation(task, level)) {
      if (write(Kinds.escalation(level), task, r, now, alreadyWritten)) {
        written++;
      }
    }
    return written;
  }

  private boolean write(
      String kind, OpenTask task, Recipient r, Instant now, Predicate<String> alreadyWritten) {
    String key = Kinds.key(task.id(), kind, task.dueDate(), r.userId());
    if (alreadyWritten.test(key)) {
      return false;
    }
    MailComposer.Composed mail = composer.reminder(kind, task, r, now);
    return outbox.enqueue(
        new OutboxMail(
            key, kind, task.id(), r.userId(), r.email(), mail.subject(), mail.text(), mail.html()),
        now);
  }

  private static ZonedDateTime localTime(Instant now) {
    return now.atZone(AcademicYears.ZONE);
  }

  private static LocalDate today(Instant now) {
    return localTime(now).toLocalDate();
  }

  /** Stages whose escalation is a visible BPMN timer, not this scan. */
  private boolean escalatedByModelTimer(String stage) {
    return stages.find(stage).map(Stage::escalatedByModelTimer).orElse(false);
  }
}
