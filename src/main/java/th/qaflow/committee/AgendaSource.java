package th.qaflow.committee;

import java.util.List;

/**
 * Proposes agenda items for a district committee's meeting from a module's open plans and reports
 * (e.g. the published SAR synthesis, the ONESQA round, the district's plan year). Any module may
 * implement it as a Spring bean; the secretary edits the proposals when drafting the agenda.
 */
public interface AgendaSource {
  /** The proposals for a meeting of a committee of the district in the academic year (BE). */
  List<AgendaSuggestion> suggestions(String districtCode, int academicYearBE);

  /**
   * One proposed agenda item.
   *
   * @param source short name of where it comes from (e.g. SYNTHESIS), kept with the item
   * @param title the item as the agenda reads it (Thai)
   * @param note details for the members (may be empty)
   */
  record AgendaSuggestion(String source, String title, String note) {}
}
