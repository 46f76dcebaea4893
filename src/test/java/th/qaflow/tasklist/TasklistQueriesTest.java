package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * What a task list costs in engine statements, counted from the MyBatis mappers' statement log (as
 * ExternalPageQueriesTest does): the same few for 3 rows as for 30, not several per row; and the
 * rows say what {@code TaskService.getVariables} says, also for tasks in a school's branch of a
 * district-like process (a variable local to the branch, shadowing the process's).
 */
@QaFlowTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistQueriesTest {
  static final String FLAT = "TasklistQueriesFlat";
  static final String BRANCHES = "TasklistQueriesBranches";
  static final List<String> LOGGERS =
      List.of(
          "org.camunda.bpm.engine.impl.persistence.entity",
          "org.camunda.bpm.engine.impl.history",
          "org.camunda.bpm.engine.impl.batch",
          "org.camunda.bpm.engine.impl.cmmn",
          "org.camunda.bpm.engine.impl.dmn");
  static final Pattern MYBATIS = Pattern.compile("==>\\s+Preparing: (.*)$", Pattern.MULTILINE);
  static final List<String> SHOWN =
      List.of(
          ProcessVariables.SCHOOL_CODE,
          ProcessVariables.SCHOOL_NAME,
          ProcessVariables.ACADEMIC_YEAR,
          ProcessVariables.STAGE);

  @Autowired TaskWork work;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  final List<String> started = new ArrayList<>();

  @BeforeAll
  void deploy() {
    BpmnModelInstance flat =
        Bpmn.createExecutableProcess(FLAT)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("Task_Flat")
            .name("งานทดสอบรายการ")
            .camundaAssignee("${assignee}")
            .camundaCandidateGroups("${group}")
            .endEvent()
            .done();
    BpmnModelInstance branches =
        Bpmn.createExecutableProcess(BRANCHES)
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .subProcess("Branch")
            .embeddedSubProcess()
            .startEvent()
            .userTask("Task_Branch")
            .name("งานของสาขา")
            .camundaAssignee("${assignee}")
            .endEvent()
            .subProcessDone()
            .multiInstance()
            .parallel()
            .camundaCollection("${schools}")
            .camundaElementVariable(ProcessVariables.SCHOOL_CODE)
            .multiInstanceDone()
            .endEvent()
            .done();
    repository
        .createDeployment()
        .addModelInstance(FLAT + ".bpmn", flat)
        .addModelInstance(BRANCHES + ".bpmn", branches)
        .deploy();
  }

  @AfterEach
  void cleanUp() {
    LOGGERS.forEach(l -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(l, null));
    if (!started.isEmpty()) {
      runtime.deleteProcessInstances(List.copyOf(started), "test done", true, true);
      started.clear();
    }
  }

  @Test
  void aListCostsTheSameStatementsForThirtyRowsAsForThree(CapturedOutput output) {
    QaUser few = user("tlq-few", "tlq-few-group");
    QaUser many = user("tlq-many", "tlq-many-group");
    startFlat(few, 3);
    startFlat(many, 30);

    Map<String, Integer> mineFew = statements(output, () -> work.myTasks(few), 3);
    Map<String, Integer> mineMany = statements(output, () -> work.myTasks(many), 30);
    System.out.println("TASKLIST myTasks 3 rows: " + total(mineFew) + " statements " + mineFew);
    System.out.println("TASKLIST myTasks 30 rows: " + total(mineMany) + " statements " + mineMany);
    assertThat(total(mineMany))
        .as("statements for 30 rows vs 3: " + mineMany)
        .isEqualTo(total(mineFew))
        .isLessThanOrEqualTo(3);

    // a colleague of the group sees the same rows in the group list, at the same cost
    QaUser colleagueFew = user("tlq-few-2", "tlq-few-group");
    QaUser colleagueMany = user("tlq-many-2", "tlq-many-group");
    Map<String, Integer> groupFew = statements(output, () -> work.groupTasks(colleagueFew), 3);
    Map<String, Integer> groupMany = statements(output, () -> work.groupTasks(colleagueMany), 30);
    System.out.println("TASKLIST groupTasks 30 rows: " + total(groupMany) + " " + groupMany);
    assertThat(total(groupMany))
        .as("group list statements for 30 rows vs 3: " + groupMany)
        .isEqualTo(total(groupFew))
        .isLessThanOrEqualTo(3);
  }

  /**
   * The filtered, sorted, paged list with its counts: a fixed number of statements (the counts
   * beside the filters, the page's count and list, the variables), the same for 30 rows as for 3.
   */
  @Test
  void aFilteredPagedListCostsTheSameStatementsForThirtyRowsAsForThree(CapturedOutput output) {
    QaUser few = user("tlq-ffew", "tlq-ffew-group");
    QaUser many = user("tlq-fmany", "tlq-fmany-group");
    startFlat(few, 3);
    startFlat(many, 30);
    TaskFilter filter =
        new TaskFilter(
            TaskFilter.View.ALL,
            "โรงเรียนทดสอบ",
            null,
            2841,
            null,
            null,
            TaskFilter.Sort.DUE,
            1,
            TaskFilter.DEFAULT_SIZE);
    Map<String, Integer> listFew = statements(output, () -> work.list(few, filter).rows(), 3);
    Map<String, Integer> listMany = statements(output, () -> work.list(many, filter).rows(), 30);
    System.out.println("TASKLIST list 30 rows, filtered: " + total(listMany) + " " + listMany);
    assertThat(total(listMany))
        .as("filtered list statements for 30 rows vs 3: " + listMany)
        .isEqualTo(total(listFew))
        .isLessThanOrEqualTo(10);

    // page 2 of 25 a page, by school name, for a colleague (the group's tasks, claimed by
    // another): still the same few statements
    TaskFilter paged =
        new TaskFilter(
            TaskFilter.View.ALL, null, null, 2841, null, null, TaskFilter.Sort.SCHOOL, 2, 25);
    QaUser colleague = user("tlq-fmany-2", "tlq-fmany-group");
    Map<String, Integer> page2 = statements(output, () -> work.list(colleague, paged).rows(), 5);
    System.out.println("TASKLIST list page 2 of 30 rows: " + total(page2) + " " + page2);
    assertThat(total(page2)).isLessThanOrEqualTo(10);
    assertThat(work.list(colleague, paged).total()).isEqualTo(30);
  }

  @Test
  void rowsShowWhatTheEngineGivesEachTask() {
    QaUser user = user("tlq-rows", "tlq-rows-group");
    startFlat(user, 4);
    started.add(
        runtime
            .startProcessInstanceByKey(
                BRANCHES,
                Map.of(
                    "assignee",
                    user.userId(),
                    "schools",
                    List.of("TLQ-B1", "TLQ-B2"),
                    ProcessVariables.SCHOOL_CODE,
                    "TLQ-ROOT",
                    ProcessVariables.SCHOOL_NAME,
                    "เขตทดสอบ",
                    ProcessVariables.ACADEMIC_YEAR,
                    2841))
            .getId());

    List<TaskRow> rows = work.myTasks(user);

    assertThat(rows).hasSize(6);
    for (TaskRow row : rows) {
      Map<String, Object> engine = tasks.getVariables(row.id(), SHOWN);
      assertThat(row.schoolCode()).isEqualTo(engine.get(ProcessVariables.SCHOOL_CODE));
      assertThat(row.schoolName()).isEqualTo(engine.get(ProcessVariables.SCHOOL_NAME));
      assertThat(row.academicYear()).isEqualTo(engine.get(ProcessVariables.ACADEMIC_YEAR));
      assertThat(row.stage()).isEqualTo(engine.get(ProcessVariables.STAGE));
    }
    // the branch's own school, not the process's
    assertThat(rows)
        .extracting(TaskRow::schoolCode)
        .contains("TLQ-B1", "TLQ-B2", "TLQ-S0", "TLQ-S3")
        .doesNotContain("TLQ-ROOT");
    assertThat(rows).extracting(TaskRow::stage).contains("TLQ-STAGE-2").containsNull();
  }

  /** N tasks for the user, each in its own process, with a task-local stage. */
  private void startFlat(QaUser user, int n) {
    for (int i = 0; i < n; i++) {
      String id =
          runtime
              .startProcessInstanceByKey(
                  FLAT,
                  Map.of(
                      "assignee",
                      user.userId(),
                      "group",
                      user.groups().iterator().next(),
                      ProcessVariables.SCHOOL_CODE,
                      "TLQ-S" + i,
                      ProcessVariables.SCHOOL_NAME,
                      "โรงเรียนทดสอบ " + i,
                      ProcessVariables.ACADEMIC_YEAR,
                      2841))
              .getId();
      started.add(id);
      Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
      tasks.setVariableLocal(task.getId(), ProcessVariables.STAGE, "TLQ-STAGE-" + i);
    }
  }

  private Map<String, Integer> statements(
      CapturedOutput output, Supplier<List<TaskRow>> list, int rows) {
    LOGGERS.forEach(
        l -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(l, LogLevel.DEBUG));
    int from = output.length();
    List<TaskRow> found = list.get();
    String log = output.toString().substring(from);
    LOGGERS.forEach(l -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(l, null));
    assertThat(found).hasSize(rows);
    assertThat(found).allSatisfy(r -> assertThat(r.schoolName()).startsWith("โรงเรียนทดสอบ"));
    Map<String, Integer> counts = new TreeMap<>();
    Matcher m = MYBATIS.matcher(log);
    while (m.find()) {
      counts.merge(m.group(1).replaceAll("\\s+", " ").strip(), 1, Integer::sum);
    }
    return counts;
  }

  private static int total(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static QaUser user(String id, String group) {
    return new QaUser(id, id, Role.SUPERVISOR, "TLQ", null, Set.of(), Set.of(group));
  }
}
