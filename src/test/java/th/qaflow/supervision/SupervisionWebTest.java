package th.qaflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.supervision.SupervisionPlanProcess.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.supervision.SupervisionPlans.Plan;
import th.qaflow.supervision.SupervisionPlans.Project;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The supervision plan through the real web layer: the supervision director starts the plan and
 * drafts it through the forms (projects with owners chosen among the district's supervisors), the
 * district director approves it; the pages list it with its stage and projects; a visit round is
 * launched under a project and shows on the project's page; a school director rates the supervision
 * (a bad rating is refused in Thai with the comment kept); the published summary is public. Another
 * district's staff, school people and the district director (who may not start a plan) are refused.
 * District 1099, fiscal year 2688; district 7288 is the other district.
 */
@ProcessTest
class SupervisionWebTest {
  static final String OTHER = "7288";
  static final int YEAR = 2688;

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired SupervisionPlans plans;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบนิเทศ เขต 1,Supervision test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "supdir"
            + OTHER
            + ",วิชัย,ใจดี,supdir"
            + OTHER
            + "@qaflow.example,SUPERVISION_DIRECTOR,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(YEAR - 543, 6, 1, 9, 0);
  }

  @Test
  void theDistrictsSupervisionUnitRunsThePlanOthersAreRefused() throws Exception {
    MockHttpSession sup = WebSessions.login(mvc, "supdirector");
    MockHttpSession director = WebSessions.login(mvc, "districtdirector");
    MockHttpSession foreign = WebSessions.login(mvc, "supdir" + OTHER);
    MockHttpSession schoolQa = WebSessions.login(mvc, "qa1");
    MockHttpSession schoolDirector = WebSessions.login(mvc, "director1");

    // refused starts change nothing
    Refusals.startForbidden(
        mvc, "/supervision", "1099", YEAR, List.of(foreign, director, schoolQa));
    mvc.perform(get("/supervision").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/supervision").session(schoolDirector)).andExpect(status().isForbidden());
    assertThat(plans.plan("1099", YEAR)).isEmpty();
    // a bad year is refused with a Thai message
    mvc.perform(Refusals.start("/supervision", sup, "1099", "25x9"))
        .andExpect(flash().attribute("error", "supervision.error.year"));
    assertThat(plans.plans("1099")).noneMatch(p -> p.fiscalYear() == YEAR);

    mvc.perform(
            post("/supervision/start")
                .session(sup)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR)))
        .andExpect(flash().attribute("success", "supervision.started"));
    Plan plan = plans.plan("1099", YEAR).orElseThrow();
    String pi = plan.processInstanceId();
    assertThat(TaskPages.page(mvc, "/supervision?district=1099", sup))
        .contains("supervision-" + YEAR)
        .contains("วิเคราะห์ภาระงานและความต้องการรับการนิเทศ");
    assertThat(TaskPages.page(mvc, "/supervision", foreign)).doesNotContain("supervision-" + YEAR);

    // the supervision unit works through the forms, the director approves
    TaskPages.done(
        mvc,
        TaskPages.completeForm(open(pi).getId())
            .param(VAR_WORKLOAD, "ศน. 3 คน")
            .param(VAR_NEEDS, "การอ่านออกเขียนได้"),
        sup);
    Task draft = open(pi);
    assertThat(TaskPages.page(mvc, "/tasks/" + draft.getId(), sup))
        .as("the owner is chosen among the district's supervisors")
        .contains("supervisor1")
        .contains("อรุณี");
    TaskPages.done(
        mvc,
        TaskPages.completeForm(draft.getId())
            .param(VAR_VISION, "นิเทศอย่างกัลยาณมิตร")
            .param(VAR_STRATEGIES, "นิเทศแบบบูรณาการ")
            .param(VAR_PROJECTS + "[0].projectName", "นิเทศการอ่านเว็บ")
            .param(VAR_PROJECTS + "[0].projectOwner", "supervisor1")
            .param(VAR_PROJECTS + "[0].projectObjective", "อ่านออก")
            .param(VAR_PROJECTS + "[0].projectIndicators", "โรงเรียนได้รับการนิเทศ | 100"),
        sup);
    Task approve = open(pi);
    assertThat(TaskPages.page(mvc, "/tasks/" + approve.getId(), director))
        .as("the director sees the drafted plan with its owners")
        .contains("นิเทศการอ่านเว็บ")
        .contains("อรุณี");
    TaskPages.done(
        mvc, TaskPages.completeForm(approve.getId()).param(VAR_PLAN_DECISION, "approve"), director);
    Project project = plans.projects(plan.id()).get(0);
    assertThat(project.ownerUserId()).isEqualTo("supervisor1");

    // the project's page, for the district only
    assertThat(TaskPages.page(mvc, "/supervision/projects/" + project.id(), director))
        .contains("นิเทศการอ่านเว็บ")
        .contains("โรงเรียนได้รับการนิเทศ");
    mvc.perform(get("/supervision/projects/{id}", project.id()).session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/supervision/projects/{id}", project.id()).session(schoolDirector))
        .andExpect(status().isForbidden());
    mvc.perform(get("/supervision/projects/{id}", "99999999").session(sup))
        .andExpect(status().isNotFound());

    // a visit round under the project; an unknown project starts nothing
    assertThat(TaskPages.page(mvc, "/visits?year=" + YEAR, sup)).contains("นิเทศการอ่านเว็บ");
    mvc.perform(
            post("/visits/launch")
                .session(sup)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR))
                .param("round", "2")
                .param("scope", "1099-C1")
                .param("project", "99999999"))
        .andExpect(flash().attribute("error", "visit.error.project"));
    assertThat(
            jdbc.sql("select count(*) from visit_round where academic_year = :y and round_no = 2")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isZero();
    mvc.perform(
            post("/visits/launch")
                .session(sup)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR))
                .param("round", "2")
                .param("scope", "1099-C1")
                .param("project", String.valueOf(project.id())))
        .andExpect(status().isFound());
    assertThat(TaskPages.page(mvc, "/supervision/projects/" + project.id(), sup))
        .contains("project-rounds")
        .containsPattern("รอบที่\\s*2");

    // a school director rates the supervision of their own school only
    assertThat(TaskPages.page(mvc, "/supervision/satisfaction?year=" + YEAR, schoolDirector))
        .contains("rating-form");
    String refused =
        mvc.perform(
                post("/supervision/satisfaction")
                    .session(schoolDirector)
                    .with(csrf())
                    .param("year", String.valueOf(YEAR))
                    .param("rating", "9")
                    .param("comment", "ศน. มาช่วยสม่ำเสมอ"))
            .andExpect(status().isUnprocessableEntity())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("โปรดเลือกระดับความพึงพอใจ").contains("ศน. มาช่วยสม่ำเสมอ");
    assertThat(plans.ratings("1099", YEAR)).isEmpty();
    mvc.perform(
            post("/supervision/satisfaction")
                .session(schoolDirector)
                .with(csrf())
                .param("school", "1099010002")
                .param("year", String.valueOf(YEAR))
                .param("rating", "1"))
        .andExpect(status().isForbidden());
    Refusals.forbidden(
        mvc,
        List.of(sup, schoolQa),
        notDirector ->
            post("/supervision/satisfaction")
                .session(notDirector)
                .with(csrf())
                .param("year", String.valueOf(YEAR))
                .param("rating", "5"));
    assertThat(plans.ratings("1099", YEAR)).isEmpty();
    mvc.perform(
            post("/supervision/satisfaction")
                .session(schoolDirector)
                .with(csrf())
                .param("year", String.valueOf(YEAR))
                .param("rating", "4")
                .param("comment", "ศน. มาช่วยสม่ำเสมอ"))
        .andExpect(flash().attribute("success", "supervision.rating.saved"));
    assertThat(plans.ratings("1099", YEAR))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.schoolCode()).isEqualTo("1099010001");
              assertThat(r.rating()).isEqualTo(4);
            });

    // the dashboard card shows the plan's stage and projects
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, director))
        .contains("supervision-card")
        .contains("นิเทศการอ่านเว็บ");

    // not public before it is published
    mvc.perform(get("/public/districts/1099/supervision/{y}", YEAR))
        .andExpect(status().isNotFound());
    runToPublished(pi, WebSessions.login(mvc, "supervisor1"), foreign);
    String published =
        mvc.perform(get("/public/districts/1099/supervision/{y}", YEAR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(published).contains("สรุปผลการนิเทศเว็บ").contains("นิเทศการอ่านเว็บ");

    // the workbook: the plan, its projects, the progress reports and the ratings, in Thai
    String xlsxPath = "/supervision/1099/" + YEAR + ".xlsx";
    assertThat(TaskPages.page(mvc, "/supervision?district=1099", director)).contains(xlsxPath);
    byte[] xlsx =
        mvc.perform(get(xlsxPath).session(director))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Type",
                        startsWith(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(sheet -> sheets.add(sheet.getSheetName()));
      assertThat(sheets)
          .containsExactly("แผน", "โครงการนิเทศ", "รายงานความก้าวหน้า", "ความพึงพอใจ");
      XSSFSheet planSheet = book.getSheet("แผน");
      assertThat(planSheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(YEAR);
      assertThat(rowsOf(planSheet)).anyMatch(r -> r.contains("สรุปผลการนิเทศเว็บ"));
      XSSFSheet projects = book.getSheet("โครงการนิเทศ");
      assertThat(projects.getRow(0).getCell(1).getStringCellValue()).isEqualTo("โครงการ");
      assertThat(rowsOf(projects)).anyMatch(r -> r.contains("นิเทศการอ่านเว็บ"));
      XSSFSheet reports = book.getSheet("รายงานความก้าวหน้า");
      assertThat(rowsOf(reports))
          .anyMatch(r -> r.contains("นิเทศการอ่านเว็บ") && r.contains("ครบ"));
      XSSFSheet ratings = book.getSheet("ความพึงพอใจ");
      assertThat(ratings.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1099010001");
      assertThat(ratings.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(4);
    }
    // another district's director and a school are refused; an unknown year is not found
    mvc.perform(get(xlsxPath).session(foreign)).andExpect(status().isForbidden());
    mvc.perform(get(xlsxPath).session(schoolDirector)).andExpect(status().isForbidden());
    mvc.perform(get("/supervision/1099/2501.xlsx").session(director))
        .andExpect(status().isNotFound());
  }

  /** Each row of a sheet as its cells' text joined by tabs. */
  private static List<String> rowsOf(XSSFSheet sheet) {
    List<String> rows = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      row.forEach(cell -> cells.add(format.formatCellValue(cell)));
      rows.add(String.join("\t", cells));
    }
    return rows;
  }

  /** The owner reports through the form (another district's director may not); then to the end. */
  private void runToPublished(String pi, MockHttpSession owner, MockHttpSession foreign)
      throws Exception {
    management
        .createJobQuery()
        .processInstanceId(pi)
        .timers()
        .list()
        .forEach(j -> management.executeJob(j.getId()));
    Task report = open(pi);
    assertThat(report.getAssignee()).isEqualTo("supervisor1");
    assertThat(TaskPages.page(mvc, "/tasks/" + report.getId(), owner))
        .as("the owner sees the project above the form")
        .contains("นิเทศการอ่านเว็บ");
    mvc.perform(get("/tasks/{id}", report.getId()).session(foreign)).andExpect(status().isFound());
    assertThat(
            TaskPages.refused(
                mvc,
                TaskPages.completeForm(report.getId())
                    .param(VAR_PROGRESS_PERCENT, "140")
                    .param(VAR_PROGRESS_NOTE, "ครบ")
                    .param(VAR_PROGRESS_STATUS, "done"),
                owner))
        .as("a percentage above 100 is refused")
        .contains("f-" + VAR_PROGRESS_PERCENT + "-error");
    TaskPages.done(
        mvc,
        TaskPages.completeForm(report.getId())
            .param(VAR_PROGRESS_PERCENT, "100")
            .param(VAR_PROGRESS_NOTE, "ครบ")
            .param(VAR_PROGRESS_STATUS, "done"),
        owner);
    tasks.complete(open(pi).getId(), Map.of(VAR_EVALUATION, "ดี", VAR_AS_INTENDED, "yes"));
    tasks.complete(
        open(pi).getId(), Map.of(VAR_SUMMARY, "สรุปผลการนิเทศเว็บ", VAR_NEXT_YEAR, "ต่อยอด"));
  }

  private Task open(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }
}
