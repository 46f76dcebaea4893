package th.qaflow.calendar;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A district's QA calendar: when each stage opens and is due in an academic year. Exposed to BPMN
 * expressions as the bean {@code qaCalendar}, e.g. a timer's {@code ${qaCalendar.opensAt(execution, 'SELF_CHECK_1')}}.
 */
public interface QaCalendar {
  StageWindow window(String districtCode, int academicYearBE, Stage stage);

  /** Every stage's window of the district's year, in the order of the year. */
  default java.util.List<StageWindow> windows(String districtCode, int academicYearBE) {
    return java.util.Arrays.stream(Stage.values()).map(s -> window(districtCode, academicYearBE, s)).toList();
  }

  /** For BPMN timers: when the stage opens for the process's district and year. */
  default Date opensAt(VariableScope scope, String stage) {
    return Date.from(window(districtOf(scope), yearOf(scope), Stage.valueOf(stage)).opensAt());
  }

  default Date dueAt(VariableScope scope, String stage) {
    return Date.from(window(districtOf(scope), yearOf(scope), Stage.valueOf(stage)).dueAt());
  }

  private static String districtOf(VariableScope scope) {
    return (String) scope.getVariable("districtCode");
  }

  private static int yearOf(VariableScope scope) {
    return ((Number) scope.getVariable("academicYear")).intValue();
  }
}
