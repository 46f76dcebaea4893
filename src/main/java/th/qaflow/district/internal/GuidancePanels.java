package th.qaflow.district.internal;

import static th.qaflow.cycle.SchoolQaCycleProcess.TASK_DRAFT_SAR;
import static th.qaflow.cycle.SchoolQaCycleProcess.TASK_MAKE_PLANS;
import static th.qaflow.cycle.SchoolQaCycleProcess.TASK_SET_STANDARDS;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.security.Scopes;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * The district's guidance where a school needs it: on its standards, plans and SAR tasks, a small
 * panel with the files the district published for the task's academic year, their date, and a link
 * to the whole guidance page. Its own template ({@code district/guidance-panel}).
 */
@Component
class GuidancePanels implements TaskPanelProvider {
  static final String TEMPLATE = "district/guidance-panel";
  static final Set<String> TASKS = Set.of(TASK_SET_STANDARDS, TASK_MAKE_PLANS, TASK_DRAFT_SAR);

  private final DistrictGuidance guidance;
  private final OrganisationDirectory directory;
  private final Scopes scopes;

  GuidancePanels(DistrictGuidance guidance, OrganisationDirectory directory, Scopes scopes) {
    this.guidance = guidance;
    this.directory = directory;
    this.scopes = scopes;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> variables, QaUser user) {
    if (!SchoolQaCycleProcess.PROCESS_ID.equals(processKey)
        || !TASKS.contains(taskKey)
        || !(variables.get(ProcessVariables.SCHOOL_CODE) instanceof String schoolCode)
        || !(variables.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    School school = directory.school(schoolCode).orElse(null);
    if (school == null || !scopes.canReadPublishedBy(user, school.districtCode())) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("year", year.intValue());
    model.put("district", school.districtCode());
    model.put("guidance", guidance.year(school.districtCode(), year.intValue()).orElse(null));
    return Optional.of(new TaskPanel(TEMPLATE, "guidance", model));
  }
}
