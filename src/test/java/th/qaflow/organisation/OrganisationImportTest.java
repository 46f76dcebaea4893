package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.qaflow.organisation.TestData.PEOPLE_HEADER;
import static th.qaflow.organisation.TestData.SCHOOL_HEADER;
import static th.qaflow.organisation.TestData.lines;
import static th.qaflow.organisation.TestData.utf8;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

@OrganisationTest
class OrganisationImportTest {

  @Autowired OrganisationImport imports;
  @Autowired OrganisationDirectory directory;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired MessageSource messages;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  ImportReport run(ImportKind kind, String csv, Person actor) {
    return imports.importCsv(kind, utf8(csv), actor);
  }

  ImportReport run(ImportKind kind, String csv) {
    return run(kind, csv, TestData.ADMIN);
  }

  TestData importedDistrictAndSchools() {
    TestData t = new TestData();
    assertThat(run(ImportKind.DISTRICTS, t.districtsCsv()).ok()).isTrue();
    assertThat(run(ImportKind.SCHOOLS, t.schoolsCsv()).ok()).isTrue();
    return t;
  }

  @Test
  void goodFilesAreImportedIntoTheDirectoryAndCamunda() {
    TestData t = new TestData();
    ImportReport districts = run(ImportKind.DISTRICTS, t.districtsCsv());
    ImportReport schools = run(ImportKind.SCHOOLS, t.schoolsCsv());
    ImportReport people = run(ImportKind.PEOPLE, t.peopleCsv());

    assertThat(districts.errors()).isEmpty();
    assertThat(districts)
        .extracting(ImportReport::rows, ImportReport::created)
        .containsExactly(1, 1);
    assertThat(schools.errors()).isEmpty();
    assertThat(schools).extracting(ImportReport::rows, ImportReport::created).containsExactly(2, 2);
    assertThat(people.errors()).isEmpty();
    assertThat(people).extracting(ImportReport::rows, ImportReport::created).containsExactly(9, 9);
    assertThat(people.generatedPasswords()).isEmpty();

    // directory
    assertThat(directory.district(t.district()))
        .contains(new District(t.district(), t.districtName(), "Test District " + t.d, "PRIMARY"));
    assertThat(directory.districts()).extracting(District::code).contains(t.district());
    assertThat(directory.clusters(t.district()))
        .containsExactly(new Cluster(t.cluster(), t.district(), "กลุ่มโรงเรียนทดสอบ"));
    assertThat(directory.cluster(t.cluster())).isPresent();
    assertThat(directory.school(t.school(1)))
        .contains(
            new School(
                t.school(1),
                t.smis(1),
                "โรงเรียนบ้านทดสอบ1",
                "Ban Test 1 School",
                t.district(),
                t.cluster(),
                true,
                true));
    assertThat(directory.school(t.school(2)).orElseThrow().earlyChildhood()).isFalse();
    assertThat(directory.schoolBySmis(t.smis(2))).map(School::code).contains(t.school(2));
    assertThat(directory.schoolsOfDistrict(t.district()))
        .extracting(School::code)
        .containsExactly(t.school(1), t.school(2));
    assertThat(directory.schoolsOfCluster(t.cluster())).hasSize(2);

    Person qa = directory.person(t.user("qa1")).orElseThrow();
    assertThat(qa)
        .isEqualTo(
            new Person(
                t.user("qa1"),
                "สมหญิง",
                "ใจดี",
                t.user("qa1") + "@qaflow.example",
                Role.SCHOOL_QA,
                t.district(),
                t.school(1),
                List.of(),
                "th"));
    Person sup = directory.person(t.user("sup")).orElseThrow();
    assertThat(sup.clusterCodes()).containsExactly(t.cluster());
    assertThat(sup.districtCode()).isEqualTo(t.district());
    Person admin = directory.person(t.user("admin")).orElseThrow();
    assertThat(admin.districtCode()).isNull();
    assertThat(admin.schoolCode()).isNull();
    assertThat(directory.peopleOfSchool(t.school(1)))
        .extracting(Person::userId)
        .containsExactlyInAnyOrder(t.user("qa1"), t.user("dir1"), t.user("board1"));
    assertThat(directory.peopleOfDistrict(t.district())).hasSize(7);
    assertThat(directory.supervisorsOfCluster(t.cluster()))
        .extracting(Person::userId)
        .containsExactly(t.user("sup"));
    assertThat(directory.people())
        .extracting(Person::userId)
        .contains(t.user("obec"), t.user("admin"));

    // Camunda users, passwords, groups and memberships
    User user = identityService.createUserQuery().userId(t.user("qa1")).singleResult();
    assertThat(user.getFirstName()).isEqualTo("สมหญิง");
    assertThat(user.getLastName()).isEqualTo("ใจดี");
    assertThat(user.getEmail()).isEqualTo(t.user("qa1") + "@qaflow.example");
    assertThat(identityService.checkPassword(t.user("qa1"), "secret")).isTrue();
    for (String name :
        List.of("qa1", "dir1", "board1", "sup", "supdir", "qaoff", "ddir", "obec", "admin")) {
      Person p = directory.person(t.user(name)).orElseThrow();
      assertThat(groupIds(p.userId())).as(name).containsExactlyInAnyOrderElementsOf(Groups.of(p));
    }
    assertThat(groupIds(t.user("qa1"))).containsExactly(Groups.schoolQa(t.school(1)));
    assertThat(groupIds(t.user("sup"))).containsExactly(Groups.clusterSupervisor(t.cluster()));
    assertThat(groupIds(t.user("admin"))).containsExactly(Groups.CAMUNDA_ADMIN);

    Group qaGroup =
        identityService.createGroupQuery().groupId(Groups.schoolQa(t.school(1))).singleResult();
    assertThat(qaGroup.getName()).isEqualTo("คณะทำงานประกันคุณภาพ โรงเรียนบ้านทดสอบ1");
    assertThat(qaGroup.getType()).isEqualTo("WORKFLOW");
    assertThat(
            identityService
                .createGroupQuery()
                .groupId(Groups.clusterSupervisor(t.cluster()))
                .singleResult()
                .getName())
        .isEqualTo("ศึกษานิเทศก์ กลุ่มโรงเรียนทดสอบ");
    assertThat(
            identityService
                .createGroupQuery()
                .groupId(Groups.districtDirector(t.district()))
                .singleResult()
                .getName())
        .isEqualTo("ผู้อำนวยการ" + t.districtName());
    // a school's groups exist even before anyone is assigned to them
    assertThat(identityService.createGroupQuery().groupId(Groups.schoolBoard(t.school(2))).count())
        .isOne();
  }

  @Test
  void camundaAdminGroupHasAllPermissionsOnEveryResource() {
    Group admins = identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
    assertThat(admins).isNotNull();
    assertThat(admins.getType()).isEqualTo("SYSTEM");
    for (Resource resource : Resources.values()) {
      List<Authorization> grants =
          authorizationService
              .createAuthorizationQuery()
              .groupIdIn(Groups.CAMUNDA_ADMIN)
              .resourceType(resource)
              .resourceId("*")
              .list();
      assertThat(grants).as(resource.resourceName()).hasSize(1);
      assertThat(grants.get(0).isPermissionGranted(Permissions.ALL))
          .as(resource.resourceName())
          .isTrue();
    }
  }

  @Test
  void importingTheSameFilesTwiceChangesNothing() {
    TestData t = new TestData();
    run(ImportKind.DISTRICTS, t.districtsCsv());
    run(ImportKind.SCHOOLS, t.schoolsCsv());
    run(ImportKind.PEOPLE, t.peopleCsv());

    ImportReport districts = run(ImportKind.DISTRICTS, t.districtsCsv());
    ImportReport schools = run(ImportKind.SCHOOLS, t.schoolsCsv());
    ImportReport people = run(ImportKind.PEOPLE, t.peopleCsv());

    assertThat(List.of(districts, schools, people))
        .allSatisfy(
            r -> {
              assertThat(r.ok()).isTrue();
              assertThat(r.created()).isZero();
              assertThat(r.updated()).isZero();
              assertThat(r.unchanged()).isEqualTo(r.rows());
            });
    assertThat(directory.schoolsOfDistrict(t.district())).hasSize(2);
    assertThat(
            identityService.createUserQuery().memberOfGroup(Groups.schoolQa(t.school(1))).count())
        .isOne();
    assertThat(identityService.checkPassword(t.user("qa1"), "secret")).isTrue();
  }

  @Test
  void updatesKeepThePasswordAndFollowRoleChanges() {
    TestData t = importedDistrictAndSchools();
    String id = t.user("qa1");
    run(
        ImportKind.PEOPLE,
        lines(
            PEOPLE_HEADER,
            t.personRow("qa1", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", t.school(1), "", "secret")));
    identityService.saveGroup(identityService.newGroup("handmade" + t.d));
    identityService.createMembership(id, "handmade" + t.d);

    // new last name, no password: updated, password kept
    ImportReport renamed =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                t.personRow("qa1", "สมหญิง", "ใจงาม", Role.SCHOOL_QA, "", t.school(1), "", "")));
    assertThat(renamed)
        .extracting(ImportReport::updated, ImportReport::generatedPasswords)
        .containsExactly(1, java.util.Map.of());
    assertThat(identityService.createUserQuery().userId(id).singleResult().getLastName())
        .isEqualTo("ใจงาม");
    assertThat(identityService.checkPassword(id, "secret")).isTrue();

    // becomes director of school 2: old membership removed, hand-made group left alone
    ImportReport moved =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                t.personRow(
                    "qa1", "สมหญิง", "ใจงาม", Role.SCHOOL_DIRECTOR, "", t.school(2), "", "")));
    assertThat(moved.updated()).isOne();
    assertThat(groupIds(id))
        .containsExactlyInAnyOrder(Groups.schoolDirector(t.school(2)), "handmade" + t.d);
    assertThat(directory.person(id).orElseThrow().role()).isEqualTo(Role.SCHOOL_DIRECTOR);

    // a new password in the file does NOT replace the old one: an import never sets an existing
    // account's
    // password (whoever imports could otherwise sign in as that person); the row is otherwise
    // unchanged
    ImportReport newPassword =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                t.personRow(
                    "qa1",
                    "สมหญิง",
                    "ใจงาม",
                    Role.SCHOOL_DIRECTOR,
                    "",
                    t.school(2),
                    "",
                    "n3w-secret")));
    assertThat(newPassword.unchanged()).isOne();
    assertThat(identityService.checkPassword(id, "secret")).isTrue();
    // (last: a wrong password locks the user for a few seconds)
    assertThat(identityService.checkPassword(id, "n3w-secret")).isFalse();
  }

  @Test
  void aNewUserWithoutPasswordGetsARandomOneThatTheReportShows() {
    TestData t = importedDistrictAndSchools();
    String csv =
        lines(
            PEOPLE_HEADER,
            t.personRow("qa1", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", t.school(1), "", ""),
            t.personRow(
                "dir1", "สมชาย", "มั่นคง", Role.SCHOOL_DIRECTOR, "", t.school(1), "", "given"));
    ImportReport report = run(ImportKind.PEOPLE, csv);
    assertThat(report.created()).isEqualTo(2);
    assertThat(report.generatedPasswords()).containsOnlyKeys(t.user("qa1"));
    String generated = report.generatedPasswords().get(t.user("qa1"));
    assertThat(generated).hasSizeGreaterThanOrEqualTo(12);
    assertThat(identityService.checkPassword(t.user("qa1"), generated)).isTrue();

    ImportReport again = run(ImportKind.PEOPLE, csv);
    assertThat(again.generatedPasswords()).isEmpty();
    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(identityService.checkPassword(t.user("qa1"), generated)).isTrue();
  }

  /**
   * A file's new accounts are hashed together on every core before they are written
   * (FirstPasswords): each still gets a salt of its own and the engine's bcrypt hash, and signs in
   * with the file's or the generated password; two accounts with the same password do not share a
   * hash.
   */
  @Test
  void aFilesNewAccountsEachGetTheirOwnSaltAndSignIn() {
    TestData t = importedDistrictAndSchools();
    String csv =
        lines(
            PEOPLE_HEADER,
            t.personRow(
                "qa1", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", t.school(1), "", "รหัสเดียวกัน"),
            t.personRow(
                "dir1",
                "สมชาย",
                "มั่นคง",
                Role.SCHOOL_DIRECTOR,
                "",
                t.school(1),
                "",
                "รหัสเดียวกัน"),
            t.personRow("board1", "สมศรี", "ดีงาม", Role.SCHOOL_BOARD, "", t.school(1), "", ""));
    ImportReport report = run(ImportKind.PEOPLE, csv);
    assertThat(report.created()).isEqualTo(3);
    assertThat(report.generatedPasswords()).containsOnlyKeys(t.user("board1"));
    List<String> ids = List.of(t.user("qa1"), t.user("dir1"), t.user("board1"));
    List<java.util.Map<String, Object>> stored =
        jdbc.sql("select ID_, PWD_, SALT_ from ACT_ID_USER where ID_ in (:ids)")
            .param("ids", ids)
            .query()
            .listOfRows();
    assertThat(stored).hasSize(3);
    assertThat(stored)
        .allSatisfy(r -> assertThat((String) r.get("PWD_")).startsWith("{bcrypt-sha256}$2a$"));
    assertThat(stored.stream().map(r -> r.get("SALT_")).distinct()).hasSize(3);
    assertThat(stored.stream().map(r -> r.get("PWD_")).distinct()).hasSize(3);
    assertThat(identityService.checkPassword(t.user("qa1"), "รหัสเดียวกัน")).isTrue();
    assertThat(identityService.checkPassword(t.user("dir1"), "รหัสเดียวกัน")).isTrue();
    assertThat(
            identityService.checkPassword(
                t.user("board1"), report.generatedPasswords().get(t.user("board1"))))
        .isTrue();
    // (last: a wrong password locks the user for a few seconds)
    assertThat(identityService.checkPassword(t.user("dir1"), "รหัสอื่น")).isFalse();
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    TestData t = new TestData();
    run(ImportKind.DISTRICTS, t.districtsCsv());
    byte[] body = t.schoolsCsv().getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);

    ImportReport report =
        imports.importCsv(ImportKind.SCHOOLS, new ByteArrayInputStream(withBom), TestData.ADMIN);

    assertThat(report.errors()).isEmpty();
    assertThat(report.created()).isEqualTo(2);
    assertThat(directory.school(t.school(1)).orElseThrow().nameTh())
        .isEqualTo("โรงเรียนบ้านทดสอบ1");
  }

  @Test
  void thaiTextSurvivesIntactAndOtherEncodingsAreRefused() {
    TestData t = importedDistrictAndSchools();
    // tone marks, above/below vowels, the rare characters ฃ ฅ ฦ and Thai digits
    String first = "ณัฏฐ์ฐิตา";
    String last = "ปิ่นมณีฤๅษี ฃ ฅ ฦ ๑๒๓";
    ImportReport report =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                t.personRow("thai", first, last, Role.SCHOOL_QA, "", t.school(1), "", "x")));
    assertThat(report.errors()).isEmpty();

    Person p = directory.person(t.user("thai")).orElseThrow();
    assertThat(p.firstName()).isEqualTo(first);
    assertThat(p.lastName()).isEqualTo(last);
    assertThat(p.displayName()).isEqualTo(first + " " + last);
    User user = identityService.createUserQuery().userId(t.user("thai")).singleResult();
    assertThat(user.getFirstName()).isEqualTo(first);
    assertThat(user.getLastName()).isEqualTo(last);

    // the same file saved by an old Thai Excel (TIS-620 / windows-874) is refused, not garbled
    byte[] tis620 =
        lines(
                PEOPLE_HEADER,
                t.personRow("thai2", first, "ใจดี", Role.SCHOOL_QA, "", t.school(1), "", "x"))
            .getBytes(Charset.forName("x-windows-874"));
    ImportReport refused =
        imports.importCsv(ImportKind.PEOPLE, new ByteArrayInputStream(tis620), TestData.ADMIN);
    assertThat(refused.ok()).isFalse();
    assertThat(refused.errors())
        .extracting(ImportError::code)
        .containsExactly("organisation.import.error.encoding");
    assertThat(directory.person(t.user("thai2"))).isEmpty();
  }

  @Test
  void userIdsWithDotsAndHyphensAreAccepted() {
    TestData t = importedDistrictAndSchools();
    String csv =
        lines(
            PEOPLE_HEADER,
            String.join(
                ",",
                "somchai.j-" + t.d,
                "สมชาย",
                "เจริญ",
                "somchai.j-" + t.d + "@qaflow.example",
                "SCHOOL_QA",
                "",
                t.school(1),
                "",
                "pw"));
    assertThat(run(ImportKind.PEOPLE, csv).errors()).isEmpty();
    assertThat(identityService.checkPassword("somchai.j-" + t.d, "pw")).isTrue();
  }

  @Test
  void aDistrictQaOfficerImportsOnlyTheirOwnDistrict() {
    TestData own = importedDistrictAndSchools();
    TestData other = importedDistrictAndSchools();
    run(
        ImportKind.PEOPLE,
        lines(
            PEOPLE_HEADER,
            other.personRow(
                "qa1", "คนอื่น", "เขตอื่น", Role.SCHOOL_QA, "", other.school(1), "", "x")));
    Person officer = own.qaOfficer();

    // districts: administrators only
    ImportReport districts = run(ImportKind.DISTRICTS, own.districtsCsv(), officer);
    assertThat(districts.errors())
        .extracting(ImportError::code)
        .containsExactly("organisation.import.error.adminOnly");

    // schools: a new school in another district, an existing school of another district
    ImportReport schools =
        run(
            ImportKind.SCHOOLS,
            lines(
                SCHOOL_HEADER,
                own.schoolRow(3),
                other.school(5)
                    + ","
                    + other.smis(5)
                    + ",โรงเรียนบ้านนอกเขต,,"
                    + other.district()
                    + ",,,true,true",
                other.schoolRow(1).replace("โรงเรียนบ้านทดสอบ1", "ชื่อใหม่")),
            officer);
    assertThat(schools.ok()).isFalse();
    assertThat(schools.errors())
        .extracting(ImportError::row, ImportError::column, ImportError::code)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                3L, "district_code", "organisation.import.error.outsideDistrict"),
            org.assertj.core.groups.Tuple.tuple(
                4L, "code", "organisation.import.error.outsideDistrict"));
    assertThat(schools.errors()).noneMatch(e -> e.row() == 2);
    assertThat(directory.school(own.school(3))).isEmpty();
    assertThat(directory.school(other.school(1)).orElseThrow().nameTh())
        .isEqualTo("โรงเรียนบ้านทดสอบ1");

    // people: someone of another school's district, an admin, an existing user of another district
    ImportReport people =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                own.personRow("qa1", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", own.school(1), "", "x"),
                own.personRow("far", "ไกล", "บ้าน", Role.SCHOOL_QA, "", other.school(1), "", "x"),
                own.personRow("boss", "ใหญ่", "สุด", Role.ADMIN, "", "", "", "x"),
                String.join(
                    ",",
                    other.user("qa1"),
                    "ยึด",
                    "บัญชี",
                    "steal@qaflow.example",
                    "SCHOOL_QA",
                    "",
                    own.school(1),
                    "",
                    "x"),
                own.personRow(
                    "sup2",
                    "นิเทศ",
                    "ข้ามเขต",
                    Role.SUPERVISOR,
                    other.district(),
                    "",
                    other.cluster(),
                    "x")),
            officer);
    assertThat(people.errors())
        .extracting(ImportError::row, ImportError::column, ImportError::code)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                3L, "school_code", "organisation.import.error.outsideDistrict"),
            org.assertj.core.groups.Tuple.tuple(
                4L, "role", "organisation.import.error.roleNotAllowed"),
            org.assertj.core.groups.Tuple.tuple(
                5L, "user_id", "organisation.import.error.outsideDistrict"),
            org.assertj.core.groups.Tuple.tuple(
                6L, "district_code", "organisation.import.error.outsideDistrict"));
    assertThat(people.errors()).noneMatch(e -> e.row() == 2);
    assertThat(directory.person(own.user("qa1"))).isEmpty();
    assertThat(identityService.createUserQuery().userId(own.user("qa1")).count()).isZero();
    assertThat(directory.person(other.user("qa1")).orElseThrow().firstName()).isEqualTo("คนอื่น");

    // their own district alone is fine
    ImportReport fine =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                own.personRow("qa1", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", own.school(1), "", "x"),
                own.personRow(
                    "sup2",
                    "นิเทศ",
                    "ในเขต",
                    Role.SUPERVISOR,
                    own.district(),
                    "",
                    own.cluster(),
                    "x")),
            officer);
    assertThat(fine.errors()).isEmpty();
    assertThat(fine.created()).isEqualTo(2);
    assertThat(run(ImportKind.SCHOOLS, lines(SCHOOL_HEADER, own.schoolRow(3)), officer).created())
        .isOne();
  }

  @Test
  void clustersAndSchoolsBelongToOneDistrict() {
    TestData a = importedDistrictAndSchools();
    TestData b = importedDistrictAndSchools();

    ImportReport schools =
        run(
            ImportKind.SCHOOLS,
            lines(
                SCHOOL_HEADER,
                String.join(
                    ",",
                    a.school(7),
                    a.smis(7),
                    "โรงเรียนบ้านข้ามเขต",
                    "",
                    a.district(),
                    b.cluster(),
                    "",
                    "1",
                    "1")));
    assertThat(schools.errors())
        .extracting(ImportError::row, ImportError::column, ImportError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                2L, "cluster_code", "organisation.import.error.clusterOtherDistrict"));

    ImportReport people =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                a.personRow(
                    "qa1", "ครู", "เขตเอ", Role.SCHOOL_QA, b.district(), a.school(1), "", ""),
                a.personRow(
                    "sup",
                    "นิเทศ",
                    "เขตเอ",
                    Role.SUPERVISOR,
                    a.district(),
                    "",
                    a.cluster() + ";" + b.cluster(),
                    "")));
    assertThat(people.errors())
        .extracting(ImportError::row, ImportError::column, ImportError::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                2L, "district_code", "organisation.import.error.schoolNotInDistrict"),
            org.assertj.core.groups.Tuple.tuple(
                3L, "cluster_codes", "organisation.import.error.clusterOtherDistrict"));

    // a supervisor of two clusters of the same district is fine, and the same school may be moved
    // by an admin
    ImportReport more =
        run(
            ImportKind.SCHOOLS,
            lines(
                SCHOOL_HEADER,
                String.join(
                    ",",
                    a.school(8),
                    a.smis(8),
                    "โรงเรียนบ้านกลุ่มสอง",
                    "",
                    a.district(),
                    a.d + "-C2",
                    "กลุ่มสอง",
                    "0",
                    "1")));
    assertThat(more.errors()).isEmpty();
    ImportReport sup =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                a.personRow(
                    "sup",
                    "นิเทศ",
                    "สองกลุ่ม",
                    Role.SUPERVISOR,
                    a.district(),
                    "",
                    a.cluster() + "; " + a.d + "-C2",
                    "")));
    assertThat(sup.errors()).isEmpty();
    assertThat(directory.person(a.user("sup")).orElseThrow().clusterCodes())
        .containsExactlyInAnyOrder(a.cluster(), a.d + "-C2");
    assertThat(groupIds(a.user("sup")))
        .containsExactlyInAnyOrder(
            Groups.clusterSupervisor(a.cluster()), Groups.clusterSupervisor(a.d + "-C2"));
  }

  @Test
  void theCamundaRightsOfTheLoggedInUserDoNotMatter() {
    TestData t = importedDistrictAndSchools();
    // as when a web request runs with the officer authenticated at Camunda, who may not create
    // users there
    identityService.setAuthentication(
        t.qaOfficer().userId(), List.of(Groups.districtQaOfficer(t.d)));
    try {
      ImportReport report =
          run(
              ImportKind.PEOPLE,
              lines(
                  PEOPLE_HEADER,
                  t.personRow("qa1", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", t.school(1), "", "x")),
              t.qaOfficer());
      assertThat(report.errors()).isEmpty();
      assertThat(identityService.getCurrentAuthentication().getUserId())
          .isEqualTo(t.qaOfficer().userId());
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(identityService.createUserQuery().userId(t.user("qa1")).count()).isOne();
  }

  @Test
  void onlyAdministratorsAndDistrictQaOfficersMayImport() {
    TestData t = new TestData();
    Person teacher =
        new Person(
            "t",
            "ครู",
            "ทดสอบ",
            "t@qaflow.example",
            Role.SCHOOL_QA,
            t.d,
            t.school(1),
            List.of(),
            "th");
    Person districtlessOfficer =
        new Person(
            "o",
            "เจ้าหน้าที่",
            "ไม่มีเขต",
            "o@qaflow.example",
            Role.DISTRICT_QA_OFFICER,
            null,
            null,
            List.of(),
            "th");
    assertThatThrownBy(() -> run(ImportKind.SCHOOLS, t.schoolsCsv(), teacher))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> run(ImportKind.SCHOOLS, t.schoolsCsv(), districtlessOfficer))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> run(ImportKind.SCHOOLS, t.schoolsCsv(), null))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void demoFilesImportCleanlyAndCoverEveryRole() {
    List<ImportReport> first = imports.importDemo();
    assertThat(first)
        .extracting(ImportReport::kind)
        .containsExactly(ImportKind.DISTRICTS, ImportKind.SCHOOLS, ImportKind.PEOPLE);
    assertThat(first).allSatisfy(r -> assertThat(r.errors()).isEmpty());
    assertThat(first).extracting(ImportReport::rows).containsExactly(1, 8, 32);

    List<ImportReport> second = imports.importDemo();
    assertThat(second)
        .allSatisfy(
            r -> {
              assertThat(r.created()).isZero();
              assertThat(r.updated()).isZero();
            });

    assertThat(directory.district("1099").orElseThrow().nameTh())
        .isEqualTo("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสุขใจ เขต 1");
    assertThat(directory.clusters("1099"))
        .extracting(Cluster::code, Cluster::nameTh)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1099-C1", "กลุ่มโรงเรียนริมน้ำ"),
            org.assertj.core.groups.Tuple.tuple("1099-C2", "กลุ่มโรงเรียนเชิงดอย"));
    List<School> schools = directory.schoolsOfDistrict("1099");
    assertThat(schools)
        .extracting(School::code)
        .containsExactly(
            "1099010001",
            "1099010002",
            "1099010003",
            "1099010004",
            "1099010005",
            "1099010006",
            "1099010007",
            "1099010008");
    assertThat(schools)
        .extracting(School::smisCode)
        .containsExactly(
            "99010001",
            "99010002",
            "99010003",
            "99010004",
            "99010005",
            "99010006",
            "99010007",
            "99010008");
    assertThat(schools).allSatisfy(s -> assertThat(s.nameTh()).startsWith("โรงเรียนบ้าน"));
    assertThat(directory.schoolsOfCluster("1099-C1"))
        .extracting(School::code)
        .containsExactly("1099010001", "1099010002", "1099010003", "1099010004");
    assertThat(schools).anyMatch(s -> s.basic() && !s.earlyChildhood());
    assertThat(schools.stream().filter(s -> s.basic() && s.earlyChildhood()).count())
        .isGreaterThan(4);

    List<Person> demoPeople =
        directory.people().stream()
            .filter(
                p ->
                    p.email().endsWith("@qaflow.example")
                        && !p.userId().startsWith("u")
                        && !p.userId().contains("."))
            .toList();
    assertThat(demoPeople).extracting(Person::role).containsAll(Arrays.asList(Role.values()));
    for (String id :
        List.of(
            "admin",
            "obec",
            "qaofficer",
            "supdirector",
            "districtdirector",
            "supervisor1",
            "supervisor2")) {
      assertThat(identityService.checkPassword(id, "demo")).as(id).isTrue();
    }
    for (int n = 1; n <= 8; n++) {
      String school = "109901000" + n;
      for (String prefix : List.of("qa", "director", "board")) {
        Person p = directory.person(prefix + n).orElseThrow();
        assertThat(p.schoolCode()).isEqualTo(school);
        assertThat(p.districtCode()).isEqualTo("1099");
        assertThat(p.email()).isEqualTo(prefix + n + "@qaflow.example");
        assertThat(identityService.checkPassword(prefix + n, "demo")).isTrue();
      }
    }
    assertThat(directory.person("admin").orElseThrow().districtCode()).isNull();
    assertThat(directory.person("obec").orElseThrow().districtCode()).isNull();
    assertThat(directory.person("supervisor1").orElseThrow().clusterCodes())
        .containsExactly("1099-C1");
    assertThat(directory.person("supervisor2").orElseThrow().clusterCodes())
        .containsExactly("1099-C2");
    assertThat(groupIds("admin")).contains(Groups.CAMUNDA_ADMIN);
    assertThat(
            identityService
                .createUserQuery()
                .memberOfGroup(Groups.clusterSupervisor("1099-C2"))
                .list())
        .extracting(User::getId)
        .containsExactly("supervisor2");
    assertThat(
            identityService
                .createGroupQuery()
                .groupId(Groups.schoolQa("1099010001"))
                .singleResult()
                .getName())
        .isEqualTo("คณะทำงานประกันคุณภาพ โรงเรียนบ้านริมคลอง");
  }

  @Test
  void errorMessagesExistInThaiAndEnglish() {
    TestData t = new TestData();
    ImportReport report =
        run(
            ImportKind.SCHOOLS,
            lines(SCHOOL_HEADER, t.school(1) + "," + t.smis(1) + ",โรงเรียน,,Z999,,,maybe,true"));
    ImportError error = report.errors().get(0);
    assertThat(messages.getMessage(error, Locale.forLanguageTag("th")))
        .isEqualTo("ไม่พบสำนักงานเขตพื้นที่ Z999");
    assertThat(messages.getMessage(error, Locale.ENGLISH)).isEqualTo("Unknown district Z999.");
  }

  List<String> groupIds(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }
}
