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

  List<School> schoolsOfDistrict(String districtCode);

  List<School> schoolsOfCluster(String clusterCode);

  Optional<Person> person(String userId);

  List<Person> people();

  /** People holding a role for a school (e.g. its director), used for escalations and demo listings. */
  List<Person> peopleOfSchool(String schoolCode);
}
