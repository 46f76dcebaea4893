package th.qaflow.tasklist.internal;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.HeldWork;

/**
 * The schools of the open tasks assigned to a user by name: readable to them while they hold the
 * task.
 */
@Component
class AssignedWork implements HeldWork {
  private final TaskService tasks;

  AssignedWork(@Lazy TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public boolean holdsWorkOf(String userId, String schoolCode) {
    if (userId == null || schoolCode == null) {
      return false;
    }
    for (Task t : tasks.createTaskQuery().taskAssignee(userId).active().list()) {
      if (schoolCode.equals(tasks.getVariable(t.getId(), ProcessVariables.SCHOOL_CODE))) {
        return true;
      }
    }
    return false;
  }
}
