package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.Role;
import th.qaflow.security.QaUser;
import th.qaflow.support.StatementLog;

/**
 * The counts beside the task list's filters (one statement of our own when no variable filter is
 * set, the engine's count queries otherwise) agree with the tasks themselves, on H2; the same check
 * runs on PostgreSQL in PostgresIntegrationTest.
 */
@QaFlowTest
@ExtendWith(OutputCaptureExtension.class)
class TaskCountsTest {
  @Autowired TaskWork work;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  @Test
  void theCountsBesideTheFiltersAreWhatTheTasksAre() {
    TaskCountsCheck.verify(work, tasks, runtime, repository, "tcc");
  }

  /**
   * The list a user opens: its six counts and the page's count of dated tasks are one statement;
   * each count statement of the engine scans the candidate links of every active task (29,000
   * schools: docs/benchmarks/national.md).
   */
  @Test
  void theListAUserOpensCountsInOneStatement(CapturedOutput output) {
    QaUser user =
        new QaUser("tcs-me", "tcs-me", Role.SUPERVISOR, "TCS", null, Set.of(), Set.of("tcs-g"));
    work.list(user, TaskFilter.defaults());
    Map<String, Integer> counts =
        StatementLog.during(output, () -> work.list(user, TaskFilter.defaults()));
    long countStatements =
        counts.entrySet().stream()
            .filter(e -> e.getKey().toLowerCase().contains("count(") || e.getKey().contains("sum("))
            .mapToInt(Map.Entry::getValue)
            .sum();
    assertThat(countStatements).as("count statements: %s", counts).isEqualTo(1);
  }
}
