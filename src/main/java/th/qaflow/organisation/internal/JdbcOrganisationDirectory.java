package th.qaflow.organisation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;

@Service
@Transactional(readOnly = true)
public class JdbcOrganisationDirectory implements OrganisationDirectory {

  private final OrganisationTables tables;

  public JdbcOrganisationDirectory(OrganisationTables tables) {
    this.tables = tables;
  }

  @Override
  public List<District> districts() {
    return tables.districts();
  }

  @Override
  public Optional<District> district(String code) {
    return code == null ? Optional.empty() : tables.district(code);
  }

  @Override
  public List<Cluster> clusters(String districtCode) {
    return tables.clusters(districtCode);
  }

  @Override
  public Optional<Cluster> cluster(String code) {
    return code == null ? Optional.empty() : tables.cluster(code);
  }

  @Override
  public Optional<School> school(String code) {
    return code == null ? Optional.empty() : tables.school(code);
  }

  @Override
  public Optional<School> schoolBySmis(String smisCode) {
    return smisCode == null ? Optional.empty() : tables.schoolBySmis(smisCode);
  }

  @Override
  public List<School> schoolsOfDistrict(String districtCode) {
    return tables.schoolsOfDistrict(districtCode);
  }

  @Override
  public List<School> schoolsOfCluster(String clusterCode) {
    return tables.schoolsOfCluster(clusterCode);
  }

  @Override
  public Optional<Person> person(String userId) {
    return userId == null ? Optional.empty() : tables.person(userId);
  }

  @Override
  public List<Person> people() {
    return tables.people();
  }

  @Override
  public List<Person> peopleOfSchool(String schoolCode) {
    return tables.peopleOfSchool(schoolCode);
  }

  @Override
  public List<Person> peopleOfDistrict(String districtCode) {
    return tables.peopleOfDistrict(districtCode);
  }

  @Override
  public List<Person> supervisorsOfDistrict(String districtCode) {
    return tables.supervisorsOfDistrict(districtCode);
  }

  @Override
  public List<Person> supervisorsOfCluster(String clusterCode) {
    return tables.supervisorsOfCluster(clusterCode);
  }
}
