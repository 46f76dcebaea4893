package th.qaflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.QaFlowTest;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.kernel.Stage;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.WebSessions;

/**
 * The /calendar page: who may edit, who may only read, who gets nothing; validation messages next
 * to the row in Thai and English with nothing saved; a save moves the open tasks and shows in the
 * history.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class CalendarPageTest {
  @Autowired th.qaflow.kernel.Stages stages;
  @Autowired MockMvc mvc;
  @Autowired CalendarEditor editor;
  @Autowired CycleService cycles;
  @Autowired TaskService tasks;
  @Autowired OrganisationImport organisation;

  int year;
  int ce;

  @BeforeEach
  void setUp() {
    CalendarFixtures.importOrganisation(organisation);
    year = CalendarFixtures.nextYear();
    ce = year - 543;
    CalendarFixtures.clock(ce, 5, 16, 8, 0);
  }

  @Test
  void theOfficerEditsTheDistrictsCalendarAndTheTasksFollow() throws Exception {
    String pi = cycles.startSchool(CalendarFixtures.SCHOOL_1, year, "test").orElseThrow();
    MockHttpSession officer = login("qaoff");
    mvc.perform(get("/calendar").param("year", String.valueOf(year)).session(officer))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("type=\"date\"")))
        .andExpect(content().string(containsString("name=\"opens_SELF_CHECK_1\"")))
        .andExpect(content().string(containsString("value=\"" + ce + "-08-01\"")))
        .andExpect(content().string(containsString("1 ส.ค. " + year)))
        .andExpect(content().string(containsString("name=\"_csrf\"")))
        .andExpect(content().string(containsString("ยังไม่มีการเปลี่ยนแปลง")))
        .andExpect(content().string(not(containsString("??"))));

    Map<String, String> form = defaults();
    form.put("due_STANDARDS", ce + "-05-28");
    mvc.perform(saveRequest(form, CalendarFixtures.DISTRICT).session(officer))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            redirectedUrl("/calendar?district=" + CalendarFixtures.DISTRICT + "&year=" + year));

    Date moved =
        Date.from(
            new StageWindow(SchoolStage.STANDARDS, LocalDate.of(ce, 5, 16), LocalDate.of(ce, 5, 28))
                .dueAt());
    assertThat(tasks.createTaskQuery().processInstanceId(pi).singleResult().getDueDate())
        .isEqualTo(moved);
    mvc.perform(get("/calendar").param("year", String.valueOf(year)).session(officer))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("24 พ.ค. " + year + " → 28 พ.ค. " + year)))
        .andExpect(content().string(containsString(CalendarFixtures.user("qaoff"))))
        .andExpect(content().string(containsString("งาน 1 · ตัวจับเวลา 0")));

    // reset to the defaults moves the task back
    mvc.perform(
            post("/calendar/reset")
                .with(csrf())
                .session(officer)
                .param("district", CalendarFixtures.DISTRICT)
                .param("year", String.valueOf(year)))
        .andExpect(status().is3xxRedirection());
    assertThat(tasks.createTaskQuery().processInstanceId(pi).singleResult().getDueDate())
        .isEqualTo(Date.from(StageWindow.defaults(SchoolStage.STANDARDS, year).dueAt()));
    assertThat(editor.history(CalendarFixtures.DISTRICT, year)).hasSize(2);
  }

  @Test
  void badDatesAreExplainedNextToTheirRowsAndNothingIsSaved() throws Exception {
    MockHttpSession officer = login("qaoff");
    Map<String, String> form = defaults();
    form.put("due_PLANS", ce + "-05-20"); // before it opens (1 Jun)
    form.put("opens_SELF_CHECK_1", "2097-13-45"); // not a date
    form.put("due_SELF_CHECK_1", year + "-08-31"); // a BE year in a CE date field
    form.put("opens_SELF_CHECK_2", ""); // missing
    mvc.perform(saveRequest(form, CalendarFixtures.DISTRICT).session(officer).param("lang", "en"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Nothing was saved")))
        .andExpect(content().string(containsString("&quot;2097-13-45&quot; is not a date")))
        .andExpect(content().string(containsString("looks like a Buddhist-Era year")))
        .andExpect(content().string(containsString("did you mean " + ce + "-08-31?")))
        .andExpect(content().string(containsString("Enter a date.")))
        .andExpect(content().string(not(containsString("??"))));
    assertUnchanged();

    // rule errors (after parsing) in Thai, each in its stage's row
    form = defaults();
    form.put("due_PLANS", ce + "-05-31");
    form.put("opens_SELF_CHECK_2", ce + "-07-01");
    form.put("due_SAR_DRAFT", (ce + 1) + "-06-01");
    String page =
        mvc.perform(
                saveRequest(form, CalendarFixtures.DISTRICT).session(officer).param("lang", "th"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(rowOf(page, "PLANS"))
        .contains("วันครบกำหนดต้องไม่ก่อนวันเปิด (1 มิ.ย. " + year + ")");
    assertThat(rowOf(page, "SELF_CHECK_2")).contains("ขั้นตอนนี้เปิดก่อนขั้นตอนก่อนหน้า");
    assertThat(rowOf(page, "SAR_DRAFT"))
        .contains("วันครบกำหนดต้องอยู่ระหว่าง 16 พ.ค. " + year + " ถึง 15 พ.ค. " + (year + 1));
    assertThat(rowOf(page, "STANDARDS")).doesNotContain("field-error");
    assertThat(page).contains("value=\"" + ce + "-07-01\""); // what was typed is kept
    assertUnchanged();
  }

  @Test
  void aYearTypedInTheCommonEraIsExplained() throws Exception {
    MockHttpSession officer = login("qaoff");
    mvc.perform(
            get("/calendar").param("year", String.valueOf(ce)).param("lang", "en").session(officer))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString(ce + " looks like a Common-Era year")))
        .andExpect(content().string(containsString("did you mean " + year + "?")));
    mvc.perform(saveRequest(defaults(), CalendarFixtures.DISTRICT, ce).session(officer))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ดูเหมือนเป็นปี ค.ศ.")));
    mvc.perform(get("/calendar").param("year", "สองห้า").session(officer))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("ไม่ใช่ปี")));
  }

  @Test
  void districtStaffSchoolsAndObecReadButCannotChange() throws Exception {
    for (String who : List.of("sup", "supdir", "ddir", "qa1", "dir1", "board1")) {
      MockHttpSession session = login(who);
      mvc.perform(get("/calendar").param("year", String.valueOf(year)).session(session))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("1 ส.ค. " + year)))
          .andExpect(content().string(containsString("ท่านดูปฏิทินนี้ได้")))
          .andExpect(content().string(not(containsString("type=\"date\""))));
      Map<String, String> form = defaults();
      form.put("due_STANDARDS", ce + "-05-29");
      mvc.perform(saveRequest(form, CalendarFixtures.DISTRICT).session(session))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/calendar/reset")
                  .with(csrf())
                  .session(session)
                  .param("district", CalendarFixtures.DISTRICT)
                  .param("year", String.valueOf(year)))
          .andExpect(status().isForbidden());
    }
    MockHttpSession obec = login("obec");
    mvc.perform(
            get("/calendar")
                .param("district", CalendarFixtures.OTHER_DISTRICT)
                .param("year", String.valueOf(year))
                .session(obec))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("ปฏิทิน เขต 2")))
        .andExpect(content().string(not(containsString("type=\"date\""))));
    Map<String, String> form = defaults();
    form.put("due_STANDARDS", ce + "-05-29");
    mvc.perform(saveRequest(form, CalendarFixtures.DISTRICT).session(obec))
        .andExpect(status().isForbidden());
    assertUnchanged();
  }

  @Test
  void anotherDistrictsPeopleGetNotFoundAndTheAdminMayEditAnyDistrict() throws Exception {
    Map<String, String> form = defaults();
    form.put("due_STANDARDS", ce + "-05-29");
    for (String who : List.of("u2111qaoff", "u2111qa1")) {
      MockHttpSession session = WebSessions.login(mvc, who);
      mvc.perform(get("/calendar").param("district", CalendarFixtures.DISTRICT).session(session))
          .andExpect(status().isNotFound());
      mvc.perform(saveRequest(form, CalendarFixtures.DISTRICT).session(session))
          .andExpect(status().isNotFound());
      mvc.perform(
              post("/calendar/reset")
                  .with(csrf())
                  .session(session)
                  .param("district", CalendarFixtures.DISTRICT)
                  .param("year", String.valueOf(year)))
          .andExpect(status().isNotFound());
    }
    mvc.perform(get("/calendar").param("district", "9999").session(login("qaoff")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/calendar"))
        .andExpect(status().is3xxRedirection()); // anonymous: to the login page
    assertUnchanged();

    MockHttpSession admin = login("admin");
    mvc.perform(
            get("/calendar")
                .param("district", CalendarFixtures.OTHER_DISTRICT)
                .param("year", String.valueOf(year))
                .session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("type=\"date\"")))
        .andExpect(content().string(containsString("<select id=\"district\"")));
    mvc.perform(saveRequest(form, CalendarFixtures.OTHER_DISTRICT).session(admin))
        .andExpect(status().is3xxRedirection());
    assertThat(editor.history(CalendarFixtures.OTHER_DISTRICT, year))
        .singleElement()
        .satisfies(c -> assertThat(c.changedBy()).isEqualTo(CalendarFixtures.user("admin")));
    assertUnchanged();
  }

  // --- helpers --------------------------------------------------------------------------------

  private MockHttpSession login(String who) throws Exception {
    return WebSessions.login(mvc, CalendarFixtures.user(who));
  }

  private Map<String, String> defaults() {
    Map<String, String> form = new TreeMap<>();
    for (Stage stage : stages.all()) {
      form.put("opens_" + stage.name(), stage.defaultOpens(year).toString());
      form.put("due_" + stage.name(), stage.defaultDue(year).toString());
    }
    return form;
  }

  private MockHttpServletRequestBuilder saveRequest(Map<String, String> form, String district) {
    return saveRequest(form, district, year);
  }

  private MockHttpServletRequestBuilder saveRequest(
      Map<String, String> form, String district, int academicYear) {
    MockHttpServletRequestBuilder request =
        post("/calendar")
            .with(csrf())
            .param("district", district)
            .param("year", String.valueOf(academicYear));
    form.forEach(request::param);
    return request;
  }

  /** The HTML of one stage's table row. */
  private static String rowOf(String page, String stage) {
    int start = page.indexOf("id=\"row-" + stage + "\"");
    assertThat(start).as("row of " + stage).isPositive();
    return page.substring(start, page.indexOf("</tr>", start));
  }

  private void assertUnchanged() {
    assertThat(editor.windows(CalendarFixtures.DISTRICT, year))
        .isEqualTo(stages.all().stream().map(s -> StageWindow.defaults(s, year)).toList());
    assertThat(editor.history(CalendarFixtures.DISTRICT, year)).isEmpty();
  }
}
