package th.qaflow.cycle.internal;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.kernel.StageDeadlines;
import th.qaflow.kernel.TaskModel;

/** {@link StageDeadlines} on the public engine API, with the rework rule of {@link DueDates}. */
@Component
class EngineStageDeadlines implements StageDeadlines {
  /** Process instance ids per query, well below every database's limit for IN lists. */
  private static final int CHUNK = 500;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DueDates dueDates;
  private final RepositoryService repository;
  private final ManagementService management;

  EngineStageDeadlines(
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      DueDates dueDates,
      @Lazy RepositoryService repository,
      @Lazy ManagementService management) {
    this.repository = repository;
    this.management = management;
    this.runtime = runtime;
    this.tasks = tasks;
    this.dueDates = dueDates;
  }

  @Override
  public int followDue(
      String processKey, String districtCode, int academicYearBE, Stage stage, Date calendarDue) {
    List<String> instances =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, academicYearBE)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    int moved = 0;
    for (int from = 0; from < instances.size(); from += CHUNK) {
      List<String> chunk = instances.subList(from, Math.min(instances.size(), from + CHUNK));
      for (Task task :
          tasks
              .createTaskQuery()
              .processInstanceIdIn(chunk.toArray(String[]::new))
              .taskVariableValueEquals(ProcessVariables.STAGE, stage.name())
              .list()) {
        if (ownDueDate(task)) {
          continue;
        }
        boolean rework =
            dueDates.isRework(task.getProcessInstanceId(), task.getTaskDefinitionKey());
        Date due = dueDates.taskDue(calendarDue, rework, task.getCreateTime());
        if (!due.equals(task.getDueDate())) {
          task.setDueDate(due);
          tasks.saveTask(task);
          moved++;
        }
      }
    }
    return moved;
  }

  /**
   * Marked {@code due=listener} in its model: the task's own listener set its date, the calendar
   * keeps out.
   */
  private boolean ownDueDate(Task task) {
    UserTask model =
        repository
            .getBpmnModelInstance(task.getProcessDefinitionId())
            .getModelElementById(task.getTaskDefinitionKey());
    return TaskModel.dueFromListener(model);
  }

  @Override
  public int followTimer(
      String processKey, String districtCode, int academicYearBE, String timerActivityId, Date at) {
    int moved = 0;
    for (ProcessInstance instance :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, academicYearBE)
            .list()) {
      // one query per instance: JobQuery.processInstanceIds combined with activityId builds invalid
      // SQL in 7.24
      for (Job job :
          management
              .createJobQuery()
              .timers()
              .processInstanceId(instance.getId())
              .activityId(timerActivityId)
              .list()) {
        if (!at.equals(job.getDuedate())) {
          management.setJobDuedate(job.getId(), at);
          moved++;
        }
      }
    }
    return moved;
  }
}
