package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.DayOfWeek;
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
 * submission starts SarReview for the cluster's supervisors, a return sends the school back to
 * redraft through its director and board, the resubmission is reviewed again and accepted (and only
 * then counted by the district's synthesis), and the school's cycle publishes. Years 2720–2725.
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
  void returnedRedraftedThroughTheBoardResubmittedAndAccepted() {
    String school = "1099010001";
    int year = 2720;
    ProcessInstance cycle = start(school, year);
    walker.submit(cycle.getId());
    assertThat(synthesis.summary("1099", year).accepted())
        .as("submitted, not yet accepted")
        .isZero();

    // the submission opened the district's review; the school waits for it
    assertThat(walker.waitsForReview(cycle.getId())).isTrue();
    assertThat(cycle).isWaitingAt(EVENT_SAR_REVIEWED);
    Task review = walker.review(school, year);
    assertThat(review).isNotNull();
    assertThat(review).hasCandidateGroup(Groups.clusterSupervisor("1099-C1"));
    assertThat(tasks.getVariableLocal(review.getId(), ProcessVariables.STAGE))
        .isEqualTo(DistrictStage.SAR_REVIEW.name());
    assertThat(tasks.getVariable(review.getId(), SarReviewProcess.VAR_ROUND)).isEqualTo(1);
    assertThat(tasks.getVariable(review.getId(), ProcessVariables.DISTRICT_CODE)).isEqualTo("1099");
    assertThat(review.getDueDate()).isEqualTo(fifteenWorkingDaysAfter(review.getCreateTime()));

    // the supervisor returns it with comments
    tasks.complete(
        review.getId(),
        Map.of(
            SarReviewProcess.VAR_REVIEW_DECISION,
            "return",
            SarReviewProcess.VAR_REVIEW_COMMENTS,
            "ขาดภาคผนวกผลการประเมินมาตรฐานที่ 2"));
    assertThat(cycle).isWaitingAt(TASK_DRAFT_SAR);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_RETURNED);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_COMMENTS))
        .isEqualTo("ขาดภาคผนวกผลการประเมินมาตรฐานที่ 2");

    // the school redrafts, its director and board see it again, and it resubmits
    walker.complete(cycle.getId(), TASK_DRAFT_SAR, Map.of());
    walker.complete(cycle.getId(), TASK_DIRECTOR_REVIEW_SAR, Map.of("directorDecision", "toBoard"));
    walker.complete(cycle.getId(), TASK_BOARD_APPROVE_SAR, Map.of("boardDecision", "approve"));
    walker.complete(cycle.getId(), TASK_SUBMIT_SAR, Map.of());
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .as("under review again")
        .isNull();
    assertThat(synthesis.summary("1099", year).accepted())
        .as("a returned SAR is not counted")
        .isZero();

    Task second = walker.review(school, year);
    assertThat(second.getId()).isNotEqualTo(review.getId());
    assertThat(tasks.getVariable(second.getId(), SarReviewProcess.VAR_ROUND)).isEqualTo(2);
    tasks.complete(second.getId(), Map.of(SarReviewProcess.VAR_REVIEW_DECISION, "accept"));

    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_ACCEPTED);
    assertThat(cycle).isWaitingAt(TASK_PUBLISH_SAR);
    assertThat(synthesis.summary("1099", year).accepted())
        .as("the district's synthesis counts it")
        .isEqualTo(1);
    walker.complete(cycle.getId(), TASK_PUBLISH_SAR, Map.of());
    assertThat(synthesis.summary("1099", year).accepted())
        .as("still counted once the cycle has ended")
        .isEqualTo(1);
    assertThat(cycle).isEnded().hasPassed(END_SAR_PUBLISHED);
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(cycle.getId())
                .variableName(VAR_SAR_REVIEW_DECISION)
                .singleResult()
                .getValue())
        .isEqualTo(SAR_REVIEW_ACCEPTED);

    // the school went through its board twice, and the district reviewed twice
    assertThat(
            history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(cycle.getId())
                .taskDefinitionKey(TASK_BOARD_APPROVE_SAR)
                .finished()
                .count())
        .isEqualTo(2);
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(SarReviewProcess.PROCESS_ID)
                .processInstanceBusinessKey(school + "-" + year)
                .finished()
                .count())
        .isEqualTo(2);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .activityId(SarReviewProcess.END_SAR_RETURNED)
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
  void acceptedFirstTimeWithoutADistrictCycle() {
    String school = "1099010006"; // cluster 2
    int year = 2721;
    ProcessInstance cycle = start(school, year);
    walker.submit(cycle.getId());
    Task review = walker.review(school, year);
    assertThat(review).hasCandidateGroup(Groups.clusterSupervisor("1099-C2"));
    tasks.complete(review.getId(), Map.of(SarReviewProcess.VAR_REVIEW_DECISION, "accept"));
    assertThat(cycle).isWaitingAt(TASK_PUBLISH_SAR);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_ACCEPTED);
  }

  private ProcessInstance start(String school, int year) {
    String id = cycles.startSchool(school, year, "qaofficer").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /**
   * 15 working days (Mon–Fri, no holidays configured) after the day of the submission, end of day.
   */
  static Date fifteenWorkingDaysAfter(Date submitted) {
    LocalDate day = submitted.toInstant().atZone(AcademicYears.ZONE).toLocalDate();
    int n = 0;
    while (n < 15) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        n++;
      }
    }
    return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(AcademicYears.ZONE).toInstant());
  }
}
