package th.qaflow.notification.internal;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qaflow.notification.*}: reminder offsets, when reminders and digests go out, and how the
 * outbox is drained. The escalation delays are {@code qaflow.escalation.*} (shared with the BPMN
 * timers).
 */
@ConfigurationProperties("qaflow.notification")
public class NotificationProperties {
  /** Days before the due date a reminder is sent; 0 = on the day. */
  private String reminderDays = "7,3,1,0";

  /** Local time (Asia/Bangkok) at which a reminder of a given day becomes due. */
  private LocalTime reminderTime = LocalTime.of(7, 0);

  /** Local time (Asia/Bangkok) of the daily digest. */
  private LocalTime digestTime = LocalTime.of(7, 0);

  private Duration scanInterval = Duration.ofMinutes(5);
  private Duration sendInterval = Duration.ofSeconds(30);

  /** Attempts before a mail is marked FAILED and shown to admins. */
  private int maxAttempts = 8;

  /** First retry delay; doubles with every failed attempt up to maxBackoff. */
  private Duration backoff = Duration.ofMinutes(1);

  private Duration maxBackoff = Duration.ofHours(6);

  /** How long a node owns a claimed mail before another node may take it over. */
  private Duration lockDuration = Duration.ofMinutes(5);

  private int batchSize = 200;

  /**
   * SMTP connections a drain uses at once, each sending its own claimed batches: one connection
   * waits on the server's answer and on each mail's SENT update; a few overlap those waits.
   */
  private int senderConnections = 3;

  private String from = "QA Flow <qaflow@localhost>";

  /** Right-hand side of the deterministic Message-ID of each mail. */
  private String messageIdDomain = "qaflow.local";

  public String getReminderDays() {
    return reminderDays;
  }

  public void setReminderDays(String v) {
    reminderDays = v;
  }

  public LocalTime getReminderTime() {
    return reminderTime;
  }

  public void setReminderTime(LocalTime v) {
    reminderTime = v;
  }

  public LocalTime getDigestTime() {
    return digestTime;
  }

  public void setDigestTime(LocalTime v) {
    digestTime = v;
  }

  public Duration getScanInterval() {
    return scanInterval;
  }

  public void setScanInterval(Duration v) {
    scanInterval = v;
  }

  public Duration getSendInterval() {
    return sendInterval;
  }

  public void setSendInterval(Duration v) {
    sendInterval = v;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int v) {
    maxAttempts = v;
  }

  public Duration getBackoff() {
    return backoff;
  }

  public void setBackoff(Duration v) {
    backoff = v;
  }

  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  public void setMaxBackoff(Duration v) {
    maxBackoff = v;
  }

  public Duration getLockDuration() {
    return lockDuration;
  }

  public void setLockDuration(Duration v) {
    lockDuration = v;
  }

  public int getSenderConnections() {
    return senderConnections;
  }

  public void setSenderConnections(int v) {
    senderConnections = v;
  }

  public int getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(int v) {
    batchSize = v;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String v) {
    from = v;
  }

  public String getMessageIdDomain() {
    return messageIdDomain;
  }

  public void setMessageIdDomain(String v) {
    messageIdDomain = v;
  }
}
