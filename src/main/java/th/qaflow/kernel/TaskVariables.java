package th.qaflow.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A few named variables of many tasks at once, as {@code TaskService.getVariables(taskId, names)}
 * would give them one by one: one variable query over the tasks' process instances instead of
 * several engine queries per task (the tasklist had five a row).
 *
 * <p>A task sees its own variables first, then its execution's, then those of the executions above
 * it. Most tasks settle from the variables alone: the name is on the task, on its own execution, or
 * only on the process instance. A task whose value may come from an execution in between (a
 * school's branch of a district process, such as ONESQA's readiness) needs the execution tree,
 * which the public API does not give: it is read for all such processes in one query on the
 * engine's execution table (read-only, through the table name the engine reports).
 */
public class TaskVariables {
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final JdbcTemplate jdbc;

  public TaskVariables(
      RuntimeService runtime,
      TaskService tasks,
      ManagementService management,
      DataSource dataSource) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.jdbc = new JdbcTemplate(dataSource);
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
    List<Task> branched = new ArrayList<>();
    for (Task t : found) {
      if (t.getProcessInstanceId() == null) {
        result.put(t.getId(), tasks.getVariables(t.getId(), names)); // a standalone task
        continue;
      }
      Map<String, Object> values =
          resolve(t, byProcess.getOrDefault(t.getProcessInstanceId(), List.of()), names);
      if (values != null) {
        result.put(t.getId(), values);
      } else {
        branched.add(t);
      }
    }
    if (!branched.isEmpty()) {
      Map<String, String> parents = parents(branched);
      for (Task t : branched) {
        result.put(
            t.getId(), alongTree(t, byProcess.get(t.getProcessInstanceId()), names, parents));
      }
    }
    return result;
  }

  /** The parent of every execution of the tasks' processes, in one query. */
  private Map<String, String> parents(List<Task> branched) {
    Set<String> processes = new LinkedHashSet<>();
    branched.forEach(t -> processes.add(t.getProcessInstanceId()));
    Map<String, String> parents = new HashMap<>();
    jdbc.query(
        "select ID_, PARENT_ID_ from "
            + management.getTableName(ExecutionEntity.class)
            + " where PROC_INST_ID_ in ("
            + String.join(",", Collections.nCopies(processes.size(), "?"))
            + ")",
        rs -> {
          parents.put(rs.getString(1), rs.getString(2));
        },
        processes.toArray());
    return parents;
  }

  /** The task's values the way the engine looks them up: the task, then its execution upwards. */
  private static Map<String, Object> alongTree(
      Task t, List<VariableInstance> ofProcess, List<String> names, Map<String, String> parents) {
    Map<String, Map<String, VariableInstance>> byScope = new HashMap<>();
    for (VariableInstance v : ofProcess) {
      String scope = v.getTaskId() != null ? "task:" + v.getTaskId() : v.getExecutionId();
      byScope.computeIfAbsent(scope, k -> new HashMap<>()).put(v.getName(), v);
    }
    List<String> scopes = new ArrayList<>();
    scopes.add("task:" + t.getId());
    for (String e = t.getExecutionId(); e != null; e = parents.get(e)) {
      scopes.add(e);
    }
    Map<String, Object> values = new HashMap<>();
    for (String name : names) {
      for (String scope : scopes) {
        VariableInstance v = byScope.getOrDefault(scope, Map.of()).get(name);
        if (v != null) {
          if (v.getValue() != null) {
            values.put(name, v.getValue());
          }
          break;
        }
      }
    }
    return values;
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
