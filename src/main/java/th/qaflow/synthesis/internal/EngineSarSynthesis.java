package th.qaflow.synthesis.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.standards.EducationLevel;
import th.qaflow.standards.Framework;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.synthesis.PublishedSynthesis;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.synthesis.SynthesisSummary;
import th.qaflow.kernel.ProcessVariables;

/**
 * Reads the district's school cycles of the year from the engine's history (which holds running and
 * ended instances alike, with each variable's latest value) and builds the summary.
 */
@Service
class EngineSarSynthesis implements SarSynthesis {
  private final Clock clock;
  /** The variables the summary reads; nothing else is fetched. */
  static final String[] VARIABLES = {
      ProcessVariables.SCHOOL_CODE, ProcessVariables.SCHOOL_NAME, ProcessVariables.CLUSTER_CODE,
      SchoolQaCycleProcess.VAR_SAR_REVIEW_DECISION, StandardsCatalog.VAR_STANDARDS, "targets", "ownStandards",
      "assessment", "sarLevels", "sarPublishedAs", "sarPublicLink", "sarPublishedFile",
      SchoolQaCycleProcess.VAR_SAR_APPROVED_VERSION};
  /** Instances per variable query (keeps the IN list short on every database). */
  static final int CHUNK = 200;

  private final HistoryService history;
  private final OrganisationDirectory directory;
  private final StandardsCatalog catalog;
  private final PublishedReports reports;

  EngineSarSynthesis(HistoryService history, OrganisationDirectory directory, StandardsCatalog catalog,
      PublishedReports reports, Clock clock) {

    this.clock = clock;
    this.history = history;
    this.directory = directory;
    this.catalog = catalog;
    this.reports = reports;
  }

  @Override
  public SynthesisSummary summary(String districtCode, int academicYear) {
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SchoolQaCycleProcess.PROCESS_ID)
        .variableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
        .variableValueEquals(ProcessVariables.ACADEMIC_YEAR, academicYear)
        .list();
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    instances.forEach(pi -> variables.put(pi.getId(), new HashMap<>()));
    List<String> ids = new ArrayList<>(variables.keySet());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new)).variableNameIn(VARIABLES).list()) {
        // the instance's own variables; a task-local variable of the same name never replaces one
        boolean own = v.getActivityInstanceId() == null || v.getActivityInstanceId().equals(v.getProcessInstanceId())
            || v.getExecutionId() != null && v.getExecutionId().equals(v.getProcessInstanceId());
        Map<String, Object> vars = variables.get(v.getProcessInstanceId());
        if (vars != null && v.getValue() != null && (own || !vars.containsKey(v.getName()))) {
          vars.put(v.getName(), v.getValue());
        }
      }
    }
    Map<String, SchoolSar> bySchool = new LinkedHashMap<>();
    for (Map<String, Object> vars : variables.values()) {
      String school = SummaryBuilder.text(vars.get(ProcessVariables.SCHOOL_CODE));
      SchoolSar sar = new SchoolSar(school,
          Optional.ofNullable(vars.get(ProcessVariables.SCHOOL_NAME)).map(String::valueOf)
              .or(() -> directory.school(school).map(School::nameTh)).orElse(school),
          SummaryBuilder.text(vars.get(ProcessVariables.CLUSTER_CODE)),
          SummaryBuilder.text(vars.get(SchoolQaCycleProcess.VAR_SAR_REVIEW_DECISION)), vars);
      // never two cycles for one school and year; should history hold two, an accepted one wins
      bySchool.merge(school, sar, (a, b) -> SchoolQaCycleProcess.SAR_REVIEW_ACCEPTED.equals(a.reviewDecision()) ? a : b);
    }
    Map<EducationLevel, Framework> frameworks = new EnumMap<>(EducationLevel.class);
    for (EducationLevel level : EducationLevel.values()) {
      catalog.internalFramework(level, academicYear).ifPresent(f -> frameworks.put(level, f));
    }
    return SummaryBuilder.build(districtCode, directory.district(districtCode), academicYear, frameworks,
        directory.schoolsOfDistrict(districtCode), new ArrayList<>(bySchool.values()), clock.instant());
  }

  @Override
  public Optional<PublishedSynthesis> published(String districtCode, int academicYear) {
    return reports.find(districtCode, academicYear);
  }
}
