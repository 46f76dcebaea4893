package th.qaflow.notification.internal;

import java.util.Locale;

/** Who a mail goes to, with the language it is written in. */
public record Recipient(String userId, String email, String language, String name) {
  public Locale locale() {
    return "en".equalsIgnoreCase(language) ? Locale.ENGLISH : Locale.forLanguageTag("th-TH");
  }
}
