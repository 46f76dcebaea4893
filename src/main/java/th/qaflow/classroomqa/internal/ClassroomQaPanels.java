package th.qaflow.classroomqa.internal;

import static th.qaflow.classroomqa.ClassroomQaProcess.PROCESS_ID;
import static th.qaflow.classroomqa.ClassroomQaProcess.TASK_CHOOSE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.classroomqa.ClassroomQaPilots;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * What the pilot's tasks show above their form once the school is chosen: the pilot school, the
 * current lesson-study cycle's record so far (the observer sees the plan, the team sees the
 * observations when reflecting, the reflection when revising) and the readiness assessments (the
 * school sees the IQA team's advice when improving).
 */
@Component
class ClassroomQaPanels implements TaskPanelProvider {
  private final ClassroomQaPilots pilots;
  private final ClassroomQaViews views;

  ClassroomQaPanels(ClassroomQaPilots pilots, ClassroomQaViews views) {
    this.pilots = pilots;
    this.views = views;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!PROCESS_ID.equals(processKey)
        || TASK_CHOOSE.equals(taskKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    return pilots
        .pilot(district, year.intValue())
        .map(views::view)
        .map(
            view -> {
              Map<String, Object> model = new LinkedHashMap<>();
              model.put("view", view);
              model.put(
                  "cycle",
                  view.cycles().isEmpty() ? null : view.cycles().get(view.cycles().size() - 1));
              return new TaskPanel("classroomqa/panels", "pilot", model);
            });
  }
}
