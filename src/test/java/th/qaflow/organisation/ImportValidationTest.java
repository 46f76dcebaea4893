package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static th.qaflow.organisation.TestData.DISTRICT_HEADER;
import static th.qaflow.organisation.TestData.PEOPLE_HEADER;
import static th.qaflow.organisation.TestData.SCHOOL_HEADER;
import static th.qaflow.organisation.TestData.lines;
import static th.qaflow.organisation.TestData.utf8;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every kind of bad row: the report names the row, column and message code, the message exists in
 * Thai and English, and nothing of the file is imported (row 2 is always good, row 3 is the bad
 * one).
 */
@OrganisationTest
class ImportValidationTest {

  @Autowired OrganisationImport imports;
  @Autowired OrganisationDirectory directory;
  @Autowired IdentityService identityService;
  @Autowired MessageSource messages;

  record Case(
      String name,
      ImportKind kind,
      Function<TestData, String> csv,
      long row,
      String column,
      String code) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String goodSchool(TestData t) {
    return t.schoolRow(3);
  }

  static String school4(
      TestData t,
      String smis,
      String district,
      String cluster,
      String clusterName,
      String early,
      String basic) {
    return String.join(
        ",",
        t.school(4),
        smis,
        "โรงเรียนบ้านแถวเสีย",
        "",
        district,
        cluster,
        clusterName,
        early,
        basic);
  }

  static String goodPerson(TestData t) {
    return t.personRow("good", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", t.school(1), "", "x");
  }

  static String person(
      TestData t,
      String name,
      String email,
      String role,
      String district,
      String school,
      String clusters) {
    return String.join(
        ",", t.user(name), "ชื่อ", "นามสกุล", email, role, district, school, clusters, "x");
  }

  static Case schools(
      String name, Function<TestData, String> bad, long row, String column, String code) {
    return new Case(
        name,
        ImportKind.SCHOOLS,
        t -> lines(SCHOOL_HEADER, goodSchool(t), bad.apply(t)),
        row,
        column,
        code);
  }

  static Case people(
      String name, Function<TestData, String> bad, long row, String column, String code) {
    return new Case(
        name,
        ImportKind.PEOPLE,
        t -> lines(PEOPLE_HEADER, goodPerson(t), bad.apply(t)),
        row,
        column,
        code);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // schools
        schools(
            "unknown district",
            t -> school4(t, t.smis(4), "Z999", "", "", "true", "true"),
            3,
            "district_code",
            "unknownDistrict"),
        schools(
            "unknown cluster (new code without a name)",
            t -> school4(t, t.smis(4), t.d, "NEW-" + t.d, "", "true", "true"),
            3,
            "cluster_code",
            "unknownCluster"),
        schools(
            "malformed school code",
            t -> "12345," + t.smis(4) + ",โรงเรียน,," + t.d + ",,,true,true",
            3,
            "code",
            "malformedSchoolCode"),
        schools(
            "malformed SMIS code",
            t -> school4(t, "1234567", t.d, "", "", "true", "true"),
            3,
            "smis_code",
            "malformedSmisCode"),
        schools(
            "duplicate school code",
            t -> t.school(3) + "," + t.smis(5) + ",โรงเรียนซ้ำ,," + t.d + ",,,true,true",
            3,
            "code",
            "duplicateKey"),
        schools(
            "duplicate SMIS in the file",
            t -> school4(t, t.smis(3), t.d, "", "", "true", "true"),
            3,
            "smis_code",
            "duplicateKey"),
        schools(
            "SMIS of another school",
            t -> school4(t, t.smis(1), t.d, "", "", "true", "true"),
            3,
            "smis_code",
            "smisTaken"),
        schools(
            "bad boolean",
            t -> school4(t, t.smis(4), t.d, "", "", "true", "maybe"),
            3,
            "basic",
            "badBoolean"),
        schools(
            "no level", t -> school4(t, t.smis(4), t.d, "", "", "ไม่", "0"), 3, "basic", "noLevel"),
        schools(
            "missing name",
            t -> t.school(4) + "," + t.smis(4) + ",,," + t.d + ",,,true,true",
            3,
            "name_th",
            "required"),
        schools(
            "cluster name differs",
            t -> school4(t, t.smis(4), t.d, t.cluster(), "ชื่ออื่น", "1", "1"),
            3,
            "cluster_name_th",
            "clusterConflict"),
        schools(
            "too many values",
            t -> school4(t, t.smis(4), t.d, "", "", "true", "true") + ",extra",
            3,
            "",
            "tooManyFields"),
        new Case(
            "unknown header column",
            ImportKind.SCHOOLS,
            t -> lines(SCHOOL_HEADER.replace("name_th", "school_name"), goodSchool(t)),
            1,
            "school_name",
            "headerUnknown"),
        new Case(
            "missing header column",
            ImportKind.SCHOOLS,
            t -> lines(SCHOOL_HEADER.replace(",basic", ""), goodSchool(t)),
            1,
            "basic",
            "headerMissing"),
        new Case(
            "duplicate header column",
            ImportKind.SCHOOLS,
            t -> lines(SCHOOL_HEADER + ",code", goodSchool(t)),
            1,
            "code",
            "headerDuplicate"),
        new Case(
            "no header at all (data only)",
            ImportKind.SCHOOLS,
            t -> lines(goodSchool(t)),
            1,
            "code",
            "headerMissing"),
        new Case("empty file", ImportKind.SCHOOLS, t -> "", 1, "", "empty"),
        new Case(
            "unclosed quote",
            ImportKind.SCHOOLS,
            t -> lines(SCHOOL_HEADER, goodSchool(t), "\"" + t.school(4) + ",x"),
            3,
            "",
            "malformedCsv"),
        // districts
        new Case(
            "bad district kind",
            ImportKind.DISTRICTS,
            t -> lines(DISTRICT_HEADER, t.d + "A,เขตใหม่,,PRIMARY", t.d + "B,เขตใหม่ 2,,TERTIARY"),
            3,
            "kind",
            "badKind"),
        new Case(
            "malformed district code",
            ImportKind.DISTRICTS,
            t -> lines(DISTRICT_HEADER, t.d + "A,เขตใหม่,,PRIMARY", "10-99,เขตใหม่ 2,,SECONDARY"),
            3,
            "code",
            "malformedCode"),
        // people
        people(
            "unknown school",
            t -> person(t, "p", "p" + t.d + "@x.example", "SCHOOL_QA", "", "9999999999", ""),
            3,
            "school_code",
            "unknownSchool"),
        people(
            "malformed school code",
            t -> person(t, "p", "p" + t.d + "@x.example", "SCHOOL_QA", "", "12AB", ""),
            3,
            "school_code",
            "malformedSchoolCode"),
        people(
            "unknown cluster",
            t -> person(t, "p", "p" + t.d + "@x.example", "SUPERVISOR", t.d, "", "nope-" + t.d),
            3,
            "cluster_codes",
            "unknownCluster"),
        people(
            "unknown district",
            t -> person(t, "p", "p" + t.d + "@x.example", "DISTRICT_DIRECTOR", "Z999", "", ""),
            3,
            "district_code",
            "unknownDistrict"),
        people(
            "duplicate user id",
            t -> t.personRow("good", "อีก", "คน", Role.SCHOOL_BOARD, "", t.school(1), "", ""),
            3,
            "user_id",
            "duplicateKey"),
        people(
            "duplicate e-mail in the file",
            t ->
                person(
                    t,
                    "p",
                    t.user("good").toUpperCase(Locale.ROOT) + "@qaflow.example",
                    "SCHOOL_BOARD",
                    "",
                    t.school(1),
                    ""),
            3,
            "email",
            "duplicateEmail"),
        people(
            "e-mail of an existing user",
            t ->
                person(
                    t,
                    "p",
                    t.user("existing") + "@qaflow.example",
                    "SCHOOL_BOARD",
                    "",
                    t.school(1),
                    ""),
            3,
            "email",
            "duplicateEmail"),
        people(
            "unknown role",
            t -> person(t, "p", "p" + t.d + "@x.example", "TEACHER", "", t.school(1), ""),
            3,
            "role",
            "unknownRole"),
        people(
            "school role without school",
            t -> person(t, "p", "p" + t.d + "@x.example", "SCHOOL_DIRECTOR", t.d, "", ""),
            3,
            "school_code",
            "schoolRequired"),
        people(
            "district role without district",
            t -> person(t, "p", "p" + t.d + "@x.example", "DISTRICT_DIRECTOR", "", "", ""),
            3,
            "district_code",
            "districtRequired"),
        people(
            "supervisor without clusters",
            t -> person(t, "p", "p" + t.d + "@x.example", "SUPERVISOR", t.d, "", ""),
            3,
            "cluster_codes",
            "clustersRequired"),
        people(
            "school for a nation role",
            t -> person(t, "p", "p" + t.d + "@x.example", "OBEC_VIEWER", "", t.school(1), ""),
            3,
            "school_code",
            "schoolNotAllowed"),
        people(
            "district for the admin",
            t -> person(t, "p", "p" + t.d + "@x.example", "ADMIN", t.d, "", ""),
            3,
            "district_code",
            "districtNotAllowed"),
        people(
            "clusters for a teacher",
            t ->
                person(t, "p", "p" + t.d + "@x.example", "SCHOOL_QA", "", t.school(1), t.cluster()),
            3,
            "cluster_codes",
            "clustersNotAllowed"),
        people(
            "missing first name",
            t ->
                String.join(
                    ",",
                    t.user("p"),
                    "",
                    "นามสกุล",
                    "p" + t.d + "@x.example",
                    "SCHOOL_QA",
                    "",
                    t.school(1),
                    "",
                    ""),
            3,
            "first_name",
            "required"),
        people(
            "name too long",
            t ->
                String.join(
                    ",",
                    t.user("p"),
                    "ก".repeat(101),
                    "นามสกุล",
                    "p" + t.d + "@x.example",
                    "SCHOOL_QA",
                    "",
                    t.school(1),
                    "",
                    ""),
            3,
            "first_name",
            "tooLong"),
        people(
            "malformed e-mail",
            t -> person(t, "p", "not-an-email", "SCHOOL_QA", "", t.school(1), ""),
            3,
            "email",
            "malformedEmail"),
        people(
            "malformed user id",
            t ->
                String.join(
                    ",",
                    "สมชาย" + t.d,
                    "ชื่อ",
                    "นามสกุล",
                    "p" + t.d + "@x.example",
                    "SCHOOL_QA",
                    "",
                    t.school(1),
                    "",
                    ""),
            3,
            "user_id",
            "malformedUserId"),
        new Case(
            "people header with a missing column",
            ImportKind.PEOPLE,
            t ->
                lines(
                    PEOPLE_HEADER.replace(",password", ""),
                    goodPerson(t).substring(0, goodPerson(t).lastIndexOf(','))),
            1,
            "password",
            "headerMissing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBadRowIsReportedAndNothingIsImported(Case c) {
    TestData t = new TestData();
    assertThat(imports.importCsv(ImportKind.DISTRICTS, utf8(t.districtsCsv()), TestData.ADMIN).ok())
        .isTrue();
    assertThat(imports.importCsv(ImportKind.SCHOOLS, utf8(t.schoolsCsv()), TestData.ADMIN).ok())
        .isTrue();
    assertThat(
            imports
                .importCsv(
                    ImportKind.PEOPLE,
                    utf8(
                        lines(
                            PEOPLE_HEADER,
                            t.personRow(
                                "existing",
                                "มี",
                                "อยู่แล้ว",
                                Role.SCHOOL_QA,
                                "",
                                t.school(2),
                                "",
                                "x"))),
                    TestData.ADMIN)
                .ok())
        .isTrue();
    int people = directory.people().size();
    long camundaUsers = identityService.createUserQuery().count();
    long camundaGroups = identityService.createGroupQuery().count();
    int districts = directory.districts().size();

    ImportReport report = imports.importCsv(c.kind(), utf8(c.csv().apply(t)), TestData.ADMIN);

    assertThat(report.ok()).isFalse();
    assertThat(report.created() + report.updated() + report.unchanged()).isZero();
    assertThat(report.errors())
        .extracting(ImportError::row, ImportError::column, ImportError::code)
        .contains(tuple(c.row(), c.column(), "organisation.import.error." + c.code()));
    if (c.row() > 1) {
      assertThat(report.errors()).as("the good row 2").noneMatch(e -> e.row() == 2);
    }
    for (ImportError e : report.errors()) {
      assertThat(messages.getMessage(e, Locale.forLanguageTag("th")))
          .as("Thai")
          .isNotEqualTo(e.code());
      assertThat(messages.getMessage(e, Locale.ENGLISH)).as("English").isNotEqualTo(e.code());
    }

    // nothing imported, not even the good row
    assertThat(directory.school(t.school(3))).isEmpty();
    assertThat(directory.person(t.user("good"))).isEmpty();
    assertThat(directory.districts()).hasSize(districts);
    assertThat(directory.people()).hasSize(people);
    assertThat(identityService.createUserQuery().userId(t.user("good")).count()).isZero();
    assertThat(identityService.createUserQuery().count()).isEqualTo(camundaUsers);
    assertThat(identityService.createGroupQuery().count()).isEqualTo(camundaGroups);
  }
}
