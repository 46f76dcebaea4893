package th.qaflow.district.internal;

import static th.qaflow.district.DistrictQaCycleProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.district.SynthesisApproved;
import th.qaflow.kernel.EscalationDue;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * The service tasks of DistrictQaCycle, used by the BPMN as the bean {@code districtCycleSteps}
 * (models deployed before version 3 call it {@code districtCycles}, an alias kept for their running
 * instances: {@link OldModelBeanNames}). They run inside the engine's transaction: what they start,
 * set and publish commits or rolls back with the process.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("districtCycleSteps")
public class DistrictCycleSteps {
  private final Clock clock;
  private final CycleService cycles;
  private final SchoolCycles schoolCycles;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final ApplicationEventPublisher events;

  DistrictCycleSteps(
      CycleService cycles,
      SchoolCycles schoolCycles,
      OrganisationDirectory directory,
      @Lazy TaskService tasks,
      ApplicationEventPublisher events,
      Clock clock) {

    this.clock = clock;
    this.cycles = cycles;
    this.schoolCycles = schoolCycles;
    this.directory = directory;
    this.tasks = tasks;
    this.events = events;
  }

  /**
   * Task_StartSchoolCycles: every school of the district gets its SchoolQaCycle for the year (never
   * a second).
   */
  public void startSchoolCycles(DelegateExecution execution) {
    CycleService.StartYearResult result =
        cycles.startYear(
            district(execution),
            year(execution),
            String.valueOf(execution.getVariable(VAR_STARTED_BY)));
    execution.setVariable(VAR_SCHOOL_CYCLES_STARTED, result.started().size());
    execution.setVariable(VAR_SCHOOL_CYCLES_RUNNING, result.alreadyRunning().size());
  }

  /**
   * Task_ListMissingSars, at the SAR deadline: lists the schools whose cycle has not submitted its
   * SAR (or that have no cycle) and chases each school that has an open task: an {@link
   * EscalationDue} to its director and to its cluster's supervisors, which the notification module
   * turns into mails (once per task and level).
   */
  public void listMissingSars(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    List<String> missing = new ArrayList<>();
    for (School school : directory.schoolsOfDistrict(district)) {
      if (schoolCycles.sarSubmitted(school.code(), year)) {
        continue;
      }
      missing.add(school.code());
      Task open =
          tasks
              .createTaskQuery()
              .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
              .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(school.code(), year))
              .orderByTaskCreateTime()
              .asc()
              .listPage(0, 1)
              .stream()
              .findFirst()
              .orElse(null);
      if (open == null) {
        continue; // no cycle, or waiting for a timer: listed for the officer, nobody to mail about
        // a task
      }
      for (String level :
          List.of(SchoolQaCycleProcess.LEVEL_DIRECTOR, SchoolQaCycleProcess.LEVEL_SUPERVISOR)) {
        events.publishEvent(
            new EscalationDue(
                open.getProcessInstanceId(),
                open.getId(),
                school.code(),
                year,
                SchoolStage.SAR_SUBMISSION.name(),
                level,
                open.getDueDate())); // the task's own date, not the SAR deadline
      }
    }
    execution.setVariable(VAR_MISSING_SCHOOLS, String.join(",", missing));
    execution.setVariable(VAR_MISSING_SAR_COUNT, missing.size());
  }

  /**
   * Task_PublishSynthesis: publishes {@link SynthesisApproved} with the synthesis form's narrative,
   * the supervision director who approved it and when.
   */
  public void publishSynthesis(DelegateExecution execution) {
    Map<String, Object> narrative = new LinkedHashMap<>();
    for (String name : SYNTHESIS_NARRATIVE) {
      Object value = execution.getVariable(name);
      narrative.put(name, value == null ? "" : value);
    }
    String approvedBy = (String) execution.getVariable(VAR_SYNTHESIS_DECIDED_BY);
    Instant approvedAt =
        execution.getVariable(VAR_SYNTHESIS_DECIDED_AT) instanceof Date at
            ? at.toInstant()
            : clock.instant();
    events.publishEvent(
        new SynthesisApproved(
            district(execution), year(execution), narrative, approvedBy, approvedAt));
  }

  /**
   * Task_ApproveSynthesis on complete: who decided (the task's assignee, else the signed-in user)
   * and when (the engine clock), for the publication.
   */
  public void synthesisDecided(DelegateTask task) {
    String by = task.getAssignee();
    if (by == null
        && task.getProcessEngineServices().getIdentityService().getCurrentAuthentication()
            != null) {
      by =
          task.getProcessEngineServices()
              .getIdentityService()
              .getCurrentAuthentication()
              .getUserId();
    }
    task.getExecution().setVariable(VAR_SYNTHESIS_DECIDED_BY, by);
    task.getExecution().setVariable(VAR_SYNTHESIS_DECIDED_AT, Date.from(clock.instant()));
  }

  private static String district(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.DISTRICT_CODE);
  }

  private static int year(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }
}
