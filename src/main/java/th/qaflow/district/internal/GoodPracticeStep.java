package th.qaflow.district.internal;

import static th.qaflow.district.DistrictQaCycleProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.qaflow.goodpractice.GoodPractices;
import th.qaflow.goodpractice.GoodPracticesPublished;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * The district year's good-practice step (Task_SelectGoodPractices) points into the good-practice
 * round (GoodPracticeRound, module goodpractice), where the selection really happens: its task page
 * shows the round's stage and link, and when the round publishes its selection the step completes
 * by itself with the selected practices as its answer. Synchronous, in the round's transaction, so
 * the publication and the step commit together. A round published before the district year reaches
 * the step leaves it to the officer, whose task page then shows the published selection.
 */
@Component
class GoodPracticeStep implements TaskPanelProvider {
  private final TaskService tasks;
  private final GoodPractices goodPractices;

  GoodPracticeStep(@Lazy TaskService tasks, GoodPractices goodPractices) {
    this.tasks = tasks;
    this.goodPractices = goodPractices;
  }

  @EventListener
  void published(GoodPracticesPublished event) {
    for (Task task :
        tasks
            .createTaskQuery()
            .processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(businessKey(event.districtCode(), event.academicYear()))
            .taskDefinitionKey(TASK_SELECT_GOOD_PRACTICES)
            .list()) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("goodPractices", String.join("\n", event.practices()));
      answer.put(
          "goodPracticesSharing",
          "/public/districts/" + event.districtCode() + "/good-practices/" + event.academicYear());
      tasks.complete(task.getId(), answer);
    }
  }

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> v, QaUser user) {
    if (!PROCESS_ID.equals(processKey)
        || !TASK_SELECT_GOOD_PRACTICES.equals(taskKey)
        || !(v.get(ProcessVariables.DISTRICT_CODE) instanceof String district)
        || !(v.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("district", district);
    model.put("year", year.intValue());
    goodPractices
        .round(district, year.intValue())
        .ifPresent(
            r -> {
              model.put("stage", r.stage().name());
              model.put("practices", goodPractices.published(district, year.intValue()));
            });
    return Optional.of(new TaskPanel("district/good-practice-panel", "round", model));
  }
}
