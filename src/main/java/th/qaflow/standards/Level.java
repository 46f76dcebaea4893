package th.qaflow.standards;

import java.util.Locale;

/**
 * A quality level of a framework. {@code value} is a number as text, higher is better ("5"
 * ยอดเยี่ยม … "1" กำลังพัฒนา), so forms can compare an achieved level with a target with FEEL's
 * {@code number()}.
 */
public record Level(String value, String nameTh, String nameEn) {
  public String name(Locale locale) {
    return Standard.localised(nameTh, nameEn, locale);
  }

  public int rank() {
    return Integer.parseInt(value);
  }
}
