package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.external.SchoolState;
import th.qaflow.organisation.OrganisationImport;

/** The demo's ONESQA year loads through real form validation and leaves two target schools at work. Year 2798. */
@QaFlowTest
class DemoExternalAssessmentTest {
  @Autowired DemoExternalAssessment demo;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void twoTargetSchoolsAreAtWork() {
    organisation.importDemo();
    demo.load(2798);
    assertThat(demo.schools(2798)).hasSize(8);
    assertThat(demo.schools(2798)).filteredOn(SchoolState::target).extracting(SchoolState::schoolCode)
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
