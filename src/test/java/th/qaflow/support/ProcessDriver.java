package th.qaflow.support;

import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Moves a process instance on the engine directly, for tests whose subject is a later step. */
public final class ProcessDriver {
  /**
   * The answers that take a school's cycle straight through its decisions: the board endorses the
   * standards, the director sends the SAR to the board, the board approves it.
   */
  public static final Map<String, Object> SCHOOL_CYCLE_APPROVALS =
      Map.of(
          "endorsementDecision",
          "approve",
          "directorDecision",
          "toBoard",
          "boardDecision",
          "approve");

  private ProcessDriver() {}

  /**
   * Completes the instance's open task with the variables {@code answers} gives for it, or fires
   * its timers when none is open, until the task {@code key} is open; returns that task.
   */
  public static Task driveTo(
      TaskService tasks,
      ManagementService management,
      String processInstanceId,
      String key,
      Function<Task, Map<String, Object>> answers) {
    for (int step = 0; step < 40; step++) {
      Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      if (task != null) {
        if (task.getTaskDefinitionKey().equals(key)) {
          return task;
        }
        tasks.complete(task.getId(), answers.apply(task));
        continue;
      }
      for (Job job :
          management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("never reached " + key);
  }
}
