package th.qaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.security.QaUsers;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;

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

  /**
   * The instance's one open task, checked: it is {@code key}, offered to exactly the candidate
   * {@code groups} and, where a {@code stage} is given, it carries that stage and is due at the end
   * of the stage's default window in the instance's academic year (the district calendar).
   */
  public static Task openTask(
      TaskService tasks,
      RuntimeService runtime,
      String processInstanceId,
      String key,
      Collection<String> groups,
      Stage stage) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    assertThat(tasks.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactlyInAnyOrderElementsOf(groups);
    if (stage != null) {
      int year =
          ((Number) runtime.getVariable(processInstanceId, ProcessVariables.ACADEMIC_YEAR))
              .intValue();
      assertOnCalendar(tasks, task, stage, year);
    }
    return task;
  }

  /**
   * The task carries {@code stage} and is due at the end of the stage's default window in the
   * academic year (the district calendar).
   */
  public static void assertOnCalendar(TaskService tasks, Task task, Stage stage, int academicYear) {
    assertThat(tasks.getVariableLocal(task.getId(), ProcessVariables.STAGE))
        .isEqualTo(stage.name());
    assertThat(task.getDueDate())
        .as("due on the district calendar")
        .isEqualTo(Date.from(StageWindow.defaults(stage, academicYear).dueAt()));
  }

  /** The variables as a form sends them: each list as a JSON-serialised object value. */
  public static Map<String, Object> jsonLists(Map<String, Object> vars) {
    Map<String, Object> values = new LinkedHashMap<>();
    vars.forEach(
        (k, v) ->
            values.put(
                k,
                v instanceof List<?>
                    ? Variables.objectValue(v)
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create()
                    : v));
    return values;
  }

  /**
   * Completes {@code task} as {@code user} through the task list's form handling, as its page does,
   * with each of {@code values} a one-valued parameter; the form must accept them.
   */
  public static void completeAs(
      TaskWork work, QaUsers users, Task task, String user, Map<String, String> values) {
    Completion done = work.complete(task.getId(), users.byId(user), params(values));
    assertThat(done.done())
        .as("completed: " + (done.form() == null ? "" : done.form().errors()))
        .isTrue();
  }

  /** The values as a form's parameters, each with one value. */
  public static Map<String, String[]> params(Map<String, String> values) {
    Map<String, String[]> p = new LinkedHashMap<>();
    values.forEach((k, v) -> p.put(k, new String[] {v}));
    return p;
  }
}
