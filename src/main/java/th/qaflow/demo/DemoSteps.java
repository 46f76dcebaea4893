package th.qaflow.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
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
  private final DemoClock clock;

  /** While the history is written: per process instance, the time of its last step. */
  private final Map<String, Instant> lastStep = new ConcurrentHashMap<>();

  private int completed;

  DemoSteps(
      TaskService tasks,
      ManagementService management,
      TaskWork work,
      QaUsers users,
      DemoClock clock) {
    this.tasks = tasks;
    this.management = management;
    this.work = work;
    this.users = users;
    this.clock = clock;
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
      due = new ArrayList<>(due);
      due.sort(
          Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())));
      for (Job job : due) {
        try {
          at(processInstanceId, job.getDuedate() == null ? null : job.getDuedate().toInstant());
          management.executeJob(job.getId());
        } catch (OptimisticLockingException firedByJobExecutor) {
          // the job executor got there first; the next round sees its result
        } finally {
          clock.backToCeiling();
        }
      }
    }
    return null;
  }

  /** Completes the task as the demo user; answers the form rejects are a bug in the demo. */
  void complete(Task task, String userId, FormSubmission submission) {
    Completion done;
    try {
      if (clock.writingHistory()) {
        Instant time = doneAt(task);
        clock.moveTo(time);
        lastStep.put(task.getProcessInstanceId(), time);
      }
      done = work.complete(task.getId(), users.byId(userId), submission);
    } finally {
      clock.backToCeiling();
    }
    if (!done.done()) {
      throw new IllegalStateException(
          "Demo values rejected for " + task.getTaskDefinitionKey() + ": " + done.form().errors());
    }
  }

  /**
   * Starts an instance (returns its id) as at the beginning of the academic year while the history
   * is written, so its first tasks are created then rather than today.
   */
  String startInYear(int academicYear, Supplier<String> start) {
    String pi = inYear(academicYear, start);
    if (clock.writingHistory()) {
      lastStep.put(pi, yearStart(academicYear));
    }
    return pi;
  }

  /**
   * Does {@code start} (launching a round, starting a coordination) as at the beginning of the
   * academic year while the history is written, so it is not dated today.
   */
  <T> T inYear(int academicYear, Supplier<T> start) {
    if (!clock.writingHistory()) {
      return start.get();
    }
    try {
      clock.moveTo(yearStart(academicYear));
      return start.get();
    } finally {
      clock.backToCeiling();
    }
  }

  /**
   * Does {@code action} (a director's signature) as at {@code time} while the history is written
   * and that time has passed, so it is dated in its year rather than today.
   */
  <T> T at(Instant time, Supplier<T> action) {
    if (!clock.writingHistory() || time.isAfter(clock.ceiling())) {
      return action.get();
    }
    try {
      clock.moveTo(time);
      return action.get();
    } finally {
      clock.backToCeiling();
    }
  }

  private static Instant yearStart(int academicYear) {
    return AcademicYears.start(academicYear).atTime(9, 0).atZone(AcademicYears.ZONE).toInstant();
  }

  /**
   * While the history is written, a job (a timer at its due date) runs when it would have run: not
   * before the instance's last step.
   */
  private void at(String processInstanceId, Instant due) {
    if (!clock.writingHistory()) {
      return;
    }
    Instant last = lastStep.get(processInstanceId);
    Instant time = due == null ? last : (last == null || due.isAfter(last) ? due : last);
    if (time != null) {
      clock.moveTo(time);
      lastStep.put(processInstanceId, time);
    }
  }

  /**
   * When a task of the history is done: most a few days before their due date, one in five a few
   * days after it; never before the task was created (plus an hour), never after the history's
   * present. A task without a due date is done two days after it was created.
   */
  Instant doneAt(Task task) {
    Instant created = task.getCreateTime().toInstant();
    Instant target;
    if (task.getDueDate() == null) {
      target = created.plus(Duration.ofDays(2));
    } else {
      int n = completed++;
      Instant due = task.getDueDate().toInstant();
      target =
          n % 5 == 4
              ? due.plus(Duration.ofDays(1 + n % 4)).plus(Duration.ofHours(3))
              : due.minus(Duration.ofDays(1 + n % 6)).minus(Duration.ofHours(2));
    }
    Instant earliest = created.plus(Duration.ofHours(1));
    if (target.isBefore(earliest)) {
      target = earliest;
    }
    Instant top = clock.ceiling();
    return top != null && target.isAfter(top) ? top : target;
  }
}
