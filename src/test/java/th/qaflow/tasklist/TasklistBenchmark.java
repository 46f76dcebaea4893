package th.qaflow.tasklist;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import th.qaflow.QaFlowTest;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Role;
import th.qaflow.security.QaUser;

/**
 * The group task list of a user with N = 3, 30, 300 tasks: engine statements and time per call,
 * beside the engine task query by candidate group that {@code GET
 * /engine-rest/task?candidateGroup=} runs (the same query without the rows' variables), interleaved
 * in the same run. Writes nothing: the figures go to docs/benchmarks/tasklist.md by hand. Run:
 * {@code ./mvnw -B -q test -Dqaflow.excludedGroups=none -Dtest=TasklistBenchmark
 * -Dqaflow.lint.skip=true}.
 */
@QaFlowTest
@Tag("benchmark")
@ExtendWith(OutputCaptureExtension.class)
class TasklistBenchmark {
  static final Pattern MYBATIS = Pattern.compile("==>\\s+Preparing: ", Pattern.MULTILINE);
  static final List<String> LOGGERS =
      List.of(
          "org.camunda.bpm.engine.impl.persistence.entity",
          "org.camunda.bpm.engine.impl.history",
          "org.camunda.bpm.engine.impl.cmmn",
          "org.camunda.bpm.engine.impl.dmn");

  @Autowired TaskWork work;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  @Test
  void groupList(CapturedOutput output) {
    repository
        .createDeployment()
        .addModelInstance(
            "TasklistBench.bpmn",
            Bpmn.createExecutableProcess("TasklistBench")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Bench")
                .name("งานวัดผล")
                .camundaCandidateGroups("${group}")
                .endEvent()
                .done())
        .deploy();
    int rounds = Integer.getInteger("tasklist.rounds", 20);
    for (int n : new int[] {3, 30, 300}) {
      String group = "tlb-group-" + n;
      for (int i = 0; i < n; i++) {
        String id =
            runtime
                .startProcessInstanceByKey(
                    "TasklistBench",
                    Map.of(
                        "group",
                        group,
                        ProcessVariables.SCHOOL_CODE,
                        "TLB-" + i,
                        ProcessVariables.SCHOOL_NAME,
                        "โรงเรียน " + i,
                        ProcessVariables.ACADEMIC_YEAR,
                        2842))
                .getId();
        Task t = tasks.createTaskQuery().processInstanceId(id).singleResult();
        tasks.setVariableLocal(t.getId(), ProcessVariables.STAGE, "PLANS");
      }
      QaUser user =
          new QaUser("tlb-" + n, "tlb", Role.SUPERVISOR, "TLB", null, Set.of(), Set.of(group));
      Supplier<Integer> list = () -> work.groupTasks(user).size();
      // the /tasks page's query: the group view's first page (100 rows) with every count beside
      // the filters
      TaskFilter groupView = TaskFilter.defaults().withView(TaskFilter.View.GROUP);
      Supplier<Integer> page = () -> work.list(user, groupView).rows().size();
      Supplier<Integer> engine =
          () ->
              tasks
                  .createTaskQuery()
                  .taskCandidateGroup(group)
                  .active()
                  .orderByDueDate()
                  .asc()
                  .listPage(0, 500)
                  .size();
      int listStatements = statements(output, list, n);
      int pageStatements = statements(output, page, Math.min(n, TaskFilter.DEFAULT_SIZE));
      int engineStatements = statements(output, engine, n);
      long[] listTimes = new long[rounds];
      long[] engineTimes = new long[rounds];
      long[] pageTimes = new long[rounds];
      for (int r = -3; r < rounds; r++) { // 3 warm-up rounds
        long t0 = System.nanoTime();
        list.get();
        long t1 = System.nanoTime();
        engine.get();
        long t2 = System.nanoTime();
        page.get();
        long t3 = System.nanoTime();
        if (r >= 0) {
          listTimes[r] = t1 - t0;
          engineTimes[r] = t2 - t1;
          pageTimes[r] = t3 - t2;
        }
      }
      double listP50 = p50(listTimes);
      double engineP50 = p50(engineTimes);
      System.out.printf(
          "TASKLIST-BENCH n=%d groupTasks: %d statements, p50 %.2f ms | engine query: %d"
              + " statements, p50 %.2f ms | ratio %.1f%n",
          n, listStatements, listP50, engineStatements, engineP50, listP50 / engineP50);
      double pageP50 = p50(pageTimes);
      System.out.printf(
          "TASKLIST-BENCH n=%d list page (group view, counts): %d statements, p50 %.2f ms | ratio"
              + " to engine query %.1f%n",
          n, pageStatements, pageP50, pageP50 / engineP50);
    }
  }

  private int statements(CapturedOutput output, Supplier<Integer> call, int expected) {
    LOGGERS.forEach(
        l -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(l, LogLevel.DEBUG));
    int from = output.length();
    int size = call.get();
    String log = output.toString().substring(from);
    LOGGERS.forEach(l -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(l, null));
    if (size != expected) {
      throw new AssertionError("rows: " + size + ", expected " + expected);
    }
    Matcher m = MYBATIS.matcher(log);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  private static double p50(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
