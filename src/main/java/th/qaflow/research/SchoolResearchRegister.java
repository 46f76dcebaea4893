package th.qaflow.research;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The schools' research register (SchoolResearch): register, read. */
public interface SchoolResearchRegister {

  /**
   * Registers a school's project and starts its process; {@code partners} are the other schools of
   * a joint project (of the same district). Returns the project's id.
   */
  long register(
      String schoolCode,
      int academicYearBE,
      String title,
      String question,
      String researchers,
      List<String> partners,
      String registeredBy);

  /** The projects of a school: its own and those it joins as a partner, newest first. */
  List<SchoolProject> ofSchool(String schoolCode);

  /** The projects of the district's schools, newest first. */
  List<SchoolProject> ofDistrict(String districtCode);

  Optional<SchoolProject> project(long id);

  /**
   * A school's project as stored.
   *
   * @param toolsReturns how often the adviser sent the tools back
   * @param progress the last recorded progress in percent (null before the data record)
   */
  record SchoolProject(
      long id,
      String schoolCode,
      String districtCode,
      String clusterCode,
      int academicYear,
      String title,
      String question,
      String researchers,
      List<String> partners,
      String processInstanceId,
      Instant registeredAt,
      int toolsReturns,
      Instant toolsApprovedAt,
      Integer progress,
      String dataRecord,
      String findings,
      String useOfResults,
      Instant reportedAt) {
    public boolean reported() {
      return reportedAt != null;
    }

    public boolean joint() {
      return !partners.isEmpty();
    }
  }
}
