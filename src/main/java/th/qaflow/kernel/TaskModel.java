package th.qaflow.kernel;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * How a user task's model says what stage it belongs to and where its due date comes from, read in
 * one place: the {@code stage} property ({@code camunda:property}) names its stage; the engine
 * copies it to the task-local variable {@link ProcessVariables#STAGE}.
 */
public final class TaskModel {
  public static final String PROPERTY_STAGE = "stage";

  /**
   * A user task whose due date is not the calendar's date of its stage but set by the task's own
   * create listener in the model (e.g. 15 working days after a submission): property {@code due} =
   * {@code listener}. Such a task keeps its stage (for dashboards and reminders), and the calendar
   * neither sets nor moves its date.
   */
  public static final String PROPERTY_DUE = "due";

  public static final String DUE_FROM_LISTENER = "listener";

  /**
   * A user task that follows someone else's step and must never be born overdue (the SAR's
   * publication after its submission): property {@code due} = {@code calendarOrLead}. It is due on
   * its stage's calendar date, but no earlier than the lead time ({@code
   * qaflow.calendar.rework-days}) after its creation: created after or near its deadline it gets a
   * due date relative to its creation.
   */
  public static final String DUE_CALENDAR_OR_LEAD = "calendarOrLead";

  private TaskModel() {}

  /** The stage code of the user task's model, or null for a task without a stage. */
  public static String stageOf(BaseElement model) {
    return property(model, PROPERTY_STAGE);
  }

  /** Whether the task is never due before its lead time after creation. */
  public static boolean dueCalendarOrLead(BaseElement model) {
    return DUE_CALENDAR_OR_LEAD.equals(property(model, PROPERTY_DUE));
  }

  /** Whether the model's own listener sets the task's due date (the calendar leaves it alone). */
  public static boolean dueFromListener(BaseElement model) {
    return DUE_FROM_LISTENER.equals(property(model, PROPERTY_DUE));
  }

  /**
   * A {@code camunda:property} of the element (a user task's model), or null when absent or blank.
   */
  public static String property(BaseElement model, String name) {
    if (model == null || model.getExtensionElements() == null) {
      return null;
    }
    return model
        .getExtensionElements()
        .getElementsQuery()
        .filterByType(CamundaProperties.class)
        .list()
        .stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse(null);
  }
}
