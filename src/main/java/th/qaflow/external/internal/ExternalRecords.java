package th.qaflow.external.internal;

import static th.qaflow.external.ExternalAssessmentProcess.*;
import static th.qaflow.external.ExternalAssessmentSchoolProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.documents.DocumentReference;
import th.qaflow.external.ExternalAssessmentProcess;
import th.qaflow.external.SchoolState;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.standards.Framework;
import th.qaflow.standards.Level;
import th.qaflow.standards.Standard;
import th.qaflow.kernel.ProcessVariables;

/**
 * The BPMN glue of ExternalAssessment and ExternalAssessmentSchool: {@code ${externalRecords.…(execution)}}
 * in listeners and service tasks. Keeps the table external_school in step with the processes (inside the
 * engine's transaction) and sets the variables the forms and gateways need.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("externalRecords")
public class ExternalRecords {
  private final ExternalStore store;
  private final OrganisationDirectory directory;
  private final OnesqaFramework frameworks;
  private final HistoryService history;
  private final int passLevel;
  private final int maxReassessments;
  private final int draftReportDays;

  ExternalRecords(ExternalStore store, OrganisationDirectory directory, OnesqaFramework frameworks,
      @Lazy HistoryService history,
      @Value("${qaflow.external.pass-level:3}") int passLevel,
      @Value("${qaflow.external.max-reassessments:1}") int maxReassessments,
      @Value("${qaflow.external.draft-report-days:15}") int draftReportDays) {
    this.draftReportDays = draftReportDays;
    this.store = store;
    this.directory = directory;
    this.frameworks = frameworks;
    this.history = history;
    this.passLevel = passLevel;
    this.maxReassessments = maxReassessments;
  }

  // --- ExternalAssessment -------------------------------------------------------------------

  /**
   * Start of one school's readiness instance: the school's name and cluster (for the supervisor's candidate
   * group), and the readiness form fields declared locally, so two schools' answers never meet.
   */
  public void readinessStarted(DelegateExecution execution) {
    String code = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    School school = directory.school(code).orElse(null);
    execution.setVariableLocal(ProcessVariables.SCHOOL_NAME, school == null ? code : school.nameTh());
    execution.setVariableLocal(ProcessVariables.CLUSTER_CODE, school == null ? null : school.clusterCode());
    for (String local : List.of(VAR_READINESS, VAR_READINESS_NOTE, VAR_READINESS_DECISION, VAR_CONFIRMED_READINESS,
        VAR_SUPERVISOR_COMMENT)) {
      execution.setVariableLocal(local, null);
    }
    store.setStatus(district(execution), year(execution), code, "READINESS_OPEN", Instant.now());
  }

  /** The supervisor confirmed the school's readiness (possibly correcting it): the group on the OBEC list. */
  public void readinessConfirmed(DelegateExecution execution) {
    String confirmed = text(execution.getVariable(VAR_CONFIRMED_READINESS));
    if (confirmed == null) {
      confirmed = text(execution.getVariable(VAR_READINESS));
    }
    store.confirmed(district(execution), year(execution), (String) execution.getVariable(ProcessVariables.SCHOOL_CODE), confirmed,
        text(execution.getVariable(VAR_SUPERVISOR_COMMENT)), null, Instant.now());
  }

  /** After every school's readiness: one row per school for the readiness-list form, grouped by readiness. */
  public void groupByReadiness(DelegateExecution execution) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<SchoolState> schools = store.schools(district(execution), year(execution));
    for (String group : List.of(READY, SUPPORT, NOT_READY)) {
      for (SchoolState s : schools) {
        if (group.equals(s.confirmedReadiness())) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("schoolCode", s.schoolCode());
          row.put("schoolName", s.schoolName());
          row.put("readinessLabel", ReadinessExport.labelTh(group) + " / " + ReadinessExport.labelEn(group));
          row.put("target", false);
          rows.add(row);
        }
      }
    }
    execution.setVariable(VAR_READINESS_ROWS, rows);
    store.setStatusOfAll(district(execution), year(execution), "READINESS_LISTED", Instant.now());
  }

  /**
   * The approved SAR of each target school: the newest of this year's and last year's cycle, the submitted
   * version where there is one, else the version the board approved.
   */
  public void collectSars(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    for (String school : targets(execution)) {
      Optional<String[]> found = latestSar(school, year);
      store.sar(district, year, school, found.map(f -> Integer.valueOf(f[0])).orElse(null),
          found.map(f -> f[1]).orElse(null), Instant.now());
    }
  }

  private Optional<String[]> latestSar(String school, int year) {
    for (int y : new int[] {year, year - 1}) {
      for (HistoricProcessInstance cycle : history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
          .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(school, y)).list()) {
        for (String name : List.of(SchoolQaCycleProcess.VAR_SAR_SUBMITTED_VERSION,
            SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION)) {
          HistoricVariableInstance v = history.createHistoricVariableInstanceQuery()
              .processInstanceId(cycle.getId()).variableName(name).singleResult();
          String id = v == null ? null : DocumentReference.versionId(v.getValue());
          if (id != null) {
            return Optional.of(new String[] {String.valueOf(y), id});
          }
        }
      }
    }
    return Optional.empty();
  }

  // --- ExternalAssessmentSchool ------------------------------------------------------------

  /** Start of a target school's assessment: its name and cluster, the ONESQA standards and the SAR. */
  public void schoolAssessmentStarted(DelegateExecution execution) {
    String code = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    String district = district(execution);
    int year = year(execution);
    School school = directory.school(code).orElse(null);
    execution.setVariable(ProcessVariables.SCHOOL_NAME, school == null ? code : school.nameTh());
    execution.setVariable(ProcessVariables.CLUSTER_CODE, school == null ? null : school.clusterCode());
    frameworks.forYear(year).ifPresent(f -> {
      execution.setVariable(VAR_FRAMEWORK_CODE, f.code());
      execution.setVariable(VAR_ONESQA_STANDARDS, OnesqaFramework.rows(f));
      execution.setVariable(VAR_ONESQA_LEVEL_OPTIONS, OnesqaFramework.levelOptions(f));
    });
    execution.setVariable(VAR_ASSESSMENT_ROUND, 0);
    execution.setVariable(VAR_DRAFT_REPORT_LATE, false);
    store.school(district, year, code).ifPresent(s -> {
      execution.setVariable(VAR_SAR_VERSION_ID, s.sarVersionId());
      execution.setVariable(VAR_SAR_YEAR, s.sarYear());
    });
    store.update(district, year, code, "status = :v", "SCHEDULING", Instant.now());
  }

  /** End of a user task of either process: what the task recorded goes into the school's row. */
  public void taskDone(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    String school = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    Instant now = Instant.now();
    switch (execution.getCurrentActivityId()) {
      case TASK_PUBLISH_CRITERIA -> store.setStatusOfAll(district, year, "CRITERIA_PUBLISHED", now);
      case TASK_DECLARE_READINESS -> store.declared(district, year, school, text(execution.getVariable(VAR_READINESS)),
          text(execution.getVariable(VAR_READINESS_NOTE)), now);
      case TASK_CONFIRM_READINESS -> {
        if (DECISION_RETURN.equals(execution.getVariable(VAR_READINESS_DECISION))) {
          store.update(district, year, school, "supervisor_comment = :v",
              text(execution.getVariable(VAR_SUPERVISOR_COMMENT)), now);
          store.setStatus(district, year, school, "READINESS_RETURNED", now);
        }
      }
      case TASK_SEND_READINESS_LIST -> {
        if (execution.getVariable(VAR_TARGET_ROWS) instanceof Collection<?> rows) {
          List<String> targets = new ArrayList<>();
          for (Object row : rows) {
            if (row instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("target")) && m.get("schoolCode") != null) {
              targets.add(String.valueOf(m.get("schoolCode")));
            }
          }
          execution.setVariable(VAR_TARGET_SCHOOLS, targets);
        }
        store.targets(district, year, targets(execution), now);
      }
      case TASK_RECORD_SCHEDULE -> {
        store.update(district, year, school, "visit_on = :v", sqlDate(execution.getVariable(VAR_VISIT_START)), now);
        store.setStatus(district, year, school, "SCHEDULED", now);
      }
      case TASK_REVIEW_SCHEDULE -> {
        if (RESPONSE_OBJECT.equals(execution.getVariable(VAR_SCHEDULE_RESPONSE))) {
          store.update(district, year, school, "objections = objections + 1, status = :v", "OBJECTED", now);
        } else {
          store.setStatus(district, year, school, "PREPARING", now);
        }
      }
      case TASK_RECORD_VISIT -> {
        LocalDate visited = date(execution.getVariable(VAR_VISITED_ON));
        LocalDate due = visited == null ? null : visited.plusDays(draftReportDays);
        execution.setVariable(VAR_DRAFT_REPORT_DUE, due == null ? null : due.toString());
        store.update(district, year, school, "visit_on = :v", sqlDate(visited), now);
        store.update(district, year, school, "draft_due_on = :v", sqlDate(due), now);
        store.setStatus(district, year, school, "VISITED", now);
      }
      case TASK_RECEIVE_DRAFT_REPORT -> {
        store.update(district, year, school, "draft_received_on = :v",
            sqlDate(execution.getVariable("draftReceivedOn")), now);
        store.setStatus(district, year, school, "DRAFT_RECEIVED", now);
      }
      case TASK_COMMENT_ON_DRAFT -> store.setStatus(district, year, school, "COMMENTED", now);
      case TASK_PLAN_IMPROVEMENT -> store.setStatus(district, year, school, "REASSESSMENT_PREPARED", now);
      default -> {
        // the other tasks leave the school's row as it is
      }
    }
  }

  /**
   * The final result (or a re-assessment) per ONESQA standard: stored as round {@code assessmentRound};
   * a standard is met at level {@code qaflow.external.pass-level} or better. Sets {@code allStandardsMet},
   * {@code standardsNotMet} and {@code reassessmentAllowed} for the gateway.
   */
  public void evaluateResult(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    String school = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    int round = execution.getVariable(VAR_ASSESSMENT_ROUND) instanceof Number n ? n.intValue() : 0;
    Framework framework = frameworks.byCode((String) execution.getVariable(VAR_FRAMEWORK_CODE))
        .orElseThrow(() -> new IllegalStateException("No ONESQA framework for " + school + " " + year));
    Map<String, Map<String, Object>> byStandard = new LinkedHashMap<>();
    if (execution.getVariable(VAR_RESULTS) instanceof Collection<?> rows) {
      for (Object row : rows) {
        if (row instanceof Map<?, ?> m && m.get("standardCode") != null) {
          @SuppressWarnings("unchecked")
          Map<String, Object> r = (Map<String, Object>) m;
          byStandard.put(String.valueOf(m.get("standardCode")), r);
        }
      }
    }
    List<String> notMet = new ArrayList<>();
    Instant now = Instant.now();
    for (Standard s : framework.standards()) {
      Map<String, Object> row = byStandard.get(s.code());
      String level = row == null ? null : text(row.get("level"));
      Optional<Level> known = level == null ? Optional.empty() : framework.level(level);
      if (known.isEmpty()) {
        throw new IllegalArgumentException("ONESQA result of " + school + " has no valid level for standard " + s.code());
      }
      boolean met = known.get().rank() >= passLevel;
      if (!met) {
        notMet.add(s.code());
      }
      store.result(district, year, school, round, s.code(), level, met, text(row.get("recommendations")), now);
    }
    boolean allMet = notMet.isEmpty();
    execution.setVariable(VAR_ALL_STANDARDS_MET, allMet);
    execution.setVariable(VAR_STANDARDS_NOT_MET, String.join(", ", notMet));
    execution.setVariable(VAR_REASSESSMENT_ALLOWED, round < maxReassessments);
    execution.setVariable(VAR_ASSESSMENT_ROUND, round + 1);
    store.update(district, year, school, "reassessments = :v", round, now);
    store.setStatus(district, year, school,
        allMet ? "RESULT_MET" : round < maxReassessments ? "REASSESSMENT" : "RESULT_NOT_MET", now);
  }

  // --- helpers -----------------------------------------------------------------------------

  static String district(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.DISTRICT_CODE);
  }

  static int year(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }

  private static List<String> targets(DelegateExecution execution) {
    List<String> targets = new ArrayList<>();
    if (execution.getVariable(VAR_TARGET_SCHOOLS) instanceof Collection<?> c) {
      c.forEach(v -> targets.add(String.valueOf(v)));
    }
    return targets;
  }

  static String text(Object value) {
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
  }

  static LocalDate date(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(th.qaflow.kernel.AcademicYears.ZONE).toLocalDate();
    }
    String s = text(value);
    return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  private static java.sql.Date sqlDate(Object value) {
    LocalDate d = date(value);
    return d == null ? null : java.sql.Date.valueOf(d);
  }
}
