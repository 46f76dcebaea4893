package th.qaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The model-migration tests' common steps: deploy an old or the current version of a model (with
 * every form, which its user tasks bind from their own deployment), the plan the app's migration
 * uses ({@code mapEqualActivities}) and the check that every state an instance can wait in maps.
 */
public final class ModelVersions {
  private ModelVersions() {}

  /** Deploys {@code bpmn} (a classpath resource) as the process {@code key}, with every form. */
  public static ProcessDefinition deploy(
      RepositoryService repository, String key, String bpmn, String deployedBy) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(deployedBy + " " + bpmn);
    try (InputStream in = ModelVersions.class.getClassLoader().getResourceAsStream(bpmn)) {
      assertThat(in).as(bpmn).isNotNull();
      deployment.addInputStream(key + ".bpmn", new ByteArrayInputStream(in.readAllBytes()));
    }
    for (Resource form :
        new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      deployment.addInputStream(
          form.getFilename(), new ByteArrayInputStream(form.getContentAsByteArray()));
    }
    List<ProcessDefinition> deployed =
        deployment.deployWithResult().getDeployedProcessDefinitions();
    assertThat(deployed).extracting(ProcessDefinition::getKey).containsExactly(key);
    return deployed.get(0);
  }

  /** The plan the app's start-up migration builds: activities mapped by equal id. */
  public static MigrationPlan plan(
      RuntimeService runtime, ProcessDefinition from, ProcessDefinition to) {
    return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
  }

  /** Every state an instance of {@code from} can wait in maps onto {@code to} by id. */
  public static void assertEveryWaitStateMaps(
      RepositoryService repository,
      RuntimeService runtime,
      ProcessDefinition from,
      ProcessDefinition to) {
    Set<String> mapped =
        plan(runtime, from, to).getInstructions().stream()
            .map(MigrationInstruction::getSourceActivityId)
            .collect(Collectors.toSet());
    assertThat(mapped)
        .containsAll(
            repository
                .getBpmnModelInstance(from.getId())
                .getModelElementsByType(FlowNode.class)
                .stream()
                .filter(ModelVersions::canWait)
                .map(FlowNode::getId)
                .toList());
  }

  /** Where an instance of a model can rest between transactions. */
  public static boolean canWait(FlowNode node) {
    if (node instanceof StartEvent) {
      return false;
    }
    if (node instanceof CatchEvent
        || node instanceof UserTask
        || node instanceof SubProcess
        || node instanceof CallActivity
        || node instanceof ReceiveTask) {
      return true;
    }
    return node.isCamundaAsyncBefore()
        || node.isCamundaAsyncAfter()
        || node instanceof Activity activity && activity.getLoopCharacteristics() != null;
  }

  /** The ids of a model's flow nodes, sorted. */
  public static Set<String> ids(BpmnModelInstance model) {
    return model.getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
