package th.qaflow.calendar;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import th.qaflow.kernel.Stage;

/**
 * A district's QA calendar: when each stage opens and is due in an academic year. Exposed to BPMN
 * expressions as the bean {@code qaCalendar}, e.g. a timer's {@code ${qaCalendar.opensAt(execution,
 * 'SELF_CHECK_1')}}.
 */
public interface QaCalendar {
  StageWindow window(String districtCode, int academicYearBE, Stage stage);

  /**
   * Every stage's window of the district's year, in the order of the year (the stage registry's).
   */
  List<StageWindow> windows(String districtCode, int academicYearBE);

  /** For BPMN timers: when the stage opens for the process's district and year. */
  Date opensAt(VariableScope scope, String stage);

  /** When the stage is due for the process's district and year. */
  Date dueAt(VariableScope scope, String stage);
}
