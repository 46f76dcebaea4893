package th.qaflow.demo;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.security.QaUsers;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;

/**
 * The two moves every demo loader makes: find an instance's open task (firing the timers that are
 * already due, since the demo's year may be well advanced), and complete a task as a demo user
 * through the tasklist, so the demo's answers pass the same form validation as a person's.
 */
@Component
class DemoSteps {
  private final TaskService tasks;
  private final ManagementService management;
  private final TaskWork work;
  private final QaUsers users;

  DemoSteps(TaskService tasks, ManagementService management, TaskWork work, QaUsers users) {
    this.tasks = tasks;
    this.management = management;
    this.work = work;
    this.users = users;
  }

  /**
   * The open task of the instance, or null when the instance has ended or waits for a timer that is
   * not due yet.
   */
  Task next(String processInstanceId) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      List<Job> due =
          management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return null;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException firedByJobExecutor) {
          // the job executor got there first; the next round sees its result
        }
      }
    }
    return null;
  }

  /** Completes the task as the demo user; answers the form rejects are a bug in the demo. */
  void complete(Task task, String userId, FormSubmission submission) {
    Completion done = work.complete(task.getId(), users.byId(userId), submission);
    if (!done.done()) {
      throw new IllegalStateException(
          "Demo values rejected for " + task.getTaskDefinitionKey() + ": " + done.form().errors());
    }
  }
}
