package th.qaflow.coverage.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskCompletionCheck;

/**
 * The district's visit step (DistrictQaCycle, {@code Task_RunVisitRounds}) is not completed while a
 * school of the district has had no completed visit in the year: the form comes back with the
 * uncovered schools named (the first {@value #NAMED} of them) next to its confirmation box.
 */
@Component
class VisitCoverageCheck implements TaskCompletionCheck {
  static final int NAMED = 30;
  static final String FIELD = "visitRoundsDone";

  private final JdbcVisitCoverage coverage;

  VisitCoverageCheck(JdbcVisitCoverage coverage) {
    this.coverage = coverage;
  }

  @Override
  public List<Refusal> check(
      String taskKey, String processDefinitionKey, Map<String, Object> variables, QaUser user) {
    if (!DistrictQaCycleProcess.PROCESS_ID.equals(processDefinitionKey)
        || !DistrictQaCycleProcess.TASK_RUN_VISIT_ROUNDS.equals(taskKey)
        || !(variables.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(variables.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return List.of();
    }
    List<School> uncovered = coverage.uncovered(district, year.intValue());
    if (uncovered.isEmpty()) {
      return List.of();
    }
    String names =
        uncovered.stream()
            .limit(NAMED)
            .map(s -> s.nameTh() + " (" + s.code() + ")")
            .collect(Collectors.joining(", "));
    return uncovered.size() > NAMED
        ? List.of(
            new Refusal(
                FIELD,
                "coverage.error.uncoveredMore",
                uncovered.size(),
                names,
                uncovered.size() - NAMED))
        : List.of(new Refusal(FIELD, "coverage.error.uncovered", uncovered.size(), names));
  }
}
