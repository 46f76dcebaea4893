package th.qaflow.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * The one read rule for a school's work, used by every page, download and task that shows it: the
 * user's role scope ({@link QaUser#canSee(School)}), plus the schools of open tasks handed to the
 * user by name ({@link HeldWork}), so a review the officer gives to a supervisor of another cluster
 * stays readable to them.
 */
@Component
public class Scopes {
  private final ObjectProvider<HeldWork> held;
  private final OrganisationDirectory directory;

  Scopes(ObjectProvider<HeldWork> held, OrganisationDirectory directory) {
    this.held = held;
    this.directory = directory;
  }

  /**
   * The read rule for what a district publishes to its schools (its guidance, SAR template and
   * forms, see {@code Documents#publishToSchools}): everyone who sees the district's own work
   * ({@link QaUser#canSeeDistrict}) and the users of that district's schools — its school QA
   * groups, directors and board members, by their school's current district. Nobody of another
   * district. Whether a given document was published is the documents module's to say; this only
   * says who receives a district's publications.
   */
  public boolean canReadPublishedBy(QaUser user, String districtCode) {
    if (user == null || districtCode == null) {
      return user != null && user.isOperator();
    }
    if (user.canSeeDistrict(districtCode)) {
      return true;
    }
    return user.isSchoolUser()
        && user.schoolCode() != null
        && directory
            .school(user.schoolCode())
            .map(s -> districtCode.equals(s.districtCode()))
            .orElse(false);
  }

  /**
   * The schools of {@code schools} the user may see by {@link #canSee}: the work the user holds is
   * read once for the list, not once per school (a district's 250 schools on one page).
   */
  public List<School> visible(QaUser user, List<School> schools) {
    if (user == null) {
      return List.of();
    }
    Set<String> heldSchools = null;
    List<School> visible = new ArrayList<>();
    for (School school : schools) {
      if (user.canSee(school)) {
        visible.add(school);
        continue;
      }
      if (user.isReadOnly()) {
        continue;
      }
      if (heldSchools == null) {
        heldSchools = new HashSet<>();
        for (HeldWork h : held.orderedStream().toList()) {
          heldSchools.addAll(h.schoolsHeldBy(user.userId()));
        }
      }
      if (heldSchools.contains(school.code())) {
        visible.add(school);
      }
    }
    return visible;
  }

  public boolean canSee(QaUser user, School school) {
    if (user == null || school == null) {
      return user != null && user.isOperator();
    }
    if (user.canSee(school)) {
      return true;
    }
    List<HeldWork> holders = held.orderedStream().toList();
    return !user.isReadOnly()
        && holders.stream().anyMatch(h -> h.holdsWorkOf(user.userId(), school.code()));
  }
}
