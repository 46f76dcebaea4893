package th.qaflow.tasklist.internal;

import java.util.List;
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
  public boolean holdsWorkOf(String userId, String schoolCode) {
    if (userId == null || schoolCode == null) {
      return false;
    }
    List<Task> held = tasks.createTaskQuery().taskAssignee(userId).active().list();
    // every held task's school in one query, not one engine read per task
    return variables.of(held, List.of(ProcessVariables.SCHOOL_CODE)).values().stream()
        .anyMatch(v -> schoolCode.equals(v.get(ProcessVariables.SCHOOL_CODE)));
  }
}
