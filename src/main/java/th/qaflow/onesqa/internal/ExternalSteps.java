package th.qaflow.onesqa.internal;

import static th.qaflow.onesqa.ExternalAssessmentProcess.*;
import static th.qaflow.onesqa.ExternalAssessmentSchoolProcess.*;

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
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.onesqa.SchoolState;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.standards.Framework;
import th.qaflow.standards.Level;
import th.qaflow.standards.Standard;

/**
 * The steps of ExternalAssessment and ExternalAssessmentSchool (version 3 on): one small method per
 * step, {@code ${externalSteps.…(execution)}} in a listener or service task, that records what the
 * step's form brought in the table external_school (inside the engine's transaction) and sets the
 * variables the forms and gateways need. None of them sets a school's status: the model does that
 * beside them with {@link ExternalStatus}.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("externalSteps")
public class ExternalSteps {
  private final ExternalStore store;
  private final OrganisationDirectory directory;
  private final OnesqaFramework frameworks;
  private final HistoryService history;
  private final int passLevel;
  private final int maxReassessments;
  private final int draftReportDays;

  ExternalSteps(
      ExternalStore store,
      OrganisationDirectory directory,
      OnesqaFramework frameworks,
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
   * Start of one school's readiness instance: the school's name and cluster (for the supervisor's
   * candidate group), and the readiness form fields declared locally, so two schools' answers never
   * meet.
   */
  public void readinessStarted(DelegateExecution execution) {
    String code = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    School school = directory.school(code).orElse(null);
    execution.setVariableLocal(
        ProcessVariables.SCHOOL_NAME, school == null ? code : school.nameTh());
    execution.setVariableLocal(
        ProcessVariables.CLUSTER_CODE, school == null ? null : school.clusterCode());
    for (String local :
        List.of(
            VAR_READINESS,
            VAR_READINESS_NOTE,
            VAR_READINESS_DECISION,
            VAR_CONFIRMED_READINESS,
            VAR_SUPERVISOR_COMMENT)) {
      execution.setVariableLocal(local, null);
    }
  }

  /** The director declared the school's readiness. */
  public void readinessDeclared(DelegateExecution execution) {
    store.declared(
        district(execution),
        year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
        text(execution.getVariable(VAR_READINESS)),
        text(execution.getVariable(VAR_READINESS_NOTE)));
  }

  /** The supervisor returned the declaration: the comment the director reads. */
  public void readinessReturned(DelegateExecution execution) {
    store.returned(
        district(execution),
        year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
        text(execution.getVariable(VAR_SUPERVISOR_COMMENT)));
  }

  /**
   * The supervisor confirmed the school's readiness (possibly correcting it): the group on the OBEC
   * list.
   */
  public void readinessConfirmed(DelegateExecution execution) {
    String confirmed = text(execution.getVariable(VAR_CONFIRMED_READINESS));
    if (confirmed == null) {
      confirmed = text(execution.getVariable(VAR_READINESS));
    }
    store.confirmed(
        district(execution),
        year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
        confirmed,
        text(execution.getVariable(VAR_SUPERVISOR_COMMENT)),
        null);
  }

  /**
   * After every school's readiness: one row per school for the readiness-list form, grouped by
   * readiness.
   */
  public void groupByReadiness(DelegateExecution execution) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<SchoolState> schools = store.schools(district(execution), year(execution));
    for (String group : List.of(READY, SUPPORT, NOT_READY)) {
      for (SchoolState s : schools) {
        if (group.equals(s.confirmedReadiness())) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("schoolCode", s.schoolCode());
          row.put("schoolName", s.schoolName());
          row.put(
              "readinessLabel",
              ReadinessExport.labelTh(group) + " / " + ReadinessExport.labelEn(group));
          row.put("target", false);
          rows.add(row);
        }
      }
    }
    execution.setVariable(VAR_READINESS_ROWS, rows);
  }

  /** The readiness list went to OBEC: the ticked rows are this year's target schools. */
  public void targetsChosen(DelegateExecution execution) {
    if (execution.getVariable(VAR_TARGET_ROWS) instanceof Collection<?> rows) {
      List<String> targets = new ArrayList<>();
      for (Object row : rows) {
        if (row instanceof Map<?, ?> m
            && Boolean.TRUE.equals(m.get("target"))
            && m.get("schoolCode") != null) {
          targets.add(String.valueOf(m.get("schoolCode")));
        }
      }
      execution.setVariable(VAR_TARGET_SCHOOLS, targets);
    }
    store.targets(district(execution), year(execution), targets(execution));
  }

  /**
   * The approved SAR of each target school: the newest of this year's and last year's cycle, the
   * submitted version where there is one, else the version the board approved.
   */
  public void collectSars(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    for (String school : targets(execution)) {
      Optional<String[]> found = latestSar(school, year);
      store.sar(
          district,
          year,
          school,
          found.map(f -> Integer.valueOf(f[0])).orElse(null),
          found.map(f -> f[1]).orElse(null));
    }
  }

  private Optional<String[]> latestSar(String school, int year) {
    for (int y : new int[] {year, year - 1}) {
      for (HistoricProcessInstance cycle :
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
              .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(school, y))
              .list()) {
        for (String name :
            List.of(
                SchoolQaCycleProcess.VAR_SAR_SUBMITTED_VERSION,
                SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION)) {
          HistoricVariableInstance v =
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(cycle.getId())
                  .variableName(name)
                  .singleResult();
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

  /**
   * Start of a target school's assessment: its name and cluster, the ONESQA standards and the SAR.
   */
  public void schoolAssessmentStarted(DelegateExecution execution) {
    String code = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    String district = district(execution);
    int year = year(execution);
    School school = directory.school(code).orElse(null);
    execution.setVariable(ProcessVariables.SCHOOL_NAME, school == null ? code : school.nameTh());
    execution.setVariable(
        ProcessVariables.CLUSTER_CODE, school == null ? null : school.clusterCode());
    frameworks
        .forYear(year)
        .ifPresent(
            f -> {
              execution.setVariable(VAR_FRAMEWORK_CODE, f.code());
              execution.setVariable(VAR_ONESQA_STANDARDS, OnesqaFramework.rows(f));
              execution.setVariable(VAR_ONESQA_LEVEL_OPTIONS, OnesqaFramework.levelOptions(f));
            });
    execution.setVariable(VAR_ASSESSMENT_ROUND, 0);
    execution.setVariable(VAR_DRAFT_REPORT_LATE, false);
    store
        .school(district, year, code)
        .ifPresent(
            s -> {
              execution.setVariable(VAR_SAR_VERSION_ID, s.sarVersionId());
              execution.setVariable(VAR_SAR_YEAR, s.sarYear());
            });
  }

  /** ONESQA's schedule: the first day of the visit. */
  public void scheduleRecorded(DelegateExecution execution) {
    store.scheduled(
        district(execution),
        year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
        date(execution.getVariable(VAR_VISIT_START)));
  }

  /** The school objected to the schedule (or the assessors): one more objection. */
  public void scheduleObjected(DelegateExecution execution) {
    store.objected(
        district(execution),
        year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE));
  }

  /**
   * The visit took place: the draft report is due {@code qaflow.external.draft-report-days} after
   * it.
   */
  public void visitRecorded(DelegateExecution execution) {
    LocalDate visited = date(execution.getVariable(VAR_VISITED_ON));
    LocalDate due = visited == null ? null : visited.plusDays(draftReportDays);
    execution.setVariable(VAR_DRAFT_REPORT_DUE, due == null ? null : due.toString());
    store.visited(
        district(execution),
        year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
        visited,
        due);
  }

  /** ONESQA's draft report came. */
  public void draftReportReceived(DelegateExecution execution) {
    store.draftReceived(
        district(execution),
        year(execution),
        (String) execution.getVariable(ProcessVariables.SCHOOL_CODE),
        date(execution.getVariable(VAR_DRAFT_RECEIVED_ON)));
  }

  /**
   * The final result (or a re-assessment) per ONESQA standard: stored as round {@code
   * assessmentRound}; a standard is met at level {@code qaflow.external.pass-level} or better. Sets
   * {@code allStandardsMet}, {@code standardsNotMet} and {@code reassessmentAllowed} for the
   * gateway.
   */
  public void evaluateResult(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    String school = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    int round = execution.getVariable(VAR_ASSESSMENT_ROUND) instanceof Number n ? n.intValue() : 0;
    Framework framework =
        frameworks
            .byCode((String) execution.getVariable(VAR_FRAMEWORK_CODE))
            .orElseThrow(
                () -> new IllegalStateException("No ONESQA framework for " + school + " " + year));
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
    for (Standard s : framework.standards()) {
      Map<String, Object> row = byStandard.get(s.code());
      String level = row == null ? null : text(row.get("level"));
      Optional<Level> known = level == null ? Optional.empty() : framework.level(level);
      if (known.isEmpty()) {
        throw new IllegalArgumentException(
            "ONESQA result of " + school + " has no valid level for standard " + s.code());
      }
      boolean met = known.get().rank() >= passLevel;
      if (!met) {
        notMet.add(s.code());
      }
      store.result(
          district, year, school, round, s.code(), level, met, text(row.get("recommendations")));
    }
    boolean allMet = notMet.isEmpty();
    execution.setVariable(VAR_ALL_STANDARDS_MET, allMet);
    execution.setVariable(VAR_STANDARDS_NOT_MET, String.join(", ", notMet));
    execution.setVariable(VAR_REASSESSMENT_ALLOWED, round < maxReassessments);
    execution.setVariable(VAR_ASSESSMENT_ROUND, round + 1);
    store.reassessments(district, year, school, round);
  }

  // --- helpers -----------------------------------------------------------------------------

  static String district(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.DISTRICT_CODE);
  }

  static int year(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }

  static List<String> targets(DelegateExecution execution) {
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
}
