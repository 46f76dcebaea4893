package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.SchoolYear;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * Issue 13 §3, last year feeds this year: a school's standards task shows, per standard, last
 * year's target and SAR level with the SAR's own strengths and points to improve, its board's
 * recommendations, the district's feedback on its SAR and ONESQA's result; the plans task a short
 * version; and never another school's history.
 */
@ProcessTest
class LastYearPanelWebTest {
  static final String SCHOOL = "1099010002";
  static final String OTHER = "1099010003";
  static final int YEAR = 2764;

  @Autowired MockMvc mvc;
  @Autowired CycleService cycles;
  @Autowired SchoolCycles schoolCycles;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  /**
   * A cycle of last year as its forms left it: targets (level 4), the internal assessment and the
   * SAR (level 3 for the first standard), the board's recommendations.
   */
  String lastYear(String school, String tag) {
    String pi = cycles.startSchool(school, YEAR - 1, "qaofficer").orElseThrow();
    List<Map<String, Object>> targets = new ArrayList<>();
    List<Map<String, Object>> assessment = new ArrayList<>();
    List<Map<String, Object>> sar = new ArrayList<>();
    int i = 0;
    for (Object s : (List<?>) runtime.getVariable(pi, "standards")) {
      Map<?, ?> standard = (Map<?, ?>) s;
      String level = i++ == 0 ? "3" : "4";
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("standardCode", standard.get("standardCode"));
      row.put("standardLabel", standard.get("standardLabel"));
      Map<String, Object> target = new LinkedHashMap<>(row);
      target.put("targetLevel", "4");
      target.put("targetDescription", "เป้าหมายเดิม " + tag);
      targets.add(target);
      Map<String, Object> assessed = new LinkedHashMap<>(row);
      assessed.put("achievedLevel", level);
      assessed.put("strengths", "จุดเด่นจากการประเมินภายใน " + tag);
      assessed.put("improvements", "จุดพัฒนาจากการประเมินภายใน " + tag);
      assessment.add(assessed);
      Map<String, Object> reported = new LinkedHashMap<>(row);
      reported.put("achievedLevel", level);
      reported.put("strengths", "จุดเด่นตาม SAR " + tag);
      reported.put("improvements", "จุดที่ควรพัฒนาตาม SAR " + tag);
      sar.add(reported);
    }
    runtime.setVariable(pi, "targets", targets);
    runtime.setVariable(pi, "assessment", assessment);
    runtime.setVariable(pi, "sarLevels", sar);
    runtime.setVariable(pi, "boardRecommendations", "คณะกรรมการแนะนำ " + tag);
    return pi;
  }

  /** The district's review of last year's SAR, with its feedback. */
  void reviewed(String school, String tag) {
    String review =
        runtime
            .createMessageCorrelation("SarSubmitted")
            .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(school, YEAR - 1))
            .setVariable(ProcessVariables.SCHOOL_CODE, school)
            .setVariable(ProcessVariables.DISTRICT_CODE, "1099")
            .setVariable(ProcessVariables.CLUSTER_CODE, "1099-C1")
            .setVariable(ProcessVariables.ACADEMIC_YEAR, YEAR - 1)
            .setVariable(SarReviewProcess.VAR_ROUND, 1)
            .correlateStartMessage()
            .getId();
    runtime.setVariable(review, SarReviewProcess.VAR_REVIEW_COMMENTS, "เขตแนะนำ " + tag);
  }

  void onesqa(String school, String tag) {
    jdbc.sql(
            """
            insert into external_result (district_code, academic_year, school_code, assessment_round,
              standard_code, level_value, met, recommendations, recorded_at)
            values ('1099', :y, :s, 0, '1', 'ดี', true, :r, :at)""")
        .param("y", YEAR - 1)
        .param("s", school)
        .param("r", "สมศ. แนะนำ " + tag)
        .param("at", new Timestamp(System.currentTimeMillis()))
        .update();
  }

  @Test
  void theStandardsTaskShowsItsOwnSchoolsLastYearAndNoOtherSchools() throws Exception {
    lastYear(SCHOOL, "ของโรงเรียนสอง");
    reviewed(SCHOOL, "ของโรงเรียนสอง");
    onesqa(SCHOOL, "ของโรงเรียนสอง");
    lastYear(OTHER, "ของโรงเรียนสาม");
    reviewed(OTHER, "ของโรงเรียนสาม");
    onesqa(OTHER, "ของโรงเรียนสาม");

    String pi = cycles.startSchool(SCHOOL, YEAR, "qaofficer").orElseThrow();
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(SchoolQaCycleProcess.TASK_SET_STANDARDS);
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    String page = TaskPages.page(mvc, "/tasks/" + task.getId(), qa);

    String panel = panel(page);
    assertThat(panel)
        .contains("ผลการดำเนินงานปีการศึกษา " + (YEAR - 1))
        .contains("4 ดีเลิศ")
        .contains("3 ดี")
        .contains("ต่ำกว่าค่าเป้าหมาย")
        .contains("เป้าหมายเดิม ของโรงเรียนสอง")
        .contains("จุดเด่นตาม SAR ของโรงเรียนสอง")
        .contains("จุดที่ควรพัฒนาตาม SAR ของโรงเรียนสอง")
        .contains("คณะกรรมการแนะนำ ของโรงเรียนสอง")
        .contains("เขตแนะนำ ของโรงเรียนสอง")
        .contains("สมศ. แนะนำ ของโรงเรียนสอง")
        .as("the SAR's own conclusions, not the internal assessment's")
        .doesNotContain("จุดเด่นจากการประเมินภายใน");
    assertThat(page).doesNotContain("โรงเรียนสาม");
    // the panel comes before the form that asks for this year's target and baseline
    assertThat(page.indexOf("id=\"last-year\"")).isLessThan(page.indexOf("id=\"task-form\""));
    assertThat(page).contains("name=\"targets[0].targetBaseline\"");

    String english = TaskPages.page(mvc, "/tasks/" + task.getId() + "?lang=en", qa);
    assertThat(panel(english))
        .contains("Academic year " + (YEAR - 1) + " (last year)")
        .contains("4 Very good")
        .doesNotContain("??");

    // another school's QA group cannot open the task, and its own task shows only its history
    MockHttpSession otherQa = WebSessions.login(mvc, "qa3");
    // answered as a task that does not exist: back to the list, nothing of the page
    mvc.perform(get("/tasks/{id}", task.getId()).session(otherQa))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/tasks"))
        .andExpect(flash().attribute("error", "task.error.gone"));
    String otherPi = cycles.startSchool(OTHER, YEAR, "qaofficer").orElseThrow();
    Task otherTask = tasks.createTaskQuery().processInstanceId(otherPi).singleResult();
    String otherPage = TaskPages.page(mvc, "/tasks/" + otherTask.getId(), otherQa);
    assertThat(panel(otherPage)).contains("จุดเด่นตาม SAR ของโรงเรียนสาม");
    assertThat(otherPage).doesNotContain("โรงเรียนสอง");

    // the plans task: the short version, levels, targets and advice
    Task plans =
        ProcessDriver.driveTo(
            tasks,
            management,
            pi,
            SchoolQaCycleProcess.TASK_MAKE_PLANS,
            t -> ProcessDriver.SCHOOL_CYCLE_APPROVALS);
    String plansPanel = panel(TaskPages.page(mvc, "/tasks/" + plans.getId(), qa));
    assertThat(plansPanel)
        .contains("3 ดี")
        .contains("จุดที่ควรพัฒนาตาม SAR ของโรงเรียนสอง")
        .contains("คณะกรรมการแนะนำ ของโรงเรียนสอง")
        .doesNotContain("จุดเด่นตาม SAR");
  }

  @Test
  void aSchoolWithoutLastYearSaysSo() throws Exception {
    String pi = cycles.startSchool("1099010004", YEAR + 10, "qaofficer").orElseThrow();
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    String panel =
        panel(TaskPages.page(mvc, "/tasks/" + task.getId(), WebSessions.login(mvc, "qa4")));
    assertThat(panel).contains("ไม่พบข้อมูลการประกันคุณภาพของสถานศึกษาในปีการศึกษา " + (YEAR + 9));
  }

  /** The SAR's own strengths win; a year stored before the SAR had them reads the assessment's. */
  @Test
  void theYearReadsTheSarsOwnConclusionsElseTheAssessments() {
    String pi = lastYear("1099010001", "ปีเก่า");
    SchoolYear year = schoolCycles.year("1099010001", YEAR - 1).orElseThrow();
    assertThat(year.standards().get(0).strengths()).isEqualTo("จุดเด่นตาม SAR ปีเก่า");
    assertThat(year.standards().get(0).target()).isEqualTo(4);
    assertThat(year.standards().get(0).achieved()).isEqualTo(3);
    List<Map<String, Object>> old = new ArrayList<>();
    for (Object row : (List<?>) runtime.getVariable(pi, "sarLevels")) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) row)
          .forEach(
              (k, v) -> {
                if (!k.equals("strengths") && !k.equals("improvements")) {
                  copy.put(String.valueOf(k), v);
                }
              });
      old.add(copy);
    }
    runtime.setVariable(pi, "sarLevels", old);
    SchoolYear before = schoolCycles.year("1099010001", YEAR - 1).orElseThrow();
    assertThat(before.standards().get(0).strengths()).isEqualTo("จุดเด่นจากการประเมินภายใน ปีเก่า");
    assertThat(before.standards().get(0).improvements())
        .isEqualTo("จุดพัฒนาจากการประเมินภายใน ปีเก่า");
    assertThat(schoolCycles.year("1099010001", YEAR + 50)).isEmpty();
  }

  /** The "last year" section of a task page. */
  static String panel(String page) {
    int from = page.indexOf("id=\"last-year\"");
    assertThat(from).as("the page shows last year").isPositive();
    return page.substring(from, page.indexOf("</section>", from));
  }
}
