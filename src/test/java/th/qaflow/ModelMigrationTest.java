package th.qaflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.cycle.CycleService;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ModelVersions;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.synthesis.SarSynthesis;

/**
 * Running instances of the models as they were before the explicit merge gateways (version 1, kept
 * from git in src/test/resources/model-history/v1) move to the current models with Camunda's
 * migration API: every state an instance can wait in maps onto the same activity, the new model
 * only adds merge gateways, and a school's cycle migrated mid-way runs on through them. Instances
 * of version 2 (model-history/v2, before the SAR contract and the bean districtCycleSteps) run to
 * their end as they are, or migrate to version 3. docs/model-changes.md says how operators do it.
 */
@ProcessTest
class ModelMigrationTest {
  static final int YEAR = 2845;
  static final List<String> PROCESSES =
      List.of(
          "SchoolQaCycle",
          "DistrictQaCycle",
          "SarReview",
          "DistrictVisit",
          "ExternalAssessment",
          "ExternalAssessmentSchool");

  static final Set<String> SAR_MODELS = Set.of("SchoolQaCycle", "SarReview");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired CycleService cycles;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired DistrictCycles districtCycles;
  @Autowired SarSynthesis synthesis;

  @BeforeEach
  void setUp() {
    EngineTestClock.at(LocalDateTime.of(YEAR - 543, 5, 16, 8, 0));
  }

  /**
   * The plan QA Flow uses (docs/model-changes.md): same ids map, timers and message waits kept as
   * they are.
   */
  MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
    return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
  }

  @Test
  void everyStateOfVersionOneMapsOntoTheCurrentModel() throws IOException {
    for (String process : PROCESSES) {
      ProcessDefinition v1 = deploy(process, "model-history/v1/" + process + ".bpmn");
      // the SAR's models changed again with issue 13 (version 4, see its own test below): version
      // 1 is checked against the last model that only added merges
      String target =
          SAR_MODELS.contains(process)
              ? "model-history/v3/" + process + ".bpmn"
              : "bpmn/" + process + ".bpmn";
      ProcessDefinition current = deploy(process, target);
      assertThat(current.getVersion()).isGreaterThan(v1.getVersion());

      BpmnModelInstance oldModel = repository.getBpmnModelInstance(v1.getId());
      BpmnModelInstance newModel = repository.getBpmnModelInstance(current.getId());
      Set<String> oldIds = ModelVersions.ids(oldModel);
      Set<String> added = new TreeSet<>(ModelVersions.ids(newModel));
      added.removeAll(oldIds);
      assertThat(ModelVersions.ids(newModel))
          .as(process + " keeps every activity")
          .containsAll(oldIds);
      for (String id : added) {
        FlowNode node = newModel.getModelElementById(id);
        assertThat(node)
            .as(process + " adds only exclusive merges: " + id)
            .isInstanceOf(ExclusiveGateway.class);
        assertThat(node.getOutgoing()).as(id + " merges").hasSize(1);
        assertThat(id).matches("Gateway_\\w+Merge");
      }

      Set<String> mapped =
          plan(v1, current).getInstructions().stream()
              .map(MigrationInstruction::getSourceActivityId)
              .collect(Collectors.toSet());
      Set<String> waitStates =
          oldModel.getModelElementsByType(FlowNode.class).stream()
              .filter(ModelVersions::canWait)
              .map(FlowNode::getId)
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(waitStates).as(process).isNotEmpty();
      assertThat(mapped)
          .as(process + ": every state an instance can wait in is mapped")
          .containsAll(waitStates);
    }
    for (String process : SAR_MODELS) {
      deploy(process, "bpmn/" + process + ".bpmn"); // the engine's other tests run the current
    }
  }

  @Test
  void aRunningSchoolCycleMovesToTheNewModelAndRunsThroughItsMerges() throws IOException {
    ProcessDefinition v1 = deploy(PROCESS_ID, "model-history/v1/SchoolQaCycle.bpmn");
    ProcessDefinition current;
    ProcessInstance atStandards;
    ProcessInstance atTimer;
    try {
      // started while version 1 is the deployed model: one at its first task, one waiting for
      // semester 1
      atStandards = start("1099010001");
      atTimer = start("1099010002");
      completeTask(atTimer, TASK_SET_STANDARDS);
      completeTask(atTimer, TASK_BOARD_ENDORSE_STANDARDS, "endorsementDecision", "approve");
      completeTask(atTimer, TASK_ANNOUNCE_STANDARDS);
      completeTask(atTimer, TASK_MAKE_PLANS);
      assertThat(atTimer).isWaitingAt(TIMER_SEMESTER_ONE_OPENS);
    } finally {
      current = deploy(PROCESS_ID, "bpmn/SchoolQaCycle.bpmn");
    }
    assertThat(atStandards.getProcessDefinitionId()).isEqualTo(v1.getId());
    String standardsTask = task(atStandards).getId();
    Job timer = job(atTimer);
    assertThat(timer).isNotNull();

    runtime
        .newMigration(plan(v1, current))
        .processInstanceIds(atStandards.getId(), atTimer.getId())
        .execute();

    for (ProcessInstance pi : List.of(atStandards, atTimer)) {
      assertThat(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(pi.getId())
                  .singleResult()
                  .getProcessDefinitionId())
          .isEqualTo(current.getId());
    }
    // the open task and the pending timer are the same ones, now on the new version
    Task migrated = task(atStandards);
    assertThat(migrated.getId()).isEqualTo(standardsTask);
    assertThat(migrated.getProcessDefinitionId()).isEqualTo(current.getId());
    Job migratedTimer = job(atTimer);
    assertThat(migratedTimer.getId()).isEqualTo(timer.getId());
    assertThat(migratedTimer.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(migratedTimer.getProcessDefinitionId()).isEqualTo(current.getId());

    // the board returns the standards: the new merge gateway takes the cycle back to the first task
    completeTask(atStandards, TASK_SET_STANDARDS);
    completeTask(atStandards, TASK_BOARD_ENDORSE_STANDARDS, "endorsementDecision", "return");
    assertThat(atStandards).hasPassed(GATEWAY_SET_STANDARDS_MERGE).isWaitingAt(TASK_SET_STANDARDS);
    completeTask(atStandards, TASK_SET_STANDARDS);
    completeTask(atStandards, TASK_BOARD_ENDORSE_STANDARDS, "endorsementDecision", "approve");
    assertThat(atStandards).isWaitingAt(TASK_ANNOUNCE_STANDARDS);

    // the kept timer fires on the new version
    EngineTestClock.at(new Date(migratedTimer.getDuedate().getTime() + 60_000));
    execute(migratedTimer);
    assertThat(atTimer).isWaitingAt(TASK_SELF_CHECK_SEMESTER_ONE);
  }

  // --- version 4 (issue 13): publication no longer waits for the district's review, which
  // advises or asks for a revision round. Years 2846–2847.

  static Map<String, Object> advice() {
    return Map.of(
        SarReviewProcess.VAR_REVIEW_DECISION,
        SarReviewProcess.DECISION_ADVICE,
        SarReviewProcess.VAR_REVIEW_COMMENTS,
        "ข้อเสนอแนะ");
  }

  @Test
  void version4AddsOnlyTheParallelSplitAndJoinAndEveryOldStateMaps() throws IOException {
    ProcessDefinition v3 = deploy(PROCESS_ID, "model-history/v3/SchoolQaCycle.bpmn");
    ProcessDefinition v4 = deploy(PROCESS_ID, "bpmn/SchoolQaCycle.bpmn");
    Set<String> added =
        new TreeSet<>(ModelVersions.ids(repository.getBpmnModelInstance(v4.getId())));
    added.removeAll(ModelVersions.ids(repository.getBpmnModelInstance(v3.getId())));
    assertThat(added).containsExactly(GATEWAY_PUBLISH_AND_REVIEW, GATEWAY_PUBLISHED_AND_REVIEWED);
    assertThat(ModelVersions.ids(repository.getBpmnModelInstance(v4.getId())))
        .containsAll(ModelVersions.ids(repository.getBpmnModelInstance(v3.getId())));
    assertEveryWaitStateMaps(v3, v4);
    ProcessDefinition r1 = deploy(SarReviewProcess.PROCESS_ID, "model-history/v3/SarReview.bpmn");
    ProcessDefinition r2 = deploy(SarReviewProcess.PROCESS_ID, "bpmn/SarReview.bpmn");
    assertEveryWaitStateMaps(r1, r2);
  }

  /**
   * The operator's steps of docs/model-changes.md (version 4): the same-id plan, then for a cycle
   * that waited for the review its publication is started, and for a cycle the district had
   * accepted (waiting to publish) the review's branch is marked done with its answer as advice.
   */
  @Test
  void runningCyclesOfVersionThreeMoveToVersionFourAndFinish() throws IOException {
    int year = 2846;
    clock(year);
    ProcessDefinition v3 = deploy(PROCESS_ID, "model-history/v3/SchoolQaCycle.bpmn");
    ProcessDefinition oldReview =
        deploy(SarReviewProcess.PROCESS_ID, "model-history/v3/SarReview.bpmn");
    ProcessDefinition v4;
    ProcessDefinition newReview;
    ProcessInstance waiting;
    ProcessInstance accepted;
    Task openReview;
    try {
      waiting = start("1099010001", year);
      accepted = start("1099010002", year);
      for (ProcessInstance pi : List.of(waiting, accepted)) {
        walkTo(pi, TASK_SUBMIT_SAR);
        completeTask(pi, TASK_SUBMIT_SAR);
        assertThat(pi).isWaitingAt(EVENT_SAR_REVIEWED);
      }
      // the old review form's answer
      taskService.complete(
          review("1099010002", year).getId(),
          Map.of(SarReviewProcess.VAR_REVIEW_DECISION, SarReviewProcess.DECISION_ACCEPT));
      assertThat(accepted).isWaitingAt(TASK_PUBLISH_SAR);
      openReview = review("1099010001", year);
      assertThat(openReview.getProcessDefinitionId()).isEqualTo(oldReview.getId());
    } finally {
      v4 = deploy(PROCESS_ID, "bpmn/SchoolQaCycle.bpmn");
      newReview = deploy(SarReviewProcess.PROCESS_ID, "bpmn/SarReview.bpmn");
    }
    String publishTask = task(accepted).getId();

    runtime
        .newMigration(plan(v3, v4))
        .processInstanceIds(waiting.getId(), accepted.getId())
        .execute();
    runtime
        .newMigration(plan(oldReview, newReview))
        .processInstanceIds(openReview.getProcessInstanceId())
        .execute();
    // the cycle that waited for the review publishes now, beside it
    runtime
        .createProcessInstanceModification(waiting.getId())
        .startBeforeActivity(TASK_PUBLISH_SAR)
        .execute();
    // the accepted one: its answer becomes advice and the review's branch has arrived
    runtime.setVariable(accepted.getId(), VAR_SAR_REVIEW_DECISION, SAR_REVIEW_ADVICE);
    runtime
        .createProcessInstanceModification(accepted.getId())
        .startBeforeActivity(GATEWAY_PUBLISHED_AND_REVIEWED)
        .execute();

    assertThat(task(accepted).getId()).as("the same open task").isEqualTo(publishTask);
    completeTask(accepted, TASK_PUBLISH_SAR);
    assertThat(accepted).isEnded().hasPassed(END_SAR_PUBLISHED);

    assertThat(waiting).isWaitingAt(EVENT_SAR_REVIEWED, TASK_PUBLISH_SAR);
    assertThat(
            taskService
                .createTaskQuery()
                .taskId(openReview.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(newReview.getId());
    completeTask(waiting, TASK_PUBLISH_SAR);
    assertThat(waiting).isNotEnded().isWaitingAt(EVENT_SAR_REVIEWED);
    taskService.complete(openReview.getId(), advice());
    assertThat(waiting).isEnded().hasPassed(END_SAR_PUBLISHED);
    for (ProcessInstance pi : List.of(waiting, accepted)) {
      assertThat(
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processInstanceId(pi.getId())
                  .singleResult()
                  .getProcessDefinitionId())
          .isEqualTo(v4.getId());
    }
    assertThat(synthesis.summary("1099", year).accepted()).isEqualTo(2);
  }

  // --- version 3: the SAR contract (SarSubmitted, SchoolCycles.answerSarReview) and the bean
  // districtCycleSteps.
  // Instances started on version 2 (kept from git in model-history/v2) still call
  // ${districtSarReviews.submitted}
  // and ${districtCycles.…}: they run on as they are, or migrate. Years 2856–2859.

  @Test
  void aSchoolCycleStartedOnVersionTwoStillSubmitsIsReviewedTwiceAndEnds() throws IOException {
    int year = 2856;
    String school = "1099010004";
    clock(year);
    ProcessDefinition v2 = deploy(PROCESS_ID, "model-history/v2/SchoolQaCycle.bpmn");
    ProcessInstance cycle;
    try {
      cycle = start(school, year);
    } finally {
      deploy(PROCESS_ID, "bpmn/SchoolQaCycle.bpmn");
    }
    assertThat(cycle.getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(expressionOf(v2, EVENT_SAR_SUBMITTED))
        .isEqualTo("${districtSarReviews.submitted(execution)}");

    walkTo(cycle, TASK_SUBMIT_SAR);
    completeTask(cycle, TASK_SUBMIT_SAR);
    assertThat(cycle).hasPassed(EVENT_SAR_SUBMITTED).isWaitingAt(EVENT_SAR_REVIEWED);
    Task review = review(school, year);
    assertThat(review).hasCandidateGroup(Groups.clusterSupervisor("1099-C1"));
    assertThat(taskService.getVariable(review.getId(), SarReviewProcess.VAR_SCHOOL_CYCLE_ID))
        .isEqualTo(cycle.getId());
    taskService.complete(
        review.getId(),
        Map.of(
            SarReviewProcess.VAR_REVIEW_DECISION,
            SarReviewProcess.DECISION_REVISE,
            SarReviewProcess.VAR_REVIEW_COMMENTS,
            "ขาดภาคผนวก"));
    // the old model still reads the old values: a request to revise is its return
    assertThat(cycle).isWaitingAt(TASK_DRAFT_SAR);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_RETURNED);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_COMMENTS)).isEqualTo("ขาดภาคผนวก");

    walkTo(cycle, TASK_SUBMIT_SAR);
    completeTask(cycle, TASK_SUBMIT_SAR);
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .as("under review again")
        .isNull();
    Task second = review(school, year);
    assertThat(taskService.getVariable(second.getId(), SarReviewProcess.VAR_ROUND)).isEqualTo(2);
    taskService.complete(second.getId(), advice());
    assertThat(cycle).isWaitingAt(TASK_PUBLISH_SAR);
    assertThat(synthesis.summary("1099", year).accepted()).isEqualTo(1);
    completeTask(cycle, TASK_PUBLISH_SAR);
    assertThat(cycle).isEnded().hasPassed(END_SAR_PUBLISHED);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(cycle.getId())
                .singleResult()
                .getProcessDefinitionId())
        .as("ran on version 2 to its end")
        .isEqualTo(v2.getId());
  }

  @Test
  void aSchoolCycleOfVersionTwoMigratesToVersionThreeAndSubmitsThroughTheContract()
      throws IOException {
    int year = 2857;
    String school = "1099010005";
    clock(year);
    ProcessDefinition v2 = deploy(PROCESS_ID, "model-history/v2/SchoolQaCycle.bpmn");
    ProcessDefinition current;
    ProcessInstance cycle;
    try {
      cycle = start(school, year);
    } finally {
      current = deploy(PROCESS_ID, "bpmn/SchoolQaCycle.bpmn");
    }
    assertThat(expressionOf(current, EVENT_SAR_SUBMITTED))
        .isEqualTo("${sarSubmissions.publish(execution)}");
    assertEveryWaitStateMaps(v2, current);
    walkTo(cycle, TASK_SUBMIT_SAR);
    String submitTask = task(cycle).getId();

    runtime.newMigration(plan(v2, current)).processInstanceIds(cycle.getId()).execute();
    assertThat(task(cycle).getId()).isEqualTo(submitTask);
    assertThat(task(cycle).getProcessDefinitionId()).isEqualTo(current.getId());

    completeTask(cycle, TASK_SUBMIT_SAR);
    Task review = review(school, year);
    assertThat(review).hasCandidateGroup(Groups.clusterSupervisor("1099-C2"));
    taskService.complete(review.getId(), advice());
    assertThat(runtime.getVariable(cycle.getId(), VAR_SAR_REVIEW_DECISION))
        .isEqualTo(SAR_REVIEW_ADVICE);
    completeTask(cycle, TASK_PUBLISH_SAR);
    assertThat(cycle).isEnded();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(cycle.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(current.getId());
  }

  @Test
  void aDistrictCycleStartedOnVersionTwoRunsToItsEndOnTheOldBeanName() throws IOException {
    int year = 2858;
    clock(year);
    ProcessDefinition v2 =
        deploy(DistrictQaCycleProcess.PROCESS_ID, "model-history/v2/DistrictQaCycle.bpmn");
    ProcessInstance pi;
    try {
      pi =
          runtime
              .createProcessInstanceQuery()
              .processInstanceId(districtCycles.start("1099", year, "qaofficer").orElseThrow())
              .singleResult();
    } finally {
      deploy(DistrictQaCycleProcess.PROCESS_ID, "bpmn/DistrictQaCycle.bpmn");
    }
    assertThat(pi.getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(expressionOf(v2, DistrictQaCycleProcess.TASK_START_SCHOOL_CYCLES))
        .isEqualTo("${districtCycles.startSchoolCycles(execution)}");

    completeTask(pi, DistrictQaCycleProcess.TASK_PUBLISH_GUIDANCE);
    assertThat(runtime.getVariable(pi.getId(), DistrictQaCycleProcess.VAR_SCHOOL_CYCLES_STARTED))
        .isEqualTo(8);
    completeTask(pi, DistrictQaCycleProcess.TASK_APPOINT_COMMITTEE);
    completeTask(pi, DistrictQaCycleProcess.TASK_REPORT_LAST_YEAR);
    completeTask(pi, DistrictQaCycleProcess.TASK_RUN_VISIT_ROUNDS);
    assertThat(pi).isWaitingAt(DistrictQaCycleProcess.TIMER_SAR_DEADLINE);
    Job deadline = job(pi);
    ClockUtil.setCurrentTime(new Date(deadline.getDuedate().getTime() + 3_600_000));
    execute(deadline);
    assertThat(runtime.getVariable(pi.getId(), DistrictQaCycleProcess.VAR_MISSING_SAR_COUNT))
        .isEqualTo(8);
    completeTask(pi, DistrictQaCycleProcess.TASK_CHASE_MISSING_SARS);
    completeTask(pi, DistrictQaCycleProcess.TASK_CONFIRM_REVIEWS_DONE);
    completeTask(pi, DistrictQaCycleProcess.TASK_SYNTHESISE_SARS, "synthesisOverview", "ภาพรวม");
    taskService.setAssignee(task(pi).getId(), "supdirector");
    completeTask(
        pi,
        DistrictQaCycleProcess.TASK_APPROVE_SYNTHESIS,
        DistrictQaCycleProcess.VAR_SYNTHESIS_DECISION,
        "approve");
    assertThat(runtime.getVariable(pi.getId(), DistrictQaCycleProcess.VAR_SYNTHESIS_DECIDED_BY))
        .isEqualTo("supdirector");
    completeTask(pi, DistrictQaCycleProcess.TASK_REPORT_SYNTHESIS);
    assertThat(synthesis.published("1099", year))
        .as("published by the old model's service task")
        .isPresent();
    completeTask(pi, DistrictQaCycleProcess.TASK_SELECT_GOOD_PRACTICES);
    assertThat(pi).isEnded().hasPassed(DistrictQaCycleProcess.END_DISTRICT_YEAR_DONE);
  }

  @Test
  void aDistrictCycleOfVersionTwoMigratesToVersionThree() throws IOException {
    int year = 2859;
    clock(year);
    ProcessDefinition v2 =
        deploy(DistrictQaCycleProcess.PROCESS_ID, "model-history/v2/DistrictQaCycle.bpmn");
    ProcessDefinition current;
    ProcessInstance pi;
    try {
      pi =
          runtime
              .createProcessInstanceQuery()
              .processInstanceId(districtCycles.start("1099", year, "qaofficer").orElseThrow())
              .singleResult();
    } finally {
      current = deploy(DistrictQaCycleProcess.PROCESS_ID, "bpmn/DistrictQaCycle.bpmn");
    }
    assertThat(expressionOf(current, DistrictQaCycleProcess.TASK_START_SCHOOL_CYCLES))
        .isEqualTo("${districtCycleSteps.startSchoolCycles(execution)}");
    assertEveryStateMaps(v2, current);
    runtime.newMigration(plan(v2, current)).processInstanceIds(pi.getId()).execute();
    completeTask(pi, DistrictQaCycleProcess.TASK_PUBLISH_GUIDANCE);
    assertThat(runtime.getVariable(pi.getId(), DistrictQaCycleProcess.VAR_SCHOOL_CYCLES_STARTED))
        .isEqualTo(8);
    assertThat(pi).isWaitingAt(DistrictQaCycleProcess.TASK_APPOINT_COMMITTEE);
    assertThat(task(pi).getProcessDefinitionId()).isEqualTo(current.getId());
  }

  /**
   * Version 3 changes expressions only: the same activities, and every state an instance can wait
   * in maps.
   */
  ProcessDefinition deploy(String process, String bpmn) throws IOException {
    return ModelVersions.deploy(repository, process, bpmn, "ModelMigrationTest");
  }

  void assertEveryWaitStateMaps(ProcessDefinition from, ProcessDefinition to) {
    ModelVersions.assertEveryWaitStateMaps(repository, runtime, from, to);
  }

  void assertEveryStateMaps(ProcessDefinition from, ProcessDefinition to) {
    BpmnModelInstance oldModel = repository.getBpmnModelInstance(from.getId());
    assertThat(ModelVersions.ids(repository.getBpmnModelInstance(to.getId())))
        .isEqualTo(ModelVersions.ids(oldModel));
    assertEveryWaitStateMaps(from, to);
  }

  /** The expression a model's service task or message throw event calls. */
  String expressionOf(ProcessDefinition definition, String activityId) {
    FlowNode node =
        repository.getBpmnModelInstance(definition.getId()).getModelElementById(activityId);
    if (node instanceof ServiceTask task) {
      return task.getCamundaExpression();
    }
    return node.getChildElementsByType(MessageEventDefinition.class)
        .iterator()
        .next()
        .getCamundaExpression();
  }

  /** The open SarReview task of a school's submission. */
  Task review(String school, int year) {
    Task review =
        taskService
            .createTaskQuery()
            .processDefinitionKey(SarReviewProcess.PROCESS_ID)
            .processInstanceBusinessKey(businessKey(school, year))
            .singleResult();
    assertThat(review).as("a review of " + school + "'s SAR").isNotNull();
    return review;
  }

  /**
   * Completes the school cycle's tasks (approving where asked) and fires its stage timers until
   * {@code stopAt}.
   */
  void walkTo(ProcessInstance pi, String stopAt) {
    for (int step = 0; step < 30; step++) {
      Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      if (task == null) {
        Job timer = job(pi);
        ClockUtil.setCurrentTime(
            new Date(
                Math.max(timer.getDuedate().getTime(), ClockUtil.getCurrentTime().getTime())
                    + 3_600_000));
        execute(timer);
        continue;
      }
      if (task.getTaskDefinitionKey().equals(stopAt)) {
        return;
      }
      taskService.complete(task.getId(), ProcessDriver.SCHOOL_CYCLE_APPROVALS);
    }
    throw new AssertionError("did not reach " + stopAt);
  }

  static void clock(int year) {
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDateTime.of(year - 543, 5, 16, 9, 0).atZone(AcademicYears.ZONE).toInstant()));
  }

  private ProcessInstance start(String school) {
    return start(school, YEAR);
  }

  private ProcessInstance start(String school, int year) {
    String id = cycles.startSchool(school, year, "qaofficer").orElseThrow();
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private void completeTask(ProcessInstance pi, String taskKey, Object... vars) {
    assertThat(pi).isWaitingAt(taskKey);
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < vars.length; i += 2) {
      variables.put((String) vars[i], vars[i + 1]);
    }
    complete(task(pi), variables);
  }
}
