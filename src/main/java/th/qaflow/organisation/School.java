package th.qaflow.organisation;

import java.util.Locale;

/**
 * A school, identified by its 10-digit school code, with the 8-digit SMIS code as alternate key.
 */
public record School(
    String code,
    String smisCode,
    String nameTh,
    String nameEn,
    String districtCode,
    String clusterCode,
    boolean earlyChildhood,
    boolean basic) {

  /** The English name when the reader reads English and one is on file, else the Thai name. */
  public String name(Locale locale) {
    return Names.inLanguage(nameTh, nameEn, locale);
  }
}
