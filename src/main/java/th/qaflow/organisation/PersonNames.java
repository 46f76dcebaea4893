package th.qaflow.organisation;

import org.springframework.stereotype.Component;

/**
 * A person's name where a page would otherwise show a user id (who did a step, who wrote a
 * comment). An id nobody in the directory has is shown as it is. Templates call it as the bean
 * personNames.
 */
@Component("personNames")
public class PersonNames {
  private final OrganisationDirectory directory;

  public PersonNames(OrganisationDirectory directory) {
    this.directory = directory;
  }

  /** The person's first and last name, or the id itself when unknown; empty for none. */
  public String name(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    return directory.person(userId).map(Person::displayName).orElse(userId);
  }
}
