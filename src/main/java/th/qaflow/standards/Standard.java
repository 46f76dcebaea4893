package th.qaflow.standards;

import java.util.List;
import java.util.Locale;

/**
 * A standard of a framework with its items (ประเด็นพิจารณา or indicators), e.g. basic standard "1"
 * with items "1.1" and "1.2".
 */
public record Standard(String code, String nameTh, String nameEn, List<Item> items) {
  public Standard {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public String name(Locale locale) {
    return localised(nameTh, nameEn, locale);
  }

  /** An item of a standard. */
  public record Item(String code, String nameTh, String nameEn) {
    public String name(Locale locale) {
      return localised(nameTh, nameEn, locale);
    }
  }

  static String localised(String thai, String english, Locale locale) {
    return locale != null
            && "en".equals(locale.getLanguage())
            && english != null
            && !english.isBlank()
        ? english
        : thai;
  }
}
