package th.qaflow.onesqa.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.onesqa.ExternalAssessmentProcess;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.onesqa.SchoolState;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.web.NotFoundException;

@Service
class EngineExternalAssessments implements ExternalAssessments {
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ExternalStore store;
  private final OrganisationDirectory directory;

  EngineExternalAssessments(
      RuntimeService runtime,
      HistoryService history,
      ExternalStore store,
      OrganisationDirectory directory) {
    this.runtime = runtime;
    this.history = history;
    this.store = store;
    this.directory = directory;
  }

  @Override
  @Transactional
  public StartResult start(String districtCode, int academicYear, String startedBy) {
    if (directory.district(districtCode).isEmpty()) {
      throw new NotFoundException("district " + districtCode);
    }
    Optional<Coordination> existing = coordination(districtCode, academicYear);
    if (existing.isPresent()) {
      return new StartResult(existing.get().processInstanceId(), false);
    }
    List<String> schools =
        new ArrayList<>(
            directory.schoolsOfDistrict(districtCode).stream().map(School::code).sorted().toList());
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProcessVariables.DISTRICT_CODE, districtCode);
    variables.put(ProcessVariables.ACADEMIC_YEAR, academicYear);
    variables.put(ExternalAssessmentProcess.VAR_SCHOOL_CODES, schools);
    variables.put("startedBy", startedBy);
    // the rows first: their primary key makes a second start for the same year fail before the
    // process starts
    try {
      store.insertSchools(districtCode, academicYear, schools, null);
    } catch (DuplicateKeyException raced) {
      return new StartResult(null, false); // another request started it a moment ago
    }
    ProcessInstance pi =
        runtime.startProcessInstanceByKey(
            ExternalAssessmentProcess.PROCESS_ID,
            ExternalAssessmentProcess.businessKey(districtCode, academicYear),
            variables);
    store.processInstanceOfAll(districtCode, academicYear, pi.getId());
    return new StartResult(pi.getId(), true);
  }

  @Override
  public Optional<Coordination> coordination(String districtCode, int academicYear) {
    HistoricProcessInstance pi =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ExternalAssessmentProcess.PROCESS_ID)
            .processInstanceBusinessKey(
                ExternalAssessmentProcess.businessKey(districtCode, academicYear))
            .orderByProcessInstanceStartTime()
            .asc()
            .listPage(0, 1)
            .stream()
            .findFirst()
            .orElse(null);
    if (pi == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Coordination(
            districtCode,
            academicYear,
            pi.getId(),
            pi.getEndTime() != null,
            pi.getStartTime(),
            (String)
                Optional.ofNullable(
                        history
                            .createHistoricVariableInstanceQuery()
                            .processInstanceId(pi.getId())
                            .variableName("startedBy")
                            .singleResult())
                    .map(v -> v.getValue())
                    .orElse(null)));
  }

  @Override
  public List<SchoolState> schools(String districtCode, int academicYear) {
    return store.schools(districtCode, academicYear);
  }

  @Override
  public byte[] readinessCsv(String districtCode, int academicYear) {
    return ReadinessExport.csv(store.schools(districtCode, academicYear));
  }

  @Override
  public byte[] readinessXlsx(String districtCode, int academicYear) {
    return ReadinessExport.xlsx(
        store.schools(districtCode, academicYear), "ONESQA " + academicYear);
  }
}
