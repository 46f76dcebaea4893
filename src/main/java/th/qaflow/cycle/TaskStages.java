package th.qaflow.cycle;

/** How a user task carries its stage: a {@code stage} property in the BPMN, copied to a task-local variable. */
public final class TaskStages {
  public static final String PROPERTY_STAGE = "stage";
  public static final String VAR_STAGE = "stage";

  private TaskStages() {}
}
