package th.qaflow.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import th.qaflow.QaFlowTest;
import th.qaflow.support.StatementLog;

/**
 * The batch read gives every task the values the engine gives it one by one, also in a school's
 * branch of a district process (a parallel multi-instance subprocess, as in ONESQA's readiness),
 * where the value may sit on an execution between the task and the process; and it reads them in
 * the same number of statements for 2 branches as for 12 (it used to read such tasks one by one).
 */
@QaFlowTest
@ExtendWith(OutputCaptureExtension.class)
class TaskVariablesTest {
  static final String PROCESS = "TaskVariablesBranches";
  static final List<String> NAMES = List.of("schoolCode", "districtCode", "note", "absent");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TaskVariables variables;
  final List<String> started = new ArrayList<>();

  @AfterEach
  void removeInstances() {
    runtime.deleteProcessInstances(started, "test done", true, true);
  }

  @Test
  void branchTasksGetTheEnginesValuesInABoundedNumberOfStatements(CapturedOutput output) {
    deploy();
    String few = start(2);
    List<Task> fewTasks = tasks.createTaskQuery().processInstanceId(few).list();
    assertThat(fewTasks).hasSize(4);
    // shadowing at each level: on one task, on one branch's execution
    tasks.setVariableLocal(fewTasks.get(0).getId(), "note", "บนงาน");
    runtime.setVariableLocal(fewTasks.get(1).getExecutionId(), "note", "บนสาขา");
    assertSameAsEngine(fewTasks);

    String many = start(12);
    List<Task> manyTasks = tasks.createTaskQuery().processInstanceId(many).list();
    assertThat(manyTasks).hasSize(24);
    assertSameAsEngine(manyTasks);
    assertThat(variables.of(manyTasks, NAMES).values())
        .extracting(v -> v.get("schoolCode"))
        .as("each branch sees its own school, not the process's")
        .doesNotContain("ทั้งเขต")
        .hasSize(24);

    int forFew =
        StatementLog.total(StatementLog.during(output, () -> variables.of(fewTasks, NAMES)));
    int forMany =
        StatementLog.total(StatementLog.during(output, () -> variables.of(manyTasks, NAMES)));
    assertThat(forMany).as("statements for 24 branch tasks vs 4").isEqualTo(forFew);
    assertThat(forMany).as("the variables and the execution tree").isLessThanOrEqualTo(3);
  }

  private void assertSameAsEngine(List<Task> found) {
    Map<String, Map<String, Object>> read = variables.of(found, NAMES);
    for (Task t : found) {
      Map<String, Object> engine = new HashMap<>(tasks.getVariables(t.getId(), NAMES));
      engine.values().removeIf(v -> v == null);
      assertThat(read.get(t.getId())).as("task %s", t.getId()).isEqualTo(engine);
    }
  }

  private String start(int schools) {
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= schools; i++) {
      codes.add("10990100" + String.format("%02d", i));
    }
    String pi =
        runtime
            .startProcessInstanceByKey(
                PROCESS,
                Map.of(
                    "schools", codes, "schoolCode", "ทั้งเขต", "districtCode", "1099", "note", "p"))
            .getId();
    started.add(pi);
    return pi;
  }

  private void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
      return;
    }
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .subProcess("SubProcess_School")
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("Gateway_Split")
            .userTask("Task_First")
            .endEvent()
            .moveToNode("Gateway_Split")
            .userTask("Task_Second")
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done();
    model
        .<SubProcess>getModelElementById("SubProcess_School")
        .builder()
        .multiInstance()
        .parallel()
        .camundaCollection("${schools}")
        .camundaElementVariable("schoolCode")
        .multiInstanceDone();
    repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
  }
}
