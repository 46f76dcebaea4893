package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.goodpractice.GoodPracticeRoundProcess;
import th.qaflow.goodpractice.GoodPractices;
import th.qaflow.goodpractice.GoodPractices.Nomination;
import th.qaflow.goodpractice.GoodPractices.Round;
import th.qaflow.goodpractice.GoodPractices.RoundStage;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;

/**
 * The demo's good-practice rounds load through the page's checks and real form validation: last
 * year's (here 2960, as 2568 in the demo) is done with three of four nominations selected,
 * honoured, published and shared; this year's (2961) is open with two nominations. The engine clock
 * stands in December of this year, as the real demo's wall clock does.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoGoodPracticeTest {
  @Autowired DemoGoodPractice demo;
  @Autowired GoodPractices rounds;
  @Autowired OrganisationImport organisation;
  @Autowired RuntimeService runtime;

  @Test
  void lastYearsRoundDoneThisYearsOpenWithNominations() {
    organisation.importDemo();
    EngineTestClock.at(2961 - 543, 12, 3, 10, 0);
    demo.load(2960);

    Round last = rounds.round("1099", 2960).orElseThrow();
    assertThat(last.stage()).isEqualTo(RoundStage.DONE);
    assertThat(last.published()).isTrue();
    assertThat(last.eventAttendance()).isEqualTo(126);
    assertThat(rounds.nominations("1099", 2960)).hasSize(4);
    assertThat(rounds.published("1099", 2960))
        .extracting(Nomination::schoolCode)
        .containsExactly("1099010001", "1099010003", "1099010002");
    assertThat(rounds.nominations("1099", 2960))
        .filteredOn(n -> !n.selected())
        .singleElement()
        .satisfies(n -> assertThat(n.decisionReason()).contains("ติว"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(last.processInstanceId())
                .count())
        .isZero();

    Round current = rounds.round("1099", 2961).orElseThrow();
    assertThat(current.stage()).isEqualTo(RoundStage.NOMINATION);
    assertThat(rounds.nominations("1099", 2961)).hasSize(2);
    assertThat(runtime.getActiveActivityIds(current.processInstanceId()))
        .containsExactly(GoodPracticeRoundProcess.TASK_MONITOR_NOMINATIONS);

    demo.load(2960); // a second load starts nothing twice
    assertThat(rounds.nominations("1099", 2961)).hasSize(2);
  }
}
