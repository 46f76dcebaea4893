package th.qaflow.demo;

import static th.qaflow.visit.DistrictVisitProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import th.qaflow.security.QaUsers;
import th.qaflow.visit.VisitRounds;

/**
 * The demo's visit round: round 1 of the year over cluster 1099-C1, launched by the QA officer,
 * with its four schools at different steps — school 1 done (its findings show in its next
 * self-check), school 2 waiting for the director's acknowledgement, school 3's report returned to
 * the supervisor, school 4 preparing evidence. Driven through the tasklist's completion, like
 * {@link DemoYear}.
 */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoVisits {
  private final VisitRounds rounds;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DemoSteps steps;
  private final QaUsers users;

  DemoVisits(
      VisitRounds rounds,
      RuntimeService runtime,
      TaskService tasks,
      DemoSteps steps,
      QaUsers users) {
    this.rounds = rounds;
    this.runtime = runtime;
    this.tasks = tasks;
    this.steps = steps;
    this.users = users;
  }

  /**
   * Last year's round 1 over the whole district, every school's visit completed: the district's
   * visit step of that year may close (coverage module), and this year's dashboard shows who is
   * still missing.
   */
  void loadLastYear(int lastYear) {
    steps.inYear(
        lastYear,
        () -> rounds.launch(users.byId("qaofficer"), DemoDistrict.DISTRICT, lastYear, 1, null));
    for (int n = 1; n <= 8; n++) {
      drive(n, lastYear, null);
    }
  }

  void load(int year) {
    steps.inYear(
        year,
        () -> rounds.launch(users.byId("qaofficer"), DemoDistrict.DISTRICT, year, 1, "1099-C1"));
    drive(1, year, null);
    drive(2, year, TASK_ACKNOWLEDGE_VISIT);
    drive(3, year, TASK_APPROVE_REPORT);
    String returned = instance(3, year);
    complete(returned, TASK_APPROVE_REPORT, "supdirector", 3, year, "return");
    drive(4, year, TASK_PREPARE_EVIDENCE);
  }

  /**
   * Completes the visit's tasks in order, stopping (open) at {@code stopAt}, or to the end when
   * null.
   */
  private void drive(int n, int year, String stopAt) {
    String pi = instance(n, year);
    for (String key : TASKS) {
      if (key.equals(stopAt)) {
        return;
      }
      String userId =
          switch (key) {
            case TASK_PLAN_VISIT, TASK_RECORD_FINDINGS -> n <= 4 ? "supervisor1" : "supervisor2";
            case TASK_APPOINT_COMMITTEE, TASK_APPROVE_REPORT -> "supdirector";
            case TASK_PREPARE_EVIDENCE -> "qa" + n;
            default -> "director" + n;
          };
      complete(pi, key, userId, n, year, "approve");
    }
  }

  private String instance(int n, int year) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey("109901000" + n, year, 1))
        .singleResult()
        .getId();
  }

  private void complete(
      String processInstanceId, String key, String userId, int n, int year, String decision) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(key)
            .singleResult();
    if (task == null) {
      throw new IllegalStateException("Demo visit of school " + n + " is not at " + key);
    }
    steps.complete(task, userId, DemoVisitAnswers.of(tasks, task, n, year, decision));
  }
}
