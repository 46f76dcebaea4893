package th.qaflow.forms;

import java.util.Locale;

/**
 * One choice of a {@code select} or {@code radio} component: the stored {@code value} (a code) and
 * its Thai label, with an optional English label taken from the component's custom property {@code
 * option_en.<value>}.
 */
public record FormOption(String value, String label, String labelEn) {

  /** The English label when the locale is English and one is given, the Thai label otherwise. */
  public String labelFor(Locale locale) {
    return FormComponent.localised(label, labelEn, locale);
  }
}
