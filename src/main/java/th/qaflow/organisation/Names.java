package th.qaflow.organisation;

import java.util.Locale;

/** The choice between a Thai and an English name, made once for schools and districts. */
final class Names {
  private Names() {}

  static String inLanguage(String nameTh, String nameEn, Locale locale) {
    boolean english = locale != null && "en".equals(locale.getLanguage());
    return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameTh;
  }
}
