package th.qaflow.visit;

import java.util.List;

/**
 * The projects a visit round may be launched under (the supervision plan's projects, issue 14):
 * implemented by the supervision module, so the visit module depends on nothing new.
 */
public interface RoundProjects {

  /** The district's projects a round of the year may belong to, in the plan's order. */
  List<ProjectOption> options(String districtCode, int academicYearBE);

  record ProjectOption(long id, String name) {}
}
