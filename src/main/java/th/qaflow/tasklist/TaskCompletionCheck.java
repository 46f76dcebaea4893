package th.qaflow.tasklist;

import java.util.List;
import java.util.Map;
import th.qaflow.security.QaUser;

/**
 * Implemented by modules that must refuse the completion of some tasks while a rule of theirs is
 * not met (e.g. the district's visit step while a school has had no visit this year). The tasklist
 * asks every check after the form is valid and before anything is stored; a refusal shows the form
 * again with the user's input kept and the message next to the named field.
 */
public interface TaskCompletionCheck {
  /**
   * @param taskKey the task's definition key (e.g. {@code Task_RunVisitRounds})
   * @param processDefinitionKey the key of the task's process (e.g. {@code DistrictQaCycle})
   * @param variables the task's variables (read only)
   * @return the refusals, empty when the task may be completed
   */
  List<Refusal> check(
      String taskKey, String processDefinitionKey, Map<String, Object> variables, QaUser user);

  /**
   * Why the task cannot be completed yet.
   *
   * @param field the form field the message belongs to (its key, as the form's errors use it)
   * @param code the message code
   * @param args the message's arguments
   */
  record Refusal(String field, String code, Object... args) {}
}
