package th.qaflow.assistance.internal;

import static th.qaflow.assistance.SchoolAssistanceProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * What the help's tasks show above their form: the standards below target it started from; the
 * team; the plan (to the approver, the visitors and the reporter); the visits so far; the last
 * self-check's result (to a new round's planners and the reporter); the director's comments after a
 * return.
 */
@Component
class AssistancePanels implements TaskPanelProvider {
  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!PROCESS_ID.equals(processKey)) {
      return Optional.empty();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schoolName", v.get(ProcessVariables.SCHOOL_NAME));
    m.put("year", v.get(VAR_SYNTHESIS_YEAR));
    m.put("round", v.get(VAR_ROUND));
    m.put("gaps", AssistanceSteps.rows(v.get(VAR_GAPS)));
    m.put("team", AssistanceSteps.rows(v.get(VAR_TEAM_MEMBERS)));
    m.put("teamOrder", v.get(VAR_TEAM_ORDER));
    if (!TASK_DRAFT_PLAN.equals(taskKey) && !TASK_APPOINT_TEAM.equals(taskKey)) {
      m.put("planSummary", v.get(VAR_PLAN_SUMMARY));
      m.put("planItems", AssistanceSteps.planItems(v.get(VAR_PLAN_ITEMS), v.get(VAR_GAPS)));
    }
    m.put("visits", AssistanceSteps.rows(v.get(VAR_VISITS)));
    m.put("rounds", AssistanceSteps.rows(v.get(VAR_ROUNDS)));
    if (TASK_REPORT_RESULT.equals(taskKey)) {
      m.put("checkResult", AssistanceSteps.rows(v.get(VAR_CHECK_RESULT)));
      m.put("checkYear", v.get(VAR_CHECK_YEAR));
      m.put("checkSemester", v.get(VAR_CHECK_SEMESTER));
    }
    if (TASK_DRAFT_PLAN.equals(taskKey)
        && DECISION_RETURN.equals(v.get(VAR_PLAN_DECISION))
        && v.get(VAR_PLAN_COMMENTS) != null) {
      m.put("returned", v.get(VAR_PLAN_COMMENTS));
    }
    return Optional.of(new TaskPanel("assistance/panels", "help", m));
  }
}
