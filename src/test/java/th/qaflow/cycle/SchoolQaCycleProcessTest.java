package th.qaflow.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.organisation.Groups;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;

/**
 * Walks SchoolQaCycle through every path on the real engine, firing its timers under a controlled
 * clock and checking each task's candidate group, stage and due date against the district calendar.
 */
@ProcessTest
class SchoolQaCycleProcessTest {
  static final int YEAR = 2569;
  static final String DISTRICT = "1099";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired CycleService cycles;

  @BeforeEach
  void setUp() {
    clock(2026, 5, 16, 8, 0);
  }

  @Test
  void boardApprovesFirstTime() {
    ProcessInstance pi = start("1099010001");
    walkToSarDraft(pi, "1099010001");

    completeTask(
        pi, TASK_DRAFT_SAR, "1099010001", Groups.schoolQa("1099010001"), SchoolStage.SAR_DRAFT);
    completeTask(
        pi,
        TASK_DIRECTOR_REVIEW_SAR,
        "1099010001",
        Groups.schoolDirector("1099010001"),
        SchoolStage.SAR_DIRECTOR_REVIEW,
        "directorDecision",
        "toBoard");
    completeTask(
        pi,
        TASK_BOARD_APPROVE_SAR,
        "1099010001",
        Groups.schoolBoard("1099010001"),
        SchoolStage.SAR_BOARD_APPROVAL,
        "boardDecision",
        "approve");
    completeTask(
        pi,
        TASK_SUBMIT_SAR,
        "1099010001",
        Groups.schoolDirector("1099010001"),
        SchoolStage.SAR_SUBMISSION);
    acceptDistrictReview(pi, "1099010001", "1099-C1");
    completeTask(
        pi,
        TASK_PUBLISH_SAR,
        "1099010001",
        Groups.schoolDirector("1099010001"),
        SchoolStage.SAR_PUBLICATION);

    assertThat(pi).isEnded().hasPassed(END_SAR_PUBLISHED);
    assertThat(finished(pi, TASK_BOARD_APPROVE_SAR)).isEqualTo(1);
  }

  @Test
  void boardReturnsTwiceThenApproves() {
    String school = "1099010002";
    ProcessInstance pi = start(school);
    walkToSarDraft(pi, school);

    for (int round = 1; round <= 3; round++) {
      // a redraft after a return gets at least seven days from the moment it is returned
      Task draft =
          completeTask(
              pi,
              TASK_DRAFT_SAR,
              school,
              Groups.schoolQa(school),
              round == 1 ? SchoolStage.SAR_DRAFT : null);
      if (round > 1) {
        assertThat(draft.getDueDate())
            .isAfterOrEqualTo(Date.from(draft.getCreateTime().toInstant().plusSeconds(7 * 86400)));
      }
      completeTask(
          pi,
          TASK_DIRECTOR_REVIEW_SAR,
          school,
          Groups.schoolDirector(school),
          null,
          "directorDecision",
          "toBoard");
      completeTask(
          pi,
          TASK_BOARD_APPROVE_SAR,
          school,
          Groups.schoolBoard(school),
          null,
          "boardDecision",
          round < 3 ? "return" : "approve",
          "boardComments",
          "รอบที่ " + round);
      clockPlusDays(3);
    }
    completeTask(pi, TASK_SUBMIT_SAR, school, Groups.schoolDirector(school), null);
    acceptDistrictReview(pi, school, "1099-C1");
    completeTask(pi, TASK_PUBLISH_SAR, school, Groups.schoolDirector(school), null);

    assertThat(pi).isEnded();
    assertThat(finished(pi, TASK_DRAFT_SAR)).isEqualTo(3);
    assertThat(finished(pi, TASK_BOARD_APPROVE_SAR)).isEqualTo(3);
    // the first draft and both returns enter the draft through its merge gateway
    assertThat(passed(pi, GATEWAY_DRAFT_SAR_MERGE)).isEqualTo(3);
  }

  @Test
  void directorSendsDraftBackAndBoardReturnsStandards() {
    String school = "1099010003";
    ProcessInstance pi = start(school);
    completeTask(pi, TASK_SET_STANDARDS, school, Groups.schoolQa(school), SchoolStage.STANDARDS);
    completeTask(
        pi,
        TASK_BOARD_ENDORSE_STANDARDS,
        school,
        Groups.schoolBoard(school),
        SchoolStage.STANDARDS_ENDORSEMENT,
        "endorsementDecision",
        "return");
    assertThat(pi).isWaitingAt(TASK_SET_STANDARDS);
    assertThat(passed(pi, GATEWAY_SET_STANDARDS_MERGE)).isEqualTo(2);
    completeTask(pi, TASK_SET_STANDARDS, school, Groups.schoolQa(school), null);
    completeTask(
        pi,
        TASK_BOARD_ENDORSE_STANDARDS,
        school,
        Groups.schoolBoard(school),
        null,
        "endorsementDecision",
        "approve");
    assertThat(pi).isWaitingAt(TASK_ANNOUNCE_STANDARDS);

    // move on to the SAR and let the director send it back once
    walkFromAnnouncement(pi, school);
    completeTask(pi, TASK_DRAFT_SAR, school, Groups.schoolQa(school), SchoolStage.SAR_DRAFT);
    completeTask(
        pi,
        TASK_DIRECTOR_REVIEW_SAR,
        school,
        Groups.schoolDirector(school),
        null,
        "directorDecision",
        "returnToQa");
    assertThat(pi).isWaitingAt(TASK_DRAFT_SAR);
    assertThat(passed(pi, GATEWAY_DRAFT_SAR_MERGE)).isEqualTo(2);
    assertThat(finished(pi, TASK_BOARD_APPROVE_SAR)).isZero();
  }

  @Test
  void timersWaitForTheDistrictCalendar() {
    String school = "1099010004";
    ProcessInstance pi = start(school);
    completeTask(pi, TASK_SET_STANDARDS, school, Groups.schoolQa(school), SchoolStage.STANDARDS);
    completeTask(
        pi,
        TASK_BOARD_ENDORSE_STANDARDS,
        school,
        Groups.schoolBoard(school),
        null,
        "endorsementDecision",
        "approve");
    completeTask(
        pi,
        TASK_ANNOUNCE_STANDARDS,
        school,
        Groups.schoolDirector(school),
        SchoolStage.STANDARDS_ANNOUNCEMENT);
    completeTask(pi, TASK_MAKE_PLANS, school, Groups.schoolQa(school), SchoolStage.PLANS);

    assertThat(pi).isWaitingAt(TIMER_SEMESTER_ONE_OPENS);
    assertThat(job(pi).getDuedate())
        .isEqualTo(Date.from(window(SchoolStage.SELF_CHECK_1).opensAt()));
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  // --- helpers --------------------------------------------------------------------------------

  private ProcessInstance start(String school) {
    String id = cycles.startSchool(school, YEAR, "qaofficer").orElseThrow();
    assertThat(cycles.startSchool(school, YEAR, "qaofficer"))
        .as("never two cycles for one school and year")
        .isEmpty();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(school + "-" + YEAR);
    return pi;
  }

  private void walkToSarDraft(ProcessInstance pi, String school) {
    completeTask(pi, TASK_SET_STANDARDS, school, Groups.schoolQa(school), SchoolStage.STANDARDS);
    completeTask(
        pi,
        TASK_BOARD_ENDORSE_STANDARDS,
        school,
        Groups.schoolBoard(school),
        SchoolStage.STANDARDS_ENDORSEMENT,
        "endorsementDecision",
        "approve");
    walkFromAnnouncement(pi, school);
  }

  private void walkFromAnnouncement(ProcessInstance pi, String school) {
    completeTask(
        pi,
        TASK_ANNOUNCE_STANDARDS,
        school,
        Groups.schoolDirector(school),
        SchoolStage.STANDARDS_ANNOUNCEMENT);
    completeTask(pi, TASK_MAKE_PLANS, school, Groups.schoolQa(school), SchoolStage.PLANS);
    fireTimer(pi, TIMER_SEMESTER_ONE_OPENS, SchoolStage.SELF_CHECK_1);
    completeTask(
        pi,
        TASK_SELF_CHECK_SEMESTER_ONE,
        school,
        Groups.schoolQa(school),
        SchoolStage.SELF_CHECK_1);
    fireTimer(pi, TIMER_SEMESTER_TWO_OPENS, SchoolStage.SELF_CHECK_2);
    completeTask(
        pi,
        TASK_SELF_CHECK_SEMESTER_TWO,
        school,
        Groups.schoolQa(school),
        SchoolStage.SELF_CHECK_2);
    fireTimer(pi, TIMER_INTERNAL_ASSESSMENT_OPENS, SchoolStage.INTERNAL_ASSESSMENT);
    completeTask(
        pi,
        TASK_INTERNAL_ASSESSMENT,
        school,
        Groups.schoolQa(school),
        SchoolStage.INTERNAL_ASSESSMENT);
    clock(2027, 4, 1, 9, 0);
  }

  /** The timer waits for the stage to open; the clock moves there and the job fires. */
  private void fireTimer(ProcessInstance pi, String timerId, Stage stage) {
    assertThat(pi).isWaitingAt(timerId);
    Date opens = Date.from(window(stage).opensAt());
    assertThat(job(pi).getDuedate()).isEqualTo(opens);
    EngineTestClock.at(Date.from(opens.toInstant().plusSeconds(3600)));
    execute(job(pi));
  }

  /**
   * Checks the waiting task (candidate group, stage, and — when {@code stage} is given — the
   * calendar's due date for a first round), then completes it with the given variables.
   */
  private Task completeTask(
      ProcessInstance pi, String taskId, String school, String group, Stage stage, Object... vars) {
    assertThat(pi).isWaitingAt(taskId);
    Task task = task(pi);
    assertThat(task).hasDefinitionKey(taskId).hasCandidateGroup(group);
    assertThat(tasks.getVariable(task.getId(), ProcessVariables.SCHOOL_CODE)).isEqualTo(school);
    Object stageVar = tasks.getVariableLocal(task.getId(), ProcessVariables.STAGE);
    assertThat(stageVar).isNotNull();
    if (stage != null) {
      assertThat(stageVar).isEqualTo(stage.name());
      assertThat(task.getDueDate()).isEqualTo(Date.from(window(stage).dueAt()));
    }
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < vars.length; i += 2) {
      variables.put((String) vars[i], vars[i + 1]);
    }
    complete(task, variables);
    return task;
  }

  /**
   * After the submission the district reviews (SarReview, started by the message SarSubmitted)
   * while the school's publication is open: the cluster's supervisors advise, and the answer
   * (message SarReviewed) reaches the cycle.
   */
  private void acceptDistrictReview(ProcessInstance pi, String school, String cluster) {
    assertThat(pi).isWaitingAt(EVENT_SAR_REVIEWED, TASK_PUBLISH_SAR);
    Task review =
        tasks
            .createTaskQuery()
            .processDefinitionKey("SarReview")
            .processInstanceBusinessKey(school + "-" + YEAR)
            .singleResult();
    assertThat(review).isNotNull();
    assertThat(review).hasCandidateGroup(Groups.clusterSupervisor(cluster));
    complete(review, Map.of("reviewDecision", "advice", "reviewComments", "ข้อเสนอแนะ"));
    assertThat(runtime.getVariable(pi.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_ADVICE);
  }

  private long passed(ProcessInstance pi, String activityId) {
    return history
        .createHistoricActivityInstanceQuery()
        .processInstanceId(pi.getId())
        .activityId(activityId)
        .finished()
        .count();
  }

  private long finished(ProcessInstance pi, String taskId) {
    return history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(taskId)
        .finished()
        .count();
  }

  private static StageWindow window(Stage stage) {
    return new StageWindow(stage, stage.defaultOpens(YEAR), stage.defaultDue(YEAR));
  }

  private static void clock(int y, int m, int d, int h, int min) {
    EngineTestClock.at(LocalDateTime.of(y, m, d, h, min));
  }

  private static void clockPlusDays(int days) {
    EngineTestClock.at(Date.from(EngineTestClock.now().toInstant().plusSeconds(days * 86400L)));
  }
}
