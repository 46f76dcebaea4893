package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.assistance.AssistanceCases;
import th.qaflow.assistance.AssistanceCases.AssistanceCase;
import th.qaflow.assistance.SchoolAssistanceProcess;
import th.qaflow.cycle.CycleService;
import th.qaflow.documents.Documents;
import th.qaflow.support.ProcessTest;
import th.qaflow.synthesis.SynthesisFixture;

/**
 * The demo's help loads through real form validation: school 3, below its BASIC-1 target in the
 * synthesis of the year (here 2978, as 2568 in the demo), has its team, an approved plan and one
 * follow-up visit, and waits for the next visit.
 */
@ProcessTest
class DemoAssistanceTest {
  @Autowired DemoAssistance demo;
  @Autowired AssistanceCases assistance;
  @Autowired CycleService cycles;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Documents documents;

  @Test
  void planApprovedAndOneVisitRecorded() {
    int year = 2978;
    new SynthesisFixture(cycles, runtime, tasks, management, documents)
        .acceptedSar(
            DemoAssistance.SCHOOL,
            year,
            new SynthesisFixture.Answers(
                c -> 4, c -> c.equals("BASIC-1") ? 3 : 4, "มีวินัย", "คณิตศาสตร์", false));
    demo.load(year);
    AssistanceCase c = assistance.caseOf(DemoAssistance.SCHOOL, year).orElseThrow();
    Task next = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo(SchoolAssistanceProcess.TASK_FOLLOW_UP_VISIT);
    assertThat((List<?>) runtime.getVariable(c.processInstanceId(), "followUpVisits")).hasSize(1);
    assertThat(runtime.getVariable(c.processInstanceId(), "planDecision")).isEqualTo("approve");

    demo.load(year); // a second load starts nothing twice
    assertThat(assistance.casesOf(DemoAssistance.SCHOOL))
        .filteredOn(x -> x.academicYear() == year)
        .hasSize(1);
  }
}
