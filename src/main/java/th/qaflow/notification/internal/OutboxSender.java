package th.qaflow.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Drains the outbox: claims due mails one by one (a conditional UPDATE, so nodes never share a
 * mail), sends each through SMTP and records the result. A failure is retried with exponential
 * back-off; after {@code maxAttempts} the mail is FAILED and waits for an admin's retry on
 * /admin/mails.
 *
 * <p>Exactly once, honestly: a mail is marked SENT only after the SMTP server accepted it. If the
 * node dies in the short moment between the server's "250 OK" and that update, the lock runs out
 * and another node sends it again, with the same deterministic Message-ID, which mail clients and
 * servers use to drop the duplicate. Every other failure (crash before sending, SMTP down,
 * rejected) sends exactly once.
 */
public class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final MailOutbox outbox;
  private final JavaMailSender mail;
  private final Clock clock;
  private final NotificationProperties props;
  private final String node;

  public OutboxSender(
      MailOutbox outbox,
      JavaMailSender mail,
      Clock clock,
      NotificationProperties props,
      String nodeName) {
    this.outbox = outbox;
    this.mail = mail;
    this.clock = clock;
    this.props = props;
    this.node = nodeName + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String node() {
    return node;
  }

  /** Sends every due mail once; returns how many were sent. */
  public int drain() {
    int sent = 0;
    while (true) {
      var ids = outbox.due(clock.instant(), props.getBatchSize());
      int claimed = 0;
      for (long id : ids) {
        Instant now = clock.instant();
        if (!outbox.claim(id, node, now, now.plus(props.getLockDuration()))) {
          continue;
        }
        claimed++;
        OutboxRow row = outbox.find(id).orElseThrow();
        try {
          send(row);
        } catch (Exception e) {
          int attempts = row.attempts() + 1;
          boolean giveUp = attempts >= props.getMaxAttempts();
          Instant next = clock.instant().plus(backoff(attempts));
          outbox.markFailed(id, node, describe(e), next, giveUp);
          log.warn(
              "Mail {} to {} failed (attempt {}{}): {}",
              row.kind(),
              row.recipientEmail(),
              attempts,
              giveUp ? ", giving up" : "",
              describe(e));
          continue;
        }
        if (outbox.markSent(id, node, clock.instant())) {
          sent++;
        } else {
          log.warn(
              "Mail {} was sent after this node's lock ran out; another node may send it too", id);
        }
      }
      if (claimed == 0 || ids.size() < props.getBatchSize()) {
        return sent;
      }
    }
  }

  Duration backoff(int attempts) {
    Duration d = props.getBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(props.getMaxBackoff()) > 0 ? props.getMaxBackoff() : d;
  }

  private void send(OutboxRow row) throws MessagingException {
    MimeMessage message =
        new FixedIdMimeMessage(Session.getInstance(new Properties()), row.messageId());
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(props.getFrom());
    helper.setTo(row.recipientEmail());
    helper.setSubject(row.subject());
    helper.setText(row.text(), row.html());
    message.setHeader("X-QAFlow-Kind", row.kind());
    mail.send(message);
  }

  private static String describe(Exception e) {
    StringBuilder s = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
    Throwable cause = e.getCause();
    while (cause != null && s.length() < 1500) {
      s.append(" ← ")
          .append(cause.getClass().getSimpleName())
          .append(": ")
          .append(cause.getMessage());
      cause = cause.getCause();
    }
    return s.toString();
  }

  /** Keeps the outbox's Message-ID: JavaMail would otherwise make a random one when saving. */
  static final class FixedIdMimeMessage extends MimeMessage {
    private final String messageId;

    FixedIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
