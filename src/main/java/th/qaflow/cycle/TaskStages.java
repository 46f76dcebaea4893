package th.qaflow.cycle;

/** How a user task carries its stage (a {@code stage} property in the BPMN, copied to a task-local variable) and where its due date comes from. */
public final class TaskStages {
  public static final String PROPERTY_STAGE = "stage";
  public static final String VAR_STAGE = "stage";
  /**
   * A user task whose due date is not the calendar's date of its stage but set by the task's own create
   * listener in the model (e.g. 15 working days after a submission): property {@code due} = {@code listener}.
   * Such a task keeps its stage (for dashboards and reminders), and the calendar neither sets nor moves its date.
   */
  public static final String PROPERTY_DUE = "due";
  public static final String DUE_FROM_LISTENER = "listener";

  private TaskStages() {}
}
