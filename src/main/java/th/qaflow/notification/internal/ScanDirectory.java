package th.qaflow.notification.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;

/**
 * The organisation directory for the length of one reminder scan: each school, district, person and
 * list of people is read once, however many of the scan's tasks ask for it (a district's 250
 * schools have thousands of open tasks, each naming its school, people and escalation targets). Not
 * thread-safe and never kept: a change to the organisation counts from the next scan.
 */
final class ScanDirectory implements OrganisationDirectory {
  private final OrganisationDirectory directory;
  private final Map<String, Object> memo = new HashMap<>();

  ScanDirectory(OrganisationDirectory directory) {
    this.directory = directory;
  }

  @SuppressWarnings("unchecked")
  private <T> T once(String what, String key, Function<String, T> read) {
    return (T) memo.computeIfAbsent(what + "|" + key, k -> read.apply(key));
  }

  @Override
  public List<District> districts() {
    return once("districts", "", k -> directory.districts());
  }

  @Override
  public Optional<District> district(String code) {
    return once("district", code, directory::district);
  }

  @Override
  public List<Cluster> clusters(String districtCode) {
    return once("clusters", districtCode, directory::clusters);
  }

  @Override
  public Optional<Cluster> cluster(String code) {
    return once("cluster", code, directory::cluster);
  }

  @Override
  public Optional<School> school(String code) {
    return once("school", code, directory::school);
  }

  @Override
  public Optional<School> schoolBySmis(String smisCode) {
    return once("smis", smisCode, directory::schoolBySmis);
  }

  @Override
  public List<School> schoolsOfDistrict(String districtCode) {
    return once("schoolsOfDistrict", districtCode, directory::schoolsOfDistrict);
  }

  @Override
  public List<School> schoolsOfCluster(String clusterCode) {
    return once("schoolsOfCluster", clusterCode, directory::schoolsOfCluster);
  }

  @Override
  public Optional<Person> person(String userId) {
    return once("person", userId, directory::person);
  }

  @Override
  public List<Person> people() {
    return once("people", "", k -> directory.people());
  }

  @Override
  public List<Person> peopleOfSchool(String schoolCode) {
    return once("peopleOfSchool", schoolCode, directory::peopleOfSchool);
  }

  @Override
  public List<Person> peopleOfDistrict(String districtCode) {
    return once("peopleOfDistrict", districtCode, directory::peopleOfDistrict);
  }

  @Override
  public List<Person> supervisorsOfCluster(String clusterCode) {
    return once("supervisorsOfCluster", clusterCode, directory::supervisorsOfCluster);
  }
}
