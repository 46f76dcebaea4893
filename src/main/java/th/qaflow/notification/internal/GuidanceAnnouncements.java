package th.qaflow.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.district.GuidancePublished;
import th.qaflow.notification.NotificationMode;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;

/**
 * The district published its guidance: every user of each of its schools (QA group, director,
 * board) who has an address gets one mail in their language with the summary and a link to the
 * guidance page — not the files, which stay behind the sign-in. Written to the outbox inside the
 * transaction that completes the district's task, so the mails exist if and only if the publication
 * does; one row per publication and person (key {@link Kinds#guidanceKey}). A person who chose
 * {@link NotificationMode#NONE} (unsubscribed) is not mailed; the page and the task panels still
 * show the guidance.
 */
@Component
class GuidanceAnnouncements {
  private final OrganisationDirectory directory;
  private final Recipients recipients;
  private final Preferences preferences;
  private final MailOutbox outbox;
  private final MailComposer composer;
  private final Clock clock;
  private final TransactionTemplate tx;

  GuidanceAnnouncements(
      OrganisationDirectory directory,
      Recipients recipients,
      Preferences preferences,
      MailOutbox outbox,
      MailComposer composer,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.directory = directory;
    this.recipients = recipients;
    this.preferences = preferences;
    this.outbox = outbox;
    this.composer = composer;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  @EventListener
  public void on(GuidancePublished published) {
    District district = directory.district(published.districtCode()).orElse(null);
    if (district == null) {
      return;
    }
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          Map<String, NotificationMode> modes = preferences.cache();
          for (School school : directory.schoolsOfDistrict(district.code())) {
            for (Person person : directory.peopleOfSchool(school.code())) {
              if (person.role() == null
                  || !person.role().atSchool()
                  || modes.get(person.userId()) == NotificationMode.NONE) {
                continue;
              }
              recipients
                  .user(person.userId())
                  .ifPresent(to -> enqueue(published, district, school, to, now));
            }
          }
        });
  }

  private void enqueue(
      GuidancePublished published, District district, School school, Recipient to, Instant now) {
    String key =
        Kinds.guidanceKey(
            published.districtCode(),
            published.academicYear(),
            published.publishedAt(),
            to.userId());
    if (outbox.exists(key)) {
      return;
    }
    MailComposer.Composed mail =
        composer.guidancePublished(
            district,
            school,
            published.academicYear(),
            published.summary(),
            published.reference(),
            published.filenames(),
            published.publishedAt(),
            to);
    outbox.enqueue(
        new OutboxMail(
            key,
            Kinds.GUIDANCE_PUBLISHED,
            null,
            to.userId(),
            to.email(),
            mail.subject(),
            mail.text(),
            mail.html()),
        now);
  }
}
