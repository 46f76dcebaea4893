package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.FrameworkPurpose;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.support.ProcessTest;

/** ONESQA's round-5 framework ships as data and stays out of the schools' internal QA cycle. */
@ProcessTest
class OnesqaFrameworkTest {
  @Autowired StandardsCatalog catalog;
  @Autowired OrganisationDirectory directory;

  @Test
  void roundFiveIsLoadedAsAnExternalFramework() {
    Framework f = catalog.framework("onesqa-r5-basic").orElseThrow();
    assertThat(f.purpose()).isEqualTo(FrameworkPurpose.EXTERNAL);
    assertThat(f.educationLevel()).isEqualTo(EducationLevel.BASIC);
    assertThat(f.effectiveFrom()).isEqualTo(2567);
    assertThat(f.effectiveTo()).isEqualTo(2571);
    assertThat(f.standards()).hasSize(3);
    assertThat(f.itemCount()).isEqualTo(16);
    assertThat(f.levels()).hasSize(5);
    assertThat(f.level("3").orElseThrow().nameTh()).isEqualTo("ดี");
  }

  @Test
  void theInternalCycleNeverGetsTheOnesqaFramework() {
    for (int year = 2567; year <= 2571; year++) {
      assertThat(catalog.internalFramework(EducationLevel.BASIC, year))
          .get()
          .satisfies(f -> assertThat(f.purpose()).isEqualTo(FrameworkPurpose.INTERNAL));
    }
    var school = directory.school("1099010001").orElseThrow();
    assertThat(catalog.frameworksFor(school, 2569))
        .noneMatch(f -> f.purpose() == FrameworkPurpose.EXTERNAL);
    assertThat(catalog.cycleVariables(school, 2569).toString()).doesNotContain("onesqa");
  }
}
