package th.qaflow.cycle.internal;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.Chunks;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;

/**
 * Moves the school cycles of a district's year along with a changed stage: a new due date moves the
 * open tasks of the stage (keeping the rework rule) and their escalation timers; a new opening
 * moves the pending timers that wait for the stage to open. Runs inside the calendar's saving
 * transaction, on the public engine API only.
 */
@Component
class CycleDeadlineFollower implements DeadlineFollower {
  /** Process instance ids per query, well below every database's limit for IN lists. */
  private static final int CHUNK = 500;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final DueDates dueDates;
  private final EscalationTimers escalationTimers;

  CycleDeadlineFollower(
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      @Lazy ManagementService management,
      DueDates dueDates,
      EscalationTimers escalationTimers) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.dueDates = dueDates;
    this.escalationTimers = escalationTimers;
  }

  @Override
  public Followed follow(
      String districtCode, int academicYearBE, StageWindow before, StageWindow after) {
    List<String> cycles =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
            .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, academicYearBE)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    Stage stage = after.stage();
    int movedTasks = 0;
    int movedTimers = 0;
    for (List<String> chunk : Chunks.of(cycles, CHUNK)) {
      if (!before.due().equals(after.due())) {
        Date calendarDue = Date.from(after.dueAt());
        for (Task task :
            tasks
                .createTaskQuery()
                .processInstanceIdIn(chunk.toArray(String[]::new))
                .taskVariableValueEquals(ProcessVariables.STAGE, stage.name())
                .list()) {
          boolean rework =
              dueDates.isRework(task.getProcessInstanceId(), task.getTaskDefinitionKey());
          Date due = dueDates.taskDue(calendarDue, rework, task.getCreateTime());
          if (!due.equals(task.getDueDate())) {
            task.setDueDate(due);
            tasks.saveTask(task);
            movedTasks++;
          }
          movedTimers += escalationTimers.follow(task.getProcessInstanceId(), stage, due);
        }
      }
      String openingTimer = SchoolQaCycleProcess.OPENING_TIMERS.get(stage);
      if (openingTimer != null && !before.opens().equals(after.opens())) {
        Date opens = Date.from(after.opensAt());
        // one query per cycle: JobQuery.processInstanceIds combined with activityId builds invalid
        // SQL in 7.24
        for (String processInstanceId : chunk) {
          for (Job job :
              management
                  .createJobQuery()
                  .timers()
                  .processInstanceId(processInstanceId)
                  .activityId(openingTimer)
                  .list()) {
            if (!opens.equals(job.getDuedate())) {
              management.setJobDuedate(job.getId(), opens);
              movedTimers++;
            }
          }
        }
      }
    }
    return new Followed(movedTasks, movedTimers);
  }
}
