package th.qaflow.organisation;

import java.util.List;
import java.util.Optional;

/** Read access to districts, clusters, schools and people: the organisation module's API. */
public interface OrganisationDirectory {
  List<District> districts();

  Optional<District> district(String code);

  List<Cluster> clusters(String districtCode);

  Optional<Cluster> cluster(String code);

  Optional<School> school(String code);

  /** A school by its 8-digit SMIS code, the alternate key. */
  Optional<School> schoolBySmis(String smisCode);

  List<School> schoolsOfDistrict(String districtCode);

  List<School> schoolsOfCluster(String clusterCode);

  Optional<Person> person(String userId);

  List<Person> people();

  /**
   * People holding a role for a school (e.g. its director), used for escalations and demo listings.
   */
  List<Person> peopleOfSchool(String schoolCode);

  /** Everyone working in a district: its district staff and the people of its schools. */
  List<Person> peopleOfDistrict(String districtCode);

  /** The supervisors assigned to a cluster. */
  List<Person> supervisorsOfCluster(String clusterCode);

  /**
   * The supervisors assigned to any cluster of the district, each once, by user id: what {@link
   * #supervisorsOfCluster} gives for every cluster of the district, in one read where the store
   * can.
   */
  default List<Person> supervisorsOfDistrict(String districtCode) {
    java.util.Map<String, Person> byId = new java.util.TreeMap<>();
    for (Cluster c : clusters(districtCode)) {
      supervisorsOfCluster(c.code()).forEach(p -> byId.putIfAbsent(p.userId(), p));
    }
    return List.copyOf(byId.values());
  }
}
