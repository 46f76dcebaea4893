package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static th.qaflow.visit.DistrictVisitProcess.*;

import java.io.File;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * Walks DistrictVisit through both paths of its one gateway on the real engine, checking each
 * task's candidate group, stage and calendar due date; and checks the model opens in Camunda
 * Modeler (diagram).
 */
@ProcessTest
class DistrictVisitProcessTest {
  static final int YEAR = 2740;
  static final String DISTRICT = VisitFixture.DISTRICT;
  static final String CLUSTER = VisitFixture.CLUSTER_1;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired VisitRounds rounds;
  @Autowired QaUsers users;
  @Autowired List<TaskPanelProvider> panels;

  @Test
  void reportApprovedFirstTime() {
    String school = VisitFixture.school(1);
    ProcessInstance pi = visitOf(school, 1);
    assertThat(pi.getBusinessKey()).isEqualTo(school + "-" + YEAR + "-V1");
    assertThat(runtime.getVariables(pi.getId()))
        .containsEntry(ProcessVariables.SCHOOL_CODE, school)
        .containsEntry(ProcessVariables.DISTRICT_CODE, DISTRICT)
        .containsEntry(ProcessVariables.CLUSTER_CODE, CLUSTER)
        .containsEntry(ProcessVariables.ACADEMIC_YEAR, YEAR)
        .containsEntry(VAR_VISIT_ROUND, DISTRICT + "-" + YEAR + "-V1")
        .containsEntry(VAR_VISIT_ROUND_NO, 1)
        .containsKeys(ProcessVariables.SCHOOL_NAME, "standards", "levelOptions", "standardOptions");

    completeTask(pi, TASK_PLAN_VISIT, Groups.clusterSupervisor(CLUSTER), VisitStage.VISIT_PLAN);
    completeTask(
        pi,
        TASK_APPOINT_COMMITTEE,
        Groups.supervisionDirector(DISTRICT),
        VisitStage.VISIT_COMMITTEE);
    completeTask(pi, TASK_PREPARE_EVIDENCE, Groups.schoolQa(school), VisitStage.VISIT_EVIDENCE);
    completeTask(
        pi, TASK_RECORD_FINDINGS, Groups.clusterSupervisor(CLUSTER), VisitStage.VISIT_FINDINGS);
    completeTask(
        pi,
        TASK_APPROVE_REPORT,
        Groups.supervisionDirector(DISTRICT),
        VisitStage.VISIT_REPORT_APPROVAL,
        VAR_REPORT_DECISION,
        DECISION_APPROVE);
    completeTask(
        pi,
        TASK_ACKNOWLEDGE_VISIT,
        Groups.schoolDirector(school),
        VisitStage.VISIT_ACKNOWLEDGEMENT);

    assertThat(pi).isEnded().hasPassed(END_VISIT_COMPLETED);
    assertThat(finished(pi, TASK_RECORD_FINDINGS)).isEqualTo(1);
  }

  @Test
  void reportReturnedWithCommentsThenApproved() {
    String school = VisitFixture.school(2);
    ProcessInstance pi = visitOf(school, 2);
    completeTask(pi, TASK_PLAN_VISIT, Groups.clusterSupervisor(CLUSTER), VisitStage.VISIT_PLAN);
    completeTask(
        pi,
        TASK_APPOINT_COMMITTEE,
        Groups.supervisionDirector(DISTRICT),
        VisitStage.VISIT_COMMITTEE);
    completeTask(pi, TASK_PREPARE_EVIDENCE, Groups.schoolQa(school), VisitStage.VISIT_EVIDENCE);
    completeTask(
        pi, TASK_RECORD_FINDINGS, Groups.clusterSupervisor(CLUSTER), VisitStage.VISIT_FINDINGS);

    // returned on 20 September, after the findings' own deadline: the redo gets the rework time
    int ce = AcademicYears.firstCalendarYear(YEAR);
    EngineTestClock.at(LocalDateTime.of(ce, 9, 20, 10, 0));
    completeTask(
        pi,
        TASK_APPROVE_REPORT,
        Groups.supervisionDirector(DISTRICT),
        VisitStage.VISIT_REPORT_APPROVAL,
        VAR_REPORT_DECISION,
        DECISION_RETURN,
        VAR_REPORT_COMMENTS,
        "เพิ่มข้อเสนอแนะ");
    assertThat(pi).isWaitingAt(TASK_RECORD_FINDINGS);
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(GATEWAY_RECORD_FINDINGS_MERGE)
                .count())
        .as("first findings and the return")
        .isEqualTo(2);
    Task redo = task(pi);
    assertThat(redo.getDueDate())
        .isAfterOrEqualTo(Date.from(redo.getCreateTime().toInstant().plusSeconds(7 * 86400)));
    assertThat(runtime.getVariable(pi.getId(), VAR_REPORT_COMMENTS)).isEqualTo("เพิ่มข้อเสนอแนะ");
    // the redo's task page says first that the report came back, and why
    List<TaskPanel> returned =
        panels.stream()
            .flatMap(
                p ->
                    p
                        .panel(
                            TASK_RECORD_FINDINGS,
                            PROCESS_ID,
                            runtime.getVariables(pi.getId()),
                            null)
                        .stream())
            .filter(p -> "returned".equals(p.fragment()))
            .toList();
    assertThat(returned).hasSize(1);
    assertThat(returned.get(0).model())
        .containsEntry("title", "visit.returned.title")
        .containsEntry("comments", "เพิ่มข้อเสนอแนะ");

    completeTask(pi, TASK_RECORD_FINDINGS, Groups.clusterSupervisor(CLUSTER), null);
    completeTask(
        pi,
        TASK_APPROVE_REPORT,
        Groups.supervisionDirector(DISTRICT),
        null,
        VAR_REPORT_DECISION,
        DECISION_APPROVE);
    completeTask(
        pi,
        TASK_ACKNOWLEDGE_VISIT,
        Groups.schoolDirector(school),
        VisitStage.VISIT_ACKNOWLEDGEMENT);

    assertThat(pi).isEnded().hasPassed(END_VISIT_COMPLETED);
    assertThat(finished(pi, TASK_RECORD_FINDINGS)).isEqualTo(2);
    assertThat(finished(pi, TASK_APPROVE_REPORT)).isEqualTo(2);
  }

  @Test
  void modelHasDiagramTimeToLiveFormsAndStages() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/DistrictVisit.bpmn"));
    Process process = model.getModelElementById(PROCESS_ID);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));
    assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(TASKS);
    for (UserTask t : userTasks) {
      assertThat(t.getCamundaFormRef()).as(t.getId()).startsWith("Visit");
      assertThat(new File("forms/" + t.getCamundaFormRef() + ".form")).as(t.getId()).exists();
      assertThat(t.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(t.getCamundaCandidateGroups()).as(t.getId()).isNotBlank();
    }
    assertThat(model.getModelElementsByType(BpmnShape.class)).hasSizeGreaterThanOrEqualTo(9);
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * Launches round 1 of the cluster (once per class run; later calls start nothing) and returns the
   * school's visit.
   */
  private ProcessInstance visitOf(String school, int n) {
    rounds.launch(users.byId("qaofficer"), DISTRICT, YEAR, 1, CLUSTER);
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(businessKey(school, YEAR, 1))
            .singleResult();
    assertThat(pi).as("visit of school " + n).isNotNull();
    return pi;
  }

  private Task completeTask(
      ProcessInstance pi, String taskId, String group, Stage stage, Object... vars) {
    assertThat(pi).isWaitingAt(taskId);
    Task task = task(pi);
    assertThat(task).hasDefinitionKey(taskId).hasCandidateGroup(group);
    Object stageVar = tasks.getVariableLocal(task.getId(), ProcessVariables.STAGE);
    assertThat(stageVar).isNotNull();
    if (stage != null) {
      assertThat(stageVar).isEqualTo(stage.name());
      assertThat(task.getDueDate()).isEqualTo(Date.from(StageWindow.defaults(stage, YEAR).dueAt()));
    }
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < vars.length; i += 2) {
      variables.put((String) vars[i], vars[i + 1]);
    }
    complete(task, variables);
    return task;
  }

  private long finished(ProcessInstance pi, String taskId) {
    return history
        .createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(taskId)
        .finished()
        .count();
  }
}
