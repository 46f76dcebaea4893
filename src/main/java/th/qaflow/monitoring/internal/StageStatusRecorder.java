package th.qaflow.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * Keeps {@code stage_status} in step with the engine. The Camunda Spring Boot starter publishes
 * every task event of every process ({@code camunda.bpm.eventing.task}) inside the engine's
 * command, so these writes share the engine's transaction: they commit or roll back with the task
 * change. Tasks count when their BPMN element has a {@code stage} property and their process a
 * {@code schoolCode} variable — the school cycle and the district's per-school processes alike,
 * without touching their BPMN. A process with a {@code districtCode} and no {@code schoolCode} (the
 * district's own work, e.g. DistrictQaCycle) writes the district's row {@link
 * StageRow#districtRow}.
 *
 * <p>The starter publishes the {@link DelegateTask} to all listeners first and then an immutable
 * {@link TaskEvent}; the due date is taken from the latter, after the cycle module has set it.
 */
@Component
class StageStatusRecorder {
  private final StageOrder stageOrder;
  private static final Object COMPLETED_KEY = new Object();

  private final StageStatusTable table;
  private final StageModel stages;
  private final OrganisationDirectory directory;
  private final Clock clock;

  StageStatusRecorder(
      StageStatusTable table,
      StageModel stages,
      OrganisationDirectory directory,
      Clock clock,
      StageOrder stageOrder) {

    this.stageOrder = stageOrder;
    this.table = table;
    this.stages = stages;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * Where a task belongs, from its process variables (and the organisation data for what is
   * missing).
   */
  record Subject(String schoolCode, int year, String districtCode, String clusterCode) {}

  @EventListener
  public void onTask(DelegateTask task) {
    Optional<String> stage =
        stages.stageOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    if (stage.isEmpty()) {
      return;
    }
    Subject subject = subject(task);
    if (subject == null) {
      return;
    }
    Instant now = clock.instant();
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> created(task, stage.get(), subject, now);
      case TaskListener.EVENTNAME_ASSIGNMENT ->
          table
              .find(subject.schoolCode(), subject.year(), stage.get())
              .filter(r -> task.getId().equals(r.taskId()))
              .ifPresent(r -> table.update(withAssignee(r, task.getAssignee()), now));
      case TaskListener.EVENTNAME_COMPLETE -> completed(task, stage.get(), subject, now);
      case TaskListener.EVENTNAME_DELETE -> deleted(task, stage.get(), subject, now);
      default -> {
        // update: the due date follows from the TaskEvent below
      }
    }
  }

  @EventListener(condition = "#event.eventName == 'create' or #event.eventName == 'update'")
  public void onTaskEvent(TaskEvent event) {
    table.setDue(
        event.getId(),
        event.getDueDate() == null ? null : event.getDueDate().toInstant(),
        clock.instant());
  }

  private void created(DelegateTask task, String stage, Subject s, Instant now) {
    Optional<StageRow> before = table.find(s.schoolCode(), s.year(), stage);
    String completedNow = completedInThisTransaction().get(s.schoolCode() + "-" + s.year());
    String returnedFrom = stageOrder.isAfter(completedNow, stage) ? completedNow : null;
    StageRow row =
        new StageRow(
            s.schoolCode(),
            s.year(),
            stage,
            s.districtCode(),
            s.clusterCode(),
            StageModel.processKey(task.getProcessDefinitionId()),
            task.getProcessInstanceId(),
            task.getId(),
            task.getTaskDefinitionKey(),
            StageRow.OPEN,
            before.map(StageRow::round).orElse(0) + 1,
            returnedFrom,
            task.getDueDate() == null ? null : task.getDueDate().toInstant(),
            task.getCreateTime() == null ? now : task.getCreateTime().toInstant(),
            before.map(StageRow::doneAt).orElse(null),
            before.map(StageRow::doneBy).orElse(null),
            task.getAssignee(),
            candidates(task));
    table.save(row, before.isPresent(), now);
  }

  private void completed(DelegateTask task, String stage, Subject s, Instant now) {
    completedInThisTransaction().put(s.schoolCode() + "-" + s.year(), stage);
    table
        .find(s.schoolCode(), s.year(), stage)
        .filter(r -> task.getId().equals(r.taskId()))
        .ifPresent(
            r ->
                table.update(
                    new StageRow(
                        r.schoolCode(),
                        r.academicYear(),
                        r.stage(),
                        r.districtCode(),
                        r.clusterCode(),
                        r.processKey(),
                        r.processInstanceId(),
                        r.taskId(),
                        r.taskKey(),
                        StageRow.DONE,
                        r.round(),
                        r.returnedFrom(),
                        r.dueAt(),
                        r.openedAt(),
                        now,
                        task.getAssignee(),
                        task.getAssignee(),
                        r.candidateGroups()),
                    now));
  }

  /**
   * A task ended without completion (process cancelled, interrupting event): back to its last
   * completion.
   */
  private void deleted(DelegateTask task, String stage, Subject s, Instant now) {
    table
        .find(s.schoolCode(), s.year(), stage)
        .filter(r -> task.getId().equals(r.taskId()) && r.open())
        .ifPresent(
            r -> {
              if (r.doneAt() == null) {
                table.delete(r.schoolCode(), r.academicYear(), r.stage());
              } else {
                table.update(
                    new StageRow(
                        r.schoolCode(),
                        r.academicYear(),
                        r.stage(),
                        r.districtCode(),
                        r.clusterCode(),
                        r.processKey(),
                        r.processInstanceId(),
                        r.taskId(),
                        r.taskKey(),
                        StageRow.DONE,
                        r.round(),
                        r.returnedFrom(),
                        r.dueAt(),
                        r.openedAt(),
                        r.doneAt(),
                        r.doneBy(),
                        r.doneBy(),
                        r.candidateGroups()),
                    now);
              }
            });
  }

  private Subject subject(DelegateTask task) {
    Object school = task.getVariable(ProcessVariables.SCHOOL_CODE);
    Object year = task.getVariable(ProcessVariables.ACADEMIC_YEAR);
    Object district = task.getVariable(ProcessVariables.DISTRICT_CODE);
    if (year == null) {
      return null;
    }
    int academicYear;
    try {
      academicYear =
          year instanceof Number n ? n.intValue() : Integer.parseInt(year.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (!(school instanceof String code) || code.isBlank()) {
      // a district-level task (no school): the district's own row
      return school == null && district instanceof String d && !d.isBlank()
          ? new Subject(StageRow.districtRow(d), academicYear, d, null)
          : null;
    }
    Object cluster = task.getVariable(ProcessVariables.CLUSTER_CODE);
    Optional<School> known =
        (district == null || cluster == null) ? directory.school(code) : Optional.empty();
    String districtCode =
        district != null ? district.toString() : known.map(School::districtCode).orElse(null);
    if (districtCode == null) {
      return null;
    }
    String clusterCode =
        cluster != null ? cluster.toString() : known.map(School::clusterCode).orElse(null);
    return new Subject(code, academicYear, districtCode, clusterCode);
  }

  static String candidates(DelegateTask task) {
    String groups =
        task.getCandidates().stream()
            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .sorted()
            .collect(Collectors.joining(","));
    return groups.isEmpty() ? null : groups.length() > 500 ? groups.substring(0, 500) : groups;
  }

  private static StageRow withAssignee(StageRow r, String assignee) {
    return new StageRow(
        r.schoolCode(),
        r.academicYear(),
        r.stage(),
        r.districtCode(),
        r.clusterCode(),
        r.processKey(),
        r.processInstanceId(),
        r.taskId(),
        r.taskKey(),
        r.state(),
        r.round(),
        r.returnedFrom(),
        r.dueAt(),
        r.openedAt(),
        r.doneAt(),
        r.doneBy(),
        assignee,
        r.candidateGroups());
  }

  /**
   * The stage last completed per school and year in the current transaction: a task created in the
   * same transaction for an EARLIER stage was sent back (returned) by that completion.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> completedInThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashMap<>();
    }
    Map<String, String> map =
        (Map<String, String>) TransactionSynchronizationManager.getResource(COMPLETED_KEY);
    if (map == null) {
      Map<String, String> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(COMPLETED_KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(COMPLETED_KEY);
            }
          });
      map = fresh;
    }
    return map;
  }
}
