package th.qaflow.cycle;

import java.util.List;

/**
 * Implemented by the modules that recorded something about a school's academic year that its next
 * year should build on (the district's visit findings and recommendations, the district's review
 * feedback, ONESQA's results). The tasklist's "last year" panel asks every implementation, so the
 * cycle module and the tasklist need not depend on the modules that own the data.
 */
public interface SchoolAdvice {

  /** What the module recorded about the school's year; only that school's, never null. */
  List<Note> notes(String schoolCode, String districtCode, int academicYear);

  /**
   * One thing said about the school's year.
   *
   * @param source a message key naming who said it (e.g. {@code lastyear.source.visit})
   * @param standardCode the school's standard it is about, or null for the school as a whole (or a
   *     standard of another framework, named in {@code standardLabel})
   * @param standardLabel the standard's label as the source recorded it, or null
   * @param level the level the source gave (a 1–5 quality level, or the source's own level), or
   *     null
   * @param text what it said (never blank)
   */
  record Note(
      String source, String standardCode, String standardLabel, String level, String text) {}
}
