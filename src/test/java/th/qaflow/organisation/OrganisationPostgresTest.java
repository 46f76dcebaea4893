package th.qaflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.qaflow.QaFlowApplication;
import th.qaflow.support.EmbeddedPostgresExtension;

/**
 * The schema and the SQL of the module on PostgreSQL (embedded, from Maven Central). The context is
 * closed after the class, while the database still runs; the database stops with the JVM.
 */
@SpringBootTest(
    classes = QaFlowApplication.class,
    properties = {"qaflow.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext
class OrganisationPostgresTest {

  @RegisterExtension
  static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.register(registry);
  }

  @Autowired OrganisationImport imports;
  @Autowired OrganisationDirectory directory;
  @Autowired IdentityService identityService;

  @Test
  void theDemoDistrictImportsAndReadsBack() {
    List<ImportReport> reports = imports.importDemo();
    assertThat(reports).allSatisfy(r -> assertThat(r.errors()).isEmpty());
    assertThat(imports.importDemo()).allSatisfy(r -> assertThat(r.unchanged()).isEqualTo(r.rows()));

    assertThat(directory.schoolsOfCluster("1099-C2")).hasSize(4);
    assertThat(directory.school("1099010003").orElseThrow().earlyChildhood()).isFalse();
    assertThat(directory.schoolBySmis("99010005").orElseThrow().nameTh())
        .isEqualTo("โรงเรียนบ้านเชิงดอย");
    assertThat(directory.person("qa3").orElseThrow().districtCode()).isEqualTo("1099");
    assertThat(directory.peopleOfSchool("1099010003")).hasSize(3);
    assertThat(directory.peopleOfDistrict("1099")).hasSize(30);
    assertThat(directory.supervisorsOfCluster("1099-C1"))
        .extracting(Person::userId)
        .containsExactly("supervisor1");
    assertThat(directory.people()).hasSize(32);
    assertThat(identityService.checkPassword("board8", "demo")).isTrue();

    // the e-mail check ignores case, also on PostgreSQL
    ImportReport clash =
        imports.importCsv(
            ImportKind.PEOPLE,
            TestData.utf8(
                TestData.lines(
                    TestData.PEOPLE_HEADER,
                    "newbie,ใหม่,คน,QA1@qaflow.example,SCHOOL_QA,,1099010001,,x")),
            TestData.ADMIN);
    assertThat(clash.errors())
        .extracting(ImportError::code)
        .containsExactly("organisation.import.error.duplicateEmail");
  }
}
