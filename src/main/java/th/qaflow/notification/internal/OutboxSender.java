package th.qaflow.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Drains the outbox: claims a batch of due mails at once (a conditional UPDATE under a claim token
 * of its own, so nodes never share a mail), sends the batch over one SMTP connection and records
 * each result as soon as the server answered. A failure is retried with exponential back-off; after
 * {@code maxAttempts} the mail is FAILED and waits for an admin's retry on /admin/mails.
 *
 * <p>One connection per batch, not per mail: opening an SMTP session (greeting, EHLO, maybe TLS and
 * AUTH) costs far more than sending one message over it, so a burst of reminders goes out at the
 * server's speed (docs/benchmarks/reminders.md).
 *
 * <p>Exactly once, honestly: a mail is marked SENT only after the SMTP server accepted it. If the
 * node dies in the short moment between the server's "250 OK" and that update, the lock runs out
 * and another node sends it again, with the same deterministic Message-ID, which mail clients and
 * servers use to drop the duplicate. A batch never sends past its lock: what is left when the lock
 * nears its end is released for the next drain. Every other failure (crash before sending, SMTP
 * down, rejected) sends exactly once.
 */
public class OutboxSender {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final MailOutbox outbox;
  private final JavaMailSender mail;
  private final Clock clock;
  private final NotificationProperties props;
  private final String node;
  private final AtomicLong claims = new AtomicLong();

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

  /**
   * Sends every due mail once; returns how many were sent. Round by round it claims up to {@code
   * senderConnections} batches and sends them over as many connections at once, so a backlog goes
   * out in parallel while a trickle (one batch or less) is sent on this thread.
   */
  public int drain() {
    int connections = Math.max(1, props.getSenderConnections());
    ExecutorService pool = null;
    int sent = 0;
    try {
      while (true) {
        List<Callable<Integer>> round = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
          Callable<Integer> batch = claimBatch();
          if (batch == null) {
            break;
          }
          round.add(batch);
        }
        if (round.isEmpty()) {
          return sent;
        }
        if (round.size() == 1) {
          sent += round.get(0).call();
          continue;
        }
        if (pool == null) {
          pool = Executors.newFixedThreadPool(connections, OutboxSender::connectionThread);
        }
        for (Future<Integer> done : pool.invokeAll(round)) {
          sent += done.get();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("outbox drain interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("outbox drain failed", e.getCause());
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      if (pool != null) {
        pool.shutdown();
      }
    }
  }

  /** Claims one batch of due mails; the sending of it, or null when none is due. */
  private Callable<Integer> claimBatch() {
    Instant now = clock.instant();
    Instant until = now.plus(props.getLockDuration());
    String claim = node + "#" + claims.incrementAndGet();
    List<OutboxRow> batch = outbox.claimDue(claim, now, until, props.getBatchSize());
    if (batch.isEmpty()) {
      return null;
    }
    // stop a tenth of the lock early, leaving time to record the last result
    return () -> send(batch, claim, until.minus(props.getLockDuration().dividedBy(10)));
  }

  private static Thread connectionThread(Runnable r) {
    Thread t = new Thread(r, "qaflow-outbox-connection");
    t.setDaemon(true);
    return t;
  }

  /** Sends a claimed batch over one connection (reopened once after a broken one). */
  private int send(List<OutboxRow> batch, String claim, Instant stopAt) {
    int sent = 0;
    try (Connection connection = new Connection()) {
      for (int i = 0; i < batch.size(); i++) {
        OutboxRow row = batch.get(i);
        if (!clock.instant().isBefore(stopAt)) {
          outbox.release(
              batch.subList(i, batch.size()).stream().map(OutboxRow::id).toList(), claim);
          log.warn(
              "Outbox batch {} ran close to its lock; {} mails left for the next drain",
              claim,
              batch.size() - i);
          return sent;
        }
        try {
          connection.send(message(row));
        } catch (MessagingException | RuntimeException e) {
          failed(row, claim, e);
          if (!(e instanceof SendFailedException)) {
            // the connection may be broken: the next mail opens a new one, and when even that
            // fails the server is down, so the rest of the batch waits for its back-off
            if (connection.couldNotOpen() || !connection.reopen()) {
              for (OutboxRow rest : batch.subList(i + 1, batch.size())) {
                failed(rest, claim, connection.lastError());
              }
              return sent;
            }
          }
          continue;
        }
        if (outbox.markSent(row.id(), claim, clock.instant())) {
          sent++;
        } else {
          log.warn(
              "Mail {} was sent after this node's lock ran out; another node may send it too",
              row.id());
        }
      }
    }
    return sent;
  }

  private void failed(OutboxRow row, String claim, Exception e) {
    int attempts = row.attempts() + 1;
    boolean giveUp = attempts >= props.getMaxAttempts();
    Instant next = clock.instant().plus(backoff(attempts));
    outbox.markFailed(row.id(), claim, describe(e), next, giveUp);
    log.warn(
        "Mail {} to {} failed (attempt {}{}): {}",
        row.kind(),
        row.recipientEmail(),
        attempts,
        giveUp ? ", giving up" : "",
        describe(e));
  }

  Duration backoff(int attempts) {
    Duration d = props.getBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
    return d.compareTo(props.getMaxBackoff()) > 0 ? props.getMaxBackoff() : d;
  }

  private MimeMessage message(OutboxRow row) throws MessagingException {
    Session session =
        mail instanceof JavaMailSenderImpl impl
            ? impl.getSession()
            : Session.getInstance(new Properties());
    MimeMessage message = new FixedIdMimeMessage(session, row.messageId());
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(props.getFrom());
    helper.setTo(row.recipientEmail());
    helper.setSubject(row.subject());
    helper.setText(row.text(), row.html());
    message.setHeader("X-QAFlow-Kind", row.kind());
    return message;
  }

  /**
   * The SMTP connection of one batch, opened on first use. A sender that is not Spring's
   * JavaMailSenderImpl (it does not expose its session) sends each mail on its own.
   */
  private final class Connection implements AutoCloseable {
    private Transport transport;
    private Exception lastError;
    private boolean couldNotOpen;

    void send(MimeMessage message) throws MessagingException {
      if (!(mail instanceof JavaMailSenderImpl impl)) {
        mail.send(message);
        return;
      }
      if (transport == null || !transport.isConnected()) {
        close();
        try {
          transport = open(impl);
        } catch (MessagingException | RuntimeException e) {
          couldNotOpen = true;
          lastError = e;
          throw e;
        }
      }
      if (message.getSentDate() == null) {
        message.setSentDate(Date.from(clock.instant()));
      }
      message.saveChanges();
      transport.sendMessage(message, message.getAllRecipients());
    }

    /** The last attempt to connect failed: the server is down or refuses us. */
    boolean couldNotOpen() {
      return couldNotOpen;
    }

    /**
     * Opens a fresh connection; false (and {@link #lastError}) when the server cannot be reached.
     */
    boolean reopen() {
      close();
      if (!(mail instanceof JavaMailSenderImpl impl)) {
        return true;
      }
      try {
        transport = open(impl);
        return true;
      } catch (MessagingException | RuntimeException e) {
        lastError = e;
        return false;
      }
    }

    Exception lastError() {
      return lastError;
    }

    /** Connects as JavaMailSenderImpl itself does (an empty user name means no AUTH). */
    private Transport open(JavaMailSenderImpl impl) throws MessagingException {
      Session session = impl.getSession();
      String protocol = impl.getProtocol();
      if (protocol == null) {
        protocol = session.getProperty("mail.transport.protocol");
      }
      String username = impl.getUsername();
      String password = impl.getPassword();
      if ("".equals(username)) {
        username = null;
        if ("".equals(password)) {
          password = null;
        }
      }
      Transport t = session.getTransport(protocol == null ? "smtp" : protocol);
      t.connect(impl.getHost(), impl.getPort(), username, password);
      return t;
    }

    @Override
    public void close() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException e) {
          log.debug("Closing the SMTP connection failed", e);
        }
        transport = null;
      }
    }
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
