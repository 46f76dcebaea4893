package th.qaflow.synthesis.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.synthesis.SarSynthesis;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * Shows the generated summary and its downloads on the district cycle's synthesis and approval
 * tasks ({@code Task_SynthesiseSars}, {@code Task_ApproveSynthesis} of {@code DistrictQaCycle}).
 */
@Component
class SynthesisTaskPanels implements TaskPanelProvider {
  static final String PROCESS = "DistrictQaCycle";
  static final Set<String> TASKS = Set.of("Task_SynthesiseSars", "Task_ApproveSynthesis");

  private final SarSynthesis synthesis;

  SynthesisTaskPanels(SarSynthesis synthesis) {
    this.synthesis = synthesis;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processDefinitionKey, Map<String, Object> variables, QaUser user) {
    if (!PROCESS.equals(processDefinitionKey) || !TASKS.contains(taskKey) || variables == null) {
      return Optional.empty();
    }
    String district =
        variables.get(ProcessVariables.DISTRICT_CODE) == null
            ? null
            : String.valueOf(variables.get(ProcessVariables.DISTRICT_CODE));
    Integer year = SummaryBuilder.levelValue(variables.get(ProcessVariables.ACADEMIC_YEAR));
    if (district == null || year == null || !SynthesisAccess.maySee(user, district)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("summary", synthesis.summary(district, year));
    model.put("downloads", SynthesisController.Downloads.of(district, year));
    return Optional.of(new TaskPanel("synthesis/panels", "summary", model));
  }
}
