package th.qaflow.tumhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.tumhome.TumhomeProcess.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeDrives.Mou;

/**
 * The TUMHOME drive through the real web layer: the QA officer starts it (a bad year is refused in
 * Thai and starts nothing), the unit works through the forms to the directors' meeting (a bad
 * number is refused in Thai and the task stays); a school director sees the own school's MOU only
 * and signs it, never another school's; the page, the task panel and the dashboard card show the
 * signed MOUs. A school's QA, another district's QA officer and, for the start, the district
 * director and supervisors are refused. District 1099, academic year 2696; district 7296 is the
 * other district.
 */
@ProcessTest
class TumhomeWebTest {
  static final String OTHER = "7296";
  static final int YEAR = 2696;

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired TumhomeDrives drives;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบทุมโฮม เขต 1,Tumhome test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "tmqa"
            + OTHER
            + ",สมศรี,รักงาน,tmqa"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(YEAR - 543, 6, 1, 9, 0);
  }

  @Test
  void theDistrictRunsTheDriveAndEachDirectorSignsOnlyTheOwnSchoolsMou() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession districtDirector = WebSessions.login(mvc, "districtdirector");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession foreign = WebSessions.login(mvc, "tmqa" + OTHER);
    MockHttpSession schoolQa = WebSessions.login(mvc, "qa1");
    MockHttpSession director1 = WebSessions.login(mvc, "director1");

    // refused: the start for everyone but the unit; the page for a school's QA and another district
    for (MockHttpSession outsider :
        List.of(foreign, districtDirector, schoolQa, supervisor, director1)) {
      mvc.perform(
              post("/tumhome/start")
                  .session(outsider)
                  .with(csrf())
                  .param("district", "1099")
                  .param("year", String.valueOf(YEAR)))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/tumhome").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/tumhome").session(schoolQa)).andExpect(status().isForbidden());
    assertThat(drives.drive("1099", YEAR)).isEmpty();

    // a bad year is refused with a Thai message and starts nothing
    mvc.perform(
            post("/tumhome/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", "25x9"))
        .andExpect(flash().attribute("error", "tumhome.error.year"));
    assertThat(
            mvc.perform(
                    get("/tumhome")
                        .session(officer)
                        .flashAttr("error", "tumhome.error.year")
                        .flashAttr("enteredYear", "25x9"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("ปีการศึกษาไม่ถูกต้อง")
        .contains("ด้านการพัฒนาคุณภาพผู้อำนวยการโรงเรียน");
    assertThat(drives.drives("1099")).noneMatch(d -> d.academicYear() == YEAR);

    mvc.perform(
            post("/tumhome/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR)))
        .andExpect(flash().attribute("success", "tumhome.started"));
    Drive drive = drives.drive("1099", YEAR).orElseThrow();
    assertThat(TaskPages.page(mvc, "/tumhome?district=1099", districtDirector))
        .as("the district director sees the drive")
        .contains("tumhome-" + YEAR)
        .contains("แต่งตั้งคณะทำงานขับเคลื่อน");

    // before the meeting nobody signs
    mvc.perform(sign(director1, "1099010001"))
        .andExpect(flash().attribute("error", "tumhome.error.signingClosed"));
    assertThat(drives.mous(drive.id())).isEmpty();

    TaskPages.done(
        mvc, TaskPages.completeForm(open(drive).getId()).param(VAR_TEAM, "คณะทำงาน"), officer);
    TaskPages.done(
        mvc,
        TaskPages.completeForm(open(drive).getId())
            .param(VAR_BASELINE_STUDENTS, "ผลสัมฤทธิ์ต่ำ")
            .param(VAR_BASELINE_TEACHERS, "ครูใช้สื่อน้อย")
            .param(VAR_BASELINE_CLASSROOMS, "ขาดสื่อ")
            .param(VAR_BASELINE_DIRECTORS, "ผู้บริหารใหม่")
            .param(VAR_PLAN, "แผนพัฒนาสื่อเทคโนโลยีเว็บ"),
        officer);
    Task approve = open(drive);
    assertThat(TaskPages.page(mvc, "/tasks/" + approve.getId(), districtDirector))
        .as("the district director sees the plan and the 4Q indicators above the form")
        .contains("tumhome-panel")
        .contains("แผนพัฒนาสื่อเทคโนโลยีเว็บ")
        .contains("ด้านการพัฒนาคุณภาพห้องเรียน");
    TaskPages.done(
        mvc,
        TaskPages.completeForm(approve.getId()).param(VAR_PLAN_DECISION, DECISION_APPROVE),
        districtDirector);

    // the meeting: a bad number is refused in Thai, the task stays
    Task meeting = open(drive);
    String refused =
        TaskPages.refused(
            mvc,
            TaskPages.completeForm(meeting.getId())
                .param(VAR_MEETING_DATE, (YEAR - 543) + "-06-15")
                .param(VAR_MEETING_ATTENDANCE, "สี่สิบ"),
            officer);
    assertThat(refused)
        .contains("f-" + VAR_MEETING_ATTENDANCE + "-error")
        .containsPattern("\\p{IsThai}");
    assertThat(open(drive).getId()).isEqualTo(meeting.getId());
    TaskPages.done(
        mvc,
        TaskPages.completeForm(meeting.getId())
            .param(VAR_MEETING_DATE, (YEAR - 543) + "-06-15")
            .param(VAR_MEETING_ATTENDANCE, "40"),
        officer);

    // a director sees the own school's MOU only and signs it
    String own = TaskPages.page(mvc, "/tumhome", director1);
    assertThat(own)
        .contains("data-school=\"1099010001\"")
        .doesNotContain("data-school=\"1099010002\"")
        .contains("tumhome-sign");
    mvc.perform(sign(director1, "1099010002")).andExpect(status().isForbidden());
    mvc.perform(sign(director1, "1099010001").param("district", OTHER))
        .andExpect(status().isForbidden());
    mvc.perform(sign(director1, "1099010001").param("year", "x"))
        .andExpect(flash().attribute("error", "tumhome.error.noDrive"));
    assertThat(drives.mous(drive.id())).isEmpty();
    mvc.perform(sign(officer, "1099010001")).andExpect(status().isForbidden());
    assertThat(drives.mous(drive.id())).as("nothing changed by the refused ones").isEmpty();

    mvc.perform(sign(director1, "1099010001"))
        .andExpect(flash().attribute("success", "tumhome.signed"));
    mvc.perform(sign(director1, "1099010001"))
        .andExpect(flash().attribute("error", "tumhome.error.signedAlready"));
    assertThat(drives.mous(drive.id()))
        .extracting(Mou::schoolCode, Mou::signedBy)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1099010001", "director1"));
    assertThat(TaskPages.page(mvc, "/tumhome", director1))
        .contains("data-signed=\"true\"")
        .doesNotContain("tumhome-sign\"");

    // the QA officer's closing task and the dashboard card show how many signed
    Task close = open(drive);
    assertThat(close.getTaskDefinitionKey()).isEqualTo(TASK_CLOSE_MOU);
    assertThat(TaskPages.page(mvc, "/tasks/" + close.getId(), officer))
        .contains("tumhome-signed")
        .contains("ลงนาม MOU แล้ว 1 จาก");
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, officer))
        .contains("tumhome-card")
        .contains("ลงนาม MOU แล้ว 1 จาก");
    assertThat(TaskPages.page(mvc, "/tumhome?district=1099", supervisor))
        .contains("data-school=\"1099010002\"")
        .contains("data-signed=\"true\"");
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder sign(
      MockHttpSession session, String school) {
    return post("/tumhome/mou/sign")
        .session(session)
        .with(csrf())
        .param("district", "1099")
        .param("year", String.valueOf(YEAR))
        .param("school", school);
  }

  private Task open(Drive drive) {
    return tasks.createTaskQuery().processInstanceId(drive.processInstanceId()).singleResult();
  }
}
