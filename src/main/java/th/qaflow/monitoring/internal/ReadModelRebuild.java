package th.qaflow.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * Rebuilds {@code stage_status} from the engine's history (public API only): every process with a
 * {@code schoolCode} variable (or, for the district's own work, a {@code districtCode} and no
 * school), every user task with a stage. Replaces the whole table in one transaction. The same
 * rules as {@link StageStatusRecorder}: the latest task of a stage decides (open, done, or deleted
 * — then its last completion counts); a task created right when a LATER stage of the same school
 * and year was completed was returned.
 */
@Component
class ReadModelRebuild {
  private final StageOrder stageOrder;
  private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
  static final int PAGE = 2000;

  /** A task created this soon after the completion that led to it counts as created by it. */
  static final Duration SAME_COMMAND = Duration.ofSeconds(2);

  private final HistoryService history;
  private final TaskService tasks;
  private final StageModel stages;
  private final StageStatusTable table;
  private final OrganisationDirectory directory;
  private final Clock clock;
  private final TransactionTemplate tx;

  ReadModelRebuild(
      @Lazy HistoryService history,
      @Lazy TaskService tasks,
      StageModel stages,
      StageStatusTable table,
      OrganisationDirectory directory,
      Clock clock,
      PlatformTransactionManager transactions,
      StageOrder stageOrder) {

    this.stageOrder = stageOrder;
    this.history = history;
    this.tasks = tasks;
    this.stages = stages;
    this.table = table;
    this.directory = directory;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  /** Rebuilds the whole table; returns the number of rows written. */
  public int rebuild() {
    long started = System.nanoTime();
    List<StageRow> rows = compute();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        s -> {
          table.deleteAll();
          table.insertAll(rows, now);
        });
    log.info(
        "Monitoring read model rebuilt from history: {} rows in {} ms",
        rows.size(),
        (System.nanoTime() - started) / 1_000_000);
    return rows.size();
  }

  /** What the read model should hold, from history and the open tasks. */
  List<StageRow> compute() {
    Map<String, String> school = variables(ProcessVariables.SCHOOL_CODE);
    Map<String, String> year = variables(ProcessVariables.ACADEMIC_YEAR);
    Map<String, String> district = variables(ProcessVariables.DISTRICT_CODE);
    Map<String, String> cluster = variables(ProcessVariables.CLUSTER_CODE);

    // school-year -> its tasks that carry a stage
    Map<String, List<Staged>> bySchoolYear = new HashMap<>();
    Map<String, School> schools = new HashMap<>();
    ReadModelRebuild.<HistoricTaskInstance>pages(
        first ->
            history
                .createHistoricTaskInstanceQuery()
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderByTaskId()
                .asc()
                .listPage(first, PAGE),
        t -> {
          String code = school.get(t.getProcessInstanceId());
          String y = year.get(t.getProcessInstanceId());
          boolean districtLevel = false;
          if (code == null
              && district.get(t.getProcessInstanceId()) != null
              && !district.get(t.getProcessInstanceId()).isBlank()) {
            // a district-level process (no schoolCode): the district's own row, as
            // StageStatusRecorder writes it
            code = StageRow.districtRow(district.get(t.getProcessInstanceId()));
            districtLevel = true;
          }
          if (code == null || y == null || t.getProcessDefinitionId() == null) {
            return;
          }
          Optional<String> stage =
              stages.stageOf(t.getProcessDefinitionId(), t.getTaskDefinitionKey());
          if (stage.isEmpty()) {
            return;
          }
          int academicYear;
          try {
            academicYear = Integer.parseInt(y.trim());
          } catch (NumberFormatException e) {
            return;
          }
          String d = district.get(t.getProcessInstanceId());
          String c = cluster.get(t.getProcessInstanceId());
          if (!districtLevel && (d == null || c == null)) {
            School known = schools.computeIfAbsent(code, k -> directory.school(k).orElse(null));
            d = d != null ? d : known == null ? null : known.districtCode();
            c = c != null ? c : known == null ? null : known.clusterCode();
          }
          if (d == null) {
            return;
          }
          bySchoolYear
              .computeIfAbsent(code + "|" + academicYear, k -> new ArrayList<>())
              .add(new Staged(t, stage.get(), code, academicYear, d, c));
        });

    List<StageRow> rows = new ArrayList<>();
    for (List<Staged> all : bySchoolYear.values()) {
      List<Staged> completions =
          all.stream()
              .filter(Staged::completed)
              .sorted(
                  Comparator.comparing((Staged s) -> s.task().getEndTime())
                      .thenComparing(s -> s.task().getId()))
              .toList();
      Map<String, List<Staged>> byStage =
          all.stream()
              .collect(Collectors.groupingBy(Staged::stage, TreeMap::new, Collectors.toList()));
      for (List<Staged> ofStage : byStage.values()) {
        ofStage.sort(
            Comparator.comparing((Staged s) -> s.task().getStartTime())
                .thenComparing(s -> s.task().getId()));
        row(ofStage, completions).ifPresent(rows::add);
      }
    }
    return rows;
  }

  private Optional<StageRow> row(List<Staged> ofStage, List<Staged> completions) {
    Staged latest = ofStage.get(ofStage.size() - 1);
    HistoricTaskInstance t = latest.task();
    Staged lastDone = null;
    for (Staged s : ofStage) {
      if (s.completed() && s != latest) {
        lastDone = s;
      }
    }
    boolean open = t.getEndTime() == null;
    String state;
    Instant doneAt;
    String doneBy;
    String assignee;
    Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
    if (open) {
      state = StageRow.OPEN;
      doneAt = lastDone == null ? null : lastDone.task().getEndTime().toInstant();
      doneBy = lastDone == null ? null : lastDone.task().getAssignee();
      assignee = t.getAssignee();
    } else if (latest.completed()) {
      state = StageRow.DONE;
      doneAt = t.getEndTime().toInstant();
      doneBy = t.getAssignee();
      assignee = t.getAssignee();
    } else if (lastDone != null) {
      state = StageRow.DONE;
      doneAt = lastDone.task().getEndTime().toInstant();
      doneBy = lastDone.task().getAssignee();
      assignee = doneBy;
      due = lastDone.task().getDueDate() == null ? null : lastDone.task().getDueDate().toInstant();
    } else {
      return Optional.empty();
    }
    String returnedFrom = open ? returnedFrom(latest, completions) : null;
    String groups = open ? candidates(t.getId()) : null;
    return Optional.of(
        new StageRow(
            latest.school(),
            latest.year(),
            latest.stage(),
            latest.district(),
            latest.cluster(),
            StageModel.processKey(t.getProcessDefinitionId()),
            t.getProcessInstanceId(),
            t.getId(),
            t.getTaskDefinitionKey(),
            state,
            ofStage.size(),
            returnedFrom,
            due,
            t.getStartTime().toInstant(),
            doneAt,
            doneBy,
            assignee,
            groups));
  }

  /** The later stage whose completion created this task, if one did. */
  private String returnedFrom(Staged task, List<Staged> completions) {
    Instant created = task.task().getStartTime().toInstant();
    Staged before = null;
    for (Staged c : completions) {
      if (!c.task().getEndTime().toInstant().isAfter(created)) {
        before = c;
      }
    }
    if (before == null
        || before.task().getEndTime().toInstant().isBefore(created.minus(SAME_COMMAND))) {
      return null;
    }
    return stageOrder.isAfter(before.stage(), task.stage()) ? before.stage() : null;
  }

  private String candidates(String taskId) {
    String groups =
        tasks.getIdentityLinksForTask(taskId).stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .sorted()
            .collect(Collectors.joining(","));
    return groups.isEmpty() ? null : groups;
  }

  private Map<String, String> variables(String name) {
    Map<String, String> byProcess = new HashMap<>();
    ReadModelRebuild.<HistoricVariableInstance>pages(
        first ->
            history
                .createHistoricVariableInstanceQuery()
                .variableName(name)
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .orderByProcessInstanceId()
                .asc()
                .listPage(first, PAGE),
        v -> {
          if (v.getValue() != null
              && v.getProcessInstanceId() != null
              && (v.getTaskId() == null || v.getTaskId().isEmpty())) {
            byProcess.putIfAbsent(v.getProcessInstanceId(), v.getValue().toString());
          }
        });
    return byProcess;
  }

  private static <T> void pages(
      java.util.function.IntFunction<List<T>> fetch, java.util.function.Consumer<T> each) {
    int first = 0;
    while (true) {
      List<T> page = fetch.apply(first);
      page.forEach(each);
      if (page.size() < PAGE) {
        return;
      }
      first += PAGE;
    }
  }

  private record Staged(
      HistoricTaskInstance task,
      String stage,
      String school,
      int year,
      String district,
      String cluster) {
    boolean completed() {
      return task.getEndTime() != null && "completed".equals(task.getDeleteReason());
    }
  }
}
