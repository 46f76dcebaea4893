package th.qaflow.notification.internal;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages: the outbox (failed mails with their error and a Retry button, pending mails) and,
 * with the embedded mail server, every captured mail.
 */
@Controller
@RequestMapping("/admin/mails")
@PreAuthorize("hasRole('ADMIN')")
class MailAdminController {
  /** A captured mail as the page shows it; the HTML is shown in a sandboxed frame. */
  record Captured(
      int index,
      String subject,
      String from,
      String to,
      java.util.Date date,
      String messageId,
      String text,
      String html) {}

  private final MailOutbox outbox;
  private final Clock clock;
  private final ObjectProvider<GreenMail> greenMail;

  MailAdminController(MailOutbox outbox, Clock clock, ObjectProvider<GreenMail> greenMail) {
    this.outbox = outbox;
    this.clock = clock;
    this.greenMail = greenMail;
  }

  @GetMapping
  String outbox(Model model) {
    model.addAttribute("counts", outbox.countsByStatus());
    model.addAttribute("failed", outbox.withStatus(MailOutbox.FAILED, 200));
    model.addAttribute("pending", outbox.withStatus(MailOutbox.PENDING, 200));
    model.addAttribute("embedded", greenMail.getIfAvailable() != null);
    return "notification/admin-mails";
  }

  @PostMapping("/{id}/retry")
  String retry(@PathVariable long id, RedirectAttributes flash) {
    boolean ok = outbox.retry(id, clock.instant());
    flash.addFlashAttribute(
        ok ? "success" : "error",
        ok ? "notification.admin.retried" : "notification.admin.notFailed");
    return "redirect:/admin/mails";
  }

  @GetMapping("/captured")
  String captured(Model model) throws Exception {
    GreenMail server = greenMail.getIfAvailable();
    List<Captured> mails = new ArrayList<>();
    if (server != null) {
      MimeMessage[] received = server.getReceivedMessages();
      for (int i = received.length - 1; i >= 0 && mails.size() < 300; i--) {
        MimeMessage m = received[i];
        mails.add(
            new Captured(
                i,
                m.getSubject(),
                addresses(m.getFrom()),
                addresses(m.getRecipients(Message.RecipientType.TO)),
                m.getSentDate(),
                m.getMessageID(),
                part(m, "text/plain"),
                part(m, "text/html")));
      }
    }
    model.addAttribute("embedded", server != null);
    model.addAttribute("mails", mails);
    return "notification/admin-captured";
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  /** The first body part of the type, decoded. */
  static String part(Part p, String type) throws Exception {
    if (p.isMimeType(type)) {
      return String.valueOf(p.getContent());
    }
    if (p.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) p.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart bp = mp.getBodyPart(i);
        String found = part(bp, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
