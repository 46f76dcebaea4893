package th.qaflow.goodpractice.internal;

import static th.qaflow.goodpractice.GoodPracticeRoundProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import th.qaflow.district.GoodPracticeSelection;
import th.qaflow.goodpractice.GoodPractices.Nomination;
import th.qaflow.goodpractice.GoodPractices.RoundStage;
import th.qaflow.kernel.ProcessVariables;

/**
 * The service tasks of GoodPracticeRound ({@code ${goodPracticeSteps.…(execution)}}). They run in
 * the engine's transaction, so the round's row commits with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("goodPracticeSteps")
public class GoodPracticeSteps {
  private final JdbcGoodPractices rounds;
  private final GoodPracticeSelection districtStep;

  GoodPracticeSteps(JdbcGoodPractices rounds, GoodPracticeSelection districtStep) {
    this.rounds = rounds;
    this.districtStep = districtStep;
  }

  /** The window opens: schools and supervisors may nominate on the page. */
  public void openNominations(DelegateExecution execution) {
    rounds.stage(district(execution), year(execution), RoundStage.NOMINATION);
  }

  /**
   * The window closes (by the officer or at the deadline): nothing more can be nominated or edited;
   * the committee's form gets one row per nomination.
   */
  public void closeNominations(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    rounds.nominationsClosed(district, year);
    List<Nomination> nominations = rounds.nominations(district, year);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Nomination n : nominations) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("nominationId", n.id());
      row.put("nominationSchool", n.schoolName());
      row.put("nominationStandard", n.standardCode());
      row.put("nominationTitle", n.title());
      rows.add(row);
    }
    execution.setVariable(
        VAR_NOMINATION_ROWS,
        Variables.objectValue(rows)
            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
            .create());
    execution.setVariable(VAR_NOMINATION_COUNT, nominations.size());
  }

  /** Writes the committee's decision and reason onto each nomination. */
  public void recordSelection(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    int selected = 0;
    if (execution.getVariable(VAR_DECISIONS) instanceof List<?> decisions) {
      for (Object d : decisions) {
        if (d instanceof Map<?, ?> row && row.get("nominationId") instanceof Number id) {
          String decision = String.valueOf(row.get("nominationDecision"));
          if (DECISION_SELECTED.equals(decision)) {
            selected++;
          }
          rounds.decide(
              id.longValue(),
              district,
              year,
              decision,
              String.valueOf(row.get("nominationReason")));
        }
      }
    }
    rounds.selected(district, year, (String) execution.getVariable(VAR_COMMITTEE), selected > 0);
    execution.setVariable(VAR_SELECTED_COUNT, selected);
  }

  /** The honours are recorded and the selected practices published on the public page. */
  public void publish(DelegateExecution execution) {
    String district = district(execution);
    int year = year(execution);
    rounds.honoured(
        district,
        year,
        (String) execution.getVariable(VAR_HONOURS_KIND),
        (String) execution.getVariable(VAR_HONOURS_REFERENCE),
        date(execution.getVariable(VAR_HONOURS_DATE)),
        (String) execution.getVariable(VAR_HONOURS_NOTE));
    List<String> practices =
        rounds.published(district, year).stream()
            .map(n -> n.schoolName() + " · " + n.standardCode() + " · " + n.title())
            .toList();
    // the district year's own good-practice step is done with this
    districtStep.selectionPublished(
        district, year, practices, "/public/districts/" + district + "/good-practices/" + year);
  }

  /** The knowledge-sharing event is recorded: the round is done. */
  public void recordSharing(DelegateExecution execution) {
    Object attendance = execution.getVariable(VAR_EVENT_ATTENDANCE);
    rounds.shared(
        district(execution),
        year(execution),
        date(execution.getVariable(VAR_EVENT_DATE)),
        (String) execution.getVariable(VAR_EVENT_MODE),
        (String) execution.getVariable(VAR_EVENT_PLACE),
        attendance instanceof Number n ? n.intValue() : null,
        (String) execution.getVariable(VAR_EVENT_SUMMARY));
  }

  private static LocalDate date(Object value) {
    return value == null || String.valueOf(value).isBlank()
        ? null
        : LocalDate.parse(String.valueOf(value).substring(0, 10));
  }

  private static String district(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.DISTRICT_CODE);
  }

  private static int year(DelegateExecution execution) {
    return ((Number) execution.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }
}
