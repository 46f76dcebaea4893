package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;

/**
 * Property-style: random sequences of completions (with returns by the board, the director and the
 * district's SAR review), claims and timer firings under a controlled engine clock on a few
 * schools; after every step the read model equals what the engine's runtime and history say,
 * computed here independently, and equals a rebuild from history.
 */
@ProcessTest
class ReadModelPropertyTest {
  static final AtomicInteger NEXT_YEAR = new AtomicInteger(2700);
  static final List<String> SCHOOLS = List.of("1099010001", "1099010002", "1099010003");

  @Autowired th.qaflow.kernel.Stages stages;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired StageStatusTable table;
  @Autowired ReadModelRebuild rebuild;
  @Autowired PlatformTransactionManager transactions;

  int year;
  List<String> instances;

  @BeforeEach
  void setUp() {
    year = NEXT_YEAR.getAndIncrement();
    int ce = AcademicYears.firstCalendarYear(year);
    EngineTestClock.at(LocalDateTime.of(ce, 5, 16, 8, 0));
    instances = new ArrayList<>();
    for (String s : SCHOOLS) {
      instances.add(cycles.startSchool(s, year, "qaofficer").orElseThrow());
    }
  }

  @Test
  void readModelFollowsRandomWork() {
    Set<String> seen = new TreeSet<>(); // stages (and returned-from) the walks went through
    for (long seed : new long[] {1, 7, 42}) {
      Random random = new Random(seed);
      for (int step = 0; step < 70; step++) {
        int dice = random.nextInt(10);
        if (dice < 6) {
          completeRandomTask(random);
        } else if (dice < 7) {
          claimRandomTask(random);
        } else if (dice < 9) {
          fireNextTimer();
        } else {
          plusMinutes(random.nextInt(20) * 24 * 60);
        }
        plusMinutes(1);
        Set<String> facts = readModel();
        assertThat(facts).as("seed %d step %d", seed, step).isEqualTo(truth());
        facts.forEach(
            f ->
                seen.add(
                    f.split("\\|")[2]
                        + (f.split("\\|")[5].equals("null") ? "" : "<-" + f.split("\\|")[5])));
      }
      assertThat(rebuilt()).as("rebuild from history, seed %d", seed).isEqualTo(readModel());
      if (seed != 42) {
        setUp();
      }
    }
    assertThat(readModel()).isNotEmpty();
    // the walks reach the district's review and the returns: the property was checked where it
    // matters
    assertThat(seen).contains("SAR_REVIEW", "SAR_PUBLICATION", "STANDARDS<-STANDARDS_ENDORSEMENT");
    assertThat(seen).anyMatch(s -> s.startsWith("SAR_DRAFT<-"));
  }

  @Test
  void aRolledBackCompletionLeavesTheReadModelAsItWas() {
    Task task = tasks.createTaskQuery().processInstanceId(instances.get(0)).singleResult();
    Set<String> before = readModel();
    try {
      new TransactionTemplate(transactions)
          .executeWithoutResult(
              s -> {
                tasks.complete(task.getId());
                assertThat(readModel()).isNotEqualTo(before);
                throw new IllegalStateException("boom");
              });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(readModel()).isEqualTo(before);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  /**
   * The business keys of the schools' work this year: the school's cycle and the district's reviews
   * of its SAR.
   */
  private String[] keys() {
    return SCHOOLS.stream().map(s -> s + "-" + year).toArray(String[]::new);
  }

  private void completeRandomTask(Random random) {
    List<Task> open =
        tasks.createTaskQuery().processInstanceBusinessKeyIn(keys()).orderByTaskId().asc().list();
    if (open.isEmpty()) {
      return;
    }
    Task t = open.get(random.nextInt(open.size()));
    if (t.getAssignee() == null && random.nextBoolean()) {
      tasks.claim(t.getId(), "user" + random.nextInt(3));
    }
    Map<String, Object> vars = new HashMap<>();
    boolean back = random.nextInt(3) == 0;
    switch (t.getTaskDefinitionKey()) {
      case SchoolQaCycleProcess.TASK_BOARD_ENDORSE_STANDARDS ->
          vars.put("endorsementDecision", back ? "return" : "approve");
      case SchoolQaCycleProcess.TASK_DIRECTOR_REVIEW_SAR ->
          vars.put("directorDecision", back ? "returnToQa" : "toBoard");
      case SchoolQaCycleProcess.TASK_BOARD_APPROVE_SAR ->
          vars.put("boardDecision", back ? "return" : "approve");
      case SarReviewProcess.TASK_REVIEW_SAR -> {
        vars.put(
            SarReviewProcess.VAR_REVIEW_DECISION,
            back ? SarReviewProcess.DECISION_REVISE : SarReviewProcess.DECISION_ADVICE);
        vars.put(SarReviewProcess.VAR_REVIEW_COMMENTS, "ภาคผนวกไม่ครบ");
      }
      default -> {}
    }
    tasks.complete(t.getId(), vars);
  }

  private void claimRandomTask(Random random) {
    List<Task> open =
        tasks.createTaskQuery().processInstanceBusinessKeyIn(keys()).orderByTaskId().asc().list();
    if (!open.isEmpty()) {
      Task t = open.get(random.nextInt(open.size()));
      tasks.setAssignee(t.getId(), t.getAssignee() == null ? "claimer" : null);
    }
  }

  /** Moves the clock to the earliest timer of these cycles and fires every timer due by then. */
  private void fireNextTimer() {
    List<Job> timers = new ArrayList<>();
    for (String key : keys()) {
      for (ProcessInstance pi :
          runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
        timers.addAll(management.createJobQuery().timers().processInstanceId(pi.getId()).list());
      }
    }
    timers.stream()
        .map(Job::getDuedate)
        .min(Comparator.naturalOrder())
        .ifPresent(
            due -> {
              if (due.after(EngineTestClock.now())) {
                EngineTestClock.at(new Date(due.getTime() + 60_000));
              }
              for (Job j : timers) {
                if (!j.getDuedate().after(EngineTestClock.now())) {
                  management.executeJob(j.getId());
                  plusMinutes(1);
                }
              }
            });
  }

  private static void plusMinutes(long minutes) {
    EngineTestClock.at(new Date(EngineTestClock.now().getTime() + minutes * 60_000));
  }

  private Set<String> readModel() {
    Set<String> facts = new TreeSet<>();
    for (StageRow r : table.ofSchools(SCHOOLS, year)) {
      facts.add(r.facts());
    }
    return facts;
  }

  private Set<String> rebuilt() {
    Set<String> facts = new TreeSet<>();
    for (StageRow r : rebuild.compute()) {
      if (r.academicYear() == year && SCHOOLS.contains(r.schoolCode())) {
        facts.add(r.facts());
      }
    }
    return facts;
  }

  /** The truth, from the engine: per school and stage, the latest task decides. */
  private Set<String> truth() {
    Set<String> facts = new TreeSet<>();
    for (String school : SCHOOLS) {
      List<HistoricTaskInstance> all =
          history
              .createHistoricTaskInstanceQuery()
              .processInstanceBusinessKey(school + "-" + year)
              .list();
      Map<String, String> stageOfTask = new HashMap<>();
      for (HistoricTaskInstance h : all) {
        stageOfTask.put(h.getId(), stageOf(h));
      }
      Map<String, List<HistoricTaskInstance>> byStage = new HashMap<>();
      for (HistoricTaskInstance h : all) {
        byStage.computeIfAbsent(stageOfTask.get(h.getId()), k -> new ArrayList<>()).add(h);
      }
      for (var e : byStage.entrySet()) {
        List<HistoricTaskInstance> list = e.getValue();
        list.sort(
            Comparator.comparing(HistoricTaskInstance::getStartTime)
                .thenComparing(HistoricTaskInstance::getId));
        HistoricTaskInstance latest = list.get(list.size() - 1);
        Task open = tasks.createTaskQuery().taskId(latest.getId()).singleResult();
        HistoricTaskInstance lastDone = null;
        for (HistoricTaskInstance h : list) {
          if (h != latest && h.getEndTime() != null && "completed".equals(h.getDeleteReason())) {
            lastDone = h;
          }
        }
        String returnedFrom = null;
        if (open != null) {
          for (HistoricTaskInstance h : all) {
            String s = stageOfTask.get(h.getId());
            if (h.getEndTime() != null
                && h.getEndTime().equals(latest.getStartTime())
                && stages.position(s) > stages.position(e.getKey())) {
              returnedFrom = s;
            }
          }
        }
        boolean doneNow = open == null && "completed".equals(latest.getDeleteReason());
        String state = open != null ? "OPEN" : "DONE";
        Instant due = open != null ? instant(open.getDueDate()) : instant(latest.getDueDate());
        Instant doneAt =
            doneNow
                ? instant(latest.getEndTime())
                : lastDone == null ? null : instant(lastDone.getEndTime());
        String doneBy =
            doneNow ? latest.getAssignee() : lastDone == null ? null : lastDone.getAssignee();
        facts.add(
            String.join(
                "|",
                school,
                String.valueOf(year),
                e.getKey(),
                state,
                String.valueOf(list.size()),
                String.valueOf(returnedFrom),
                latest.getId(),
                String.valueOf(due),
                String.valueOf(doneAt),
                String.valueOf(doneBy),
                String.valueOf(open != null ? open.getAssignee() : null),
                latest.getProcessInstanceId()));
      }
    }
    return facts;
  }

  private String stageOf(HistoricTaskInstance h) {
    Task open = tasks.createTaskQuery().taskId(h.getId()).singleResult();
    if (open != null) {
      return (String) tasks.getVariableLocal(h.getId(), "stage");
    }
    return history
        .createHistoricVariableInstanceQuery()
        .taskIdIn(h.getId())
        .variableName("stage")
        .singleResult()
        .getValue()
        .toString();
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }
}
