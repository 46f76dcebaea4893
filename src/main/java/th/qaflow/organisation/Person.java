package th.qaflow.organisation;

import java.util.List;

/**
 * A person who uses QA Flow. School roles carry a school (and its district); district roles carry a
 * district; supervisors also carry the clusters they are assigned to.
 */
public record Person(
    String userId,
    String firstName,
    String lastName,
    String email,
    Role role,
    String districtCode,
    String schoolCode,
    List<String> clusterCodes,
    String language) {

  public String displayName() {
    return firstName + " " + lastName;
  }
}
