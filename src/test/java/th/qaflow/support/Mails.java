package th.qaflow.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * Mails as their reader reads them, from the test SMTP server (GreenMail): decoded subject, text
 * and headers.
 */
public final class Mails {
  private Mails() {}

  /** Captured mails whose body links to the task. */
  public static List<MimeMessage> about(GreenMail mail, String taskId) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> body(m).contains("/tasks/" + taskId))
        .toList();
  }

  /** Captured mails to that address. */
  public static List<MimeMessage> addressedTo(GreenMail mail, String address) {
    return Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
  }

  /** Those of the mails of that kind (QA Flow's X-QAFlow-Kind header). */
  public static List<MimeMessage> ofKind(List<MimeMessage> mails, String kind) {
    return mails.stream().filter(m -> kind(m).equals(kind)).toList();
  }

  public static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String kind(MimeMessage m) {
    try {
      return m.getHeader("X-QAFlow-Kind")[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String messageId(MimeMessage m) {
    try {
      return m.getMessageID();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text and HTML parts together. */
  public static String body(MimeMessage m) {
    return text(m, "text/plain") + "\n" + text(m, "text/html");
  }

  /** The text/plain parts. */
  public static String plainText(MimeMessage m) {
    return text(m, "text/plain");
  }

  /** The parts of that MIME type, through nested multiparts. */
  public static String text(Part p, String type) {
    try {
      if (p.isMimeType(type)) {
        return String.valueOf(p.getContent());
      }
      if (p.isMimeType("multipart/*")) {
        Multipart mp = (Multipart) p.getContent();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < mp.getCount(); i++) {
          s.append(text(mp.getBodyPart(i), type));
        }
        return s.toString();
      }
      return "";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
