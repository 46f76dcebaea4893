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
 * Who hears about a task: its assignee once claimed, otherwise every member of its candidate
 * groups; for escalations the people above the task's own level (see {@link #escalation}).
 * Addresses and languages come from the organisation data, falling back to the Camunda user.
 */
public class Recipients {
  private final IdentityService identity;
  private final OrganisationDirectory directory;

  /** Members of a group, when this instance remembers them (a scan's); null otherwise. */
  private final Map<String, List<User>> members;

  public Recipients(IdentityService identity, OrganisationDirectory directory) {
    this(identity, directory, null);
  }

  private Recipients(
      IdentityService identity, OrganisationDirectory directory, Map<String, List<User>> members) {
    this.identity = identity;
    this.directory = directory;
    this.members = members;
  }

  /**
   * Recipients for the length of one scan: people from {@code scanDirectory}, and each group's
   * members read once (thousands of tasks share a few hundred groups).
   */
  Recipients forScan(OrganisationDirectory scanDirectory) {
    return new Recipients(identity, scanDirectory, new java.util.HashMap<>());
  }

  private List<User> membersOf(String group) {
    if (members == null) {
      return identity.createUserQuery().memberOfGroup(group).list();
    }
    return members.computeIfAbsent(group, g -> identity.createUserQuery().memberOfGroup(g).list());
  }

  public List<Recipient> of(OpenTask task) {
    if (task.assignee() != null) {
      return user(task.assignee()).map(List::of).orElse(List.of());
    }
    Map<String, Recipient> all = new LinkedHashMap<>();
    for (String group : task.candidateGroups()) {
      for (User u : membersOf(group)) {
        all.computeIfAbsent(u.getId(), id -> recipient(id, u).orElse(null));
      }
    }
    all.values().removeIf(java.util.Objects::isNull);
    return new ArrayList<>(all.values());
  }

  /**
   * Who an escalation of the task goes to: the people above the level of its assignees, never
   * below. A school's task: DIRECTOR = the school's directors, SUPERVISOR = the supervisors of its
   * cluster. A task of a cluster's supervisors or of district staff (even one about a school, e.g.
   * a visit's committee): DIRECTOR = the district's supervision directors, SUPERVISOR = the
   * district's QA officers.
   */
  public List<Recipient> escalation(OpenTask task, String level) {
    boolean second = "SUPERVISOR".equals(level);
    List<Person> people;
    if (task.schoolTask()) {
      School school = task.school();
      if (school == null) {
        return List.of();
      }
      people =
          second
              ? (school.clusterCode() == null
                  ? List.of()
                  : directory.supervisorsOfCluster(school.clusterCode()))
              : directory.peopleOfSchool(school.code()).stream()
                  .filter(p -> p.role() == Role.SCHOOL_DIRECTOR)
                  .toList();
    } else {
      if (task.districtCode() == null) {
        return List.of();
      }
      Role role = second ? Role.DISTRICT_QA_OFFICER : Role.SUPERVISION_DIRECTOR;
      people =
          directory.peopleOfDistrict(task.districtCode()).stream()
              .filter(p -> p.role() == role)
              .toList();
    }
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
    User u =
        camundaUser != null
            ? camundaUser
            : identity.createUserQuery().userId(userId).singleResult();
    if (u == null || u.getEmail() == null || u.getEmail().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Recipient(
            userId, u.getEmail(), "th", (u.getFirstName() + " " + u.getLastName()).trim()));
  }

  private Optional<Recipient> recipient(Person p) {
    if (p.email() == null || p.email().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Recipient(
            p.userId(), p.email(), p.language() == null ? "th" : p.language(), p.displayName()));
  }
}
