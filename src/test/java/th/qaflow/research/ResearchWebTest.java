package th.qaflow.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.cycle.CycleService;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.School;
import th.qaflow.research.ResearchProjects.Project;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The research pages through the real web layer: the QA officer starts a project (bad input is
 * refused in Thai and starts nothing), the district's supervisors see it, others are refused; the
 * anonymised data for researchers: the request form refuses bad input in Thai and logs nothing, a
 * good request is logged and returns a workbook with no school name or code, person name or e-mail,
 * the same pseudonyms in two exports, and the small group suppressed; only the district's staff get
 * it and only the supervision director reads the log. District 1099, academic years 2614 and 2617;
 * district 7296 is the other district.
 */
@ProcessTest
class ResearchWebTest {
  static final String OTHER = "7296";
  static final int YEAR = 2614;
  static final int DATA_YEAR = 2617;

  @Autowired MockMvc mvc;
  @Autowired ResearchProjects projects;
  @Autowired SchoolResearchRegister schools;
  @Autowired OrganisationImport organisation;
  @Autowired OrganisationDirectory directory;
  @Autowired CycleService cycles;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบวิจัย เขต 1,Research test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "rsqa"
            + OTHER
            + ",สมปอง,ใฝ่รู้,rsqa"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(YEAR - 543, 5, 20, 9, 0);
  }

  @Test
  void theDistrictsStaffRunTheProjectsOthersAreRefused() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession director = WebSessions.login(mvc, "districtdirector");
    MockHttpSession foreign = WebSessions.login(mvc, "rsqa" + OTHER);
    MockHttpSession schoolQa = WebSessions.login(mvc, "qa1");
    int before = projects.projects("1099").size();

    Refusals.forbidden(
        mvc,
        List.of(foreign, director, schoolQa, supervisor),
        outsider -> start(outsider, String.valueOf(YEAR), "R2R", "โครงการแอบเริ่ม"));
    mvc.perform(get("/research").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/research").session(schoolQa)).andExpect(status().isForbidden());
    mvc.perform(get("/research").session(director)).andExpect(status().isForbidden());

    // bad input: a Thai message, nothing started
    mvc.perform(start(officer, "25x9", "R2R", "ชื่อ"))
        .andExpect(flash().attribute("error", "research.error.year"));
    mvc.perform(start(officer, String.valueOf(YEAR), "OTHER", "ชื่อ"))
        .andExpect(flash().attribute("error", "research.error.kind"));
    mvc.perform(start(officer, String.valueOf(YEAR), "R2R", "   "))
        .andExpect(flash().attribute("error", "research.error.title"));
    mvc.perform(start(officer, String.valueOf(YEAR), "R2R", "ก".repeat(301)))
        .andExpect(flash().attribute("error", "research.error.title"));
    assertThat(
            mvc.perform(
                    get("/research")
                        .session(officer)
                        .flashAttr("error", "research.error.title")
                        .flashAttr("enteredTitle", " "))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("โปรดระบุชื่อโครงการวิจัย");
    assertThat(projects.projects("1099")).hasSize(before);

    mvc.perform(start(officer, String.valueOf(YEAR), "INNOVATION", "นวัตกรรมการนิเทศออนไลน์เว็บ"))
        .andExpect(flash().attribute("success", "research.started"));
    Project project =
        projects.projects("1099").stream()
            .filter(p -> p.title().equals("นวัตกรรมการนิเทศออนไลน์เว็บ"))
            .findFirst()
            .orElseThrow();
    assertThat(TaskPages.page(mvc, "/research?district=1099", supervisor))
        .as("the district's supervisors see the projects")
        .contains("research-" + project.id())
        .contains("นวัตกรรมการนิเทศออนไลน์เว็บ");
    assertThat(TaskPages.page(mvc, "/research/projects/" + project.id(), supervisor))
        .contains("ศึกษานวัตกรรม สภาพปัญหาและความต้องการในการประกันคุณภาพการศึกษา")
        .contains("นวัตกรรม/ เทคนิค");
    // the study done through the form, the synthesis shows the schools' register above its form
    var study =
        tasks.createTaskQuery().processInstanceId(project.processInstanceId()).singleResult();
    TaskPages.done(
        mvc,
        TaskPages.completeForm(study.getId())
            .param(ResearchProcess.VAR_INNOVATIONS, "การนิเทศออนไลน์")
            .param(ResearchProcess.VAR_PROBLEMS, "ระยะทางไกล"),
        officer);
    var synthesis =
        tasks.createTaskQuery().processInstanceId(project.processInstanceId()).singleResult();
    assertThat(synthesis.getTaskDefinitionKey()).isEqualTo(ResearchProcess.TASK_SYNTHESISE_SCHOOLS);
    assertThat(TaskPages.page(mvc, "/tasks/" + synthesis.getId(), officer))
        .contains("research-panel")
        .contains("งานวิจัยของสถานศึกษาในทะเบียน");
    mvc.perform(get("/research/projects/{id}", project.id()).session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/research/projects/{id}", project.id()).session(schoolQa))
        .andExpect(status().isForbidden());
    mvc.perform(get("/research/projects/{id}", "999999999").session(officer))
        .andExpect(status().isNotFound());

    // the dashboard card, for the district's research staff only
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, officer))
        .contains("research-card");
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, director))
        .doesNotContain("research-card");
  }

  @Test
  void theDataForResearchersIsAnonymisedLoggedAndOnlyForTheDistrictsStaff() throws Exception {
    EngineTestClock.at(DATA_YEAR - 543, 5, 20, 9, 0);
    List<School> schools = directory.schoolsOfDistrict("1099");
    // every school reports levels; the labels name the school, which must never reach the file
    for (School s : schools) {
      String pi = cycles.startSchool(s.code(), DATA_YEAR, "qaofficer").orElseThrow();
      runtime.setVariable(
          pi,
          "sarLevels",
          Variables.objectValue(
                  List.of(
                      Map.of(
                          "standardCode", "B1",
                          "standardLabel", "คุณภาพผู้เรียนของ" + s.nameTh(),
                          "achievedLevel", "ดีเลิศ"),
                      Map.of(
                          "standardCode", "B2",
                          "standardLabel", "การบริหารของ" + s.nameTh(),
                          "achievedLevel", "ดี")))
              .serializationDataFormat(Variables.SerializationDataFormats.JSON)
              .create());
    }
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession supDirector = WebSessions.login(mvc, "supdirector");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession director = WebSessions.login(mvc, "districtdirector");
    MockHttpSession foreign = WebSessions.login(mvc, "rsqa" + OTHER);
    MockHttpSession schoolQa = WebSessions.login(mvc, "qa1");
    int logged = logCount();

    // the wrong users are refused and nothing is logged
    Refusals.forbidden(
        mvc,
        List.of(foreign, director, schoolQa),
        outsider -> request(outsider, "นักวิจัยภายนอก", "มหาวิทยาลัย", "ศึกษาแนวโน้มระดับคุณภาพ"));
    mvc.perform(get("/research/data").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/research/data").session(schoolQa)).andExpect(status().isForbidden());
    assertThat(logCount()).isEqualTo(logged);

    // bad input: Thai messages, no file, nothing logged
    String refused =
        mvc.perform(request(officer, " ", "มหาวิทยาลัย", "สั้น"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused)
        .contains("research-data-errors")
        .contains("โปรดระบุชื่อผู้ขอข้อมูล")
        .contains("โปรดระบุวัตถุประสงค์");
    assertThat(logCount()).isEqualTo(logged);

    byte[] first =
        mvc.perform(
                request(officer, "ดร.วิจัย ใจดี", "มหาวิทยาลัยราชภัฏ", "ศึกษาแนวโน้มระดับคุณภาพ"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    byte[] second =
        mvc.perform(request(supervisor, "ครูนักวิจัย", "สพป.", "วิจัยในชั้นเรียนระดับเขต"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(logCount()).isEqualTo(logged + 2);

    List<String> cells = cells(first);
    Set<String> forbidden = new LinkedHashSet<>();
    for (School s : schools) {
      forbidden.add(s.code());
      forbidden.add(s.smisCode());
      forbidden.add(s.nameTh());
      forbidden.add(s.nameEn());
      forbidden.add(sha256(s.code()).substring(0, 12));
      for (Person p : directory.peopleOfSchool(s.code())) {
        forbidden.add(p.displayName());
        forbidden.add(p.email());
      }
    }
    for (Person p : directory.peopleOfDistrict("1099")) {
      forbidden.add(p.displayName());
      forbidden.add(p.email());
    }
    forbidden.add("ดร.วิจัย ใจดี");
    for (String cell : cells) {
      for (String bad : forbidden) {
        if (bad != null && !bad.isBlank()) {
          assertThat(cell.toUpperCase())
              .as("the file names nobody")
              .doesNotContain(bad.toUpperCase());
        }
      }
    }

    // stable pseudonyms: the same schools under the same names in both exports
    Set<String> pseudonyms = pseudonyms(first);
    assertThat(pseudonyms).hasSize(6).allMatch(p -> p.matches("S-[0-9A-F]{12}"));
    assertThat(pseudonyms(second)).isEqualTo(pseudonyms);

    // the group of basic-only schools (2 < 5) is suppressed: no rows, a suppressed summary
    List<List<String>> data = rows(first, 1);
    assertThat(data).noneMatch(r -> r.get(1).equals("ขั้นพื้นฐานเท่านั้น"));
    assertThat(data).anyMatch(r -> r.get(1).equals("ปฐมวัยและขั้นพื้นฐาน"));
    List<List<String>> summary = rows(first, 2);
    assertThat(summary)
        .filteredOn(r -> r.get(0).equals("ขั้นพื้นฐานเท่านั้น"))
        .isNotEmpty()
        .allMatch(r -> r.get(3).isEmpty() && r.get(4).startsWith("ปกปิด"));

    // the log: who asked, when, why, what; for the supervision director only
    assertThat(TaskPages.page(mvc, "/research/data/log?district=1099", supDirector))
        .contains("ดร.วิจัย ใจดี")
        .contains("มหาวิทยาลัยราชภัฏ")
        .contains("ศึกษาแนวโน้มระดับคุณภาพ")
        .contains("qaofficer");
    mvc.perform(get("/research/data/log").param("district", "1099").session(officer))
        .andExpect(status().isForbidden());
    mvc.perform(get("/research/data/log").param("district", "1099").session(supervisor))
        .andExpect(status().isForbidden());
  }

  @Test
  void aSchoolRegistersItsResearchOthersAreRefused() throws Exception {
    MockHttpSession qa1 = WebSessions.login(mvc, "qa1");
    MockHttpSession qa3 = WebSessions.login(mvc, "qa3");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession foreign = WebSessions.login(mvc, "rsqa" + OTHER);
    int before = schools.ofDistrict("1099").size();

    // another school's people, another district and the supervisor may not register for school 1
    Refusals.forbidden(
        mvc,
        List.of(qa3, foreign, supervisor),
        outsider -> register(outsider, "1099010001", "แอบลงทะเบียน", List.of()));
    mvc.perform(get("/research/schools").param("school", "1099010001").session(qa3))
        .andExpect(status().isForbidden());
    mvc.perform(get("/research/schools").param("school", "1099010001").session(foreign))
        .andExpect(status().isForbidden());

    // bad input: Thai messages, nothing registered
    String refused =
        mvc.perform(register(qa1, "1099010001", " ", List.of("1099010001")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused)
        .contains("school-research-errors")
        .contains("โปรดระบุชื่อโครงการวิจัย")
        .contains("สถานศึกษาที่ร่วมวิจัยต้องเป็นสถานศึกษาอื่นในเขตพื้นที่เดียวกัน");
    assertThat(schools.ofDistrict("1099")).hasSize(before);

    mvc.perform(register(qa1, "1099010001", "การประเมินตนเองแบบร่วมมือเว็บ", List.of("1099010002")))
        .andExpect(flash().attribute("success", "research.school.registered"));
    assertThat(TaskPages.page(mvc, "/research/schools", qa1))
        .contains("การประเมินตนเองแบบร่วมมือเว็บ")
        .contains("โรงเรียนบ้านท่าน้ำ");
    assertThat(TaskPages.page(mvc, "/research/schools", WebSessions.login(mvc, "qa2")))
        .as("the partner school sees the joint project")
        .contains("การประเมินตนเองแบบร่วมมือเว็บ");
    assertThat(TaskPages.page(mvc, "/research?district=1099", supervisor))
        .as("the district sees the register")
        .contains("การประเมินตนเองแบบร่วมมือเว็บ");
  }

  private org.springframework.test.web.servlet.RequestBuilder register(
      MockHttpSession session, String school, String title, List<String> partners) {
    var b =
        post("/research/schools/register")
            .session(session)
            .with(csrf())
            .param("school", school)
            .param("year", String.valueOf(YEAR))
            .param("title", title)
            .param("question", "คำถามการวิจัย")
            .param("researchers", "คณะครู");
    for (String p : partners) {
      b = b.param("partners", p);
    }
    return b;
  }

  private org.springframework.test.web.servlet.RequestBuilder start(
      MockHttpSession session, String year, String kind, String title) {
    return post("/research/start")
        .session(session)
        .with(csrf())
        .param("district", "1099")
        .param("year", year)
        .param("kind", kind)
        .param("title", title);
  }

  private org.springframework.test.web.servlet.RequestBuilder request(
      MockHttpSession session, String requester, String organisation, String purpose) {
    return post("/research/data")
        .session(session)
        .with(csrf())
        .param("district", "1099")
        .param("requester", requester)
        .param("organisation", organisation)
        .param("purpose", purpose);
  }

  private int logCount() {
    return jdbc.sql("select count(*) from research_export_log").query(Integer.class).single();
  }

  static List<String> cells(byte[] xlsx) throws Exception {
    List<String> all = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter f = new DataFormatter();
      for (Sheet sheet : book) {
        all.add(sheet.getSheetName());
        for (Row row : sheet) {
          for (Cell cell : row) {
            all.add(f.formatCellValue(cell));
          }
        }
      }
    }
    return all;
  }

  /** The rows of a sheet, header left out. */
  static List<List<String>> rows(byte[] xlsx, int sheetIndex) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter f = new DataFormatter();
      Sheet sheet = book.getSheetAt(sheetIndex);
      for (Row row : sheet) {
        if (row.getRowNum() == 0) {
          continue;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          Cell c = row.getCell(i);
          values.add(c == null ? "" : f.formatCellValue(c));
        }
        rows.add(values);
      }
    }
    return rows;
  }

  static Set<String> pseudonyms(byte[] xlsx) throws Exception {
    Set<String> names = new LinkedHashSet<>();
    for (List<String> row : rows(xlsx, 1)) {
      if (row.get(2).equals(String.valueOf(DATA_YEAR))) {
        names.add(row.get(0));
      }
    }
    return names;
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .withUpperCase()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
