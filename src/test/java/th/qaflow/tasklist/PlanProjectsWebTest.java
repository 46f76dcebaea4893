package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * Issue 13 §3 on the forms: the plan names, per project, its owner, standards, indicator, target
 * and schedule on the basis of last year's results; the self-checks then report per project as well
 * as per standard, with who evaluated and how. Checked on the server, in Thai.
 */
@ProcessTest
class PlanProjectsWebTest {
  static final String SCHOOL = "1099010006";
  static final int YEAR = 2766;

  @Autowired MockMvc mvc;
  @Autowired CycleService cycles;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  static final Map<String, Object> TARGET =
      Map.of("standardCode", "BASIC-1", "standardLabel", "คุณภาพของผู้เรียน", "targetLevel", "4");

  Task driveTo(String pi, String key, List<Map<String, Object>> projects) {
    return ProcessDriver.driveTo(
        tasks,
        management,
        pi,
        key,
        t -> {
          Map<String, Object> answers = new HashMap<>(ProcessDriver.SCHOOL_CYCLE_APPROVALS);
          if (t.getTaskDefinitionKey().equals(SchoolQaCycleProcess.TASK_SET_STANDARDS)) {
            answers.put("targets", List.of(new LinkedHashMap<>(TARGET)));
          }
          if (t.getTaskDefinitionKey().equals(SchoolQaCycleProcess.TASK_MAKE_PLANS)) {
            answers.put("projects", projects);
          }
          return answers;
        });
  }

  MockHttpSession claimed(Task task) throws Exception {
    MockHttpSession qa = WebSessions.login(mvc, "qa6");
    mvc.perform(post("/tasks/{id}/claim", task.getId()).session(qa).with(csrf()));
    return qa;
  }

  @Test
  void aProjectWithoutOwnerIndicatorTargetOrScheduleIsRefusedInThai() throws Exception {
    String pi = cycles.startSchool(SCHOOL, YEAR, "qaofficer").orElseThrow();
    Task plans = driveTo(pi, SchoolQaCycleProcess.TASK_MAKE_PLANS, List.of());
    MockHttpSession qa = claimed(plans);
    String page =
        TaskPages.refused(
            mvc,
            TaskPages.completeForm(plans.getId())
                .param("developmentPlanPeriod", "2766-2769")
                .param("actionPlanSummary", "สรุปแผน")
                .param("projects[0].projectName", "โครงการรักการอ่าน")
                .param("projects[0].projectStandards", "BASIC-1")
                .param("projects[0].projectBudget", "1000")
                .param("projects[0].projectSchedule", "x".repeat(201)),
            qa);
    assertThat(page)
        .contains("id=\"f-planBasis-error\"><span>โปรดเลือกจากรายการ</span>")
        .contains("id=\"f-planBasisSummary-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>")
        .contains("id=\"f-projects-0-projectOwner-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>")
        .contains("id=\"f-projects-0-projectIndicator-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>")
        .contains("id=\"f-projects-0-projectTarget-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>")
        .contains("id=\"f-projects-0-projectSchedule-error\"")
        .contains("value=\"โครงการรักการอ่าน\"");
    assertThat(tasks.createTaskQuery().taskId(plans.getId()).count()).as("still open").isOne();
    // a basis that is not one of the options is refused too
    String wrong =
        TaskPages.refused(
            mvc, TaskPages.completeForm(plans.getId()).param("planBasis", "rumour"), qa);
    assertThat(wrong).contains("id=\"f-planBasis-error\"");
  }

  @Test
  void theSelfCheckReportsPerProjectWithWhoEvaluatedAndHow() throws Exception {
    String pi = cycles.startSchool(SCHOOL, YEAR + 1, "qaofficer").orElseThrow();
    Map<String, Object> reading = new LinkedHashMap<>();
    reading.put("projectName", "โครงการรักการอ่าน");
    reading.put("projectStandards", List.of("BASIC-1"));
    reading.put("projectOwner", "กลุ่มบริหารวิชาการ");
    reading.put("projectIndicator", "ร้อยละของผู้เรียนที่อ่านคล่อง");
    reading.put("projectTarget", "ร้อยละ 85");
    reading.put("projectSchedule", "มิ.ย. – ก.พ.");
    reading.put("projectBudget", 1000);
    Map<String, Object> maths = new LinkedHashMap<>(reading);
    maths.put("projectName", "โครงการคณิตคิดสนุก");
    maths.put("projectTarget", "ร้อยละ 70");
    Task check =
        driveTo(pi, SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_ONE, List.of(reading, maths));
    MockHttpSession qa = claimed(check);

    String page = TaskPages.page(mvc, "/tasks/" + check.getId(), qa);
    assertThat(page)
        .contains("ผลการติดตามรายโครงการ")
        .contains("value=\"โครงการรักการอ่าน\"")
        .contains("value=\"โครงการคณิตคิดสนุก\"")
        .contains("value=\"ร้อยละ 70\"")
        .contains("name=\"sc1Projects[1].projectProgress\"");

    // nothing about the projects nor who evaluated: refused field by field, in Thai
    String refused =
        TaskPages.refused(
            mvc,
            TaskPages.completeForm(check.getId())
                .param("sc1Rows[0].progressStatus", "on_track")
                .param("sc1Rows[0].evidence", "บันทึกการนิเทศ")
                .param("sc1Rows[0].nextActions", "นิเทศต่อเนื่อง"),
            qa);
    assertThat(refused)
        .contains("id=\"f-sc1Evaluators-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>")
        .contains("id=\"f-sc1Method-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>")
        .contains("id=\"f-sc1Projects-0-projectProgress-error\"><span>โปรดเลือกจากรายการ</span>")
        .contains("id=\"f-sc1Projects-1-projectResult-error\"><span>กรุณากรอกข้อมูลช่องนี้</span>");

    TaskPages.done(
        mvc,
        TaskPages.completeForm(check.getId())
            .param("sc1Evaluators", "คณะกรรมการประเมินและตรวจสอบคุณภาพภายใน")
            .param("sc1Method", "ตรวจร่องรอยและสังเกตการสอน")
            .param("sc1Rows[0].progressStatus", "on_track")
            .param("sc1Rows[0].evidence", "บันทึกการนิเทศ")
            .param("sc1Rows[0].nextActions", "นิเทศต่อเนื่อง")
            .param("sc1Projects[0].projectProgress", "on_track")
            .param("sc1Projects[0].projectResult", "อ่านคล่องร้อยละ 80")
            .param("sc1Projects[1].projectProgress", "behind")
            .param("sc1Projects[1].projectResult", "ร้อยละ 55")
            // a tampered read-only cell is ignored
            .param("sc1Projects[1].projectName", "โครงการปลอม"),
        qa);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows =
        (List<Map<String, Object>>)
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi)
                .variableName("sc1Projects")
                .singleResult()
                .getValue();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("projectName", "โครงการรักการอ่าน")
        .containsEntry("projectProgress", "on_track")
        .containsEntry("projectResult", "อ่านคล่องร้อยละ 80");
    assertThat(rows.get(1))
        .containsEntry("projectName", "โครงการคณิตคิดสนุก")
        .containsEntry("projectProgress", "behind");
    assertThat(runtime.getVariable(pi, "sc1Evaluators"))
        .isEqualTo("คณะกรรมการประเมินและตรวจสอบคุณภาพภายใน");
  }
}
