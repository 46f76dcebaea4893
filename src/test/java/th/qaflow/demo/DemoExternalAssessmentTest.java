package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.onesqa.SchoolState;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;

/**
 * The demo's ONESQA year loads through real form validation and leaves two target schools at work.
 * Year 2798.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoExternalAssessmentTest {
  @Autowired DemoExternalAssessment demo;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;

  @Test
  void twoTargetSchoolsAreAtWork() {
    organisation.importDemo();
    demo.load(2798);
    assertThat(demo.schools(2798)).hasSize(8);
    assertThat(demo.schools(2798))
        .filteredOn(SchoolState::target)
        .extracting(SchoolState::schoolCode)
        .containsExactly("1099010001", "1099010005");
    SchoolState one = demo.schools(2798).get(0);
    assertThat(one.objections()).isEqualTo(1);
    assertThat(one.status()).isEqualTo("PREPARING");
    assertThat(demo.schools(2798).get(4).status()).isEqualTo("SCHEDULED");
    assertThat(demo.schools(2798).get(6).confirmedReadiness()).isEqualTo("notReady");
    demo.load(2798); // a second load starts nothing twice
    assertThat(demo.schools(2798)).hasSize(8);
  }
}
