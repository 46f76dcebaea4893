package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.district.DistrictQaCycleProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskPage;
import th.qaflow.tasklist.TaskWork;

/**
 * Issue 11 for the district's return loops: after the supervisor returns a SAR, the school's
 * director and the next review start without the earlier answers; after the synthesis is returned,
 * its approval does too, while the QA officer's synthesis text is still pre-filled. Years
 * 2611–2612.
 */
@ProcessTest
class DistrictNewRoundFormsTest {
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired DistrictCycles districtCycles;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired JdbcClient jdbc;
  SchoolWalker walker;

  @BeforeEach
  void setUp() {
    walker = new SchoolWalker(runtime, tasks, management);
  }

  @Test
  void aReturnedSarComesBackWithoutTheDirectorsOrTheSupervisorsEarlierAnswer() {
    int year = 2611;
    String school = "1099010003";
    SchoolWalker.clock(AcademicYears.firstCalendarYear(year), 5, 16);
    String cycle = cycles.startSchool(school, year, "qaofficer").orElseThrow();
    walker.submit(cycle);

    Task review = walker.review(school, year);
    complete(
        review,
        "supervisor1",
        Map.of(
            SarReviewProcess.VAR_REVIEW_DECISION,
            SarReviewProcess.DECISION_REVISE,
            SarReviewProcess.VAR_REVIEW_COMMENTS,
            "เพิ่มหลักฐานมาตรฐานที่ 3"));

    // the school redrafts; its director decides afresh ("toBoard" of the first round is not
    // preselected)
    walker.walkTo(cycle, SchoolQaCycleProcess.TASK_DIRECTOR_REVIEW_SAR);
    Task director = tasks.createTaskQuery().processInstanceId(cycle).singleResult();
    assertThat(runtime.getVariable(cycle, "directorDecision"))
        .as("the earlier round's answer is kept")
        .isEqualTo("toBoard");
    assertThat(work.open(director.getId(), users.byId("director3")).raw())
        .doesNotContainKeys("directorDecision", "directorComments");

    walker.submit(cycle);
    Task second = walker.review(school, year);
    assertThat(second.getId()).isNotEqualTo(review.getId());
    assertThat(work.open(second.getId(), users.byId("supervisor1")).raw())
        .doesNotContainKeys("reviewDecision", "reviewComments");
  }

  @Test
  void aReturnedSynthesisIsApprovedAfreshWhileItsTextStaysPrefilled() {
    int year = 2612;
    int ce = AcademicYears.firstCalendarYear(year);
    SchoolWalker.clock(ce, 5, 16);
    String pi = districtCycles.start("1099", year, "qaofficer").orElseThrow();
    for (String key :
        List.of(
            TASK_PUBLISH_GUIDANCE,
            TASK_APPOINT_COMMITTEE,
            TASK_REPORT_LAST_YEAR,
            TASK_RUN_VISIT_ROUNDS)) {
      tasks.complete(open(pi, key).getId());
    }
    Job deadline = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    EngineTestClock.at(new Date(deadline.getDuedate().getTime() + 3_600_000));
    management.executeJob(deadline.getId());
    tasks.complete(open(pi, TASK_CHASE_MISSING_SARS).getId());
    tasks.complete(open(pi, TASK_CONFIRM_REVIEWS_DONE).getId());
    tasks.complete(
        open(pi, TASK_SYNTHESISE_SARS).getId(),
        Map.of(
            "synthesisOverview",
            "ภาพรวมรอบแรก",
            "synthesisStrengths",
            "จุดเด่น",
            "synthesisWeaknesses",
            "จุดที่ควรพัฒนา",
            "synthesisRecommendations",
            "ข้อเสนอแนะ"));

    complete(
        open(pi, TASK_APPROVE_SYNTHESIS),
        "supdirector",
        Map.of(VAR_SYNTHESIS_DECISION, "return", "synthesisComments", "เพิ่มข้อมูลคณิตศาสตร์"));

    Task redo = open(pi, TASK_SYNTHESISE_SARS);
    assertThat(work.open(redo.getId(), users.byId("qaofficer")).raw())
        .as("what the QA officer revises stays")
        .containsEntry("synthesisOverview", List.of("ภาพรวมรอบแรก"));
    tasks.complete(redo.getId(), Map.of("synthesisOverview", "ภาพรวมรอบสอง"));

    TaskPage approval =
        work.open(open(pi, TASK_APPROVE_SYNTHESIS).getId(), users.byId("supdirector"));
    assertThat(approval.variables()).containsEntry(VAR_SYNTHESIS_DECISION, "return");
    assertThat(approval.raw()).doesNotContainKeys(VAR_SYNTHESIS_DECISION, "synthesisComments");
  }

  private void complete(Task task, String userId, Map<String, String> answers) {
    Map<String, String[]> params = new java.util.LinkedHashMap<>();
    answers.forEach((k, v) -> params.put(k, new String[] {v}));
    Completion done = work.complete(task.getId(), users.byId(userId), FormSubmission.of(params));
    assertThat(done.done())
        .as(task.getTaskDefinitionKey() + " " + (done.form() == null ? "" : done.form().errors()))
        .isTrue();
  }

  private Task open(String pi, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task).as("open task of " + pi).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }
}
