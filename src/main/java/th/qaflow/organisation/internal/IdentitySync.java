package th.qaflow.organisation.internal;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.kernel.Chunks;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;

/**
 * Keeps Camunda's users, groups and memberships in step with the organisation data, through the
 * public {@link IdentityService} and {@link AuthorizationService} only. Every write joins the
 * caller's Spring transaction (the engine shares the application's data source and transaction
 * manager), so a rolled back import leaves no Camunda user behind.
 */
@Component
public class IdentitySync {

  private static final Logger log = LoggerFactory.getLogger(IdentitySync.class);
  private static final String WORKFLOW =
      org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
  private static final String SYSTEM =
      org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM;
  private static final String PASSWORD_ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final OrganisationTables tables;
  private final FirstPasswords firstPasswords;

  public IdentitySync(
      IdentityService identity,
      AuthorizationService authorizations,
      OrganisationTables tables,
      FirstPasswords firstPasswords) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.tables = tables;
    this.firstPasswords = firstPasswords;
  }

  /** What happened to one person's Camunda user. */
  public record Result(boolean userCreated, boolean changed, String generatedPassword) {}

  /**
   * Runs {@code work} with no Camunda authentication on this thread, so the engine does not check
   * the Camunda rights of whoever is logged in (the import service has checked QA Flow's own
   * rules), and restores the authentication afterwards.
   */
  public <T> T withoutCamundaAuthentication(Supplier<T> work) {
    // getCurrentAuthentication() is public API; its return type happens to live in an impl package.
    var saved = identity.getCurrentAuthentication();
    if (saved == null) {
      return work.get();
    }
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(saved);
    }
  }

  /** True when Camunda has a user with this id (from an import or made in Camunda Admin). */
  public boolean userExists(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0;
  }

  /**
   * True when the user is a member of camunda-admin (an operator of Cockpit, Admin and the REST
   * API).
   */
  public boolean isOperator(String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(Groups.CAMUNDA_ADMIN).count()
        > 0;
  }

  /**
   * Creates or updates the person's Camunda user and memberships. {@code password} is the first
   * password of a new user; null gives a new user a random one (returned in the result). An
   * existing user always keeps theirs, and nobody is removed from camunda-admin here. Memberships
   * of QA Flow's groups ({@link Groups#isManaged}) not implied by the role are removed.
   */
  public Result syncPerson(Person person, String password) {
    return batch(List.of(person)).sync(person, password);
  }

  /**
   * {@link #syncPerson} for a whole file: the people's Camunda users and groups are read up front
   * in chunks of ids, and names once each, so a national file of 100,000 people does not cost a
   * dozen queries a person.
   */
  public Batch batch(Collection<Person> people) {
    return new Batch(people);
  }

  /** Camunda's users and groups of one file's people, read once; kept current as it writes. */
  public final class Batch {
    private final Map<String, User> users = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> generatedPasswords = new HashMap<>();
    private Map<String, FirstPasswords.Hashed> hashed = Map.of();

    private Batch(Collection<Person> people) {
      List<String> ids = people.stream().map(Person::userId).distinct().toList();
      for (List<String> chunk : Chunks.of(ids)) {
        identity
            .createUserQuery()
            .userIdIn(chunk.toArray(String[]::new))
            .list()
            .forEach(u -> users.put(u.getId(), u));
      }
      List<String> groupIds =
          people.stream().flatMap(p -> Groups.of(p).stream()).distinct().toList();
      for (List<String> chunk : Chunks.of(groupIds)) {
        identity
            .createGroupQuery()
            .groupIdIn(chunk.toArray(String[]::new))
            .list()
            .forEach(g -> groups.put(g.getId(), g));
      }
    }

    /**
     * The first passwords of the accounts this batch will create (user id to the file's password,
     * null or empty for a generated one), hashed at once on every core ({@link FirstPasswords}),
     * not one by one as each account is saved.
     */
    public void hashFirstPasswords(Map<String, String> passwords) {
      Map<String, String> plain = new HashMap<>();
      passwords.forEach(
          (id, password) -> {
            if (!users.containsKey(id)) {
              if (password == null || password.isEmpty()) {
                String random = randomPassword();
                generatedPasswords.put(id, random);
                plain.put(id, random);
              } else {
                plain.put(id, password);
              }
            }
          });
      hashed = firstPasswords.hash(plain);
    }

    /** See {@link IdentitySync#syncPerson}. */
    public Result sync(Person person, String password) {
      String id = person.userId();
      boolean created = false;
      boolean changed = false;
      String generated = null;

      User user = users.get(id);
      if (user == null) {
        user = identity.newUser(id);
        copy(person, user);
        FirstPasswords.Hashed first = hashed.get(id);
        if (first != null) {
          first.applyTo(user);
          generated = generatedPasswords.get(id);
        } else if (password == null || password.isEmpty()) {
          generated = randomPassword();
          user.setPassword(generated);
        } else {
          user.setPassword(password);
        }
        identity.saveUser(user);
        users.put(id, user);
        created = true;
      } else {
        // An existing account keeps its password whatever the file says: an import that could set
        // it would let whoever imports sign in as that person (e.g. the director who approves the
        // importer's work).
        boolean fieldsDiffer =
            !Objects.equals(user.getFirstName(), person.firstName())
                || !Objects.equals(user.getLastName(), person.lastName())
                || !Objects.equals(user.getEmail(), person.email());
        if (fieldsDiffer) {
          copy(person, user);
          // Without setPassword the stored hash is written back unchanged.
          identity.saveUser(user);
          changed = true;
        }
      }

      changed |= syncMemberships(person, created);
      return new Result(created, changed, generated);
    }

    private boolean syncMemberships(Person person, boolean newUser) {
      Map<String, String> wanted = groupsWithNames(person, this::name);
      for (Map.Entry<String, String> g : wanted.entrySet()) {
        if (Groups.CAMUNDA_ADMIN.equals(g.getKey())) {
          ensureAdminGroup();
        } else {
          groups.put(
              g.getKey(), ensureGroup(groups.get(g.getKey()), g.getKey(), g.getValue(), WORKFLOW));
        }
      }
      boolean changed = false;
      // a user made just now has no memberships to read
      List<String> current =
          newUser
              ? List.of()
              : identity.createGroupQuery().groupMember(person.userId()).list().stream()
                  .map(Group::getId)
                  .toList();
      for (String groupId : current) {
        // camunda-admin is left alone: operators are added and removed in Camunda Admin, never by
        // an import
        if (Groups.isManaged(groupId)
            && !Groups.CAMUNDA_ADMIN.equals(groupId)
            && !wanted.containsKey(groupId)) {
          identity.deleteMembership(person.userId(), groupId);
          changed = true;
        }
      }
      for (String groupId : wanted.keySet()) {
        if (!current.contains(groupId)) {
          identity.createMembership(person.userId(), groupId);
          changed = true;
        }
      }
      return changed;
    }

    /** A school's, district's or cluster's name by kind and code, read once per batch. */
    private String name(String kind, String code) {
      return names.computeIfAbsent(kind + ":" + code, k -> IdentitySync.this.name(kind, code));
    }
  }

  /** The person's groups ({@link Groups#of}) with their Thai names. */
  Map<String, String> groupsWithNames(Person person) {
    return groupsWithNames(person, this::name);
  }

  private static Map<String, String> groupsWithNames(
      Person person, BiFunction<String, String, String> name) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String groupId : Groups.of(person)) {
      result.put(
          groupId,
          switch (person.role()) {
            case SCHOOL_QA -> GroupNames.schoolQa(name.apply(SCHOOL, person.schoolCode()));
            case SCHOOL_DIRECTOR ->
                GroupNames.schoolDirector(name.apply(SCHOOL, person.schoolCode()));
            case SCHOOL_BOARD -> GroupNames.schoolBoard(name.apply(SCHOOL, person.schoolCode()));
            case SUPERVISOR ->
                GroupNames.clusterSupervisor(
                    clusterOf(groupId, person)
                        .map(cluster -> name.apply(CLUSTER, cluster))
                        .orElse(groupId));
            case SUPERVISION_DIRECTOR ->
                GroupNames.supervisionDirector(name.apply(DISTRICT, person.districtCode()));
            case DISTRICT_QA_OFFICER ->
                GroupNames.districtQaOfficer(name.apply(DISTRICT, person.districtCode()));
            case DISTRICT_DIRECTOR ->
                GroupNames.districtDirector(name.apply(DISTRICT, person.districtCode()));
            case COMMITTEE_MEMBER -> groupId;
            case OBEC_VIEWER -> GroupNames.OBEC_VIEWER;
            case ADMIN -> GroupNames.CAMUNDA_ADMIN;
          });
    }
    return result;
  }

  private static final String SCHOOL = "school";
  private static final String DISTRICT = "district";
  private static final String CLUSTER = "cluster";

  /** The name of a school, district or cluster; its code (or the group id) when it has none. */
  private String name(String kind, String code) {
    return switch (kind) {
      case SCHOOL -> tables.school(code).map(School::nameTh).orElse(code);
      case DISTRICT -> tables.district(code).map(District::nameTh).orElse(code);
      default -> tables.cluster(code).map(Cluster::nameTh).orElse(Groups.clusterSupervisor(code));
    };
  }

  /** The person's cluster whose supervisors' group this is. */
  private static Optional<String> clusterOf(String groupId, Person person) {
    return person.clusterCodes().stream()
        .filter(c -> Groups.clusterSupervisor(c).equals(groupId))
        .findFirst();
  }

  /** The groups of a district's own staff, created or renamed. */
  public void syncDistrictGroups(District d) {
    ensureGroup(
        Groups.supervisionDirector(d.code()), GroupNames.supervisionDirector(d.nameTh()), WORKFLOW);
    ensureGroup(
        Groups.districtQaOfficer(d.code()), GroupNames.districtQaOfficer(d.nameTh()), WORKFLOW);
    ensureGroup(
        Groups.districtDirector(d.code()), GroupNames.districtDirector(d.nameTh()), WORKFLOW);
  }

  /** The supervisors' group of a cluster, created or renamed. */
  public void syncClusterGroup(Cluster c) {
    ensureGroup(
        Groups.clusterSupervisor(c.code()), GroupNames.clusterSupervisor(c.nameTh()), WORKFLOW);
  }

  /** The three groups of a school, created or renamed. */
  public void syncSchoolGroups(School s) {
    ensureGroup(Groups.schoolQa(s.code()), GroupNames.schoolQa(s.nameTh()), WORKFLOW);
    ensureGroup(Groups.schoolDirector(s.code()), GroupNames.schoolDirector(s.nameTh()), WORKFLOW);
    ensureGroup(Groups.schoolBoard(s.code()), GroupNames.schoolBoard(s.nameTh()), WORKFLOW);
  }

  /** Creates the group, or corrects its name and type. */
  public void ensureGroup(String id, String name, String type) {
    ensureGroup(identity.createGroupQuery().groupId(id).singleResult(), id, name, type);
  }

  /** The group as {@link #ensureGroup(String, String, String)} leaves it, given what is stored. */
  private Group ensureGroup(Group stored, String id, String name, String type) {
    Group group = stored;
    if (group == null) {
      group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    } else if (!Objects.equals(group.getName(), name) || !Objects.equals(group.getType(), type)) {
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
    return group;
  }

  /**
   * Makes sure the {@code camunda-admin} group exists (type SYSTEM) and holds ALL permissions on
   * every resource type for every resource id ({@code *}), so its members can use Cockpit and
   * Admin.
   */
  public void ensureAdminGroup() {
    ensureGroup(Groups.CAMUNDA_ADMIN, GroupNames.CAMUNDA_ADMIN, SYSTEM);
    for (Resource resource : Resources.values()) {
      List<Authorization> existing =
          authorizations
              .createAuthorizationQuery()
              .groupIdIn(Groups.CAMUNDA_ADMIN)
              .resourceType(resource)
              .resourceId(Authorization.ANY)
              .authorizationType(Authorization.AUTH_TYPE_GRANT)
              .list();
      if (existing.isEmpty()) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Groups.CAMUNDA_ADMIN);
        grant.setResource(resource);
        grant.setResourceId(Authorization.ANY);
        grant.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(grant);
      } else if (!existing.get(0).isPermissionGranted(Permissions.ALL)) {
        Authorization grant = existing.get(0);
        grant.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void onStart() {
    withoutCamundaAuthentication(
        () -> {
          ensureAdminGroup();
          return null;
        });
    log.debug("camunda-admin group and its authorizations are in place");
  }

  static String randomPassword() {
    StringBuilder sb = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
    }
    return sb.toString();
  }

  private static void copy(Person person, User user) {
    user.setFirstName(person.firstName());
    user.setLastName(person.lastName());
    user.setEmail(person.email());
  }
}
