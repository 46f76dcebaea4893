package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;

/**
 * Issue 16 §4: every demo person can sign in to the embedded mail server over IMAP (login and
 * password: their address) from the start, before their first mail: a real IMAP login for someone
 * who never got any mail finds an empty inbox.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class DemoMailboxesTest {
  @Autowired GreenMail server;
  @Autowired OrganisationDirectory directory;

  @Test
  void everyDemoPersonHasAMailboxAndOneWithoutMailCanSignInOverImap() throws Exception {
    assertThat(directory.people()).isNotEmpty();
    for (Person person : directory.people()) {
      if (person.email() != null && !person.email().isBlank()) {
        assertThat(server.getUserManager().getUserByEmail(person.email()))
            .as("mailbox of %s", person.userId())
            .isNotNull();
      }
    }
    String address =
        directory.people().stream()
            .map(Person::email)
            .filter(a -> a != null && !a.isBlank())
            .filter(
                a ->
                    server
                            .findReceivedMessages(u -> a.equalsIgnoreCase(u.getEmail()), m -> true)
                            .count()
                        == 0)
            .findFirst()
            .orElseThrow(() -> new AssertionError("every demo person already got mail"));

    Properties props = new Properties();
    props.put("mail.imap.connectiontimeout", "5000");
    props.put("mail.imap.timeout", "5000");
    Store store = Session.getInstance(props).getStore("imap");
    store.connect("127.0.0.1", server.getImap().getPort(), address, address);
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      assertThat(inbox.getMessageCount()).isZero();
      inbox.close(false);
    } finally {
      store.close();
    }
  }
}
