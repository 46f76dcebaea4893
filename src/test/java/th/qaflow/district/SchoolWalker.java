package th.qaflow.district;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;

/**
 * Drives a school's SchoolQaCycle on the real engine (tasks completed with the decisions that move
 * it on, the semester timers fired under the engine clock) up to a task or to the wait for the
 * district's review.
 */
final class SchoolWalker {
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  SchoolWalker(RuntimeService runtime, TaskService tasks, ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  static void clock(int y, int m, int d) {
    EngineTestClock.at(LocalDateTime.of(y, m, d, 9, 0));
  }

  /** Completes the cycle's tasks in order until {@code stopAt} is open (not completed). */
  void walkTo(String processInstanceId, String stopAt) {
    for (int step = 0; step < 60; step++) {
      Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      if (task == null) {
        if (stopAt.equals(EVENT_SAR_REVIEWED) && waitsForReview(processInstanceId)) {
          return;
        }
        List<Job> timers =
            management.createJobQuery().processInstanceId(processInstanceId).timers().list();
        if (timers.isEmpty()) {
          throw new AssertionError(
              "cycle " + processInstanceId + " has neither a task nor a timer before " + stopAt);
        }
        Job timer = timers.get(0);
        if (EngineTestClock.now().before(timer.getDuedate())) {
          EngineTestClock.at(new Date(timer.getDuedate().getTime() + 3_600_000));
        }
        management.executeJob(timer.getId());
        continue;
      }
      if (task.getTaskDefinitionKey().equals(stopAt)) {
        return;
      }
      tasks.complete(task.getId(), ProcessDriver.SCHOOL_CYCLE_APPROVALS);
    }
    throw new AssertionError("did not reach " + stopAt);
  }

  /**
   * Submits the SAR: walks to the submission and completes it, leaving the cycle waiting for the
   * review.
   */
  void submit(String processInstanceId) {
    walkTo(processInstanceId, TASK_SUBMIT_SAR);
    complete(processInstanceId, TASK_SUBMIT_SAR, Map.of());
  }

  void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .singleResult();
    if (task == null) {
      throw new AssertionError(taskKey + " is not open in " + processInstanceId);
    }
    tasks.complete(task.getId(), variables);
  }

  boolean waitsForReview(String processInstanceId) {
    return runtime
            .createEventSubscriptionQuery()
            .processInstanceId(processInstanceId)
            .eventType("message")
            .eventName(MESSAGE_SAR_REVIEWED)
            .count()
        == 1;
  }

  /** The open review task of the school's year (the latest round). */
  Task review(String schoolCode, int year) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(SarReviewProcess.PROCESS_ID)
        .processInstanceBusinessKey(schoolCode + "-" + year)
        .singleResult();
  }
}
