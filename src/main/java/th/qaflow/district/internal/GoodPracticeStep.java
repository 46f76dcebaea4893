package th.qaflow.district.internal;

import static th.qaflow.district.DistrictQaCycleProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.district.GoodPracticeSelection;

/**
 * Completes the district year's good-practice step when the good-practice round publishes its
 * selection, with the selected practices as the step's answer (the fields of
 * forms/SelectGoodPractices.form). Runs in the round's transaction, so the publication and the step
 * commit together. A round published before the district year reaches the step leaves it to the
 * officer, whose task page shows the published selection.
 */
@Component
class GoodPracticeStep implements GoodPracticeSelection {
  private final TaskService tasks;

  GoodPracticeStep(@Lazy TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public int selectionPublished(
      String districtCode, int academicYearBE, List<String> practices, String publicPage) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .processDefinitionKey(PROCESS_ID)
            .processInstanceBusinessKey(businessKey(districtCode, academicYearBE))
            .taskDefinitionKey(TASK_SELECT_GOOD_PRACTICES)
            .list();
    for (Task task : open) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("goodPractices", String.join("\n", practices));
      answer.put("goodPracticesSharing", publicPage);
      tasks.complete(task.getId(), answer);
    }
    return open.size();
  }
}
