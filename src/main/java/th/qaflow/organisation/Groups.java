package th.qaflow.organisation;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of the Camunda groups QA Flow keeps in step with its organisation data. Candidate groups in
 * the BPMN use the same names, so assignment follows the organisation, never names typed into a
 * model.
 */
public final class Groups {
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final String OBEC_VIEWER = "obec-viewer";

  private Groups() {}

  public static String schoolQa(String schoolCode) {
    return "school-" + schoolCode + "-qa";
  }

  public static String schoolDirector(String schoolCode) {
    return "school-" + schoolCode + "-director";
  }

  public static String schoolBoard(String schoolCode) {
    return "school-" + schoolCode + "-board";
  }

  public static String clusterSupervisor(String clusterCode) {
    return "cluster-" + clusterCode + "-supervisor";
  }

  public static String supervisionDirector(String districtCode) {
    return "district-" + districtCode + "-supervision-director";
  }

  public static String districtQaOfficer(String districtCode) {
    return "district-" + districtCode + "-qa-officer";
  }

  /** The members (chair, secretary, members) of a district committee, who vote on its minutes. */
  public static String committeeMember(long committeeId) {
    return "committee-" + committeeId + "-member";
  }

  /** The secretary of a district committee, who drafts the agenda and records the minutes. */
  public static String committeeSecretary(long committeeId) {
    return "committee-" + committeeId + "-secretary";
  }

  public static String districtDirector(String districtCode) {
    return "district-" + districtCode + "-director";
  }

  /**
   * Whether QA Flow owns memberships of this group: the import adds and removes them to follow each
   * person's role. Groups made by hand in Camunda Admin (any other name) are left alone.
   */
  public static boolean isManaged(String groupId) {
    return CAMUNDA_ADMIN.equals(groupId)
        || OBEC_VIEWER.equals(groupId)
        || groupId.startsWith("school-")
        || groupId.startsWith("cluster-")
        || groupId.startsWith("district-");
  }

  /** The groups a person belongs to, derived from their role and where they work. */
  public static List<String> of(Person person) {
    List<String> groups = new ArrayList<>();
    switch (person.role()) {
      case SCHOOL_QA -> groups.add(schoolQa(person.schoolCode()));
      case SCHOOL_DIRECTOR -> groups.add(schoolDirector(person.schoolCode()));
      case SCHOOL_BOARD -> groups.add(schoolBoard(person.schoolCode()));
      case SUPERVISOR -> person.clusterCodes().forEach(c -> groups.add(clusterSupervisor(c)));
      case SUPERVISION_DIRECTOR -> groups.add(supervisionDirector(person.districtCode()));
      case DISTRICT_QA_OFFICER -> groups.add(districtQaOfficer(person.districtCode()));
      case DISTRICT_DIRECTOR -> groups.add(districtDirector(person.districtCode()));
      case COMMITTEE_MEMBER -> {
        // no group of the office: the committee module gives the groups of their committees
      }
      case OBEC_VIEWER -> groups.add(OBEC_VIEWER);
      case ADMIN -> groups.add(CAMUNDA_ADMIN);
    }
    return groups;
  }
}
