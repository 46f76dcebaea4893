package th.qaflow.tumhome.internal;

import static th.qaflow.tumhome.TumhomeProcess.DECISION_RETURN;
import static th.qaflow.tumhome.TumhomeProcess.PROCESS_ID;
import static th.qaflow.tumhome.TumhomeProcess.TASK_APPOINT_TEAM;
import static th.qaflow.tumhome.TumhomeProcess.TASK_EVALUATE;
import static th.qaflow.tumhome.TumhomeProcess.TASK_MENTORING;
import static th.qaflow.tumhome.TumhomeProcess.TASK_RECORD_BASELINE;
import static th.qaflow.tumhome.TumhomeProcess.VAR_PLAN;
import static th.qaflow.tumhome.TumhomeProcess.VAR_PLAN_COMMENTS;
import static th.qaflow.tumhome.TumhomeProcess.VAR_PLAN_DECISION;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeFramework;

/**
 * What the drive's tasks show above their form: the 4Q areas and indicators, the director's
 * comments after a return, the approved plan, and from the directors' meeting on the schools' MOUs
 * (how many signed).
 */
@Component
class TumhomePanels implements TaskPanelProvider {
  private final TumhomeDrives drives;
  private final TumhomeViews views;
  private final TumhomeFramework framework;

  TumhomePanels(TumhomeDrives drives, TumhomeViews views, TumhomeFramework framework) {
    this.drives = drives;
    this.views = views;
    this.framework = framework;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!PROCESS_ID.equals(processKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)
        || TASK_APPOINT_TEAM.equals(taskKey)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("year", year.intValue());
    model.put("areas", framework.areas());
    if (TASK_RECORD_BASELINE.equals(taskKey)) {
      if (DECISION_RETURN.equals(v.get(VAR_PLAN_DECISION)) && v.get(VAR_PLAN_COMMENTS) != null) {
        model.put("returned", v.get(VAR_PLAN_COMMENTS));
      }
    } else {
      model.put("plan", v.get(VAR_PLAN));
      drives
          .drive(district, year.intValue())
          .map(views::view)
          .ifPresent(d -> model.put("drive", d));
      if (TASK_MENTORING.equals(taskKey)) {
        model.put("mentoring", true);
      } else if (TASK_EVALUATE.equals(taskKey)) {
        model.put("evaluation", true);
      }
    }
    return Optional.of(new TaskPanel("tumhome/panels", "drive", model));
  }
}
