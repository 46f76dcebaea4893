package th.qaflow.documents;

import java.util.regex.Pattern;

/**
 * Where a document lives: its owner — a school or, for the district's own work, a district — an
 * academic year (Buddhist Era) and a slot name such as {@code sarFile}. Exactly one of {@code
 * schoolCode} and {@code districtCode} is set. Storing to the same slot again makes a new version
 * of the same document.
 */
public record DocumentSlot(String schoolCode, String districtCode, int academicYear, String slot) {
  /**
   * A process variable: when a process sets it (e.g. {@code V2.}), the files uploaded on its tasks
   * are stored in slots whose names start with it, so two instances of one school and year (visit
   * rounds) keep separate documents. It must start with a letter and use only letters, digits,
   * {@code _ . -}.
   */
  public static final String VAR_SLOT_PREFIX = "documentSlotPrefix";

  private static final Pattern SCHOOL = Pattern.compile("\\d{10}");
  private static final Pattern DISTRICT = Pattern.compile("[A-Za-z0-9_-]{1,10}");
  private static final Pattern SLOT = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

  public DocumentSlot {
    if (schoolCode != null && districtCode != null) {
      throw new IllegalArgumentException(
          "A document belongs to a school or to a district, not both");
    }
    if (districtCode == null && (schoolCode == null || !SCHOOL.matcher(schoolCode).matches())) {
      throw new IllegalArgumentException("Not a 10-digit school code: " + schoolCode);
    }
    if (schoolCode == null && !DISTRICT.matcher(districtCode).matches()) {
      throw new IllegalArgumentException("Not a district code: " + districtCode);
    }
    if (academicYear < 2400 || academicYear > 2999) {
      throw new IllegalArgumentException("Not a Buddhist-Era academic year: " + academicYear);
    }
    if (slot == null || !SLOT.matcher(slot).matches()) {
      throw new IllegalArgumentException(
          "Not a slot name (a letter, then letters, digits, _ . -): " + slot);
    }
  }

  /** A school's document. */
  public DocumentSlot(String schoolCode, int academicYear, String slot) {
    this(schoolCode, null, academicYear, slot);
  }

  public static DocumentSlot ofSchool(String schoolCode, int academicYear, String slot) {
    return new DocumentSlot(schoolCode, null, academicYear, slot);
  }

  /**
   * A district's own document (guidance, committee orders, reports), seen by the district's staff.
   */
  public static DocumentSlot ofDistrict(String districtCode, int academicYear, String slot) {
    return new DocumentSlot(null, districtCode, academicYear, slot);
  }

  public boolean isDistrict() {
    return schoolCode == null;
  }
}
