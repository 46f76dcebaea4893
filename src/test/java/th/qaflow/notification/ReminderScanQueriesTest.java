package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.notification.NotificationFixture.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import th.qaflow.QaFlowTest;
import th.qaflow.notification.internal.CandidateGroups;
import th.qaflow.notification.internal.Preferences;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.StatementLog;

/**
 * What a reminder scan costs in statements (engine MyBatis statements and the app's own JDBC,
 * counted from their debug logs): sixty more open tasks must not add statements per task, which is
 * what made the scan stall from ~6,000 school cycles on (issue 17). And the candidate groups read
 * in one query are the engine's own, task by task, claimed or not.
 */
@QaFlowTest
@ExtendWith({OutputCaptureExtension.class, EngineTestClock.class})
class ReminderScanQueriesTest {
  static final String PROCESS = "ReminderScanQueries";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ReminderScanner scanner;
  @Autowired Preferences preferences;
  @Autowired OrganisationImport organisation;
  @Autowired CandidateGroups candidates;
  @Autowired Clock clock;

  @Test
  void sixtyMoreTasksAddNoStatementsPerTask(CapturedOutput output) {
    importDistrict(organisation);
    preferences.set(QA1, NotificationMode.IMMEDIATE, clock.instant());
    preferences.set(QA2, NotificationMode.IMMEDIATE, clock.instant());
    deploy();
    clock(LocalDate.of(2097, 6, 5).atTime(8, 0)); // five days before the tasks' due date
    List<String> started = new ArrayList<>();
    start(5, started);
    scanner.scan(); // decides the new tasks' reminders (and earlier tests' escalations) once
    Map<String, Integer> few = statements(output);

    start(60, started);
    ReminderScanner.Result decided = scanner.scan();
    assertThat(decided.reminders())
        .as("each new school task reminds both QA members once")
        .isEqualTo(2 * 30);
    Map<String, Integer> many = statements(output);

    System.out.println("SCAN 5 tasks: " + StatementLog.total(few) + " statements " + few);
    System.out.println("SCAN 65 tasks: " + StatementLog.total(many) + " statements " + many);
    assertThat(StatementLog.total(many) - StatementLog.total(few))
        .as("statements added by 60 more open tasks (a page of up to 200 tasks costs a few)")
        .isLessThanOrEqualTo(8);
    // the supervisors read their tasks in a digest: whether today's digests are written already
    // is one query for everyone (at 29,000 schools a query a person was ~40,000 a scan)
    assertThat(many.keySet())
        .as("statements of the scan: %s", many)
        .anyMatch(s -> s.startsWith("select dedup_key from mail_outbox where dedup_key in"))
        .noneMatch(s -> s.startsWith("select count(*) from mail_outbox where dedup_key"));
    runtime.deleteProcessInstances(started, "test done", true, true);
  }

  @Test
  void candidateGroupsInOneQueryAreTheEnginesOwn() {
    importDistrict(organisation);
    deploy();
    List<String> started = new ArrayList<>();
    start(4, started);
    List<Task> open = tasks.createTaskQuery().processDefinitionKey(PROCESS).list();
    tasks.claim(open.get(0).getId(), QA1); // a claimed task keeps its candidate groups
    Map<String, List<String>> read = candidates.of(open.stream().map(Task::getId).toList());
    for (Task t : open) {
      List<String> engine =
          tasks.getIdentityLinksForTask(t.getId()).stream()
              .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
              .map(l -> l.getGroupId())
              .sorted()
              .toList();
      assertThat(read.get(t.getId())).as("task %s", t.getId()).isEqualTo(engine).isNotEmpty();
    }
    assertThat(candidates.of(List.of("no-such-task"))).containsEntry("no-such-task", List.of());
    runtime.deleteProcessInstances(started, "test done", true, true);
  }

  private void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() > 0) {
      return;
    }
    repository
        .createDeployment()
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_ScanQueries")
                .name("งานทดสอบการสแกน")
                .camundaCandidateGroups("${group}")
                .camundaDueDate("2097-06-10T23:59:59+07:00")
                .endEvent()
                .done())
        .deploy();
  }

  /** Half the tasks are the school QA group's, half its cluster supervisors'. */
  private void start(int n, List<String> started) {
    for (int i = 0; i < n; i++) {
      String group = i % 2 == 0 ? Groups.schoolQa(SCHOOL) : Groups.clusterSupervisor(CLUSTER);
      started.add(
          runtime
              .startProcessInstanceByKey(
                  PROCESS,
                  Map.of(
                      "schoolCode",
                      SCHOOL,
                      "districtCode",
                      DISTRICT,
                      "stage",
                      "PLANS",
                      "group",
                      group))
              .getId());
    }
  }

  private Map<String, Integer> statements(CapturedOutput output) {
    return StatementLog.during(output, scanner::scan);
  }
}
