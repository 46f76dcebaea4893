package th.qaflow.demo;

import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.security.DemoAccounts;

/** The demo accounts shown on the login page (demo profile only). */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoDistrict implements DemoAccounts {
  static final String DISTRICT = "1099";

  private final OrganisationDirectory directory;

  DemoDistrict(OrganisationDirectory directory) {
    this.directory = directory;
  }

  @Override
  public List<Account> accounts() {
    return directory.people().stream()
        .sorted(
            Comparator.comparing((Person p) -> p.role().ordinal() >= 3 ? 0 : 1)
                .thenComparing(p -> p.schoolCode() == null ? "" : p.schoolCode())
                .thenComparing(p -> p.role().ordinal()))
        .map(p -> new Account(p.userId(), p.displayName(), "role." + p.role().name(), place(p)))
        .toList();
  }

  private String place(Person p) {
    if (p.schoolCode() != null) {
      return directory.school(p.schoolCode()).map(s -> s.nameTh()).orElse(p.schoolCode());
    }
    if (p.districtCode() != null) {
      return directory.district(p.districtCode()).map(d -> d.nameTh()).orElse(p.districtCode());
    }
    return "";
  }
}
