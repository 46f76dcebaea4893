package th.qaflow.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.district.DistrictQaCycleProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.coverage.VisitCoverage;
import th.qaflow.coverage.VisitCoverage.DistrictCoverage;
import th.qaflow.coverage.VisitCoverage.NotInspected;
import th.qaflow.demo.DemoVisitAnswers;
import th.qaflow.district.DistrictCycles;
import th.qaflow.forms.FieldError;
import th.qaflow.forms.FormSubmission;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;

/**
 * Visit coverage on the real engine and tasklist: a completed visit is recorded for its school and
 * year; the district's visit step is refused (with the uncovered school named in Thai, the typed
 * note kept, the task still open) while one school has no completed visit, and completes once it
 * has; the three-year warning; the start-up backfill from the engine's history. District 1099,
 * years 2587–2590 (no other test uses them).
 */
@ProcessTest
class VisitCoverageTest {
  static final String D = "1099";
  static final int Y = 2587;

  @Autowired VisitRounds rounds;
  @Autowired VisitCoverage coverage;
  @Autowired CoverageBackfill backfill;
  @Autowired DistrictCycles districtCycles;
  @Autowired TaskService tasks;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired MessageSource messages;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void clock() {
    EngineTestClock.at(Y - 543, 6, 1, 9, 0);
  }

  @Test
  void theVisitStepClosesOnlyWhenEverySchoolWasVisitedAndOldVisitsWarnAfterThreeYears() {
    rounds.launch(users.byId("qaofficer"), D, Y, 1, null);
    for (int n = 1; n <= 7; n++) {
      walkVisit(n);
    }
    assertThat(coverage.covered(D, Y)).hasSize(7).doesNotContain(school(8));
    assertThat(coverage.uncovered(D, Y)).extracting(s -> s.code()).containsExactly(school(8));

    String pi = districtCycles.start(D, Y, "qaofficer").orElseThrow();
    for (String key :
        List.of(TASK_PUBLISH_GUIDANCE, TASK_APPOINT_COMMITTEE, TASK_REPORT_LAST_YEAR)) {
      tasks.complete(open(pi, key).getId());
    }
    Task step = open(pi, TASK_RUN_VISIT_ROUNDS);
    Map<String, String[]> answers = new LinkedHashMap<>();
    answers.put("visitRoundsDone", new String[] {"true"});
    answers.put("visitRoundsNote", new String[] {"รอบที่ 1 ครบแล้ว"});
    Completion refused =
        work.complete(step.getId(), users.byId("qaofficer"), FormSubmission.of(answers));
    assertThat(refused.done()).isFalse();
    assertThat(refused.form().rawValue("visitRoundsNote"))
        .as("what the officer typed is kept")
        .isEqualTo("รอบที่ 1 ครบแล้ว");
    List<FieldError> errors = refused.form().errorsOf("visitRoundsDone");
    assertThat(errors).hasSize(1);
    String thai =
        messages.getMessage(
            errors.get(0).code(), errors.get(0).args(), Locale.forLanguageTag("th"));
    assertThat(thai)
        .contains("ยังปิดขั้นตอนนี้ไม่ได้")
        .contains("1 แห่ง")
        .contains("(" + school(8) + ")")
        .doesNotContain("(" + school(7) + ")");
    assertThat(open(pi, TASK_RUN_VISIT_ROUNDS).getId()).as("still open").isEqualTo(step.getId());

    walkVisit(8);
    Completion done =
        work.complete(step.getId(), users.byId("qaofficer"), FormSubmission.of(answers));
    assertThat(done.done()).as(String.valueOf(done.form())).isTrue();

    // a second round's visit counts, it does not make a second row
    DistrictCoverage now = coverage.district(D, Y);
    assertThat(now.missing()).isEmpty();
    assertThat(now.covered()).isEqualTo(now.schools());
    assertThat(now.notInspected()).isEmpty();

    // three years on (Y+2) the visits of Y still count; the year after (Y+3) every school is warned
    assertThat(coverage.district(D, Y + 2).notInspected()).isEmpty();
    assertThat(coverage.district(D, Y + 2).missing()).hasSize(now.schools());
    DistrictCoverage later = coverage.district(D, Y + 3);
    assertThat(later.notInspectedTotal()).isEqualTo(now.schools());
    assertThat(later.notInspected()).extracting(NotInspected::lastYear).containsOnly(Y);

    // the start-up backfill rebuilds the table from the engine's history
    jdbc.sql("delete from visit_completion").update();
    assertThat(coverage.covered(D, Y)).isEmpty();
    assertThat(backfill.backfill()).isGreaterThanOrEqualTo(8);
    assertThat(coverage.covered(D, Y)).hasSize(now.schools());
    assertThat(backfill.backfill()).as("only into an empty table").isZero();
  }

  private void walkVisit(int n) {
    String pi =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(DistrictVisitProcess.businessKey(school(n), Y, 1))
            .singleResult()
            .getProcessInstanceId();
    String supervisor = n <= 4 ? "supervisor1" : "supervisor2";
    for (String key : DistrictVisitProcess.TASKS) {
      String user =
          switch (key) {
            case DistrictVisitProcess.TASK_PLAN_VISIT, DistrictVisitProcess.TASK_RECORD_FINDINGS ->
                supervisor;
            case DistrictVisitProcess.TASK_APPOINT_COMMITTEE,
                DistrictVisitProcess.TASK_APPROVE_REPORT ->
                "supdirector";
            case DistrictVisitProcess.TASK_PREPARE_EVIDENCE -> "qa" + n;
            default -> "director" + n;
          };
      Task task = open(pi, key);
      Completion c =
          work.complete(
              task.getId(),
              users.byId(user),
              DemoVisitAnswers.of(tasks, task, n, Y, DistrictVisitProcess.DECISION_APPROVE));
      assertThat(c.done()).as(key + " " + c.form()).isTrue();
    }
  }

  private Task open(String pi, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    assertThat(task).as(key).isNotNull();
    return task;
  }

  private static String school(int n) {
    return "109901000" + n;
  }
}
