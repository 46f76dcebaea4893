package th.qaflow.tumhome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.tumhome.TumhomeProcess.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeDrives.Mou;
import th.qaflow.tumhome.TumhomeDrives.Ranked;
import th.qaflow.visit.VisitRounds;

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
  @Autowired VisitRounds visitRounds;

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
    Refusals.startForbidden(
        mvc,
        "/tumhome",
        "1099",
        YEAR,
        List.of(foreign, districtDirector, schoolQa, supervisor, director1));
    mvc.perform(get("/tumhome").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/tumhome").session(schoolQa)).andExpect(status().isForbidden());
    assertThat(drives.drive("1099", YEAR)).isEmpty();

    // a bad year is refused with a Thai message and starts nothing
    assertThat(Refusals.badYear(mvc, "/tumhome", officer, "1099", "tumhome.error.year"))
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

  /**
   * The mentoring launches a visit round for the MOU schools and the evaluation ranks them: the
   * launch, the levels and the export refused to another district's QA officer, a school director
   * and (launch, levels) a supervisor; a bad round or level is refused in Thai and changes nothing;
   * the ranking (ties share a rank, the top three ranks honoured) on the page, the panel, the XLSX
   * and, once evaluated, the public page (404 before). Academic year 2698.
   */
  @Test
  void theMentoringVisitsTheMouSchoolsAndTheEvaluationRanksThem() throws Exception {
    int year = 2698;
    EngineTestClock.at(year - 543, 6, 1, 9, 0);
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession foreign = WebSessions.login(mvc, "tmqa" + OTHER);
    MockHttpSession director1 = WebSessions.login(mvc, "director1");
    drives.start("1099", year, "qaofficer").orElseThrow();
    Drive drive = drives.drive("1099", year).orElseThrow();
    complete(drive, Map.of(VAR_TEAM, "คณะทำงาน"));
    complete(drive, TumhomeProcessTest.baseline());
    complete(drive, Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));
    complete(drive, Map.of(VAR_MEETING_DATE, (year - 543) + "-06-15", VAR_MEETING_ATTENDANCE, 40L));
    for (int n = 1; n <= 4; n++) {
      drives.sign(drive.id(), "109901000" + n, "director" + n);
    }
    complete(drive, Map.of());
    // the mentoring cannot start before its step
    mvc.perform(launch(officer, year, "1"))
        .andExpect(flash().attribute("error", "tumhome.error.notMentoring"));
    complete(drive, Map.of(VAR_PROGRESS, "ก้าวหน้า"));
    Task mentoring = open(drive);
    assertThat(mentoring.getTaskDefinitionKey()).isEqualTo(TASK_MENTORING);

    Refusals.forbidden(
        mvc, List.of(foreign, director1, supervisor), outsider -> launch(outsider, year, "1"));
    mvc.perform(launch(officer, year, "9"))
        .andExpect(flash().attribute("error", "tumhome.error.round"));
    mvc.perform(launch(officer, year, "x"))
        .andExpect(flash().attribute("error", "tumhome.error.round"));
    assertThat(
            TaskPages.page(mvc, "/tumhome?district=1099", officer)
                .contains("รอบการนิเทศไม่ถูกต้อง"))
        .as("the page shows no flash without one")
        .isFalse();
    assertThat(visitRounds.rounds("1099", year)).as("nothing launched").isEmpty();

    mvc.perform(launch(officer, year, "2"))
        .andExpect(flash().attribute("success", "tumhome.mentoring.launched"));
    assertThat(visitRounds.rounds("1099", year))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.roundNo()).isEqualTo(2);
              assertThat(r.visits())
                  .extracting(VisitRounds.Visit::schoolCode)
                  .containsExactly("1099010001", "1099010002", "1099010003", "1099010004");
            });
    assertThat(drives.drive("1099", year).orElseThrow().mentoringRoundNo()).isEqualTo(2);
    mvc.perform(launch(officer, year, "3"))
        .andExpect(flash().attribute("error", "tumhome.error.roundSet"));
    assertThat(TaskPages.page(mvc, "/tasks/" + mentoring.getId(), officer))
        .as("the mentoring task's panel shows the round's visits")
        .contains("tumhome-visit-list")
        .contains("data-school=\"1099010004\"")
        .contains("รอบการนิเทศ (ตรวจเยี่ยม) ที่ 2");
    assertThat(TaskPages.page(mvc, "/tumhome?district=1099", officer))
        .contains("tumhome-visit-list")
        .contains("data-completed=\"false\"");
    TaskPages.done(
        mvc,
        TaskPages.completeForm(mentoring.getId())
            .param(VAR_REFLECTION, "สะท้อนผลกับครู")
            .param(VAR_REPORT, "รายงานผลการนิเทศ"),
        officer);

    // the evaluation: levels per MOU school and area
    Task evaluate = open(drive);
    assertThat(evaluate.getTaskDefinitionKey()).isEqualTo(TASK_EVALUATE);
    Refusals.forbidden(
        mvc,
        List.of(foreign, director1, supervisor),
        outsider -> levels(outsider, year, "1099010001", 5, 5, 4, 4));
    Refusals.forbidden(
        mvc,
        List.of(foreign, director1),
        outsider ->
            get("/tumhome/ranking.xlsx")
                .session(outsider)
                .param("district", "1099")
                .param("year", String.valueOf(year)));
    mvc.perform(levels(officer, year, "1099010001", 5, 5, 7, 4))
        .andExpect(flash().attribute("error", "tumhome.error.level"));
    mvc.perform(
            post("/tumhome/results")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(year))
                .param("level.1099010001.Q1", "5"))
        .andExpect(flash().attribute("error", "tumhome.error.levelsIncomplete"));
    assertThat(
            mvc.perform(
                    get("/tumhome")
                        .param("district", "1099")
                        .session(officer)
                        .flashAttr("error", "tumhome.error.levelsIncomplete"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("กรุณาเลือกระดับให้ครบทั้ง 4 ด้าน")
        .contains("tumhome-results");
    assertThat(drives.ranking(drive.id())).as("nothing stored").isEmpty();

    mvc.perform(
            post("/tumhome/results")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(year))
                .params(levelParams("1099010001", 5, 5, 4, 4))
                .params(levelParams("1099010002", 4, 4, 4, 4))
                .params(levelParams("1099010003", 4, 5, 5, 4))
                .params(levelParams("1099010004", 3, 3, 3, 3)))
        .andExpect(flash().attribute("success", "tumhome.results.saved"));
    assertThat(drives.ranking(drive.id()))
        .extracting(Ranked::schoolCode, Ranked::rank, Ranked::honoured)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1099010001", 1, true),
            org.assertj.core.groups.Tuple.tuple("1099010003", 1, true),
            org.assertj.core.groups.Tuple.tuple("1099010002", 3, true),
            org.assertj.core.groups.Tuple.tuple("1099010004", 4, false));
    assertThat(TaskPages.page(mvc, "/tasks/" + evaluate.getId(), officer))
        .contains("tumhome-ranking-table")
        .contains("data-rank=\"4\"");

    byte[] xlsx =
        mvc.perform(
                get("/tumhome/ranking.xlsx")
                    .session(officer)
                    .param("district", "1099")
                    .param("year", String.valueOf(year)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      Row header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("ลำดับ");
      assertThat(header.getCell(3).getStringCellValue()).isEqualTo("ด้านการพัฒนาคุณภาพนักเรียน");
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
      assertThat(first.getCell(1).getStringCellValue()).isEqualTo("1099010001");
      assertThat(first.getCell(2).getStringCellValue()).containsPattern("\\p{IsThai}");
      assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(5.0);
      assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(4.5);
      assertThat(first.getCell(8).getStringCellValue()).isEqualTo("ได้รับการยกย่อง");
      Row last = sheet.getRow(4);
      assertThat(last.getCell(0).getNumericCellValue()).isEqualTo(4.0);
      assertThat(last.getCell(8).getStringCellValue()).isEmpty();
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
    }

    // public once evaluated, 404 before; schools only, no person's name
    mvc.perform(get("/public/districts/1099/tumhome/{y}", year)).andExpect(status().isNotFound());
    TaskPages.done(
        mvc,
        TaskPages.completeForm(evaluate.getId())
            .param(VAR_RESULT_STUDENTS, "ดี")
            .param(VAR_RESULT_TEACHERS, "ดีมาก")
            .param(VAR_RESULT_CLASSROOMS, "ดี")
            .param(VAR_RESULT_DIRECTORS, "ดีมาก")
            .param(VAR_SHARING, "เวทีแลกเปลี่ยนเรียนรู้")
            .param(VAR_NEXT_CYCLE, "no"),
        officer);
    mvc.perform(levels(officer, year, "1099010004", 5, 5, 5, 5))
        .andExpect(flash().attribute("error", "tumhome.error.notEvaluation"));
    String published =
        mvc.perform(get("/public/districts/1099/tumhome/{y}", year))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(published)
        .contains("tumhome-ranking-table")
        .contains("data-school=\"1099010004\"")
        .contains("ได้รับการยกย่อง")
        .doesNotContain("ปรียานุช")
        .doesNotContain("วีระพงษ์")
        .doesNotContain("director1");
    mvc.perform(get("/public/districts/1099/tumhome/{y}", year + 1))
        .andExpect(status().isNotFound());
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder launch(
      MockHttpSession session, int year, String round) {
    return post("/tumhome/mentoring/launch")
        .session(session)
        .with(csrf())
        .param("district", "1099")
        .param("year", String.valueOf(year))
        .param("round", round);
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder levels(
      MockHttpSession session, int year, String school, int... levels) {
    return post("/tumhome/results")
        .session(session)
        .with(csrf())
        .param("district", "1099")
        .param("year", String.valueOf(year))
        .params(levelParams(school, levels));
  }

  static org.springframework.util.MultiValueMap<String, String> levelParams(
      String school, int... levels) {
    org.springframework.util.MultiValueMap<String, String> p =
        new org.springframework.util.LinkedMultiValueMap<>();
    for (int i = 0; i < levels.length; i++) {
      p.add("level." + school + ".Q" + (i + 1), String.valueOf(levels[i]));
    }
    return p;
  }

  private void complete(Drive drive, Map<String, Object> vars) {
    tasks.complete(open(drive).getId(), vars);
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
