package th.qaflow.organisation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.Cluster;
import th.qaflow.organisation.District;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;

/**
 * {@code user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password}.
 * School roles need a school (their district is the school's); district roles a district;
 * supervisors also their clusters ({@code ;}-separated); ADMIN and OBEC_VIEWER neither. The
 * password sets the first password of a NEW account only: an import never changes an existing
 * account's password, and a district QA officer's import never touches accounts outside their
 * district, above the roles they may give, or made outside the import (operators from Camunda
 * Admin).
 */
@Component
class PeopleImporter implements RowImporter {

  private final OrganisationTables tables;
  private final IdentitySync identitySync;

  PeopleImporter(OrganisationTables tables, IdentitySync identitySync) {
    this.tables = tables;
    this.identitySync = identitySync;
  }

  @Override
  public ImportKind kind() {
    return ImportKind.PEOPLE;
  }

  /**
   * The roles a district QA officer's import may give (and the people whose account it may change).
   */
  static final Set<Role> OFFICER_ASSIGNS =
      EnumSet.of(
          Role.SCHOOL_QA,
          Role.SCHOOL_DIRECTOR,
          Role.SCHOOL_BOARD,
          Role.SUPERVISOR,
          Role.COMMITTEE_MEMBER);

  private record Entry(long row, Person person, String password) {}

  @Override
  public Writes validate(List<CsvTable.Row> rows, Person actor, ImportErrors errors) {
    String scope = RowChecker.scopeOf(actor);
    Map<String, Long> seenIds = new HashMap<>();
    Map<String, Optional<District>> districts = new HashMap<>();
    Map<String, Optional<School>> schools = new HashMap<>();
    Map<String, Optional<Cluster>> clusters = new HashMap<>();
    // e-mail (lower case) -> the user id that uses it first in the file, and the other way round
    Map<String, String> userOfEmail = new HashMap<>();
    Map<String, String> emailOfUser = new HashMap<>();
    List<Entry> entries = new ArrayList<>();

    for (CsvTable.Row row : rows) {
      int before = errors.count();
      RowChecker c = new RowChecker(errors, row);

      String userId =
          c.matching("user_id", c.required("user_id", 1000), RowChecker.USER_ID, "malformedUserId");
      if (userId != null) {
        Long first = seenIds.putIfAbsent(userId, row.number());
        if (first != null) {
          c.error("user_id", "duplicateKey", userId, first);
        }
      }
      String firstName = c.required("first_name", 100);
      String lastName = c.required("last_name", 100);
      String email =
          c.matching("email", c.required("email", 254), RowChecker.EMAIL, "malformedEmail");
      if (email != null && userId != null) {
        String key = email.toLowerCase(Locale.ROOT);
        String other = userOfEmail.putIfAbsent(key, userId);
        if (other != null && !other.equals(userId)) {
          c.error("email", "duplicateEmail", email, other);
        }
        emailOfUser.putIfAbsent(userId, key);
      }

      Role role = null;
      String roleText = c.required("role", 1000);
      if (roleText != null) {
        try {
          role = Role.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          c.error(
              "role",
              "unknownRole",
              roleText,
              String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList()));
        }
      }

      String districtCode = row.optional("district_code");
      String schoolCode = row.optional("school_code");
      List<String> clusterCodes =
          Arrays.stream(row.get("cluster_codes").split(";"))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .distinct()
              .toList();
      String effectiveDistrict = null;

      if (role != null) {
        if (districtCode != null
            && districts.computeIfAbsent(districtCode, tables::district).isEmpty()) {
          c.error("district_code", "unknownDistrict", districtCode);
        }
        switch (role.level()) {
          case SCHOOL -> {
            if (schoolCode == null) {
              c.error("school_code", "schoolRequired", role.name());
            } else if (!RowChecker.SCHOOL_CODE.matcher(schoolCode).matches()) {
              c.error("school_code", "malformedSchoolCode", schoolCode);
            } else {
              Optional<School> school = schools.computeIfAbsent(schoolCode, tables::school);
              if (school.isEmpty()) {
                c.error("school_code", "unknownSchool", schoolCode);
              } else {
                effectiveDistrict = school.get().districtCode();
                if (districtCode != null && !districtCode.equals(effectiveDistrict)) {
                  c.error("district_code", "schoolNotInDistrict", schoolCode, effectiveDistrict);
                }
              }
            }
            if (!clusterCodes.isEmpty()) {
              c.error("cluster_codes", "clustersNotAllowed", role.name());
            }
          }
          case DISTRICT -> {
            if (districtCode == null) {
              c.error("district_code", "districtRequired", role.name());
            } else {
              effectiveDistrict = districtCode;
            }
            if (schoolCode != null) {
              c.error("school_code", "schoolNotAllowed", role.name());
            }
            if (role == Role.SUPERVISOR) {
              if (clusterCodes.isEmpty()) {
                c.error("cluster_codes", "clustersRequired");
              }
              for (String code : clusterCodes) {
                Optional<Cluster> cluster = clusters.computeIfAbsent(code, tables::cluster);
                if (cluster.isEmpty()) {
                  c.error("cluster_codes", "unknownCluster", code);
                } else if (districtCode != null
                    && !cluster.get().districtCode().equals(districtCode)) {
                  c.error(
                      "cluster_codes", "clusterOtherDistrict", code, cluster.get().districtCode());
                }
              }
            } else if (!clusterCodes.isEmpty()) {
              c.error("cluster_codes", "clustersNotAllowed", role.name());
            }
          }
          case COMMITTEE -> {
            if (districtCode == null) {
              c.error("district_code", "districtRequired", role.name());
            } else {
              effectiveDistrict = districtCode;
            }
            if (schoolCode != null) {
              c.error("school_code", "schoolNotAllowed", role.name());
            }
            if (!clusterCodes.isEmpty()) {
              c.error("cluster_codes", "clustersNotAllowed", role.name());
            }
          }
          case NATION -> {
            if (districtCode != null) {
              c.error("district_code", "districtNotAllowed", role.name());
            }
            if (schoolCode != null) {
              c.error("school_code", "schoolNotAllowed", role.name());
            }
            if (!clusterCodes.isEmpty()) {
              c.error("cluster_codes", "clustersNotAllowed", role.name());
            }
          }
        }

        // A district QA officer manages the people of their own district only, and only in the
        // roles
        // they may give: the district's directors approve the officer's work, so they are not the
        // officer's.
        if (scope != null) {
          if (!OFFICER_ASSIGNS.contains(role)) {
            c.error("role", "roleNotAllowed", role.name());
          } else if (effectiveDistrict != null && !scope.equals(effectiveDistrict)) {
            c.error(
                role.atSchool() ? "school_code" : "district_code",
                "outsideDistrict",
                role.atSchool() ? schoolCode : districtCode,
                scope);
          }
        }
      }
      if (scope != null && userId != null) {
        Optional<Person> existing = tables.person(userId);
        if (existing.isPresent() && !scope.equals(existing.get().districtCode())) {
          c.error("user_id", "outsideDistrict", userId, scope);
        } else if (existing.isPresent() && !OFFICER_ASSIGNS.contains(existing.get().role())) {
          // e.g. the supervision director: an officer's file must not rename, move or demote them
          c.error("user_id", "accountNotManaged", userId, existing.get().role().name());
        } else if (existing.isEmpty() && identitySync.userExists(userId)) {
          // an operator or other account made in Camunda Admin, not by an import
          c.error("user_id", "accountOutsideImport", userId);
        } else if (identitySync.isOperator(userId)) {
          c.error("user_id", "accountNotManaged", userId, Role.ADMIN.name());
        }
      }

      String password = c.optional("password", 200);

      if (errors.count() == before) {
        entries.add(
            new Entry(
                row.number(),
                new Person(
                    userId,
                    firstName,
                    lastName,
                    email,
                    role,
                    effectiveDistrict,
                    role.atSchool() ? schoolCode : null,
                    clusterCodes,
                    "th"),
                password));
      }
    }

    // E-mails already used by someone else in QA Flow (unless the file moves that person to another
    // one).
    Map<String, List<String>> emailsInUse = tables.userIdsByEmail();
    for (CsvTable.Row row : rows) {
      String userId = row.optional("user_id");
      String email = row.optional("email");
      if (userId == null || email == null || !RowChecker.EMAIL.matcher(email).matches()) {
        continue;
      }
      String key = email.toLowerCase(Locale.ROOT);
      for (String other : emailsInUse.getOrDefault(key, List.of())) {
        if (other.equals(userId)) {
          continue;
        }
        String otherNewEmail = emailOfUser.get(other);
        if (otherNewEmail == null || otherNewEmail.equals(key)) {
          errors.add(row.number(), "email", "duplicateEmail", email, other);
          entries.removeIf(e -> e.row() == row.number());
          break;
        }
      }
    }

    return () -> {
      Counts counts = new Counts();
      List<Person> people = entries.stream().map(Entry::person).toList();
      Map<String, Person> storedPeople =
          tables.people(people.stream().map(Person::userId).toList());
      IdentitySync.Batch identities = identitySync.batch(people);
      Map<String, String> firstPasswords = new HashMap<>();
      entries.forEach(e -> firstPasswords.put(e.person().userId(), e.password()));
      identities.hashFirstPasswords(firstPasswords);
      for (Entry e : entries) {
        Person p = e.person();
        Optional<Person> stored = Optional.ofNullable(storedPeople.get(p.userId()));
        boolean rowChanged = stored.isPresent() && !sameData(stored.get(), p);
        if (stored.isEmpty()) {
          tables.insertPerson(p);
        } else if (rowChanged) {
          tables.updatePerson(p);
        }
        IdentitySync.Result result = identities.sync(p, e.password());
        counts.count(stored.isEmpty() || result.userCreated(), rowChanged || result.changed());
        if (result.generatedPassword() != null) {
          counts.generatedPasswords.put(p.userId(), result.generatedPassword());
        }
      }
      return counts;
    };
  }

  private static boolean sameData(Person a, Person b) {
    return a.userId().equals(b.userId())
        && a.firstName().equals(b.firstName())
        && a.lastName().equals(b.lastName())
        && a.email().equals(b.email())
        && a.role() == b.role()
        && Objects.equals(a.districtCode(), b.districtCode())
        && Objects.equals(a.schoolCode(), b.schoolCode())
        && new HashSet<>(a.clusterCodes()).equals(new HashSet<>(b.clusterCodes()));
  }
}
