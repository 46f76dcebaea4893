package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.organisation.TestData.PEOPLE_HEADER;
import static th.qaflow.organisation.TestData.SCHOOL_HEADER;
import static th.qaflow.organisation.TestData.lines;
import static th.qaflow.organisation.TestData.utf8;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.internal.IdentitySync;

/**
 * An import cannot take over accounts: a district QA officer's people file never sets a password of
 * an existing account, never touches the supervision director (who approves the officer's work),
 * operators made in Camunda Admin or another district's people, and no import removes anyone from
 * camunda-admin.
 */
@QaFlowTest
class ImportTakeoverTest {
  @Autowired OrganisationImport imports;
  @Autowired OrganisationDirectory directory;
  @Autowired IdentityService identity;
  @Autowired IdentitySync identitySync;

  ImportReport run(ImportKind kind, String csv, Person actor) {
    return imports.importCsv(kind, utf8(csv), actor);
  }

  TestData district() {
    TestData t = new TestData();
    assertThat(run(ImportKind.DISTRICTS, t.districtsCsv(), TestData.ADMIN).ok()).isTrue();
    assertThat(run(ImportKind.SCHOOLS, t.schoolsCsv(), TestData.ADMIN).ok()).isTrue();
    assertThat(run(ImportKind.PEOPLE, t.peopleCsv(), TestData.ADMIN).ok()).isTrue();
    return t;
  }

  @Test
  void theOfficerCannotSetTheSupervisionDirectorsPasswordNorChangeTheirAccount() {
    TestData t = district();
    Person officer = t.qaOfficer();
    ImportReport takeover =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                t.personRow(
                    "supdir",
                    "สุรชัย",
                    "ทองคำ",
                    Role.SUPERVISION_DIRECTOR,
                    t.district(),
                    "",
                    "",
                    "officer-knows"),
                t.personRow("ddir", "ประเสริฐ", "วงศ์ไทย", Role.SCHOOL_QA, "", t.school(1), "", ""),
                t.personRow(
                    "twin", "คู่", "แฝด", Role.SUPERVISION_DIRECTOR, t.district(), "", "", "x")),
            officer);

    assertThat(takeover.ok()).isFalse();
    assertThat(takeover.errors())
        .extracting(ImportError::row, ImportError::column, ImportError::code)
        .contains(
            Tuple.tuple(2L, "role", "organisation.import.error.roleNotAllowed"),
            Tuple.tuple(2L, "user_id", "organisation.import.error.accountNotManaged"),
            Tuple.tuple(3L, "user_id", "organisation.import.error.accountNotManaged"),
            Tuple.tuple(4L, "role", "organisation.import.error.roleNotAllowed"));
    assertThat(identity.checkPassword(t.user("supdir"), "secret")).isTrue();
    // (last: a wrong password counts as a failed attempt)
    assertThat(identity.checkPassword(t.user("supdir"), "officer-knows")).isFalse();
    assertThat(directory.person(t.user("ddir")).orElseThrow().role())
        .isEqualTo(Role.DISTRICT_DIRECTOR);
    assertThat(directory.person(t.user("twin"))).isEmpty();
  }

  @Test
  void noImportChangesAnExistingPassword() {
    TestData t = district();
    // the officer's own school staff: the row is imported, the password in it ignored
    ImportReport officers =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                t.personRow(
                    "qa1",
                    "สมหญิง",
                    "ใจงาม",
                    Role.SCHOOL_QA,
                    "",
                    t.school(1),
                    "",
                    "officer-knows")),
            t.qaOfficer());
    assertThat(officers.errors()).isEmpty();
    assertThat(directory.person(t.user("qa1")).orElseThrow().lastName()).isEqualTo("ใจงาม");
    assertThat(identity.checkPassword(t.user("qa1"), "secret")).isTrue();
    // nor an administrator's
    ImportReport admins =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                t.personRow(
                    "supdir",
                    "สุรชัย",
                    "ทองคำ",
                    Role.SUPERVISION_DIRECTOR,
                    t.district(),
                    "",
                    "",
                    "admin-knows")),
            TestData.ADMIN);
    assertThat(admins.ok()).isTrue();
    assertThat(identity.checkPassword(t.user("supdir"), "secret")).isTrue();
    // a new account still gets the password of the file (first installation)
    assertThat(
            run(
                    ImportKind.PEOPLE,
                    lines(
                        PEOPLE_HEADER,
                        t.personRow(
                            "fresh",
                            "ใหม่",
                            "มาก",
                            Role.SCHOOL_BOARD,
                            "",
                            t.school(2),
                            "",
                            "first-pw")),
                    TestData.ADMIN)
                .created())
        .isOne();
    assertThat(identity.checkPassword(t.user("fresh"), "first-pw")).isTrue();
  }

  @Test
  void anOperatorMadeInCamundaAdminIsLeftAlone() {
    TestData t = district();
    String operator = t.user("operator");
    User user = identity.newUser(operator);
    user.setFirstName("Op");
    user.setLastName("Erator");
    user.setEmail(operator + "@ops.example");
    user.setPassword("ops-secret");
    identity.saveUser(user);
    identitySync.ensureAdminGroup();
    identity.createMembership(operator, Groups.CAMUNDA_ADMIN);

    ImportReport byOfficer =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                String.join(
                    ",",
                    operator,
                    "ยึด",
                    "บัญชี",
                    operator + "@qaflow.example",
                    "SCHOOL_QA",
                    "",
                    t.school(1),
                    "",
                    "officer-knows")),
            t.qaOfficer());
    assertThat(byOfficer.errors())
        .extracting(ImportError::column, ImportError::code)
        .containsExactly(Tuple.tuple("user_id", "organisation.import.error.accountOutsideImport"));

    // even an administrator's import that gives the operator a school role keeps them an operator
    ImportReport byAdmin =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                String.join(
                    ",",
                    operator,
                    "Op",
                    "Erator",
                    operator + "@ops.example",
                    "SCHOOL_QA",
                    "",
                    t.school(1),
                    "",
                    "admin-knows")),
            TestData.ADMIN);
    assertThat(byAdmin.ok()).isTrue();
    assertThat(identity.checkPassword(operator, "ops-secret")).isTrue();
    assertThat(identity.createGroupQuery().groupMember(operator).list())
        .extracting(Group::getId)
        .contains(Groups.CAMUNDA_ADMIN, Groups.schoolQa(t.school(1)));
  }

  @Test
  void aRowForAnotherDistrictIsRefused() {
    TestData own = district();
    TestData other = district();
    ImportReport report =
        run(
            ImportKind.PEOPLE,
            lines(
                PEOPLE_HEADER,
                String.join(
                    ",",
                    other.user("qa1"),
                    "สมหญิง",
                    "ใจดี",
                    other.user("qa1") + "@qaflow.example",
                    "SCHOOL_QA",
                    "",
                    other.school(1),
                    "",
                    "officer-knows")),
            own.qaOfficer());
    assertThat(report.ok()).isFalse();
    assertThat(report.errors())
        .extracting(ImportError::code)
        .contains("organisation.import.error.outsideDistrict");
    assertThat(identity.checkPassword(other.user("qa1"), "secret")).isTrue();
  }

  @Test
  void controlCharactersInASchoolNameAreRefused() {
    TestData t = district();
    ImportReport report =
        run(
            ImportKind.SCHOOLS,
            lines(
                SCHOOL_HEADER,
                t.schoolRow(1).replace("โรงเรียนบ้านทดสอบ1", "โรงเรียน\u0000ทดสอบ"),
                t.schoolRow(2).replace("โรงเรียนบ้านทดสอบ2", "\"โรงเรียน\r\nสอง\""),
                t.schoolRow(3).replace("โรงเรียนบ้านทดสอบ3", "โรงเรียน\u001B[31mสาม")),
            t.qaOfficer());
    assertThat(report.ok()).isFalse();
    assertThat(report.errors())
        .extracting(ImportError::column, ImportError::code)
        .containsOnly(Tuple.tuple("name_th", "organisation.import.error.controlCharacters"));
    assertThat(report.errors()).hasSize(3);
    assertThat(directory.school(t.school(1)).orElseThrow().nameTh())
        .isEqualTo("โรงเรียนบ้านทดสอบ1");
    assertThat(directory.school(t.school(3))).isEmpty();
  }
}
