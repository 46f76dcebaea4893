package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both ONESQA models: every user task has a form file, a stage and a role-and-scope group; the
 * diagram is complete.
 */
class ExternalModelTest {

  @ParameterizedTest
  @ValueSource(strings = {"ExternalAssessment", "ExternalAssessmentSchool"})
  void everyUserTaskHasFormStageAndScopedGroupAndEveryElementIsDrawn(String id) throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/" + id + ".bpmn"));
    Process process = model.getModelElementById(id);
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    assertThat(userTasks).isNotEmpty();
    for (UserTask task : userTasks) {
      assertThat(task.getCamundaFormRef()).as(task.getId()).startsWith("Onesqa");
      assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
      assertThat(Files.exists(Path.of("forms", task.getCamundaFormRef() + ".form")))
          .as(task.getCamundaFormRef())
          .isTrue();
      String form = Files.readString(Path.of("forms", task.getCamundaFormRef() + ".form"));
      assertThat(form).contains("\"id\": \"" + task.getCamundaFormRef() + "\"");
      List<String> stages =
          model.getModelElementsByType(CamundaProperty.class).stream()
              .filter(p -> p.getParentElement().getParentElement().getParentElement() == task)
              .filter(p -> "stage".equals(p.getCamundaName()))
              .map(CamundaProperty::getCamundaValue)
              .toList();
      assertThat(stages)
          .as(task.getId())
          .singleElement()
          .satisfies(
              s ->
                  assertThat(th.qaflow.onesqa.OnesqaStage.valueOf(s).name()).startsWith("ONESQA_"));
      assertThat(task.getCamundaCandidateGroups())
          .as(task.getId())
          .matches(
              "(school-\\$\\{schoolCode}-(qa|director)|cluster-\\$\\{clusterCode}-supervisor"
                  + "|district-\\$\\{districtCode}-(qa-officer|supervision-director))");
    }
    List<String> drawn =
        model.getModelElementsByType(BpmnShape.class).stream()
            .map(s -> s.getBpmnElement().getId())
            .toList();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("shape of " + node.getId()).contains(node.getId());
    }
    List<String> edges =
        model.getModelElementsByType(BpmnEdge.class).stream()
            .map(e -> e.getBpmnElement().getId())
            .toList();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as("edge of " + flow.getId()).contains(flow.getId());
    }
  }
}
