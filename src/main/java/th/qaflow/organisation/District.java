package th.qaflow.organisation;

import java.util.Locale;

/** An Educational Service Area Office (สพป. primary or สพม. secondary). */
public record District(String code, String nameTh, String nameEn, String kind) {

  /** The English name when the reader reads English and one is on file, else the Thai name. */
  public String name(Locale locale) {
    return Names.inLanguage(nameTh, nameEn, locale);
  }
}
