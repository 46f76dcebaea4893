package th.qaflow.assistance.internal;

import static th.qaflow.assistance.SchoolAssistanceProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.cycle.SelfCheck;
import th.qaflow.kernel.ProcessVariables;

/**
 * The service steps and listeners of SchoolAssistance: {@code
 * ${assistanceSteps.recordVisit(execution)}} (end of a follow-up visit), {@code
 * checkSelfCheck(execution)}, {@code startNextRound(execution)} and {@code close(execution)}. They
 * run in the engine's transaction, so the case's row commits with the step. The school's self-check
 * is read through the cycle module ({@link SchoolCycles#selfCheck}), never from its variables.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("assistanceSteps")
public class AssistanceSteps {
  /** Semesters looked ahead for the next self-check before the step waits anyway. */
  private static final int LOOK_AHEAD = 4;

  private final SchoolCycles cycles;
  private final JdbcAssistanceCases cases;
  private final Clock clock;

  AssistanceSteps(SchoolCycles cycles, JdbcAssistanceCases cases, Clock clock) {
    this.cycles = cycles;
    this.cases = cases;
    this.clock = clock;
  }

  /** Adds the visit just recorded to the case's visits; "enough" ends the round's visits. */
  public void recordVisit(DelegateExecution execution) {
    List<Map<String, Object>> visits = rows(execution.getVariable(VAR_VISITS));
    Map<String, Object> visit = new LinkedHashMap<>();
    visit.put("round", round(execution));
    visit.put("visitDate", String.valueOf(execution.getVariable(VAR_VISIT_DATE)));
    visit.put("findings", String.valueOf(execution.getVariable(VAR_VISIT_FINDINGS)));
    visit.put("advice", String.valueOf(execution.getVariable(VAR_VISIT_ADVICE)));
    visits.add(visit);
    execution.setVariable(VAR_VISITS, JdbcAssistanceCases.json(visits));
    if (VISITS_ENOUGH.equals(execution.getVariable(VAR_VISITS_DECISION))) {
      execution.setVariable(VAR_VISITS_ENDED_AT, clock.instant().toString());
    }
  }

  /**
   * Looks for the school's first self-check completed after the round's visits ended, from the
   * first semester of the year the help runs in (or after the previous round's check). Sets {@code
   * selfCheckDone}; once done, {@code targetReached} (every standard the help started from reached
   * its target) and the rows of those standards.
   */
  public void checkSelfCheck(DelegateExecution execution) {
    String school = (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
    int year =
        execution.getVariable(VAR_CHECK_YEAR) instanceof Number n
            ? n.intValue()
            : number(execution.getVariable(ProcessVariables.ACADEMIC_YEAR));
    int semester = execution.getVariable(VAR_CHECK_SEMESTER) instanceof Number n ? n.intValue() : 1;
    Instant visitsEnded =
        execution.getVariable(VAR_VISITS_ENDED_AT) instanceof String s
            ? Instant.parse(s)
            : Instant.EPOCH;
    Optional<SelfCheck> found = Optional.empty();
    for (int step = 0; step < LOOK_AHEAD; step++) {
      Optional<SelfCheck> check = cycles.selfCheck(school, year, semester);
      if (check.isEmpty() || !check.get().completedAt().isBefore(visitsEnded)) {
        found = check;
        break;
      }
      // done before the help's visits ended: it cannot tell the help's result, look at the next
      if (semester == 1) {
        semester = 2;
      } else {
        semester = 1;
        year++;
      }
    }
    execution.setVariable(VAR_CHECK_YEAR, year);
    execution.setVariable(VAR_CHECK_SEMESTER, semester);
    execution.setVariable(VAR_SELF_CHECK_DONE, found.isPresent());
    if (found.isEmpty()) {
      execution.setVariable(VAR_TARGET_REACHED, false);
      return;
    }
    Map<String, SelfCheck.Standard> byCode = new LinkedHashMap<>();
    found.get().standards().forEach(s -> byCode.put(s.standardCode(), s));
    boolean reached = true;
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> gap : rows(execution.getVariable(VAR_GAPS))) {
      String code = String.valueOf(gap.get("standardCode"));
      SelfCheck.Standard row = byCode.get(code);
      reached &= row != null && row.achieved();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("standardCode", code);
      r.put("label", gap.get("label"));
      r.put("label_en", gap.get("label_en"));
      r.put("progressStatus", row == null ? "" : row.progressStatus());
      r.put("problems", row == null ? "" : row.problems());
      r.put("nextActions", row == null ? "" : row.nextActions());
      result.add(r);
    }
    execution.setVariable(VAR_TARGET_REACHED, reached);
    execution.setVariable(VAR_CHECK_RESULT, JdbcAssistanceCases.json(result));
  }

  /**
   * The school is still below a target: the round's result is kept, the next round plans again and
   * is checked at a later self-check.
   */
  public void startNextRound(DelegateExecution execution) {
    addRoundResult(execution, false);
    int next = round(execution) + 1;
    execution.setVariable(VAR_ROUND, next);
    int semester = number(execution.getVariable(VAR_CHECK_SEMESTER));
    int year = number(execution.getVariable(VAR_CHECK_YEAR));
    execution.setVariable(VAR_CHECK_SEMESTER, semester == 1 ? 2 : 1);
    execution.setVariable(VAR_CHECK_YEAR, semester == 1 ? year : year + 1);
    execution.removeVariable(VAR_VISITS_ENDED_AT);
    execution.removeVariable(VAR_VISITS_DECISION);
    execution.removeVariable(VAR_PLAN_DECISION);
    cases.roundStarted(school(execution), year(execution), next);
  }

  /** The school reached its targets and the team reported: the case closes. */
  public void close(DelegateExecution execution) {
    addRoundResult(execution, true);
    cases.closed(school(execution), year(execution));
  }

  private void addRoundResult(DelegateExecution execution, boolean reached) {
    List<Map<String, Object>> rounds = rows(execution.getVariable(VAR_ROUNDS));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("round", round(execution));
    r.put("checkYear", execution.getVariable(VAR_CHECK_YEAR));
    r.put("checkSemester", execution.getVariable(VAR_CHECK_SEMESTER));
    r.put("reached", reached);
    r.put("result", execution.getVariable(VAR_CHECK_RESULT));
    rounds.add(r);
    execution.setVariable(VAR_ROUNDS, JdbcAssistanceCases.json(rounds));
  }

  static List<Map<String, Object>> rows(Object value) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof Map<?, ?> map) {
          Map<String, Object> row = new LinkedHashMap<>();
          map.forEach((k, v) -> row.put(String.valueOf(k), v));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The plan's rows, each with its standard's label (Thai and English) from the gaps. */
  static List<Map<String, Object>> planItems(Object items, Object gaps) {
    Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
    rows(gaps).forEach(g -> byCode.put(String.valueOf(g.get("standardCode")), g));
    List<Map<String, Object>> rows = rows(items);
    for (Map<String, Object> row : rows) {
      Map<String, Object> gap =
          byCode.getOrDefault(String.valueOf(row.get("itemStandard")), Map.of());
      row.put("standardLabel", gap.getOrDefault("label", row.get("itemStandard")));
      row.put("standardLabel_en", gap.getOrDefault("label_en", row.get("itemStandard")));
    }
    return rows;
  }

  private static String school(DelegateExecution execution) {
    return (String) execution.getVariable(ProcessVariables.SCHOOL_CODE);
  }

  /** The case's key year: the synthesis' (SARs') year. */
  private static int year(DelegateExecution execution) {
    return number(execution.getVariable(VAR_SYNTHESIS_YEAR));
  }

  private static int round(DelegateExecution execution) {
    return number(execution.getVariable(VAR_ROUND));
  }

  private static int number(Object value) {
    return ((Number) value).intValue();
  }
}
