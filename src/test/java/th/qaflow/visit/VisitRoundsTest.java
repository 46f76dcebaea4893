package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUsers;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.TaskRow;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

/** Rounds start each school of their scope exactly once; only the right people launch and act. */
@ProcessTest
class VisitRoundsTest {
  static final String DISTRICT = VisitFixture.DISTRICT;

  @Autowired VisitRounds rounds;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired OrganisationDirectory directory;

  @Test
  void aClusterRoundStartsTheClustersSchoolsOnce() {
    int year = 2742;
    List<String> cluster1 = codes(directory.schoolsOfCluster(VisitFixture.CLUSTER_1));
    List<String> cluster2 = codes(directory.schoolsOfCluster(VisitFixture.CLUSTER_2));
    assertThat(cluster1).hasSize(4);

    VisitRounds.LaunchResult first =
        rounds.launch(users.byId("qaofficer"), DISTRICT, year, 1, VisitFixture.CLUSTER_1);
    assertThat(first.roundId()).isEqualTo("1099-2742-V1");
    assertThat(first.started()).containsExactlyInAnyOrderElementsOf(cluster1);
    assertThat(first.alreadyInRound()).isEmpty();

    VisitRounds.LaunchResult again =
        rounds.launch(users.byId("supdirector"), DISTRICT, year, 1, VisitFixture.CLUSTER_1);
    assertThat(again.started()).isEmpty();
    assertThat(again.alreadyInRound()).containsExactlyInAnyOrderElementsOf(cluster1);
    assertThat(instances(year, 1)).isEqualTo(4);

    // the whole district in the same round adds only the schools the round lacks
    VisitRounds.LaunchResult district =
        rounds.launch(users.byId("qaofficer"), DISTRICT, year, 1, null);
    assertThat(district.started()).containsExactlyInAnyOrderElementsOf(cluster2);
    assertThat(district.alreadyInRound()).containsExactlyInAnyOrderElementsOf(cluster1);
    assertThat(instances(year, 1)).isEqualTo(8);
    for (String school : cluster1) {
      assertThat(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(school + "-" + year + "-V1")
                  .count())
          .as(school)
          .isEqualTo(1);
    }

    // a second round is a second visit of the same schools
    assertThat(
            rounds
                .launch(users.byId("supervisor1"), DISTRICT, year, 2, VisitFixture.CLUSTER_1)
                .started())
        .containsExactlyInAnyOrderElementsOf(cluster1);

    List<VisitRounds.Round> listed = rounds.rounds(DISTRICT, year);
    assertThat(listed).extracting(VisitRounds.Round::roundNo).containsExactly(1, 2);
    assertThat(listed.get(0).visits())
        .hasSize(8)
        .allSatisfy(v -> assertThat(v.step()).isEqualTo(DistrictVisitProcess.TASK_PLAN_VISIT))
        .allSatisfy(v -> assertThat(v.completed()).isFalse())
        .allSatisfy(v -> assertThat(v.due()).isNotNull());
    assertThat(listed.get(1).visits())
        .extracting(VisitRounds.Visit::schoolCode)
        .containsExactlyInAnyOrderElementsOf(cluster1);
  }

  @Test
  void onlyTheDistrictsStaffAndTheClustersOwnSupervisorLaunch() {
    int year = 2743;
    assertThat(rounds.mayLaunch(users.byId("qaofficer"), DISTRICT, null)).isTrue();
    assertThat(rounds.mayLaunch(users.byId("supdirector"), DISTRICT, VisitFixture.CLUSTER_2))
        .isTrue();
    assertThat(rounds.mayLaunch(users.byId("supervisor1"), DISTRICT, VisitFixture.CLUSTER_1))
        .isTrue();
    assertThat(rounds.mayLaunch(users.byId("supervisor1"), DISTRICT, null))
        .as("not the whole district")
        .isFalse();
    assertThat(rounds.mayLaunch(users.byId("supervisor2"), DISTRICT, VisitFixture.CLUSTER_1))
        .isFalse();
    assertThat(rounds.mayLaunch(users.byId("districtdirector"), DISTRICT, VisitFixture.CLUSTER_1))
        .isFalse();
    assertThat(rounds.mayLaunch(users.byId("qa1"), DISTRICT, VisitFixture.CLUSTER_1)).isFalse();
    assertThat(rounds.mayLaunch(users.byId("obec"), DISTRICT, null)).isFalse();

    assertThatThrownBy(
            () ->
                rounds.launch(users.byId("supervisor2"), DISTRICT, year, 1, VisitFixture.CLUSTER_1))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> rounds.launch(users.byId("director1"), DISTRICT, year, 1, null))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> rounds.launch(users.byId("qaofficer"), DISTRICT, year, 1, "9999-C9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(instances(year, 1)).isZero();
    assertThat(rounds.rounds(DISTRICT, year)).isEmpty();
  }

  @Test
  void supervisorOfClusterTwoCannotActOnClusterOnesVisitAndSchoolsSeeOnlyTheirOwn() {
    int year = 2744;
    rounds.launch(users.byId("supervisor1"), DISTRICT, year, 1, VisitFixture.CLUSTER_1);
    String pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(
                DistrictVisitProcess.businessKey(VisitFixture.school(1), year, 1))
            .singleResult()
            .getId();
    VisitFixture fixture = new VisitFixture(work, tasks, users);
    Task plan = fixture.open(pi);

    assertThat(ids(work.groupTasks(users.byId("supervisor1")))).contains(plan.getId());
    assertThat(ids(work.groupTasks(users.byId("supervisor2")))).doesNotContain(plan.getId());
    // cluster 1's school is outside supervisor2's clusters: not even visible (404), so not claimed
    // or completed
    assertThatThrownBy(() -> work.open(plan.getId(), users.byId("supervisor2")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> work.claim(plan.getId(), users.byId("supervisor2")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                work.complete(
                    plan.getId(), users.byId("supervisor2"), fixture.submission(plan, null)))
        .isInstanceOf(NotFoundException.class);
    assertThat(tasks.createTaskQuery().taskId(plan.getId()).singleResult())
        .as("still open")
        .isNotNull();

    // school users: another school's visit is not even visible
    assertThatThrownBy(() -> work.open(plan.getId(), users.byId("qa5")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> work.open(plan.getId(), users.byId("qa2")))
        .isInstanceOf(NotFoundException.class);
    assertThat(work.open(plan.getId(), users.byId("qa1")).canWork()).isFalse();

    fixture.complete(pi, DistrictVisitProcess.TASK_PLAN_VISIT, "supervisor1", null);
    assertThatThrownBy(
            () ->
                fixture.complete(
                    pi, DistrictVisitProcess.TASK_APPOINT_COMMITTEE, "supervisor1", null))
        .isInstanceOf(ForbiddenException.class);
    fixture.complete(pi, DistrictVisitProcess.TASK_APPOINT_COMMITTEE, "supdirector", null);
    Task evidence = fixture.open(pi);
    assertThat(ids(work.groupTasks(users.byId("qa1")))).contains(evidence.getId());
    assertThat(ids(work.groupTasks(users.byId("qa2")))).doesNotContain(evidence.getId());
    assertThatThrownBy(
            () -> fixture.complete(pi, DistrictVisitProcess.TASK_PREPARE_EVIDENCE, "qa2", null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                fixture.complete(pi, DistrictVisitProcess.TASK_PREPARE_EVIDENCE, "director1", null))
        .as("the school's QA group prepares, not its director")
        .isInstanceOf(ForbiddenException.class);
    fixture.complete(pi, DistrictVisitProcess.TASK_PREPARE_EVIDENCE, "qa1", null);
    // outside supervisor2's clusters: not visible, so 404 rather than 403
    assertThatThrownBy(
            () ->
                fixture.complete(
                    pi, DistrictVisitProcess.TASK_RECORD_FINDINGS, "supervisor2", null))
        .isInstanceOf(NotFoundException.class);
  }

  private long instances(int year, int round) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(DistrictVisitProcess.PROCESS_ID)
        .processInstanceBusinessKeyLike("%-" + year + "-V" + round)
        .count();
  }

  private static List<String> codes(List<School> schools) {
    return schools.stream().map(School::code).toList();
  }

  private static List<String> ids(List<TaskRow> rows) {
    return rows.stream().map(TaskRow::id).toList();
  }
}
