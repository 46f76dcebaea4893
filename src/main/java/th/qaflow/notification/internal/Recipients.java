package th.qaflow.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;

/**
 * Who hears about a task: its assignee once claimed, otherwise every member of its candidate groups;
 * for escalations the school's director or the supervisors of the school's cluster. Addresses and
 * languages come from the organisation data, falling back to the Camunda user.
 */
public class Recipients {
  private final IdentityService identity;
  private final OrganisationDirectory directory;

  public Recipients(IdentityService identity, OrganisationDirectory directory) {
    this.identity = identity;
    this.directory = directory;
  }

  public List<Recipient> of(OpenTask task) {
    if (task.assignee() != null) {
      return user(task.assignee()).map(List::of).orElse(List.of());
    }
    Map<String, Recipient> all = new LinkedHashMap<>();
    for (String group : task.candidateGroups()) {
      for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
        all.computeIfAbsent(u.getId(), id -> recipient(id, u).orElse(null));
      }
    }
    all.values().removeIf(java.util.Objects::isNull);
    return new ArrayList<>(all.values());
  }

  /** DIRECTOR: the school's directors; SUPERVISOR: the supervisors of its cluster. */
  public List<Recipient> escalation(School school, String level) {
    if (school == null) {
      return List.of();
    }
    List<Person> people = "SUPERVISOR".equals(level)
        ? (school.clusterCode() == null ? List.of() : directory.supervisorsOfCluster(school.clusterCode()))
        : directory.peopleOfSchool(school.code()).stream().filter(p -> p.role() == Role.SCHOOL_DIRECTOR).toList();
    return people.stream().map(this::recipient).flatMap(Optional::stream).toList();
  }

  public Optional<Recipient> user(String userId) {
    return recipient(userId, null);
  }

  private Optional<Recipient> recipient(String userId, User camundaUser) {
    Optional<Person> person = directory.person(userId);
    if (person.isPresent()) {
      return recipient(person.get());
    }
    User u = camundaUser != null ? camundaUser : identity.createUserQuery().userId(userId).singleResult();
    if (u == null || u.getEmail() == null || u.getEmail().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Recipient(userId, u.getEmail(), "th", (u.getFirstName() + " " + u.getLastName()).trim()));
  }

  private Optional<Recipient> recipient(Person p) {
    if (p.email() == null || p.email().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Recipient(p.userId(), p.email(), p.language() == null ? "th" : p.language(),
        p.displayName()));
  }
}
