package th.qaflow.goodpractice.internal;

import static th.qaflow.goodpractice.GoodPracticeRoundProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * What the round's tasks show above their form: every nomination with its practice and evidence
 * (the committee decides on them; the officer follows them before closing), and on the honours and
 * sharing tasks the selected practices, whose schools present at the event.
 */
@Component
class GoodPracticePanels implements TaskPanelProvider {
  private final JdbcGoodPractices rounds;

  GoodPracticePanels(JdbcGoodPractices rounds) {
    this.rounds = rounds;
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (DistrictQaCycleProcess.PROCESS_ID.equals(processKey)
        && DistrictQaCycleProcess.TASK_SELECT_GOOD_PRACTICES.equals(taskKey)) {
      return districtStep(v);
    }
    if (!PROCESS_ID.equals(processKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("district", district);
    model.put("year", year.intValue());
    var all = rounds.nominations(district, year.intValue());
    boolean selectedOnly =
        TASK_RECORD_HONOURS.equals(taskKey) || TASK_RECORD_SHARING_EVENT.equals(taskKey);
    model.put("nominations", selectedOnly ? all.stream().filter(n -> n.selected()).toList() : all);
    model.put("selectedOnly", selectedOnly);
    model.put("labels", rounds.standardLabels(year.intValue()));
    return Optional.of(new TaskPanel("goodpractice/panels", "round", model));
  }

  /**
   * On the district year's good-practice step: where the year's round stands (or that none is
   * open), its published selection, and the way to the round's page.
   */
  private Optional<TaskPanel> districtStep(Map<String, Object> v) {
    if (!(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("district", district);
    model.put("year", year.intValue());
    rounds
        .round(district, year.intValue())
        .ifPresent(
            r -> {
              model.put("stage", r.stage().name());
              model.put("practices", rounds.published(district, year.intValue()));
            });
    return Optional.of(new TaskPanel("goodpractice/district-step", "round", model));
  }
}
