package th.qaflow.tasklist;

import th.qaflow.forms.FormResult;

/**
 * The outcome of submitting a task's form: done, or the form back with its errors and the typed
 * input.
 */
public record Completion(boolean done, FormResult form) {
  public static Completion completed() {
    return new Completion(true, null);
  }

  public static Completion invalid(FormResult form) {
    return new Completion(false, form);
  }
}
