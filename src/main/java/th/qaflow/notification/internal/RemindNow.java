package th.qaflow.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.notification.Reminders;

/**
 * {@link Reminders} through the outbox: kind {@code REMIND_NOW}, keyed by task, day and recipient.
 */
public class RemindNow implements Reminders {
  private final TaskReader reader;
  private final Recipients recipients;
  private final MailOutbox outbox;
  private final MailComposer composer;
  private final Clock clock;
  private final TransactionTemplate tx;

  public RemindNow(
      TaskReader reader,
      Recipients recipients,
      MailOutbox outbox,
      MailComposer composer,
      Clock clock,
      TransactionTemplate tx) {
    this.reader = reader;
    this.recipients = recipients;
    this.outbox = outbox;
    this.composer = composer;
    this.clock = clock;
    this.tx = tx;
  }

  @Override
  public int remindNow(String taskId, String requestedBy) {
    OpenTask task =
        reader.byId(taskId).orElseThrow(() -> new NoSuchElementException("no open task " + taskId));
    Instant now = clock.instant();
    Integer written =
        tx.execute(
            status -> {
              int count = 0;
              for (Recipient r : recipients.of(task)) {
                String key =
                    Kinds.key(
                        task.id(),
                        Kinds.REMIND_NOW,
                        now.atZone(AcademicYears.ZONE).toLocalDate(),
                        r.userId());
                if (outbox.exists(key)) {
                  continue;
                }
                MailComposer.Composed mail = composer.reminder(Kinds.REMIND_NOW, task, r, now);
                if (outbox.enqueue(
                    new OutboxMail(
                        key,
                        Kinds.REMIND_NOW,
                        task.id(),
                        r.userId(),
                        r.email(),
                        mail.subject(),
                        mail.text(),
                        mail.html()),
                    now)) {
                  count++;
                }
              }
              return count;
            });
    return written == null ? 0 : written;
  }
}
