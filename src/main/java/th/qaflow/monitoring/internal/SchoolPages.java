package th.qaflow.monitoring.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.ReportedLevels;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.documents.DocumentVersion;
import th.qaflow.documents.Documents;
import th.qaflow.kernel.ProcessVariables;

/**
 * The school page's engine reads (public API only): the year's task history with decisions and
 * comments, the diagram state of each process, the documents with their versions, and the SAR
 * levels per standard across the school's past years.
 */
@Component
class SchoolPages {
  private final SchoolCycles schoolCycles;
  private final StageOrder stageOrder;

  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final StageModel stages;
  private final StageStatusTable table;
  private final Documents documents;

  SchoolPages(
      @Lazy HistoryService history,
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      @Lazy RepositoryService repository,
      StageModel stages,
      StageStatusTable table,
      Documents documents,
      StageOrder stageOrder,
      SchoolCycles schoolCycles) {

    this.schoolCycles = schoolCycles;

    this.stageOrder = stageOrder;
    this.history = history;
    this.runtime = runtime;
    this.tasks = tasks;
    this.repository = repository;
    this.stages = stages;
    this.table = table;
    this.documents = documents;
  }

  record Decision(String name, String value) {}

  record Step(
      String taskId,
      String name,
      String stage,
      Instant started,
      Instant ended,
      Instant due,
      String by,
      boolean completed,
      List<Decision> decisions,
      List<Comment> comments) {}

  record ProcessView(
      String id,
      String processKey,
      String definitionId,
      boolean active,
      List<Step> steps,
      Set<String> activeActivities,
      Set<String> completedActivities) {}

  record DocumentView(DocumentVersion latest, List<DocumentVersion> versions) {}

  record Levels(
      List<Integer> years,
      Map<String, String> standardLabels,
      Map<String, Map<Integer, String>> byStandard) {}

  List<StageRow> stageRows(String schoolCode, int year) {
    List<StageRow> rows = new ArrayList<>(table.ofSchool(schoolCode, year));
    rows.sort(Comparator.comparing(StageRow::stage, stageOrder.comparator()));
    return rows;
  }

  List<ProcessView> processes(String schoolCode, int year) {
    List<HistoricProcessInstance> instances =
        history
            .createHistoricProcessInstanceQuery()
            .variableValueEquals(ProcessVariables.SCHOOL_CODE, schoolCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, year)
            .orderByProcessInstanceStartTime()
            .asc()
            .list();
    List<ProcessView> result = new ArrayList<>();
    for (HistoricProcessInstance pi : instances) {
      result.add(process(pi, schoolCode));
    }
    return result;
  }

  /**
   * Which of the process's tasks are this school's: all of them for the school's own process (a
   * {@code schoolCode} on the process itself); in a district's process (the ONESQA coordination
   * runs one readiness branch per school) only the tasks marked with this school (a task-local
   * {@code schoolCode}, see cycle's TaskDeadlines). Other schools' entries, and unmarked ones,
   * never show. Null when the whole process is the school's.
   */
  private Predicate<HistoricTaskInstance> ownTasks(String processInstanceId, String schoolCode) {
    Set<String> ownTaskIds = new HashSet<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableName(ProcessVariables.SCHOOL_CODE)
            .includeDeleted()
            .disableCustomObjectDeserialization()
            .list()) {
      if (!schoolCode.equals(v.getValue())) {
        continue;
      }
      if (v.getTaskId() == null && processInstanceId.equals(v.getExecutionId())) {
        return null;
      }
      if (v.getTaskId() != null) {
        ownTaskIds.add(v.getTaskId());
      }
    }
    return t -> ownTaskIds.contains(t.getId());
  }

  private ProcessView process(HistoricProcessInstance pi, String schoolCode) {
    Map<String, List<Decision>> decisions = decisionsByActivityInstance(pi.getId());
    Predicate<HistoricTaskInstance> own = ownTasks(pi.getId(), schoolCode);
    boolean wholeProcess = own == null;
    List<Step> steps = new ArrayList<>();
    Set<String> ownKeys = new LinkedHashSet<>();
    Set<String> ownActive = new LinkedHashSet<>();
    for (HistoricTaskInstance t :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(pi.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderByTaskId()
            .asc()
            .list()) {
      if (!wholeProcess && !own.test(t)) {
        continue;
      }
      (t.getEndTime() == null ? ownActive : ownKeys).add(t.getTaskDefinitionKey());
      steps.add(
          new Step(
              t.getId(),
              t.getName(),
              stages.stageOf(t.getProcessDefinitionId(), t.getTaskDefinitionKey()).orElse(null),
              instant(t.getStartTime()),
              instant(t.getEndTime()),
              instant(t.getDueDate()),
              t.getAssignee(),
              "completed".equals(t.getDeleteReason()),
              decisions.getOrDefault(t.getActivityInstanceId(), List.of()),
              tasks.getTaskComments(t.getId())));
    }
    boolean active = pi.getEndTime() == null;
    Set<String> activeIds = new LinkedHashSet<>();
    if (active && runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      activeIds.addAll(runtime.getActiveActivityIds(pi.getId()));
    }
    Set<String> completed = new LinkedHashSet<>();
    for (HistoricActivityInstance a :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(pi.getId())
            .finished()
            .list()) {
      completed.add(a.getActivityId());
    }
    if (!wholeProcess) {
      // a district's process: the diagram marks only where this school's own branch stands
      activeIds = ownActive;
      completed = ownKeys;
    }
    return new ProcessView(
        pi.getId(),
        pi.getProcessDefinitionKey(),
        pi.getProcessDefinitionId(),
        active,
        steps,
        activeIds,
        completed);
  }

  /** Decision and comment variables set by completing a task, by the task's activity instance. */
  private Map<String, List<Decision>> decisionsByActivityInstance(String processInstanceId) {
    Map<String, List<Decision>> result = new LinkedHashMap<>();
    for (HistoricDetail d :
        history
            .createHistoricDetailQuery()
            .processInstanceId(processInstanceId)
            .variableUpdates()
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .orderByTime()
            .asc()
            .list()) {
      if (d instanceof HistoricVariableUpdate u
          && isDecision(u.getVariableName())
          && u.getValue() != null
          && d.getActivityInstanceId() != null) {
        result
            .computeIfAbsent(d.getActivityInstanceId(), k -> new ArrayList<>())
            .add(new Decision(u.getVariableName(), String.valueOf(u.getValue())));
      }
    }
    return result;
  }

  static boolean isDecision(String name) {
    return name != null
        && !name.contains("[")
        && (name.endsWith("Decision") || name.endsWith("Comments") || name.endsWith("Comment"));
  }

  /** The BPMN XML of a process definition, for bpmn-js; empty if there is none. */
  Optional<String> diagramXml(String processDefinitionId) {
    try (InputStream in = repository.getProcessModel(processDefinitionId)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** Is this process instance about this school? (the diagram endpoint checks before serving) */
  Optional<HistoricProcessInstance> processOfSchool(String processInstanceId, String schoolCode) {
    HistoricProcessInstance pi =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableValueEquals(ProcessVariables.SCHOOL_CODE, schoolCode)
            .singleResult();
    return Optional.ofNullable(pi);
  }

  List<DocumentView> documents(String schoolCode, int year) {
    return documents.ofSchool(schoolCode, year).stream()
        .map(v -> new DocumentView(v, documents.versions(v.documentId())))
        .toList();
  }

  /** Achieved levels per standard from the SAR of each past year (the school cycle's API). */
  Levels levels(String schoolCode) {
    TreeSet<Integer> years = new TreeSet<>();
    Map<String, String> labels = new TreeMap<>();
    Map<String, Map<Integer, String>> byStandard = new TreeMap<>();
    for (ReportedLevels year : schoolCycles.reportedLevels(schoolCode)) {
      for (ReportedLevels.Level level : year.levels()) {
        years.add(year.academicYear());
        labels.putIfAbsent(level.standardCode(), level.standardLabel());
        byStandard
            .computeIfAbsent(level.standardCode(), k -> new TreeMap<>())
            .put(year.academicYear(), level.achievedLevel());
      }
    }
    return new Levels(new ArrayList<>(years), labels, byStandard);
  }

  private static Instant instant(java.util.Date d) {
    return d == null ? null : d.toInstant();
  }
}
