package th.qaflow.goodpractice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.goodpractice.GoodPracticeRoundProcess.*;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.goodpractice.GoodPractices.Nomination;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;
import th.qaflow.tasklist.TaskWork;

/**
 * The good-practice round through the real web layer: who nominates, sees and changes which
 * nomination (school 1 not school 2's, and not after the window closed; a supervisor for the
 * district's schools; another district's officer and a board chair nowhere); bad input shown again
 * with Thai or English messages and nothing stored; the public page, without login, shows only the
 * selected practices once published. District 1099 (years 2955–2957); district 7295 is the other.
 */
@ProcessTest
class GoodPracticeWebTest {
  static final String OTHER = "7295";

  @Autowired MockMvc mvc;
  @Autowired GoodPractices rounds;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired TaskWork work;
  @Autowired QaUsers users;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบวิธีปฏิบัติ เขต 1,Good practice test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "gpofficer"
            + OTHER
            + ",วิไล,ดีงาม,gpofficer"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(2955 - 543 + 1, 4, 2, 9, 0);
  }

  @Test
  void eachSideSeesAndChangesOnlyItsOwnNominationsWhileTheWindowIsOpen() throws Exception {
    int year = 2955;
    String pi = rounds.start("1099", year, "qaofficer").orElseThrow();
    MockHttpSession qa1 = WebSessions.login(mvc, "qa1");
    MockHttpSession qa2 = WebSessions.login(mvc, "qa2");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession foreign = WebSessions.login(mvc, "gpofficer" + OTHER);
    MockHttpSession board = WebSessions.login(mvc, "board1");

    // school 1 nominates its own practice; its page offers only itself
    String form = TaskPages.page(mvc, "/goodpractice?district=1099&year=" + year, qa1);
    assertThat(form).contains("gp-nominate").contains("1099010001").doesNotContain("1099010002\"");
    mvc.perform(nominate(year, "1099010001", "อ่านออกเขียนได้ทุกคน").session(qa1))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("success", "gp.nominated"));
    Nomination mine = only(year, "อ่านออกเขียนได้ทุกคน");
    assertThat(mine.source()).isEqualTo(GoodPractices.Source.SAR);
    assertThat(mine.nominatedBy()).isEqualTo("qa1");

    // school 2 cannot nominate for school 1, see, open, change or withdraw its nomination
    String refused = body(mvc.perform(nominate(year, "1099010001", "แอบเสนอแทน").session(qa2)));
    assertThat(refused).contains("เสนอได้เฉพาะสถานศึกษาที่ท่านรับผิดชอบ");
    assertThat(titles(year)).doesNotContain("แอบเสนอแทน");
    assertThat(TaskPages.page(mvc, "/goodpractice?district=1099&year=" + year, qa2))
        .doesNotContain("อ่านออกเขียนได้ทุกคน");
    mvc.perform(get("/goodpractice").param("edit", "" + mine.id()).session(qa2))
        .andExpect(status().isForbidden());
    mvc.perform(change(mine.id(), "แก้โดยโรงเรียนอื่น").session(qa2))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/goodpractice/nominations/{id}/withdraw", mine.id()).with(csrf()).session(qa2))
        .andExpect(status().isForbidden());
    assertThat(only(year, "อ่านออกเขียนได้ทุกคน").id()).isEqualTo(mine.id());

    // a supervisor nominates for a school of the district from a visit, and sees school 1's;
    // but does not change the school's own nomination
    mvc.perform(nominate(year, "1099010005", "ห้องเรียนกลับด้าน").session(supervisor))
        .andExpect(flash().attribute("success", "gp.nominated"));
    assertThat(only(year, "ห้องเรียนกลับด้าน").source()).isEqualTo(GoodPractices.Source.VISIT);
    assertThat(TaskPages.page(mvc, "/goodpractice?district=1099&year=" + year, supervisor))
        .contains("อ่านออกเขียนได้ทุกคน")
        .contains("ห้องเรียนกลับด้าน");
    mvc.perform(change(mine.id(), "ศน.แก้ให้").session(supervisor))
        .andExpect(status().isForbidden());
    // school 1 does not see the supervisor's nomination of school 5
    assertThat(TaskPages.page(mvc, "/goodpractice?district=1099&year=" + year, qa1))
        .contains("อ่านออกเขียนได้ทุกคน")
        .doesNotContain("ห้องเรียนกลับด้าน");
    // filters: by standard and decision
    assertThat(
            TaskPages.page(
                mvc, "/goodpractice?district=1099&year=" + year + "&standard=BASIC-3", officer))
        .contains("ห้องเรียนกลับด้าน")
        .doesNotContain("อ่านออกเขียนได้ทุกคน");
    assertThat(
            TaskPages.page(
                mvc, "/goodpractice?district=1099&year=" + year + "&status=selected", officer))
        .doesNotContain("ห้องเรียนกลับด้าน");

    // school 1 edits its own while open
    mvc.perform(change(mine.id(), "อ่านออกเขียนได้ทุกคน ฉบับปรับปรุง").session(qa1))
        .andExpect(flash().attribute("success", "gp.changed"));

    // another district and a board chair: nowhere
    mvc.perform(get("/goodpractice").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(nominate(year, "1099010001", "ข้ามเขต").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/goodpractice").param("edit", "" + mine.id()).session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/goodpractice").session(board)).andExpect(status().isForbidden());
    mvc.perform(
            post("/goodpractice/start")
                .with(csrf())
                .param("district", "1099")
                .param("year", "" + year)
                .session(foreign))
        .andExpect(status().isForbidden());
    assertThat(titles(year)).doesNotContain("ข้ามเขต");

    // the window closes: no more changes, withdrawals or nominations
    Task monitor = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(
            work.complete(
                    monitor.getId(), users.byId("qaofficer"), params("gpCloseConfirmed", "true"))
                .done())
        .isTrue();
    mvc.perform(change(mine.id(), "แก้หลังปิดรับ").session(qa1))
        .andExpect(flash().attribute("error", "gp.error.closed"));
    mvc.perform(
            post("/goodpractice/nominations/{id}/withdraw", mine.id()).with(csrf()).session(qa1))
        .andExpect(flash().attribute("error", "gp.error.closed"));
    mvc.perform(nominate(year, "1099010001", "เสนอหลังปิด").session(qa1))
        .andExpect(flash().attribute("error", "gp.error.closed"));
    assertThat(titles(year))
        .containsExactlyInAnyOrder("อ่านออกเขียนได้ทุกคน ฉบับปรับปรุง", "ห้องเรียนกลับด้าน");
  }

  @Test
  void badInputIsExplainedInThaiOrEnglishAndNothingIsStoredOrLost() throws Exception {
    int year = 2956;
    rounds.start("1099", year, "qaofficer").orElseThrow();
    MockHttpSession qa3 = WebSessions.login(mvc, "qa3");
    String practice = "ครูใช้เกมคณิตศาสตร์ทุกคาบ ผลสัมฤทธิ์เพิ่มขึ้น";
    String thai =
        body(
            mvc.perform(
                typed(
                    qa3,
                    year,
                    "standard",
                    "BASIC-99",
                    "title",
                    "  ",
                    "practice",
                    practice,
                    "evidenceUrl",
                    "javascript:alert(1)")));
    assertThat(thai)
        .contains("โปรดแก้ไขข้อมูลต่อไปนี้")
        .contains("มาตรฐานนี้ไม่มีในระดับการศึกษาของสถานศึกษา")
        .contains("โปรดระบุชื่อวิธีปฏิบัติที่ดี")
        .contains("ลิงก์หลักฐานต้องขึ้นต้นด้วย http:// หรือ https://")
        .as("what was typed is kept")
        .contains(practice)
        .contains("javascript:alert(1)")
        .as("the typed address is kept in its field, never made a link")
        .doesNotContain("href=\"javascript:");
    String english =
        body(
            mvc.perform(
                typed(
                    qa3,
                    year,
                    "lang",
                    "en",
                    "standard",
                    "BASIC-1",
                    "title",
                    "Maths games",
                    "practice",
                    "x".repeat(4001))));
    assertThat(english)
        .contains("Please correct the following (what you typed is kept)")
        .contains("The description is longer than 4,000 characters.")
        .contains("Give the evidence: a link or at least one document.");
    // a NUL in a field: refused as a whole by the application's control-character check
    String nul =
        body(
            mvc.perform(
                    typed(
                        qa3,
                        year,
                        "lang",
                        "en",
                        "standard",
                        "BASIC-1",
                        "title",
                        "Maths\u0000games",
                        "practice",
                        practice,
                        "evidenceUrl",
                        "https://drive.example/x"))
                .andExpect(status().isBadRequest()));
    assertThat(nul).contains("Nothing was changed.");
    // a year that is not a number, a missing district: a clear 400, not a stack trace
    mvc.perform(
            post("/goodpractice/nominations")
                .with(csrf())
                .session(qa3)
                .param("district", "1099")
                .param("year", "สองพัน"))
        .andExpect(status().isBadRequest());
    assertThat(rounds.nominations("1099", year)).isEmpty();
  }

  @Test
  void anonymousSeesOnlyThePublishedSelection() throws Exception {
    int year = 2957;
    String pi = rounds.start("1099", year, "qaofficer").orElseThrow();
    MockHttpSession qa4 = WebSessions.login(mvc, "qa4");
    MockHttpSession qa5 = WebSessions.login(mvc, "qa5");
    mvc.perform(nominate(year, "1099010004", "สวนผักสร้างสุข").session(qa4));
    mvc.perform(nominate(year, "1099010005", "ไม่ผ่านการคัดเลือก").session(qa5));
    String url = "/public/districts/1099/good-practices/" + year;
    mvc.perform(get(url)).andExpect(status().isNotFound());
    mvc.perform(get("/goodpractice")).andExpect(status().is3xxRedirection());

    Task monitor = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    work.complete(monitor.getId(), users.byId("qaofficer"), params("gpCloseConfirmed", "true"));
    Task select = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    // the rows are in nomination order: school 4's, then school 5's
    Map<String, String[]> decisions =
        params(
            "gpDecisions[0].nominationDecision", "selected",
            "gpDecisions[0].nominationReason", "ต่อยอดสู่ชุมชนได้",
            "gpDecisions[1].nominationDecision", "notSelected",
            "gpDecisions[1].nominationReason", "ยังไม่มีผลที่วัดได้",
            "gpCommittee", "คณะกรรมการ");
    assertThat(work.complete(select.getId(), users.byId("supdirector"), decisions).done()).isTrue();
    mvc.perform(get(url)).andExpect(status().isNotFound());
    Task honours = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(honours.getTaskDefinitionKey()).isEqualTo(TASK_RECORD_HONOURS);
    assertThat(
            work.complete(
                    honours.getId(),
                    users.byId("qaofficer"),
                    params(
                        "honoursKind", "certificate",
                        "honoursReference", "ว 88/2570",
                        "honoursDate", "2399-07-15"))
                .done())
        .isTrue();

    String page = body(mvc.perform(get(url)));
    assertThat(page)
        .contains("สวนผักสร้างสุข")
        .contains("ต่อยอดสู่ชุมชนได้")
        .contains("ว 88/2570")
        .contains("ปีการศึกษา 2957")
        .doesNotContain("ไม่ผ่านการคัดเลือก")
        .doesNotContain("ยังไม่มีผลที่วัดได้");
    assertThat(body(mvc.perform(get(url).param("lang", "en"))))
        .contains("Good practices of the schools of")
        .contains("2957 (2414/15)");
    // the public part is read-only and other years stay hidden
    mvc.perform(get("/public/districts/1099/good-practices/2958")).andExpect(status().isNotFound());
    mvc.perform(get("/public/districts/" + OTHER + "/good-practices/" + year))
        .andExpect(status().isNotFound());
  }

  private static MockHttpServletRequestBuilder nominate(int year, String school, String title) {
    return post("/goodpractice/nominations")
        .with(csrf())
        .param("district", "1099")
        .param("year", "" + year)
        .param("school", school)
        .param("standard", title.contains("กลับด้าน") ? "BASIC-3" : "BASIC-1")
        .param("title", title)
        .param("practice", "กระบวนการและผลต่อผู้เรียน")
        .param("evidenceUrl", "https://drive.example/evidence");
  }

  /** A nomination of school 1099010003 as typed by the user: field names and values in pairs. */
  private static MockHttpServletRequestBuilder typed(
      MockHttpSession session, int year, String... fieldsAndValues) {
    MockHttpServletRequestBuilder post =
        post("/goodpractice/nominations")
            .with(csrf())
            .session(session)
            .param("district", "1099")
            .param("year", "" + year)
            .param("school", "1099010003");
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      post.param(fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return post;
  }

  private static MockHttpServletRequestBuilder change(long id, String title) {
    return post("/goodpractice/nominations/{id}", id)
        .with(csrf())
        .param("standard", "BASIC-1")
        .param("title", title)
        .param("practice", "กระบวนการและผลต่อผู้เรียน")
        .param("evidenceNote", "บันทึกการนิเทศ");
  }

  private Nomination only(int year, String title) {
    return rounds.nominations("1099", year).stream()
        .filter(n -> n.title().equals(title))
        .findFirst()
        .orElseThrow();
  }

  private List<String> titles(int year) {
    return rounds.nominations("1099", year).stream().map(Nomination::title).toList();
  }

  private static String body(org.springframework.test.web.servlet.ResultActions result)
      throws Exception {
    return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static Map<String, String[]> params(String... keyValues) {
    Map<String, String[]> p = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.put(keyValues[i], new String[] {keyValues[i + 1]});
    }
    return p;
  }
}
