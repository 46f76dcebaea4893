package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.supervision.SupervisionPlanProcess;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Plan;
import th.qaflow.supervision.SupervisionPlans.Project;
import th.qaflow.support.EngineTestClock;
import th.qaflow.visit.VisitRounds;

/**
 * The demo's supervision plan loads through real form validation: the year (here 2893, as 2569 in
 * the demo) has its plan approved with two projects, visit round 1 launched under the first, whose
 * owner reported 60% and the second project's report open; two schools rated the supervision. The
 * engine clock stands in December of the year, as the real demo's wall clock does.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoSupervisionTest {
  @Autowired QaUsers users;
  @Autowired DemoSupervision demo;
  @Autowired SupervisionPlans plans;
  @Autowired VisitRounds rounds;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired java.util.List<th.qaflow.committee.AgendaSource> agendaSources;

  @Test
  void thePlanRunsWithTwoProjectsAndAVisitRoundUnderOne() {
    organisation.importDemo();
    int year = 2893;
    EngineTestClock.at(year - 543, 12, 3, 10, 0);
    // the demo's visit round 1 over cluster 1099-C1 (DemoVisits runs only with the demo on)
    rounds.launch(users.byId("qaofficer"), "1099", year, 1, "1099-C1");
    demo.load(year);

    Plan plan = plans.plan("1099", year).orElseThrow();
    assertThat(plan.approvedAt()).isNotNull();
    List<Project> projects = plans.projects(plan.id());
    assertThat(projects).hasSize(2);
    assertThat(projects)
        .extracting(Project::ownerUserId)
        .containsExactly("supervisor1", "supervisor2");
    assertThat(projects.get(0).percent()).isEqualTo(60);
    assertThat(rounds.roundsOfProject(projects.get(0).id()))
        .singleElement()
        .satisfies(r -> assertThat(r.roundNo()).isEqualTo(1));
    assertThat(rounds.roundsOfProject(projects.get(1).id())).isEmpty();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(plan.processInstanceId())
                .taskDefinitionKey(SupervisionPlanProcess.TASK_REPORT_PROGRESS)
                .taskAssignee("supervisor2")
                .count())
        .isEqualTo(1);
    assertThat(plans.ratings("1099", year)).hasSize(2);

    // the approved plan and its projects' progress are proposed to ก.ต.ป.น.
    assertThat(
            agendaSources.stream()
                .flatMap(source -> source.suggestions("1099", year).stream())
                .filter(item -> item.source().equals("SUPERVISION_PLAN")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.title()).contains("ปีงบประมาณ " + year);
              assertThat(item.note())
                  .contains(projects.get(0).name() + " (60%)")
                  .contains(projects.get(1).name());
            });

    demo.load(year); // a second load starts nothing twice
    assertThat(plans.plans("1099")).filteredOn(p -> p.fiscalYear() == year).hasSize(1);
  }
}
