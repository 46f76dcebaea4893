package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import th.qaflow.QaFlowTest;
import th.qaflow.notification.internal.MailOutbox;
import th.qaflow.notification.internal.NotificationProperties;
import th.qaflow.notification.internal.OutboxMail;
import th.qaflow.notification.internal.OutboxRow;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;

/**
 * The sender sends a claimed batch over one connection, but never past the batch's lock: a slow
 * server (here a clock that moves a minute whenever the sender looks at it) makes it give the rest
 * of the batch back, and the next claim sends it. Every mail still arrives exactly once and counts
 * one attempt.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class OutboxBatchTest {
  @Autowired MailOutbox outbox;
  @Autowired JavaMailSender mail;
  @Autowired NotificationProperties props;
  @Autowired GreenMail greenMail;
  @Autowired OutboxSender sender;
  @Autowired Clock clock;

  @Test
  void aBatchNearingTheEndOfItsLockLeavesTheRestForTheNextClaim() {
    NotificationFixture.clock(LocalDate.of(2098, 1, 10).atTime(8, 0));
    sender.drain(); // whatever earlier tests left waiting
    AtomicReference<Instant> now = new AtomicReference<>(EngineTestClock.now().toInstant());
    for (int i = 0; i < 6; i++) {
      outbox.enqueue(
          new OutboxMail(
              "outbox-batch|" + i,
              "TEST",
              null,
              "batch" + i,
              "batch" + i + "@qaflow.example",
              "ทดสอบการส่งเป็นชุด " + i,
              "ข้อความ " + i,
              "<p>ข้อความ " + i + "</p>"),
          now.get());
    }
    Clock slow =
        new Clock() {
          @Override
          public Instant instant() {
            return now.getAndUpdate(t -> t.plus(Duration.ofMinutes(1)));
          }

          @Override
          public ZoneId getZone() {
            return ZoneId.of("Asia/Bangkok");
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }
        };
    assertThat(props.getLockDuration()).isEqualTo(Duration.ofMinutes(5));

    int sent = new OutboxSender(outbox, mail, slow, props, "slow-node").drain();

    assertThat(sent).isEqualTo(6);
    for (int i = 0; i < 6; i++) {
      assertThat(Mails.addressedTo(greenMail, "batch" + i + "@qaflow.example"))
          .as("mail %d arrives once", i)
          .hasSize(1);
    }
    assertThat(outbox.forKeyPrefix("outbox-batch|"))
        .hasSize(6)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(MailOutbox.SENT);
              assertThat(r.attempts()).as("a mail given back unsent is no failed attempt").isOne();
            })
        .extracting(OutboxRow::lastError)
        .containsOnlyNulls();
  }

  /**
   * A drain over several connections: each claims its own small batches, so the 30 mails go out
   * over three connections at once, and still every mail arrives exactly once and is SENT once.
   */
  @Test
  void severalConnectionsSendEveryMailExactlyOnce() {
    NotificationFixture.clock(LocalDate.of(2098, 2, 10).atTime(8, 0));
    sender.drain(); // whatever earlier tests left waiting
    Instant now = EngineTestClock.now().toInstant();
    for (int i = 0; i < 30; i++) {
      outbox.enqueue(
          new OutboxMail(
              "outbox-connections|" + i,
              "TEST",
              null,
              "connections" + i,
              "connections" + i + "@qaflow.example",
              "ทดสอบการส่งหลายช่องทาง " + i,
              "ข้อความ " + i,
              "<p>ข้อความ " + i + "</p>"),
          now);
    }
    NotificationProperties three = new NotificationProperties();
    three.setSenderConnections(3);
    three.setBatchSize(4);
    three.setFrom(props.getFrom());
    three.setMessageIdDomain(props.getMessageIdDomain());

    int sent = new OutboxSender(outbox, mail, clock, three, "three-connections").drain();

    assertThat(sent).isEqualTo(30);
    for (int i = 0; i < 30; i++) {
      assertThat(Mails.addressedTo(greenMail, "connections" + i + "@qaflow.example"))
          .as("mail %d arrives once", i)
          .hasSize(1);
    }
    assertThat(outbox.forKeyPrefix("outbox-connections|"))
        .hasSize(30)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(MailOutbox.SENT);
              assertThat(r.attempts()).isOne();
            });
  }
}
