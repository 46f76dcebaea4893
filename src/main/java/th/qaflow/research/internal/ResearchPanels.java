package th.qaflow.research.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.research.ResearchProcess;
import th.qaflow.research.SchoolResearchRegister;
import th.qaflow.research.SchoolResearchRegister.SchoolProject;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * What the synthesis step of a district research project shows above its form: the schools'
 * research of the register of the year and the year before (title, school, partners, results).
 */
@Component
class ResearchPanels implements TaskPanelProvider {
  private final SchoolResearchRegister schools;
  private final OrganisationDirectory directory;

  ResearchPanels(SchoolResearchRegister schools, OrganisationDirectory directory) {
    this.schools = schools;
    this.directory = directory;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!ResearchProcess.PROCESS_ID.equals(processKey)
        || !ResearchProcess.TASK_SYNTHESISE_SCHOOLS.equals(taskKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (School s : directory.schoolsOfDistrict(district)) {
      names.put(s.code(), s.nameTh());
    }
    List<SchoolProject> projects =
        schools.ofDistrict(district).stream()
            .filter(
                p -> p.academicYear() == year.intValue() || p.academicYear() == year.intValue() - 1)
            .toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("year", year.intValue());
    model.put("projects", projects);
    model.put("names", names);
    return Optional.of(new TaskPanel("research/panels", "schools", model));
  }
}
