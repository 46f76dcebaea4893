package th.qaflow.notification.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.calendar.DeadlineMoved;

/**
 * A district moved a stage's deadline: everyone who does (or may claim) an open task that now
 * follows the new date gets a "deadline changed" mail naming the old and the new date, once per
 * task, change and person. Runs inside the calendar save's transaction (the event is published
 * there, after the tasks were moved), so the mails are written if and only if the change is saved.
 * Sent to everyone concerned whatever their reminder preference: a changed date is news, not a
 * reminder.
 */
public class DeadlineChangeListener {
  private final TaskReader reader;
  private final Recipients recipients;
  private final MailOutbox outbox;
  private final MailComposer composer;
  private final Clock clock;
  private final TransactionTemplate tx;

  public DeadlineChangeListener(
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

  @EventListener
  public void on(DeadlineMoved moved) {
    if (moved.oldDue() == null || moved.newDue() == null || moved.oldDue().equals(moved.newDue())) {
      return; // only the opening moved
    }
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          for (OpenTask task :
              reader.ofStageDueOn(
                  moved.districtCode(),
                  moved.academicYear(),
                  moved.stage().name(),
                  moved.newDue())) {
            for (Recipient r : recipients.of(task)) {
              String key = Kinds.changedKey(task.id(), moved.oldDue(), moved.newDue(), r.userId());
              if (outbox.exists(key)) {
                continue;
              }
              MailComposer.Composed mail =
                  composer.deadlineChanged(task, moved.oldDue(), moved.newDue(), r, now);
              outbox.enqueue(
                  new OutboxMail(
                      key,
                      Kinds.DEADLINE_CHANGED,
                      task.id(),
                      r.userId(),
                      r.email(),
                      mail.subject(),
                      mail.text(),
                      mail.html()),
                  now);
            }
          }
        });
  }
}
