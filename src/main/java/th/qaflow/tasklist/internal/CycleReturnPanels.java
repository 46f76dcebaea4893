package th.qaflow.tasklist.internal;

import static th.qaflow.cycle.SchoolQaCycleProcess.BOARD_RETURNED;
import static th.qaflow.cycle.SchoolQaCycleProcess.DIRECTOR_RETURNED;
import static th.qaflow.cycle.SchoolQaCycleProcess.TASK_DRAFT_SAR;
import static th.qaflow.cycle.SchoolQaCycleProcess.VAR_BOARD_COMMENTS;
import static th.qaflow.cycle.SchoolQaCycleProcess.VAR_BOARD_DECISION;
import static th.qaflow.cycle.SchoolQaCycleProcess.VAR_DIRECTOR_COMMENTS;
import static th.qaflow.cycle.SchoolQaCycleProcess.VAR_DIRECTOR_DECISION;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * On the school's redraft of the SAR after the director or the board returned it: who returned it
 * and what to change, shown first on the task page (the comments were otherwise only in the earlier
 * stages' forms, far below).
 */
@Component
class CycleReturnPanels implements TaskPanelProvider {
  static final String TEMPLATE = "tasklist/panels";

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> variables, QaUser user) {
    if (!SchoolQaCycleProcess.PROCESS_ID.equals(processKey) || !TASK_DRAFT_SAR.equals(taskKey)) {
      return Optional.empty();
    }
    // The director decides after the board of the round before: a director's return is the latest
    // one; otherwise the director sent the draft on and the board returned it.
    if (DIRECTOR_RETURNED.equals(variables.get(VAR_DIRECTOR_DECISION))) {
      return Optional.of(returned("task.returned.director", variables.get(VAR_DIRECTOR_COMMENTS)));
    }
    if (BOARD_RETURNED.equals(variables.get(VAR_BOARD_DECISION))) {
      return Optional.of(returned("task.returned.board", variables.get(VAR_BOARD_COMMENTS)));
    }
    return Optional.empty();
  }

  /** A "returned" panel of the tasklist's own template, for any module's returns. */
  static TaskPanel returned(String titleKey, Object comments) {
    return new TaskPanel(
        TEMPLATE,
        "returned",
        Map.of("title", titleKey, "comments", comments == null ? "" : String.valueOf(comments)));
  }
}
