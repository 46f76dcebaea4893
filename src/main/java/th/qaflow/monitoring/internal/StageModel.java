package th.qaflow.monitoring.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.TaskModel;

/**
 * The stage of a user task: its {@code stage} property in the BPMN (any process, so the district
 * processes are covered too). Looked up per process definition and task key, and cached: a deployed
 * definition never changes.
 */
@Component
class StageModel {
  private final RepositoryService repository;
  private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

  StageModel(@Lazy RepositoryService repository) {
    this.repository = repository;
  }

  Optional<String> stageOf(String processDefinitionId, String taskKey) {
    return cache.computeIfAbsent(
        processDefinitionId + "#" + taskKey,
        k -> {
          BpmnModelInstance model = repository.getBpmnModelInstance(processDefinitionId);
          return model == null ? Optional.empty() : stageOf(model.getModelElementById(taskKey));
        });
  }

  static Optional<String> stageOf(Object element) {
    return element instanceof BaseElement base
        ? Optional.ofNullable(TaskModel.stageOf(base))
        : Optional.empty();
  }

  /** The process key of a definition id ({@code key:version:id}). */
  static String processKey(String processDefinitionId) {
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }
}
