package th.qaflow.notification.internal;

import com.icegreen.greenmail.util.GreenMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.DemoLoaded;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;

/**
 * Gives every demo person a mailbox on the embedded mail server as soon as the demo is loaded, so
 * each one can sign in over IMAP (login and password: the person's address) before their first mail
 * arrives; until now a mailbox appeared only with its first mail.
 */
@Component
@ConditionalOnProperty(name = "qaflow.mail.embedded.enabled", havingValue = "true")
class DemoMailboxes {
  private static final Logger log = LoggerFactory.getLogger(DemoMailboxes.class);

  private final GreenMail server;
  private final OrganisationDirectory directory;

  DemoMailboxes(GreenMail server, OrganisationDirectory directory) {
    this.server = server;
    this.directory = directory;
  }

  @EventListener(DemoLoaded.class)
  void openMailboxes() {
    int opened = 0;
    for (Person person : directory.people()) {
      String address = person.email();
      if (address == null || address.isBlank()) {
        continue;
      }
      if (server.getUserManager().getUserByEmail(address) == null) {
        server.setUser(address, address, address);
        opened++;
      }
    }
    log.info("Embedded mail server: {} demo mailboxes opened", opened);
  }
}
