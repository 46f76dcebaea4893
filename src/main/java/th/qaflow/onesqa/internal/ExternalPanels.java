package th.qaflow.onesqa.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.onesqa.ExternalAssessmentProcess;
import th.qaflow.onesqa.ExternalAssessmentSchoolProcess;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * Context on ONESQA task pages: on the district's tasks the schools of the coordination (readiness
 * groups with the OBEC exports, SARs, results); on a school's tasks that school's ONESQA record.
 */
@Component
class ExternalPanels implements TaskPanelProvider {
  private static final Set<String> DISTRICT_TASKS =
      Set.of(
          ExternalAssessmentProcess.TASK_SEND_READINESS_LIST,
          ExternalAssessmentProcess.TASK_CONFIRM_SARS,
          ExternalAssessmentProcess.TASK_SYNTHESISE_RESULTS,
          ExternalAssessmentProcess.TASK_FOLLOW_UP);

  private final ExternalAssessments external;
  private final ExternalStore store;

  ExternalPanels(ExternalAssessments external, ExternalStore store) {
    this.external = external;
    this.store = store;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processDefinitionKey, Map<String, Object> variables, QaUser user) {
    if (!(variables.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(variables.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("districtCode", district);
    model.put("year", year.intValue());
    if (ExternalAssessmentProcess.PROCESS_ID.equals(processDefinitionKey)
        && DISTRICT_TASKS.contains(taskKey)) {
      model.put("schools", external.schools(district, year.intValue()));
      model.put("taskKey", taskKey);
      return Optional.of(new TaskPanel("external/panels", "district", model));
    }
    boolean readinessTask =
        ExternalAssessmentProcess.TASK_DECLARE_READINESS.equals(taskKey)
            || ExternalAssessmentProcess.TASK_CONFIRM_READINESS.equals(taskKey);
    if ((ExternalAssessmentSchoolProcess.PROCESS_ID.equals(processDefinitionKey) || readinessTask)
        && variables.get(ProcessVariables.SCHOOL_CODE) instanceof String school) {
      model.put(
          "schools",
          store
              .school(district, year.intValue(), school)
              .map(java.util.List::of)
              .orElse(java.util.List.of()));
      model.put(
          "objectionReason", variables.get(ExternalAssessmentSchoolProcess.VAR_OBJECTION_REASON));
      model.put(
          "scheduleResponse", variables.get(ExternalAssessmentSchoolProcess.VAR_SCHEDULE_RESPONSE));
      model.put(
          "standardsNotMet", variables.get(ExternalAssessmentSchoolProcess.VAR_STANDARDS_NOT_MET));
      return Optional.of(new TaskPanel("external/panels", "school", model));
    }
    return Optional.empty();
  }
}
