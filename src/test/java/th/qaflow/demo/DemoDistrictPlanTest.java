package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.districtplan.DistrictPlans;
import th.qaflow.districtplan.DistrictPlans.PlanYear;
import th.qaflow.districtplan.DistrictQaPlanProcess;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;

/**
 * The demo's development plan loads through real form validation: last year (here 2896, as 2568 in
 * the demo) drafted its 3-year plan, was evaluated and reported; this year's (2897) action plan is
 * approved and waits for the evaluation window. The engine clock stands in December of this year,
 * as the real demo's wall clock does.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoDistrictPlanTest {
  @Autowired DemoDistrictPlan demo;
  @Autowired DistrictPlans plans;
  @Autowired OrganisationImport organisation;
  @Autowired RuntimeService runtime;

  @Test
  void lastYearEvaluatedAndThisYearsActionPlanRunning() {
    organisation.importDemo();
    EngineTestClock.at(2897 - 543, 12, 3, 10, 0);
    demo.load(2896);

    PlanYear last = plans.year("1099", 2896).orElseThrow();
    assertThat(last.planFirstYear()).isEqualTo(2896);
    assertThat(last.planLastYear()).isEqualTo(2898);
    assertThat(last.reportPublishedAt()).isNotNull();
    assertThat(last.indicatorsTotal()).isEqualTo(3);
    assertThat(last.indicatorsAchieved()).isEqualTo(2);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(last.processInstanceId())
                .count())
        .isZero();

    PlanYear current = plans.year("1099", 2897).orElseThrow();
    assertThat(current.planFirstYear()).isEqualTo(2896);
    assertThat(current.actionPlanPublishedAt()).isNotNull();
    assertThat(current.reportPublishedAt()).isNull();
    assertThat(runtime.getActiveActivityIds(current.processInstanceId()))
        .containsExactly(DistrictQaPlanProcess.TIMER_EVALUATION_WINDOW);
    assertThat(runtime.getVariable(current.processInstanceId(), "previousYear")).isEqualTo(2896);

    demo.load(2896); // a second load starts nothing twice
    assertThat(plans.years("1099")).filteredOn(y -> y.academicYear() >= 2896).hasSize(2);
  }
}
