package th.qaflow.tasklist;

import java.util.Map;
import java.util.Optional;
import th.qaflow.security.QaUser;

/**
 * Implemented by modules that show extra context on some tasks. The tasklist asks every provider
 * for every task page it opens; a provider answers only for the task keys it knows, after the
 * tasklist has checked that the user may see the task.
 */
public interface TaskPanelProvider {
  /**
   * @param taskKey the task's definition key (e.g. {@code Task_ReviewSar})
   * @param processDefinitionKey the key of the task's process (e.g. {@code SchoolQaCycle})
   * @param variables the task's variables (read once by the tasklist)
   */
  Optional<TaskPanel> panel(
      String taskKey, String processDefinitionKey, Map<String, Object> variables, QaUser user);
}
