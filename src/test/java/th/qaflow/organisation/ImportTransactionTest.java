package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.organisation.TestData.utf8;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda's identity writes share the import's transaction: a rollback leaves no Camunda user or
 * group.
 */
@OrganisationTest
class ImportTransactionTest {

  static final String FAILING_ACTOR = "failing-admin";

  @Autowired OrganisationImport imports;
  @Autowired OrganisationDirectory directory;
  @Autowired IdentityService identityService;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ConfigurableApplicationContext context;

  @Test
  void aFailureWhileWritingRollsBackTheRowsAndTheCamundaUsers() {
    TestData t = new TestData();
    imports.importCsv(ImportKind.DISTRICTS, utf8(t.districtsCsv()), TestData.ADMIN);
    // A listener that fails after all rows and Camunda users of the import were written.
    context.addApplicationListener(
        (ApplicationListener<ApplicationEvent>)
            event -> {
              if (event instanceof PayloadApplicationEvent<?> payload
                  && payload.getPayload() instanceof OrganisationImported imported
                  && FAILING_ACTOR.equals(imported.actorUserId())) {
                throw new IllegalStateException(
                    "boom after writing " + imported.report().created() + " rows");
              }
            });
    Person failingAdmin =
        new Person(
            FAILING_ACTOR,
            "ล้ม",
            "เหลว",
            "f@qaflow.example",
            Role.ADMIN,
            null,
            null,
            List.of(),
            "th");
    long groupsBefore = identityService.createGroupQuery().count();

    ImportReport schools =
        imports.importCsv(ImportKind.SCHOOLS, utf8(t.schoolsCsv()), failingAdmin);

    assertThat(schools.ok()).isFalse();
    assertThat(schools.errors())
        .extracting(ImportError::code)
        .containsExactly("organisation.import.error.failed");
    assertThat(directory.schoolsOfDistrict(t.district())).isEmpty();
    assertThat(directory.clusters(t.district())).isEmpty();
    assertThat(identityService.createGroupQuery().groupId(Groups.schoolQa(t.school(1))).count())
        .isZero();
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groupsBefore);

    // with the schools in place, a failing people import leaves no Camunda user behind
    assertThat(imports.importCsv(ImportKind.SCHOOLS, utf8(t.schoolsCsv()), TestData.ADMIN).ok())
        .isTrue();
    long usersBefore = identityService.createUserQuery().count();
    ImportReport people = imports.importCsv(ImportKind.PEOPLE, utf8(t.peopleCsv()), failingAdmin);

    assertThat(people.ok()).isFalse();
    assertThat(directory.person(t.user("qa1"))).isEmpty();
    assertThat(directory.peopleOfDistrict(t.district())).isEmpty();
    assertThat(identityService.createUserQuery().userId(t.user("qa1")).count()).isZero();
    assertThat(identityService.createUserQuery().count()).isEqualTo(usersBefore);
    assertThat(
            identityService.createUserQuery().memberOfGroup(Groups.schoolQa(t.school(1))).count())
        .isZero();

    // and the same file imports fine afterwards
    ImportReport retry = imports.importCsv(ImportKind.PEOPLE, utf8(t.peopleCsv()), TestData.ADMIN);
    assertThat(retry.errors()).isEmpty();
    assertThat(retry.created()).isEqualTo(9);
  }

  @Test
  void anImportJoinsTheCallersTransaction() {
    TestData t = new TestData();
    imports.importCsv(ImportKind.DISTRICTS, utf8(t.districtsCsv()), TestData.ADMIN);
    imports.importCsv(ImportKind.SCHOOLS, utf8(t.schoolsCsv()), TestData.ADMIN);

    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              ImportReport report =
                  imports.importCsv(ImportKind.PEOPLE, utf8(t.peopleCsv()), TestData.ADMIN);
              assertThat(report.ok()).isTrue();
              assertThat(identityService.createUserQuery().userId(t.user("qa1")).count()).isOne();
              assertThat(identityService.checkPassword(t.user("qa1"), "secret")).isTrue();
              status.setRollbackOnly();
            });

    assertThat(directory.person(t.user("qa1"))).isEmpty();
    assertThat(identityService.createUserQuery().userId(t.user("qa1")).count()).isZero();
    assertThat(identityService.createUserQuery().userId(t.user("admin")).count()).isZero();
  }
}
