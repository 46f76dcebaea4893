package th.qaflow.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;

/**
 * The signed-in user: who they are, their role and where they work, and their Camunda groups. The
 * scope rules live here so every module asks the same question the same way.
 */
public record QaUser(
    String userId,
    String displayName,
    Role role,
    String districtCode,
    String schoolCode,
    Set<String> clusterCodes,
    Set<String> groups)
    implements Principal, Serializable {

  /** The user id, so {@code Authentication.getName()} and {@code Principal} give the account. */
  @Override
  public String getName() {
    return userId;
  }

  public boolean isOperator() {
    return groups.contains(Groups.CAMUNDA_ADMIN);
  }

  /** OBEC viewers read everything and change nothing. */
  public boolean isReadOnly() {
    return role == Role.OBEC_VIEWER;
  }

  public boolean isSchoolUser() {
    return role != null && role.atSchool();
  }

  public boolean isDistrictUser() {
    return role != null && role.atDistrict();
  }

  /**
   * May this user see the school's work (its tasks, history, timeline, documents)? School users
   * their own school; a supervisor the schools of their own clusters; the district's other staff
   * (QA officer, supervision director, district director) every school of their district; OBEC and
   * administrators every school. Work handed to a user outside this scope (a review assigned by the
   * officer) is added by {@link Scopes}. Acting on a task is decided per task (its assignee and
   * candidates).
   */
  public boolean canSee(School school) {
    if (school == null || role == null) {
      return isOperator();
    }
    return switch (role.level()) {
      case NATION -> true;
      case DISTRICT ->
          school.districtCode().equals(districtCode)
              && (role != Role.SUPERVISOR
                  || (clusterCodes != null && clusterCodes.contains(school.clusterCode())));
      case SCHOOL -> school.code().equals(schoolCode);
      case COMMITTEE -> false;
    };
  }

  /**
   * May this user see the district's own work (its district-level tasks and pages, no school)? Its
   * staff, supervisors included, OBEC and operators.
   */
  public boolean canSeeDistrict(String district) {
    if (district == null) {
      return isOperator();
    }
    return isOperator()
        || isReadOnly()
        || role == Role.ADMIN
        || (isDistrictUser() && district.equals(districtCode));
  }

  public boolean canManageDistrict(String district) {
    return role == Role.ADMIN
        || (role == Role.DISTRICT_QA_OFFICER && district.equals(districtCode));
  }
}
