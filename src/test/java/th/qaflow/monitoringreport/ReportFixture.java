package th.qaflow.monitoringreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.demo.DemoVisitAnswers;
import th.qaflow.security.QaUsers;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;

/**
 * Visits of the demo district completed through the tasklist (the demo's answers), and the report's
 * tasks completed on the engine.
 */
final class ReportFixture {
  static final String D = "1099";

  private final VisitRounds rounds;
  private final TaskWork work;
  private final TaskService tasks;
  private final QaUsers users;

  ReportFixture(VisitRounds rounds, TaskWork work, TaskService tasks, QaUsers users) {
    this.rounds = rounds;
    this.work = work;
    this.tasks = tasks;
    this.users = users;
  }

  static String school(int n) {
    return "109901000" + n;
  }

  /**
   * Round 1 of the year over cluster 1 (schools 1–4); the visits of the given schools completed.
   */
  void visit(int year, int... schools) {
    rounds.launch(users.byId("qaofficer"), D, year, 1, "1099-C1");
    for (int n : schools) {
      String pi =
          tasks
              .createTaskQuery()
              .processInstanceBusinessKey(DistrictVisitProcess.businessKey(school(n), year, 1))
              .singleResult()
              .getProcessInstanceId();
      for (String key : DistrictVisitProcess.TASKS) {
        String user =
            switch (key) {
              case DistrictVisitProcess.TASK_PLAN_VISIT,
                  DistrictVisitProcess.TASK_RECORD_FINDINGS ->
                  "supervisor1";
              case DistrictVisitProcess.TASK_APPOINT_COMMITTEE,
                  DistrictVisitProcess.TASK_APPROVE_REPORT ->
                  "supdirector";
              case DistrictVisitProcess.TASK_PREPARE_EVIDENCE -> "qa" + n;
              default -> "director" + n;
            };
        Task task =
            tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        Completion c =
            work.complete(
                task.getId(),
                users.byId(user),
                DemoVisitAnswers.of(tasks, task, n, year, DistrictVisitProcess.DECISION_APPROVE));
        assertThat(c.done()).as(key + " " + c.form()).isTrue();
      }
    }
  }

  /** The report's open task, which must be {@code key}. */
  Task open(String pi, String key) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
    assertThat(open).extracting(Task::getTaskDefinitionKey).containsExactly(key);
    return open.get(0);
  }

  static Map<String, Object> draft(String overview) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(MonitoringReportProcess.VAR_OVERVIEW, overview);
    v.put(MonitoringReportProcess.VAR_STRENGTHS, "สถานศึกษามีระบบประกันคุณภาพภายในที่ต่อเนื่อง");
    v.put(MonitoringReportProcess.VAR_IMPROVEMENTS, "การวิเคราะห์ผลสัมฤทธิ์รายบุคคล");
    v.put(MonitoringReportProcess.VAR_RECOMMENDATIONS, "นิเทศเชิงลึกด้านการวัดและประเมินผล");
    v.put(
        MonitoringReportProcess.VAR_SCHOOL_RECOMMENDATIONS,
        "จัดสอนซ่อมเสริมอย่างเป็นระบบและติดตามผลทุกภาคเรียน");
    return v;
  }
}
