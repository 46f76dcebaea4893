package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Groups;
import th.qaflow.support.ProcessTest;
import th.qaflow.synthesis.SarSynthesis;

/**
 * The district's review of a school's SAR, across the two processes with real messages: the
 * submission starts SarReview for the cluster's supervisors while the school publishes on its own
 * calendar (nothing waits for the district); the review ends in advice, or in a request to revise
 * that opens a revision round (redraft, director, board, resubmit, republish) once the SAR is
 * published; the cycle never ends with a review pending, and the publication is never born overdue.
 * Years 2720–2725.
 */
@ProcessTest
class SarReviewProcessTest {
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired SarSynthesis synthesis;
  SchoolWalker walker;

  @BeforeEach
  void setUp() {
    walker = new SchoolWalker(runtime, tasks, management);
    SchoolWalker.clock(2177, 5, 16);
  }

  @Test
  void revisionRequestedBeforePublicationThenRedraftedResubmittedAdvisedAndRepublished() {
    String school = "1099010001";
    int year = 2720;
    ProcessInstance cycle = start(school, year);
    walker.submit(cycle.getId());
    assertThat(synthesis.summary("1099", year).accepted())
        .as("submitted, not yet advised")
        .isZero();

    // the submission opened the district's review, and the school's publication beside it
    assertThat(walker.waitsForReview(cycle.getId())).isTrue();
    assertThat(cycle).isWaitingAt(EVENT_SAR_REVIEWED, TASK_PUBLISH_SAR);
    Task review = walker.review(school, year);
    assertThat(review).isNotNull();
    assertThat(review).hasCandidateGroup(Groups.clusterSupervisor("1099-C1"));
    assertThat(tasks.getVariableLocal(review.getId(), ProcessVariables.STAGE))
        .isEqualTo(DistrictStage.SAR_REVIEW.name());
    assertThat(tasks.getVariable(review.getId(), SarReviewProcess.VAR_ROUND)).isEqualTo(1);
    assertThat(tasks.getVariable(review.getId(), ProcessVariables.DISTRICT_CODE)).isEqualTo("1099");
    assertThat(review.getDueDate()).isEqualTo(fifteenWorkingDaysAfter(review.getCreateTime()));

    // the supervisor asks for a revision, with advice, before the school has published
    tasks.complete(
        review.getId(),
        Map.of(
            SarReviewProcess.VAR_REVIEW_DECISION,
            SarReviewProcess.DECISION_REVISE,
            SarReviewProcess.VAR_REVIEW_COMMENTS,
            "ขาดภาคผนวกผลการประเมินมาตรฐานที่ 2"));
    assertThat(cycle).isWaitingAt(TASK_PUBLISH_SAR);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_REVISE);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_COMMENTS))
        .isEqualTo("ขาดภาคผนวกผลการประเมินมาตรฐานที่ 2");

    // the school publishes its board-approved SAR, then the revision round opens
    walker.complete(cycle.getId(), TASK_PUBLISH_SAR, Map.of());
    assertThat(cycle).isWaitingAt(TASK_DRAFT_SAR);
    revisionRound(cycle.getId());
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .as("under review again")
        .isNull();
    assertThat(cycle).isWaitingAt(EVENT_SAR_REVIEWED, TASK_PUBLISH_SAR);
    assertThat(synthesis.summary("1099", year).accepted())
        .as("a SAR under revision is not counted")
        .isZero();

    Task second = walker.review(school, year);
    assertThat(second.getId()).isNotEqualTo(review.getId());
    assertThat(tasks.getVariable(second.getId(), SarReviewProcess.VAR_ROUND)).isEqualTo(2);
    advise(second);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_ADVICE);
    assertThat(cycle).as("the republication is still the school's").isWaitingAt(TASK_PUBLISH_SAR);
    assertThat(synthesis.summary("1099", year).accepted())
        .as("the district's synthesis counts it")
        .isEqualTo(1);
    walker.complete(cycle.getId(), TASK_PUBLISH_SAR, Map.of());
    assertThat(synthesis.summary("1099", year).accepted())
        .as("still counted once the cycle has ended")
        .isEqualTo(1);
    assertThat(cycle).isEnded().hasPassed(END_SAR_PUBLISHED);

    // the school went through its board twice and published twice; the district reviewed twice
    assertThat(finished(cycle.getId(), TASK_BOARD_APPROVE_SAR)).isEqualTo(2);
    assertThat(finished(cycle.getId(), TASK_PUBLISH_SAR)).isEqualTo(2);
    assertThat(reviews(school, year)).isEqualTo(2);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .activityId(SarReviewProcess.END_SAR_REVISION_REQUESTED)
                .processInstanceId(
                    history
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(SarReviewProcess.PROCESS_ID)
                        .processInstanceBusinessKey(school + "-" + year)
                        .orderByProcessInstanceStartTime()
                        .asc()
                        .list()
                        .get(0)
                        .getId())
                .count())
        .isEqualTo(1);
  }

  @Test
  void publishedBeforeTheAdviceAndTheCycleWaitsForTheReview() {
    String school = "1099010006"; // cluster 2
    int year = 2721;
    ProcessInstance cycle = start(school, year);
    walker.submit(cycle.getId());
    Task review = walker.review(school, year);
    assertThat(review).hasCandidateGroup(Groups.clusterSupervisor("1099-C2"));
    walker.complete(cycle.getId(), TASK_PUBLISH_SAR, Map.of());
    // published: the year's SAR is public, but the cycle does not end with a review pending
    assertThat(cycle).isNotEnded().isWaitingAt(EVENT_SAR_REVIEWED);
    advise(review);
    assertThat(cycle).isEnded().hasPassed(END_SAR_PUBLISHED);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(cycle.getId())
                .variableName(VAR_SAR_REVIEW_DECISION)
                .singleResult()
                .getValue())
        .isEqualTo(SAR_REVIEW_ADVICE);
    assertThat(finished(cycle.getId(), TASK_PUBLISH_SAR)).isEqualTo(1);
  }

  @Test
  void revisedTwiceEachRoundRepublished() {
    String school = "1099010002";
    int year = 2722;
    ProcessInstance cycle = start(school, year);
    walker.submit(cycle.getId());
    for (int round = 1; round <= 2; round++) {
      walker.complete(cycle.getId(), TASK_PUBLISH_SAR, Map.of());
      assertThat(cycle).isWaitingAt(EVENT_SAR_REVIEWED);
      Task review = walker.review(school, year);
      assertThat(tasks.getVariable(review.getId(), SarReviewProcess.VAR_ROUND)).isEqualTo(round);
      tasks.complete(
          review.getId(),
          Map.of(
              SarReviewProcess.VAR_REVIEW_DECISION,
              SarReviewProcess.DECISION_REVISE,
              SarReviewProcess.VAR_REVIEW_COMMENTS,
              "ปรับปรุงครั้งที่ " + round));
      assertThat(cycle).isWaitingAt(TASK_DRAFT_SAR);
      revisionRound(cycle.getId());
    }
    walker.complete(cycle.getId(), TASK_PUBLISH_SAR, Map.of());
    advise(walker.review(school, year));
    assertThat(cycle).isEnded();
    assertThat(finished(cycle.getId(), TASK_SUBMIT_SAR)).isEqualTo(3);
    assertThat(finished(cycle.getId(), TASK_PUBLISH_SAR)).isEqualTo(3);
    assertThat(reviews(school, year)).isEqualTo(3);
  }

  /**
   * Issue 13: publication used to wait up to the review period after a submission and was born
   * overdue (due on the calendar's 31 May). A late submission, and a republication in a revision
   * round after the deadline, now get the lead time from their creation.
   */
  @Test
  void publicationIsNeverBornOverdue() {
    String school = "1099010003";
    int year = 2723;
    ProcessInstance cycle = start(school, year);
    walker.walkTo(cycle.getId(), TASK_SUBMIT_SAR);
    // the school submits after the calendar's publication date (31 May)
    SchoolWalker.clock(year - 543 + 1, 6, 3);
    walker.complete(cycle.getId(), TASK_SUBMIT_SAR, Map.of());
    Task publish = openTask(cycle.getId(), TASK_PUBLISH_SAR);
    assertThat(publish.getDueDate()).isAfter(publish.getCreateTime());
    assertThat(publish.getDueDate())
        .isEqualTo(Date.from(publish.getCreateTime().toInstant().plus(Duration.ofDays(7))));

    // revise: the republication, weeks after the deadline, is not born overdue either
    Task review = walker.review(school, year);
    walker.complete(cycle.getId(), TASK_PUBLISH_SAR, Map.of());
    tasks.complete(
        review.getId(),
        Map.of(
            SarReviewProcess.VAR_REVIEW_DECISION,
            SarReviewProcess.DECISION_REVISE,
            SarReviewProcess.VAR_REVIEW_COMMENTS,
            "ปรับปรุง"));
    SchoolWalker.clock(year - 543 + 1, 6, 24);
    revisionRound(cycle.getId());
    Task republish = openTask(cycle.getId(), TASK_PUBLISH_SAR);
    assertThat(republish.getDueDate()).isAfter(republish.getCreateTime());

    // on time, the calendar's date stands
    ProcessInstance onTime = start("1099010004", year);
    walker.walkTo(onTime.getId(), TASK_SUBMIT_SAR);
    SchoolWalker.clock(year - 543 + 1, 5, 2);
    walker.complete(onTime.getId(), TASK_SUBMIT_SAR, Map.of());
    Task onTimePublish = openTask(onTime.getId(), TASK_PUBLISH_SAR);
    assertThat(onTimePublish.getDueDate().toInstant().atZone(AcademicYears.ZONE).toLocalDate())
        .isEqualTo(LocalDate.of(year - 543 + 1, 5, 31));
  }

  /** The school's revision round: redraft, director, board, resubmit. */
  private void revisionRound(String cycleId) {
    walker.complete(cycleId, TASK_DRAFT_SAR, Map.of());
    walker.complete(cycleId, TASK_DIRECTOR_REVIEW_SAR, Map.of("directorDecision", "toBoard"));
    walker.complete(cycleId, TASK_BOARD_APPROVE_SAR, Map.of("boardDecision", "approve"));
    walker.complete(cycleId, TASK_SUBMIT_SAR, Map.of());
  }

  private void advise(Task review) {
    tasks.complete(
        review.getId(),
        Map.of(
            SarReviewProcess.VAR_REVIEW_DECISION,
            SarReviewProcess.DECISION_ADVICE,
            SarReviewProcess.VAR_REVIEW_COMMENTS,
            "ควรเพิ่มหลักฐานเชิงประจักษ์"));
  }

  private Task openTask(String cycleId, String key) {
    return tasks.createTaskQuery().processInstanceId(cycleId).taskDefinitionKey(key).singleResult();
  }

  private long finished(String cycleId, String key) {
    return history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(cycleId)
        .taskDefinitionKey(key)
        .finished()
        .count();
  }

  private long reviews(String school, int year) {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(SarReviewProcess.PROCESS_ID)
        .processInstanceBusinessKey(school + "-" + year)
        .finished()
        .count();
  }

  private ProcessInstance start(String school, int year) {
    String id = cycles.startSchool(school, year, "qaofficer").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /**
   * 15 working days (Mon–Fri, no holidays configured) after the day of the submission, end of day.
   */
  static Date fifteenWorkingDaysAfter(Date submitted) {
    return workingDaysAfter(submitted, 15);
  }

  /** {@code days} working days (Mon–Fri, no holidays configured) after the day, end of day. */
  static Date workingDaysAfter(Date submitted, int days) {
    LocalDate day = submitted.toInstant().atZone(AcademicYears.ZONE).toLocalDate();
    int n = 0;
    while (n < days) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        n++;
      }
    }
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(AcademicYears.ZONE).toInstant());
  }
}
