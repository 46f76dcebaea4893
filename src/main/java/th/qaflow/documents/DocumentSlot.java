package th.qaflow.documents;

import java.util.regex.Pattern;

/**
 * Where a document lives: a school, an academic year (Buddhist Era) and a slot name such as
 * {@code sarFile}. Storing to the same slot again makes a new version of the same document.
 */
public record DocumentSlot(String schoolCode, int academicYear, String slot) {
  private static final Pattern SCHOOL = Pattern.compile("\\d{10}");
  private static final Pattern SLOT = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

  public DocumentSlot {
    if (schoolCode == null || !SCHOOL.matcher(schoolCode).matches()) {
      throw new IllegalArgumentException("Not a 10-digit school code: " + schoolCode);
    }
    if (academicYear < 2400 || academicYear > 2800) {
      throw new IllegalArgumentException("Not a Buddhist-Era academic year: " + academicYear);
    }
    if (slot == null || !SLOT.matcher(slot).matches()) {
      throw new IllegalArgumentException("Not a slot name (a letter, then letters, digits, _ . -): " + slot);
    }
  }
}
