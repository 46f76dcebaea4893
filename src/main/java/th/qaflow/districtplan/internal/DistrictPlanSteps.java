package th.qaflow.districtplan.internal;

import static th.qaflow.districtplan.DistrictQaPlanProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.ProcessVariables;

/**
 * The service tasks of DistrictQaPlan: {@code ${districtPlanSteps.publishActionPlan(execution)}},
 * {@code publishEvaluation(execution)} and {@code startNextYear(execution, newPlan)}. They run in
 * the engine's transaction, so the plan year's row commits with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("districtPlanSteps")
public class DistrictPlanSteps {
  private final JdbcPlanYears years;

  DistrictPlanSteps(JdbcPlanYears years) {
    this.years = years;
  }

  /**
   * The approved action plan is published; a year that drafted its 3-year plan now works under it
   * (this year and the next two).
   */
  public void publishActionPlan(DelegateExecution execution) {
    int year = year(execution);
    if (Boolean.TRUE.equals(execution.getVariable(VAR_DEVELOPMENT_PLAN_NEEDED))) {
      execution.setVariable(VAR_PLAN_FIRST_YEAR, year);
      execution.setVariable(VAR_PLAN_LAST_YEAR, year + DEVELOPMENT_PLAN_YEARS - 1);
    }
    years.actionPlanPublished(
        district(execution),
        year,
        number(execution.getVariable(VAR_PLAN_FIRST_YEAR)),
        number(execution.getVariable(VAR_PLAN_LAST_YEAR)));
  }

  /**
   * The acknowledged report is published with how many indicators were achieved, and the model
   * learns whether the 3-year plan ends with this year.
   */
  public void publishEvaluation(DelegateExecution execution) {
    List<?> rows = execution.getVariable(VAR_EV_INDICATORS) instanceof List<?> l ? l : List.of();
    int achieved =
        (int)
            rows.stream()
                .filter(
                    r ->
                        r instanceof Map<?, ?> m
                            && INDICATOR_ACHIEVED.equals(m.get("indicatorAchieved")))
                .count();
    int year = year(execution);
    years.reportPublished(district(execution), year, rows.size(), achieved);
    execution.setVariable(
        VAR_DEVELOPMENT_PLAN_ENDS, number(execution.getVariable(VAR_PLAN_LAST_YEAR)) <= year);
  }

  /**
   * Starts next year's plan year with this year's evaluation and report, and this 3-year plan
   * unless {@code newPlan} (it ended: the next year drafts a new one, reading this evaluation).
   */
  public void startNextYear(DelegateExecution execution, boolean newPlan) {
    Map<String, Object> carried =
        new LinkedHashMap<>(
            years.previousOf(execution.getProcessInstanceId(), variables(execution)));
    if (!newPlan) {
      carried.put(VAR_PLAN_FIRST_YEAR, execution.getVariable(VAR_PLAN_FIRST_YEAR));
      carried.put(VAR_PLAN_LAST_YEAR, execution.getVariable(VAR_PLAN_LAST_YEAR));
      for (String name : DEVELOPMENT_PLAN_VARIABLES) {
        carried.put(name, execution.getVariable(name));
      }
    }
    years.startNext(
        district(execution),
        year(execution) + 1,
        String.valueOf(execution.getVariable(VAR_STARTED_BY)),
        carried);
  }

  private static Map<String, Object> variables(DelegateExecution execution) {
    Map<String, Object> live = new LinkedHashMap<>();
    for (String name :
        List.of(
            ProcessVariables.ACADEMIC_YEAR,
            VAR_EV_INDICATORS,
            VAR_REPORT_SUMMARY,
            VAR_REPORT_LESSONS)) {
      live.put(name, execution.getVariable(name));
    }
    return live;
  }

  private static String district(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.DISTRICT_CODE);
  }

  private static int year(DelegateExecution execution) {
    return number(execution.getVariable(ProcessVariables.ACADEMIC_YEAR));
  }

  private static int number(Object value) {
    return ((Number) value).intValue();
  }
}
