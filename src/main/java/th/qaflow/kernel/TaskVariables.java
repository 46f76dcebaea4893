package th.qaflow.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * A few named variables of many tasks at once, as {@code TaskService.getVariables(taskId, names)}
 * would give them one by one: one variable query over the tasks' process instances instead of
 * several engine queries per task (the tasklist had five a row).
 *
 * <p>A task sees its own variables first, then its execution's, then those of the executions above
 * it. The public API does not tell an execution's parent, so the batch settles a name only where
 * that order is certain: on the task, on its own execution, or on the process instance when no
 * other execution of the process holds the name. A task whose value could come from an execution in
 * between (a school's branch of a district process) is read on its own, as before.
 */
public class TaskVariables {
  private final RuntimeService runtime;
  private final TaskService tasks;

  public TaskVariables(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** The named variables of each task, by task id (a name without a value is left out). */
  public Map<String, Map<String, Object>> of(Collection<Task> found, List<String> names) {
    Map<String, Map<String, Object>> result = new HashMap<>();
    if (found.isEmpty()) {
      return result;
    }
    Set<String> processes = new LinkedHashSet<>();
    for (Task t : found) {
      if (t.getProcessInstanceId() != null) {
        processes.add(t.getProcessInstanceId());
      }
    }
    List<VariableInstance> all =
        processes.isEmpty()
            ? List.of()
            : runtime
                .createVariableInstanceQuery()
                .processInstanceIdIn(processes.toArray(String[]::new))
                .variableNameIn(names.toArray(String[]::new))
                .disableCustomObjectDeserialization()
                .list();
    Map<String, List<VariableInstance>> byProcess = new HashMap<>();
    for (VariableInstance v : all) {
      byProcess.computeIfAbsent(v.getProcessInstanceId(), k -> new ArrayList<>()).add(v);
    }
    for (Task t : found) {
      Map<String, Object> values =
          t.getProcessInstanceId() == null
              ? null
              : resolve(t, byProcess.getOrDefault(t.getProcessInstanceId(), List.of()), names);
      // a standalone task, or one whose value may sit between its execution and the process
      result.put(t.getId(), values != null ? values : tasks.getVariables(t.getId(), names));
    }
    return result;
  }

  /** The task's values, or null when the batch cannot tell which execution's value it sees. */
  private static Map<String, Object> resolve(
      Task t, List<VariableInstance> ofProcess, List<String> names) {
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      VariableInstance own = null;
      VariableInstance onExecution = null;
      VariableInstance onProcess = null;
      boolean between = false;
      for (VariableInstance v : ofProcess) {
        if (!name.equals(v.getName())) {
          continue;
        }
        if (v.getTaskId() != null) {
          if (v.getTaskId().equals(t.getId())) {
            own = v;
          }
        } else if (v.getExecutionId().equals(t.getExecutionId())) {
          onExecution = v;
        } else if (v.getExecutionId().equals(t.getProcessInstanceId())) {
          onProcess = v;
        } else if (!t.getExecutionId().equals(t.getProcessInstanceId())) {
          between = true; // another execution's: maybe one above the task's, maybe a sibling
        }
      }
      VariableInstance seen = own != null ? own : onExecution;
      if (seen == null) {
        if (between) {
          return null;
        }
        seen = onProcess;
      }
      if (seen != null && seen.getValue() != null) {
        values.put(name, seen.getValue());
      }
    }
    return values;
  }
}
