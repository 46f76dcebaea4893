package th.qaflow.tumhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.tumhome.TumhomeProcess.*;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ModelVersions;
import th.qaflow.support.ProcessTest;

/**
 * TumhomeDrive version 1 (days from each task's creation, kept in
 * src/test/resources/model-history/v1) to version 2 (district-calendar stages, the mentoring's
 * visit round, the computed ranking): the same-id plan maps every user task, and a drive started on
 * version 1, migrated while waiting at the baseline, runs on the new model to its end. District
 * 1099, academic year 2883 (nobody else's). docs/model-changes.md says how operators do it.
 */
@ProcessTest
class TumhomeModelMigrationTest {
  static final String D = "1099";
  static final int YEAR = 2883;

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TumhomeDrives drives;

  MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
    return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
  }

  @Test
  void aDriveOfVersionOneMigratesAndRunsToItsEndOnTheCalendar() throws IOException {
    EngineTestClock.at(YEAR - 543, 6, 1, 9, 0);
    ProcessDefinition v1 = deploy("model-history/v1/TumhomeDrive.bpmn");
    ProcessDefinition current;
    ProcessInstance pi;
    try {
      pi =
          runtime
              .createProcessInstanceQuery()
              .processInstanceId(drives.start(D, YEAR, "qaofficer").orElseThrow())
              .singleResult();
      complete(pi, TASK_APPOINT_TEAM, Map.of(VAR_TEAM, "คณะทำงาน"));
    } finally {
      current = deploy("bpmn/TumhomeDrive.bpmn");
    }
    assertThat(pi.getProcessDefinitionId()).isEqualTo(v1.getId());
    Task before = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(before.getTaskDefinitionKey()).isEqualTo(TASK_RECORD_BASELINE);

    MigrationPlan plan = plan(v1, current);
    Set<String> mapped =
        plan.getInstructions().stream()
            .map(MigrationInstruction::getSourceActivityId)
            .collect(Collectors.toSet());
    Set<String> userTasks =
        repository.getBpmnModelInstance(v1.getId()).getModelElementsByType(UserTask.class).stream()
            .map(UserTask::getId)
            .collect(Collectors.toSet());
    assertThat(mapped).as("every user task of version 1 maps").containsAll(userTasks);

    runtime.newMigration(plan).processInstanceIds(pi.getId()).execute();

    Task migrated = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(migrated.getId()).isEqualTo(before.getId());
    assertThat(migrated.getProcessDefinitionId()).isEqualTo(current.getId());
    assertThat(migrated.getDueDate()).as("kept, not recomputed").isEqualTo(before.getDueDate());

    complete(pi, TASK_RECORD_BASELINE, TumhomeProcessTest.baseline());
    Task approve = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(tasks.getVariableLocal(approve.getId(), "stage"))
        .as("the next task gets its stage from version 2")
        .isEqualTo(TumhomeStage.TUMHOME_PLAN_APPROVAL.name());
    complete(pi, TASK_APPROVE_PLAN, Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));
    complete(
        pi,
        TASK_HOLD_MEETING,
        Map.of(VAR_MEETING_DATE, (YEAR - 543) + "-06-20", VAR_MEETING_ATTENDANCE, 30L));
    complete(pi, TASK_CLOSE_MOU, Map.of());
    complete(pi, TASK_REPORT_PROGRESS, Map.of(VAR_PROGRESS, "ก้าวหน้า"));
    complete(pi, TASK_MENTORING, Map.of(VAR_REFLECTION, "สะท้อนผล", VAR_REPORT, "รายงาน"));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(VAR_RESULT_STUDENTS, "ดี");
    result.put(VAR_RESULT_TEACHERS, "ดี");
    result.put(VAR_RESULT_CLASSROOMS, "ดี");
    result.put(VAR_RESULT_DIRECTORS, "ดี");
    result.put(VAR_SHARING, "เวที");
    result.put(VAR_NEXT_CYCLE, "no");
    complete(pi, TASK_EVALUATE, result);
    assertThat(pi).isEnded().hasPassed(END_CLOSED);
    assertThat(drives.drive(D, YEAR).orElseThrow().evaluatedAt()).isNotNull();
  }

  private void complete(ProcessInstance pi, String key, Map<String, Object> vars) {
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    tasks.complete(task.getId(), vars);
  }

  ProcessDefinition deploy(String bpmn) throws IOException {
    return ModelVersions.deploy(repository, PROCESS_ID, bpmn, "TumhomeModelMigrationTest");
  }
}
