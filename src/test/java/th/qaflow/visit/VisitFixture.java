package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.demo.DemoVisitAnswers;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUsers;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;

/**
 * Drives a visit through the tasklist's real completion (form validation, documents), as people do,
 * with the answers the demo's visits give.
 */
final class VisitFixture {
  static final String DISTRICT = "1099";
  static final String CLUSTER_1 = "1099-C1";
  static final String CLUSTER_2 = "1099-C2";

  private final TaskWork work;
  private final TaskService tasks;
  private final QaUsers users;

  VisitFixture(TaskWork work, TaskService tasks, QaUsers users) {
    this.work = work;
    this.tasks = tasks;
    this.users = users;
  }

  static String school(int n) {
    return "109901000" + n;
  }

  /** The open task of the visit. */
  Task open(String processInstanceId) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  /**
   * Completes the open task as the user with the fixture's answers (and the decision for the
   * approval).
   */
  void complete(String processInstanceId, String expectedTask, String userId, String decision) {
    Task task = open(processInstanceId);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(expectedTask);
    Completion done = work.complete(task.getId(), users.byId(userId), submission(task, decision));
    assertThat(done.done())
        .as(expectedTask + " " + (done.form() == null ? "" : done.form().errors()))
        .isTrue();
  }

  /** Completes every task from planning to the school's acknowledgement, approving the report. */
  void walkToEnd(String processInstanceId, int schoolNo, String supervisor) {
    complete(processInstanceId, DistrictVisitProcess.TASK_PLAN_VISIT, supervisor, null);
    complete(processInstanceId, DistrictVisitProcess.TASK_APPOINT_COMMITTEE, "supdirector", null);
    complete(processInstanceId, DistrictVisitProcess.TASK_PREPARE_EVIDENCE, "qa" + schoolNo, null);
    complete(processInstanceId, DistrictVisitProcess.TASK_RECORD_FINDINGS, supervisor, null);
    complete(processInstanceId, DistrictVisitProcess.TASK_APPROVE_REPORT, "supdirector", "approve");
    complete(
        processInstanceId,
        DistrictVisitProcess.TASK_ACKNOWLEDGE_VISIT,
        "director" + schoolNo,
        null);
  }

  /** The demo's answers ({@link DemoVisitAnswers}) for the task's school and year. */
  FormSubmission submission(Task task, String decision) {
    int year =
        ((Number) tasks.getVariable(task.getId(), ProcessVariables.ACADEMIC_YEAR)).intValue();
    String school = (String) tasks.getVariable(task.getId(), ProcessVariables.SCHOOL_CODE);
    return DemoVisitAnswers.of(tasks, task, schoolNo(school), year, decision);
  }

  /** The number n of {@link #school(int)}. */
  static int schoolNo(String school) {
    return Integer.parseInt(school.substring(school.length() - 2));
  }
}
