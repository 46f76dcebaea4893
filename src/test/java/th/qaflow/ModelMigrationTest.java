package th.qaflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import th.qaflow.cycle.CycleService;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;

/**
 * Running instances of the models as they were before the explicit merge gateways (version 1, kept
 * from git in src/test/resources/model-history/v1) move to the current models with Camunda's
 * migration API: every state an instance can wait in maps onto the same activity, the new model
 * only adds merge gateways, and a school's cycle migrated mid-way runs on through them.
 * docs/model-changes.md says how operators do it.
 */
@ProcessTest
class ModelMigrationTest {
  static final int YEAR = 2845;
  static final List<String> PROCESSES = List.of("SchoolQaCycle", "DistrictQaCycle", "SarReview", "DistrictVisit",
      "ExternalAssessment", "ExternalAssessmentSchool");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired CycleService cycles;

  @BeforeEach
  void setUp() {
    EngineTestClock.at(LocalDateTime.of(YEAR - 543, 5, 16, 8, 0));
  }

  /** The plan QA Flow uses (docs/model-changes.md): same ids map, timers and message waits kept as they are. */
  MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
    return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
  }

  @Test
  void everyStateOfVersionOneMapsOntoTheCurrentModel() throws IOException {
    for (String process : PROCESSES) {
      ProcessDefinition v1 = deploy(process, "model-history/v1/" + process + ".bpmn");
      ProcessDefinition current = deploy(process, "bpmn/" + process + ".bpmn");
      assertThat(current.getVersion()).isGreaterThan(v1.getVersion());

      BpmnModelInstance oldModel = repository.getBpmnModelInstance(v1.getId());
      BpmnModelInstance newModel = repository.getBpmnModelInstance(current.getId());
      Set<String> oldIds = ids(oldModel);
      Set<String> added = new TreeSet<>(ids(newModel));
      added.removeAll(oldIds);
      assertThat(ids(newModel)).as(process + " keeps every activity").containsAll(oldIds);
      for (String id : added) {
        FlowNode node = newModel.getModelElementById(id);
        assertThat(node).as(process + " adds only exclusive merges: " + id).isInstanceOf(ExclusiveGateway.class);
        assertThat(node.getOutgoing()).as(id + " merges").hasSize(1);
        assertThat(id).matches("Gateway_\\w+Merge");
      }

      Set<String> mapped = plan(v1, current).getInstructions().stream()
          .map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
      Set<String> waitStates = oldModel.getModelElementsByType(FlowNode.class).stream()
          .filter(ModelMigrationTest::canWait).map(FlowNode::getId).collect(Collectors.toCollection(TreeSet::new));
      assertThat(waitStates).as(process).isNotEmpty();
      assertThat(mapped).as(process + ": every state an instance can wait in is mapped").containsAll(waitStates);
    }
  }

  @Test
  void aRunningSchoolCycleMovesToTheNewModelAndRunsThroughItsMerges() throws IOException {
    ProcessDefinition v1 = deploy(PROCESS_ID, "model-history/v1/SchoolQaCycle.bpmn");
    ProcessDefinition current;
    ProcessInstance atStandards;
    ProcessInstance atTimer;
    try {
      // started while version 1 is the deployed model: one at its first task, one waiting for semester 1
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

    runtime.newMigration(plan(v1, current)).processInstanceIds(atStandards.getId(), atTimer.getId()).execute();

    for (ProcessInstance pi : List.of(atStandards, atTimer)) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId())
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

  /** Where an instance of a model can rest between transactions. */
  static boolean canWait(FlowNode node) {
    if (node instanceof StartEvent) {
      return false;
    }
    if (node instanceof CatchEvent || node instanceof UserTask || node instanceof SubProcess
        || node instanceof CallActivity || node instanceof ReceiveTask) {
      return true;
    }
    return node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()
        || node instanceof Activity activity && activity.getLoopCharacteristics() != null;
  }

  static Set<String> ids(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Deploys one model with every form (its user tasks bind forms from their own deployment). */
  ProcessDefinition deploy(String process, String bpmn) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("ModelMigrationTest " + bpmn);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(bpmn)) {
      assertThat(in).as(bpmn).isNotNull();
      deployment.addInputStream(process + ".bpmn", new ByteArrayInputStream(in.readAllBytes()));
    }
    for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      deployment.addInputStream(form.getFilename(), new ByteArrayInputStream(form.getContentAsByteArray()));
    }
    List<ProcessDefinition> deployed = deployment.deployWithResult().getDeployedProcessDefinitions();
    assertThat(deployed).extracting(ProcessDefinition::getKey).containsExactly(process);
    return deployed.get(0);
  }

  private ProcessInstance start(String school) {
    String id = cycles.startSchool(school, YEAR, "qaofficer").orElseThrow();
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
