package th.qaflow.cycle.internal;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import th.qaflow.cycle.AcceptedSar;
import th.qaflow.cycle.DistrictSars;
import th.qaflow.cycle.ReportedLevels;
import th.qaflow.cycle.SarAdvice;
import th.qaflow.cycle.SarReviewOutcome;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.cycle.SchoolYear;
import th.qaflow.cycle.SelfCheck;
import th.qaflow.cycle.SubmittedSar;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.SarReviewAnswered;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.standards.StandardsCatalog;

/**
 * The school cycle's contract with the district: its SARs read from the engine's history (which
 * holds running and ended instances alike, with each variable's latest value), and the district's
 * answer to a submission.
 */
@Service
class EngineSchoolCycles implements SchoolCycles {
  /** Instances per variable query (keeps the IN list short on every database). */
  static final int CHUNK = 200;

  static final String[] VARIABLES =
      Stream.concat(
              Stream.of(
                  ProcessVariables.SCHOOL_CODE,
                  ProcessVariables.SCHOOL_NAME,
                  ProcessVariables.CLUSTER_CODE,
                  VAR_SAR_REVIEW_DECISION),
              SarRecords.VARIABLES.stream())
          .toArray(String[]::new);

  /** What {@link #year} reads of a cycle. */
  static final String[] YEAR_VARIABLES =
      Stream.concat(SarRecords.ROW_LISTS.stream(), Stream.of(SarRecords.BOARD_RECOMMENDATIONS))
          .toArray(String[]::new);

  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final OrganisationDirectory directory;
  private final SarSubmissions submissions;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  EngineSchoolCycles(
      @Lazy HistoryService history,
      @Lazy RuntimeService runtime,
      @Lazy RepositoryService repository,
      OrganisationDirectory directory,
      SarSubmissions submissions,
      ApplicationEventPublisher events,
      Clock clock) {
    this.events = events;
    this.clock = clock;
    this.history = history;
    this.runtime = runtime;
    this.repository = repository;
    this.directory = directory;
    this.submissions = submissions;
  }

  @Override
  public DistrictSars sars(String districtCode, int academicYear) {
    List<HistoricProcessInstance> instances =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_ID)
            .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, academicYear)
            .list();
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    instances.forEach(pi -> variables.put(pi.getId(), new HashMap<>()));
    List<String> ids = new ArrayList<>(variables.keySet());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      for (HistoricVariableInstance v :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceIdIn(chunk.toArray(String[]::new))
              .variableNameIn(VARIABLES)
              .list()) {
        // the instance's own variables; a task-local variable of the same name never replaces one
        boolean own =
            v.getActivityInstanceId() == null
                || v.getActivityInstanceId().equals(v.getProcessInstanceId())
                || v.getExecutionId() != null
                    && v.getExecutionId().equals(v.getProcessInstanceId());
        Map<String, Object> vars = variables.get(v.getProcessInstanceId());
        if (vars != null && v.getValue() != null && (own || !vars.containsKey(v.getName()))) {
          vars.put(v.getName(), v.getValue());
        }
      }
    }
    // never two cycles for one school and year; should history hold two, an advised one wins
    Map<String, Map<String, Object>> bySchool = new LinkedHashMap<>();
    for (Map<String, Object> vars : variables.values()) {
      bySchool.merge(
          SarRecords.text(vars.get(ProcessVariables.SCHOOL_CODE)),
          vars,
          (a, b) -> outcome(a.get(VAR_SAR_REVIEW_DECISION)) == SarReviewOutcome.ADVICE ? a : b);
    }
    int returned = 0;
    List<AcceptedSar> accepted = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> e : bySchool.entrySet()) {
      Map<String, Object> vars = e.getValue();
      SarReviewOutcome decision = outcome(vars.get(VAR_SAR_REVIEW_DECISION));
      if (decision == SarReviewOutcome.REVISE) {
        returned++;
      } else if (decision == SarReviewOutcome.ADVICE) {
        String school = e.getKey();
        String name =
            Optional.ofNullable(vars.get(ProcessVariables.SCHOOL_NAME))
                .map(String::valueOf)
                .or(() -> directory.school(school).map(School::nameTh))
                .orElse(school);
        accepted.add(
            SarRecords.accepted(
                school, name, SarRecords.text(vars.get(ProcessVariables.CLUSTER_CODE)), vars));
      }
    }
    accepted.sort(java.util.Comparator.comparing(AcceptedSar::schoolCode));
    return new DistrictSars(districtCode, academicYear, bySchool.size(), returned, accepted);
  }

  @Override
  public SubmittedSar submittedSar(String schoolCycleId) {
    Map<String, Object> vars = new HashMap<>();
    if (schoolCycleId != null
        && runtime.createProcessInstanceQuery().processInstanceId(schoolCycleId).count() > 0) {
      vars.putAll(
          runtime.getVariables(
              schoolCycleId,
              List.of(
                  VAR_SAR_APPROVED_VERSION,
                  VAR_SAR_SUBMITTED_VERSION,
                  StandardsCatalog.VAR_STANDARDS,
                  SarRecords.SAR_LEVELS,
                  SarRecords.EXECUTIVE_SUMMARY)));
    }
    return SarRecords.submitted(vars);
  }

  @Override
  public List<ReportedLevels> reportedLevels(String schoolCode) {
    List<ReportedLevels> years = new ArrayList<>();
    for (HistoricProcessInstance pi :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_ID)
            .variableValueEquals(ProcessVariables.SCHOOL_CODE, schoolCode)
            .list()) {
      Integer year = null;
      Object rows = null;
      for (HistoricVariableInstance v :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(pi.getId())
              .variableNameIn(ProcessVariables.ACADEMIC_YEAR, SarRecords.SAR_LEVELS)
              .list()) {
        if (v.getTaskId() != null) {
          continue; // a task's local copy, not the cycle's own value
        }
        if (ProcessVariables.ACADEMIC_YEAR.equals(v.getName())
            && v.getValue() instanceof Number n) {
          year = n.intValue();
        } else if (SarRecords.SAR_LEVELS.equals(v.getName())) {
          rows = v.getValue();
        }
      }
      if (year != null && rows != null) {
        years.add(new ReportedLevels(year, SarRecords.reported(rows)));
      }
    }
    years.sort(java.util.Comparator.comparingInt(ReportedLevels::academicYear));
    return years;
  }

  @Override
  public Optional<SchoolYear> year(String schoolCode, int academicYear) {
    return cycleVariables(schoolCode, academicYear, YEAR_VARIABLES)
        .map(vars -> SarRecords.year(schoolCode, academicYear, vars));
  }

  /**
   * The named variables of the school's cycle of that year, as the cycle holds them (running or
   * ended); empty when there is no such cycle.
   */
  private Optional<Map<String, Object>> cycleVariables(
      String schoolCode, int academicYear, String... names) {
    // never two cycles for one school and year; should history hold two, the latest started wins
    HistoricProcessInstance pi =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(businessKey(schoolCode, academicYear))
            .orderByProcessInstanceStartTime()
            .desc()
            .listPage(0, 1)
            .stream()
            .findFirst()
            .orElse(null);
    if (pi == null) {
      return Optional.empty();
    }
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .variableNameIn(names)
            .list()) {
      // the cycle's own value; a task's local copy of the same name never replaces it
      if (v.getValue() != null && (v.getTaskId() == null || !vars.containsKey(v.getName()))) {
        vars.put(v.getName(), v.getValue());
      }
    }
    return Optional.of(vars);
  }

  @Override
  public Optional<SelfCheck> selfCheck(String schoolCode, int academicYear, int semester) {
    if (semester != 1 && semester != 2) {
      throw new IllegalArgumentException("semester " + semester);
    }
    String task = semester == 1 ? TASK_SELF_CHECK_SEMESTER_ONE : TASK_SELF_CHECK_SEMESTER_TWO;
    // the latest completion counts (a self-check is done once; history may hold a migrated twin)
    Optional<java.util.Date> completed =
        history
            .createHistoricTaskInstanceQuery()
            .processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(businessKey(schoolCode, academicYear))
            .taskDefinitionKey(task)
            .finished()
            .orderByHistoricActivityInstanceStartTime()
            .desc()
            .list()
            .stream()
            .map(t -> t.getEndTime())
            .filter(java.util.Objects::nonNull)
            .findFirst();
    if (completed.isEmpty()) {
      return Optional.empty();
    }
    String rowsName = semester == 1 ? "sc1Rows" : "sc2Rows";
    List<SelfCheck.Standard> standards = new ArrayList<>();
    Object rows = cycleVariables(schoolCode, academicYear, rowsName).orElse(Map.of()).get(rowsName);
    if (rows instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof Map<?, ?> row && row.get("standardCode") != null) {
          standards.add(
              new SelfCheck.Standard(
                  String.valueOf(row.get("standardCode")),
                  text(row.get("standardLabel")),
                  text(row.get("progressStatus")),
                  text(row.get("problems")),
                  text(row.get("nextActions"))));
        }
      }
    }
    return Optional.of(
        new SelfCheck(schoolCode, academicYear, semester, completed.get().toInstant(), standards));
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  @Override
  public boolean sarSubmitted(String schoolCode, int academicYear) {
    return history
            .createHistoricTaskInstanceQuery()
            .processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(businessKey(schoolCode, academicYear))
            .taskDefinitionKey(TASK_SUBMIT_SAR)
            .finished()
            .count()
        > 0;
  }

  @Override
  public boolean answerSarReview(String schoolCycleId, SarReviewOutcome outcome, String advice) {
    long waiting =
        runtime
            .createEventSubscriptionQuery()
            .processInstanceId(schoolCycleId)
            .eventType("message")
            .eventName(MESSAGE_SAR_REVIEWED)
            .count();
    if (waiting == 0) {
      return false;
    }
    runtime
        .createMessageCorrelation(MESSAGE_SAR_REVIEWED)
        .processInstanceId(schoolCycleId)
        .setVariable(VAR_SAR_REVIEW_DECISION, decisionValue(schoolCycleId, outcome))
        .setVariable(VAR_SAR_REVIEW_COMMENTS, advice)
        .correlate();
    // the school hears of it by mail (notification module), in this transaction
    Map<String, Object> cycle =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(schoolCycleId)
            .variableNameIn(ProcessVariables.SCHOOL_CODE, ProcessVariables.ACADEMIC_YEAR)
            .list()
            .stream()
            .filter(v -> v.getTaskId() == null && v.getValue() != null)
            .collect(
                java.util.stream.Collectors.toMap(
                    HistoricVariableInstance::getName,
                    HistoricVariableInstance::getValue,
                    (a, b) -> a));
    if (cycle.get(ProcessVariables.SCHOOL_CODE) instanceof String school
        && cycle.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year) {
      long round =
          history
              .createHistoricTaskInstanceQuery()
              .processInstanceId(schoolCycleId)
              .taskDefinitionKey(TASK_SUBMIT_SAR)
              .finished()
              .count();
      events.publishEvent(
          new SarReviewAnswered(
              schoolCycleId,
              school,
              year.intValue(),
              round,
              outcome == SarReviewOutcome.REVISE,
              advice,
              clock.instant()));
    }
    return true;
  }

  /**
   * The decision as the cycle's model reads it: ADVICE or REVISE; a cycle still running on a model
   * before version 4 (publication waited for an acceptance) reads ACCEPTED or RETURNED, so it
   * publishes after advice and redrafts after a request to revise (docs/model-changes.md).
   */
  private String decisionValue(String schoolCycleId, SarReviewOutcome outcome) {
    String definitionId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(schoolCycleId)
            .singleResult()
            .getProcessDefinitionId();
    String tag = repository.getProcessDefinition(definitionId).getVersionTag();
    boolean oldModel =
        tag != null && tag.matches("\\d+") && Integer.parseInt(tag) < VERSION_REVIEW_ADVISES;
    if (oldModel) {
      return outcome == SarReviewOutcome.ADVICE ? SAR_REVIEW_ACCEPTED : SAR_REVIEW_RETURNED;
    }
    return outcome.name();
  }

  /** A stored decision, of the current models or of those before version 4; null for none. */
  static SarReviewOutcome outcome(Object stored) {
    String value = SarRecords.text(stored);
    if (SAR_REVIEW_ADVICE.equals(value) || SAR_REVIEW_ACCEPTED.equals(value)) {
      return SarReviewOutcome.ADVICE;
    }
    if (SAR_REVIEW_REVISE.equals(value) || SAR_REVIEW_RETURNED.equals(value)) {
      return SarReviewOutcome.REVISE;
    }
    return null;
  }

  @Override
  public Optional<SarAdvice> sarAdvice(String schoolCode, int academicYear) {
    return cycleVariables(
            schoolCode, academicYear, VAR_SAR_REVIEW_DECISION, VAR_SAR_REVIEW_COMMENTS)
        .flatMap(
            vars ->
                Optional.ofNullable(outcome(vars.get(VAR_SAR_REVIEW_DECISION)))
                    .map(
                        outcome ->
                            new SarAdvice(
                                outcome, SarRecords.text(vars.get(VAR_SAR_REVIEW_COMMENTS)))));
  }

  @Override
  @Deprecated
  public void sarSubmittedByOldModel(DelegateExecution schoolCycle) {
    submissions.publish(schoolCycle);
  }
}
