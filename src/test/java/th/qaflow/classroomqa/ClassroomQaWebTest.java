package th.qaflow.classroomqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.classroomqa.ClassroomQaProcess.*;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.classroomqa.ClassroomQaPilots.Pilot;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The classroom-level QA pilot through the real web layer: the QA officer starts it (a bad year is
 * refused in Thai and starts nothing), chooses school 3 as the pilot with school 4 in its network;
 * the cluster's supervisor promotes PLC; the pilot school's QA plans the first lesson (a missing
 * lesson is refused in Thai and nothing is stored), and the page shows the cycle's record. The
 * pilot school's QA and director see their own pilot (and the bar's link); another school's QA, the
 * pilot school's board, another district's QA officer are refused the page; the district director
 * and supervisors may not start. The dashboard card and the school page's badge show the pilot.
 * District 1099, academic year 2694; district 7294 is the other district.
 */
@ProcessTest
class ClassroomQaWebTest {
  static final String OTHER = "7294";
  static final int YEAR = 2694;
  static final String PILOT = "1099010003";

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired ClassroomQaPilots pilots;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบห้องเรียน เขต 1,Classroom test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "cqqa"
            + OTHER
            + ",สมหญิง,ใจดี,cqqa"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(YEAR - 543, 6, 1, 9, 0);
  }

  @Test
  void theDistrictRunsThePilotAndOnlyItsStaffAndThePilotSchoolSeeIt() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession districtDirector = WebSessions.login(mvc, "districtdirector");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession foreign = WebSessions.login(mvc, "cqqa" + OTHER);
    MockHttpSession qa1 = WebSessions.login(mvc, "qa1");
    MockHttpSession qa3 = WebSessions.login(mvc, "qa3");
    MockHttpSession director3 = WebSessions.login(mvc, "director3");
    MockHttpSession board3 = WebSessions.login(mvc, "board3");

    // refused: the start for everyone but the QA officer and supervision director of the district
    Refusals.startForbidden(
        mvc,
        "/classroom-qa",
        "1099",
        YEAR,
        List.of(foreign, districtDirector, supervisor, qa3, board3));
    mvc.perform(get("/classroom-qa").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/classroom-qa").param("district", OTHER).session(officer))
        .andExpect(status().isForbidden());
    assertThat(pilots.pilot("1099", YEAR)).isEmpty();

    // a bad year is refused with a Thai message and starts nothing
    Refusals.badYear(mvc, "/classroom-qa", officer, "1099", "cqa.error.year");
    assertThat(pilots.pilot("1099", YEAR)).isEmpty();

    mvc.perform(
            post("/classroom-qa/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR)))
        .andExpect(flash().attribute("success", "cqa.started"));
    mvc.perform(
            post("/classroom-qa/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR)))
        .andExpect(flash().attribute("error", "cqa.error.running"));
    Pilot pilot = pilots.pilot("1099", YEAR).orElseThrow();
    assertThat(TaskPages.page(mvc, "/classroom-qa?district=1099", districtDirector))
        .contains("cqa-" + YEAR)
        .contains("คัดเลือกสถานศึกษานำร่อง");

    // the choice: the pilot school and its network
    TaskPages.done(
        mvc,
        TaskPages.completeForm(open(pilot).getId())
            .param(VAR_PILOT_SCHOOL, PILOT)
            .param(VAR_NETWORK_SCHOOLS, "1099010004")
            .param(VAR_CHOICE_REASON, "ครูพร้อมทำ PLC"),
        officer);
    pilot = pilots.pilot("1099", YEAR).orElseThrow();
    assertThat(pilot.pilotSchoolCode()).isEqualTo(PILOT);
    assertThat(pilot.networkSchools()).containsExactly("1099010004");

    // the pilot school's own users see it (and the bar's link); other school users are refused
    assertThat(TaskPages.page(mvc, "/classroom-qa", qa3))
        .contains("cqa-" + YEAR)
        .contains("href=\"/classroom-qa\"");
    TaskPages.page(mvc, "/classroom-qa", director3);
    mvc.perform(get("/classroom-qa").param("district", OTHER).session(qa3))
        .andExpect(status().isForbidden());
    mvc.perform(get("/classroom-qa").session(qa1)).andExpect(status().isForbidden());
    mvc.perform(get("/classroom-qa").session(board3)).andExpect(status().isForbidden());
    assertThat(TaskPages.page(mvc, "/tasks", qa1)).doesNotContain("href=\"/classroom-qa\"");

    TaskPages.done(
        mvc,
        TaskPages.completeForm(open(pilot).getId())
            .param(VAR_STUDY, "ประชุมชี้แจง")
            .param(VAR_PLC, "ทีมครูพบกันทุกวันพุธ")
            .param(VAR_CO5, "Co-5 STEPS คณิตศาสตร์"),
        supervisor);

    // the first lesson: a missing lesson is refused in Thai, nothing is stored
    Task plan = open(pilot);
    assertThat(plan.getTaskDefinitionKey()).isEqualTo(TASK_PLAN_LESSON);
    String refused =
        TaskPages.refused(
            mvc,
            TaskPages.completeForm(plan.getId())
                .param(VAR_LESSON, "")
                .param(VAR_LESSON_DATE, (YEAR - 543) + "-07-10")
                .param(VAR_TEAM, "ครู 3 คน")
                .param(VAR_LESSON_PLAN, "5 ขั้น"),
            qa3);
    assertThat(refused).contains("f-" + VAR_LESSON + "-error").containsPattern("\\p{IsThai}");
    assertThat(open(pilot).getId()).isEqualTo(plan.getId());
    assertThat(pilots.cycles(pilot.id()))
        .singleElement()
        .satisfies(c -> assertThat(c.lesson()).isNull());
    TaskPages.done(
        mvc,
        TaskPages.completeForm(plan.getId())
            .param(VAR_LESSON, "คณิตศาสตร์ ป.4 เศษส่วน")
            .param(VAR_LESSON_DATE, (YEAR - 543) + "-07-10")
            .param(VAR_TEAM, "ครู 3 คน")
            .param(VAR_LESSON_PLAN, "5 ขั้น"),
        qa3);
    assertThat(TaskPages.page(mvc, "/classroom-qa", qa3))
        .contains("data-cycle=\"1\"")
        .contains("คณิตศาสตร์ ป.4 เศษส่วน");

    // the observer sees the planned lesson above the observation form
    Task observe = open(pilot);
    assertThat(observe.getTaskDefinitionKey()).isEqualTo(TASK_TEACH_OBSERVE);
    assertThat(TaskPages.page(mvc, "/tasks/" + observe.getId(), supervisor))
        .contains("cqa-panel")
        .contains("คณิตศาสตร์ ป.4 เศษส่วน");

    // the dashboard card and the school page's badge
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, officer))
        .contains("cqa-card")
        .contains("โรงเรียนบ้านหนองบัวทอง");
    assertThat(TaskPages.page(mvc, "/monitoring/schools/" + PILOT + "?year=" + YEAR, officer))
        .contains("cqa-badge")
        .contains("สถานศึกษานำร่องการประกันคุณภาพระดับห้องเรียน");
  }

  private Task open(Pilot pilot) {
    return tasks.createTaskQuery().processInstanceId(pilot.processInstanceId()).singleResult();
  }
}
