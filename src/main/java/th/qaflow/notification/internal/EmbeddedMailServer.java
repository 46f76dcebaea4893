package th.qaflow.notification.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default profile's mail server: GreenMail with SMTP (QA Flow sends to it) and IMAP (any mail
 * client reads what was captured; the login is the recipient's address, the password the same
 * address). It binds to 127.0.0.1 by default. Port 0 picks free ports (the tests do). QA Flow's
 * mail sender is pointed at the port GreenMail actually bound.
 */
@Configuration
@ConditionalOnProperty(name = "qaflow.mail.embedded.enabled", havingValue = "true")
class EmbeddedMailServer {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  @Bean(destroyMethod = "stop")
  GreenMail greenMail(
      @Value("${qaflow.mail.embedded.bind:127.0.0.1}") String bind,
      @Value("${qaflow.mail.embedded.smtp-port:3025}") int smtpPort,
      @Value("${qaflow.mail.embedded.imap-port:3143}") int imapPort) {
    ServerSetup smtp = new ServerSetup(smtpPort, bind, ServerSetup.PROTOCOL_SMTP);
    ServerSetup imap = new ServerSetup(imapPort, bind, ServerSetup.PROTOCOL_IMAP);
    if (smtpPort == 0) {
      smtp = smtp.dynamicPort();
    }
    if (imapPort == 0) {
      imap = imap.dynamicPort();
    }
    GreenMail server = new GreenMail(new ServerSetup[] {smtp, imap});
    server.start();
    log.info(
        "Embedded mail server: SMTP {}:{}, IMAP {}:{} (login = recipient address, password = same)",
        bind,
        server.getSmtp().getPort(),
        bind,
        server.getImap().getPort());
    return server;
  }

  @Bean
  JavaMailSenderImpl mailSender(
      GreenMail server, @Value("${qaflow.mail.embedded.bind:127.0.0.1}") String bind) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(bind);
    sender.setPort(server.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    Properties p = sender.getJavaMailProperties();
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    return sender;
  }
}
