package th.qaflow.synthesis;

import java.util.Optional;

/** The synthesis of a district's accepted SARs for an academic year, and its published report. */
public interface SarSynthesis {

  /**
   * The summary as it stands now, generated from the district's {@code SchoolQaCycle} instances of
   * the year (running or ended) whose SAR the district accepted, as the school-cycle module gives
   * them ({@link th.qaflow.cycle.SchoolCycles#sars}).
   */
  SynthesisSummary summary(String districtCode, int academicYear);

  /**
   * The report published for the district and year, with its summary frozen at approval; empty
   * before.
   */
  Optional<PublishedSynthesis> published(String districtCode, int academicYear);
}
