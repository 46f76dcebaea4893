package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.onesqa.ExternalAssessmentProcess.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.organisation.Groups;
import th.qaflow.support.EngineTestClock;

/**
 * Drives the ONESQA processes of district 1099 on the real engine, checking each task's group,
 * stage and due date.
 */
final class ExternalFixture {
  static final String DISTRICT = "1099";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final int year;

  ExternalFixture(RuntimeService runtime, TaskService tasks, int year) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.year = year;
  }

  static String school(int n) {
    return "109901000" + n;
  }

  static String cluster(int n) {
    return n <= 4 ? "1099-C1" : "1099-C2";
  }

  void clock(int month, int day) {
    int ce =
        AcademicYears.firstCalendarYear(year) + (month < 5 || (month == 5 && day < 16) ? 1 : 0);
    EngineTestClock.at(java.sql.Timestamp.valueOf(LocalDateTime.of(ce, month, day, 9, 0)));
  }

  /** The one open task of that key in the process (for the readiness tasks: of that school). */
  Task task(String processInstanceId, String key, String school) {
    List<Task> found = new ArrayList<>();
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(key)
            .list()) {
      if (school == null || school.equals(tasks.getVariable(t.getId(), "schoolCode"))) {
        found.add(t);
      }
    }
    assertThat(found).as(key + " of " + school).hasSize(1);
    return found.get(0);
  }

  /**
   * Checks the task's candidate group and stage (and the calendar's due date when {@code
   * firstRound}), then completes it.
   */
  Task complete(
      String processInstanceId,
      String key,
      String school,
      String group,
      Stage stage,
      boolean firstRound,
      Object... vars) {
    Task task = task(processInstanceId, key, school);
    assertThat(tasks.getIdentityLinksForTask(task.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(group));
    assertThat(tasks.getVariableLocal(task.getId(), ProcessVariables.STAGE))
        .isEqualTo(stage.name());
    if (firstRound) {
      assertThat(task.getDueDate()).isEqualTo(Date.from(StageWindow.defaults(stage, year).dueAt()));
    }
    tasks.complete(task.getId(), map(vars));
    return task;
  }

  /**
   * From a started district process: criteria published, every school ready and confirmed, the list
   * sent with these targets, SARs confirmed. {@code firstRound} also checks the calendar's due
   * dates.
   */
  String toTargets(String processInstanceId, List<String> targets, boolean firstRound) {
    complete(
        processInstanceId,
        TASK_PUBLISH_CRITERIA,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_CRITERIA,
        firstRound);
    for (int n = 1; n <= 8; n++) {
      declare(processInstanceId, n, READY, firstRound);
      confirm(processInstanceId, n, READY, firstRound);
    }
    complete(
        processInstanceId,
        TASK_SEND_READINESS_LIST,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_READINESS_LIST,
        firstRound,
        VAR_TARGET_SCHOOLS,
        targets);
    complete(
        processInstanceId,
        TASK_CONFIRM_SARS,
        null,
        Groups.districtQaOfficer(DISTRICT),
        OnesqaStage.ONESQA_SAR_COLLECTION,
        firstRound,
        "sarsChecked",
        true);
    return processInstanceId;
  }

  /** School {@code n}'s director declares its readiness. */
  void declare(String processInstanceId, int n, String readiness, boolean firstRound) {
    complete(
        processInstanceId,
        TASK_DECLARE_READINESS,
        school(n),
        Groups.schoolDirector(school(n)),
        OnesqaStage.ONESQA_READINESS,
        firstRound,
        VAR_READINESS,
        readiness);
  }

  /** School {@code n}'s cluster supervisor confirms its readiness as {@code readiness}. */
  void confirm(String processInstanceId, int n, String readiness, boolean firstRound) {
    complete(
        processInstanceId,
        TASK_CONFIRM_READINESS,
        school(n),
        Groups.clusterSupervisor(cluster(n)),
        OnesqaStage.ONESQA_READINESS_CONFIRMATION,
        firstRound,
        VAR_READINESS_DECISION,
        DECISION_CONFIRM,
        VAR_CONFIRMED_READINESS,
        readiness);
  }

  static Map<String, Object> map(Object... vars) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < vars.length; i += 2) {
      m.put((String) vars[i], vars[i + 1]);
    }
    return m;
  }

  /** Rows of onesqaResults: level per standard "1", "2", "3". */
  static List<Map<String, Object>> results(String one, String two, String three) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String[] levels = {one, two, three};
    for (int i = 0; i < 3; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("standardCode", String.valueOf(i + 1));
      row.put("level", levels[i]);
      row.put("recommendations", "ข้อเสนอแนะมาตรฐานที่ " + (i + 1));
      rows.add(row);
    }
    return rows;
  }

  ProcessInstance schoolAssessment(String school) {
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ExternalAssessmentSchoolProcess.businessKey(school, year))
            .processDefinitionKey(ExternalAssessmentSchoolProcess.PROCESS_ID)
            .singleResult();
    assertThat(pi).as("ONESQA assessment of " + school).isNotNull();
    return pi;
  }
}
