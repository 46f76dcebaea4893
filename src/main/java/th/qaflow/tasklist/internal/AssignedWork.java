package th.qaflow.tasklist.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.TaskVariables;
import th.qaflow.security.HeldWork;

/**
 * The schools of the open tasks assigned to a user by name: readable to them while they hold the
 * task.
 */
@Component
class AssignedWork implements HeldWork {
  private final TaskService tasks;
  private final TaskVariables variables;

  AssignedWork(@Lazy TaskService tasks, @Lazy TaskVariables variables) {
    this.tasks = tasks;
    this.variables = variables;
  }

  @Override
  public Set<String> schoolsHeldBy(String userId) {
    if (userId == null) {
      return Set.of();
    }
    List<Task> held = tasks.createTaskQuery().taskAssignee(userId).active().list();
    // every held task's school in one query, not one engine read per task
    return variables.of(held, List.of(ProcessVariables.SCHOOL_CODE)).values().stream()
        .map(v -> v.get(ProcessVariables.SCHOOL_CODE))
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .collect(Collectors.toSet());
  }
}
