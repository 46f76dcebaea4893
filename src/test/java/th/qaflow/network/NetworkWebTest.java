package th.qaflow.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.network.NetworkProcess.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.network.NetworkCycles.Cycle;
import th.qaflow.network.NetworkCycles.Kind;
import th.qaflow.network.NetworkCycles.Network;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The supervision network development through the real web layer: the QA officer starts the cycle
 * (a bad year is refused in Thai and starts nothing), the supervision unit works through the forms
 * (a bad number is refused in Thai and the task stays), the supervision director approves; the page
 * and the dashboard card show the cycle; the published report is public. A school user, the
 * district director and another district's QA officer are refused. District 1099, academic year
 * 2694; district 7294 is the other district.
 */
@ProcessTest
class NetworkWebTest {
  static final String OTHER = "7294";
  static final int YEAR = 2694;

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired NetworkCycles cycles;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบเครือข่าย เขต 1,Network test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "nwqa"
            + OTHER
            + ",สมศรี,รักงาน,nwqa"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    EngineTestClock.at(YEAR - 543, 5, 20, 9, 0);
  }

  @Test
  void theDistrictsStaffRunTheNetworksOthersAreRefused() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession supDirector = WebSessions.login(mvc, "supdirector");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession director = WebSessions.login(mvc, "districtdirector");
    MockHttpSession foreign = WebSessions.login(mvc, "nwqa" + OTHER);
    MockHttpSession schoolQa = WebSessions.login(mvc, "qa1");

    // refused: the page and the start, for a school user, the district director and another
    // district's officer; a refused start changes nothing
    Refusals.startForbidden(
        mvc, "/networks", "1099", YEAR, List.of(foreign, director, schoolQa, supervisor));
    mvc.perform(get("/networks").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/networks").session(schoolQa)).andExpect(status().isForbidden());
    mvc.perform(get("/networks").session(director)).andExpect(status().isForbidden());
    assertThat(cycles.cycle("1099", YEAR)).isEmpty();

    // a bad year is refused with a Thai message and starts nothing
    Refusals.badYear(mvc, "/networks", officer, "1099", "network.error.year");
    assertThat(cycles.cycles("1099")).noneMatch(c -> c.academicYear() == YEAR);

    mvc.perform(
            post("/networks/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR)))
        .andExpect(flash().attribute("success", "network.started"));
    mvc.perform(
            post("/networks/start")
                .session(supDirector)
                .with(csrf())
                .param("district", "1099")
                .param("year", String.valueOf(YEAR)))
        .andExpect(flash().attribute("error", "network.error.running"));
    Cycle cycle = cycles.cycle("1099", YEAR).orElseThrow();
    String pi = cycle.processInstanceId();
    assertThat(TaskPages.page(mvc, "/networks?district=1099", supervisor))
        .as("the district's supervisors see the cycle")
        .contains("network-" + YEAR)
        .contains("จัดระบบข้อมูลสารสนเทศ");

    // the supervision unit works through the forms: a bad number is refused, the task stays
    Task needs = open(pi);
    mvc.perform(get("/tasks/{id}", needs.getId()).session(foreign)).andExpect(status().isFound());
    String refused =
        TaskPages.refused(
            mvc,
            TaskPages.completeForm(needs.getId())
                .param(VAR_DATA, "ครูแกนนำ 5 คน")
                .param(VAR_RESPONDENTS, "สามสิบ")
                .param(VAR_NEEDS, "โรงเรียนคู่พัฒนา"),
            officer);
    assertThat(refused).contains("f-" + VAR_RESPONDENTS + "-error").containsPattern("\\p{IsThai}");
    assertThat(open(pi).getId()).isEqualTo(needs.getId());
    TaskPages.done(
        mvc,
        TaskPages.completeForm(needs.getId())
            .param(VAR_DATA, "ครูแกนนำ 5 คน")
            .param(VAR_RESPONDENTS, "30")
            .param(VAR_NEEDS, "โรงเรียนคู่พัฒนา"),
        officer);
    TaskPages.done(
        mvc,
        TaskPages.completeForm(open(pi).getId())
            .param(VAR_PLAN_GOAL, "ทุกโรงเรียนอยู่ในเครือข่าย")
            .param(VAR_NETWORKS + "[0].networkName", "เครือข่ายครูวิทยาศาสตร์เว็บ")
            .param(VAR_NETWORKS + "[0].networkKind", "COMMUNITY")
            .param(VAR_NETWORKS + "[0].networkLead", "supervisor2")
            .param(VAR_NETWORKS + "[0].networkTarget", "ครู 12 คน"),
        officer);
    Task approve = open(pi);
    assertThat(TaskPages.page(mvc, "/tasks/" + approve.getId(), supDirector))
        .as("the director sees the drafted networks above the form")
        .contains("network-panel")
        .contains("เครือข่ายครูวิทยาศาสตร์เว็บ")
        .contains("เครือข่ายชุมชน");
    mvc.perform(
            TaskPages.completeForm(approve.getId())
                .param(VAR_PLAN_DECISION, DECISION_APPROVE)
                .session(officer))
        .andReturn();
    assertThat(open(pi).getId())
        .as("only the supervision director approves")
        .isEqualTo(approve.getId());
    TaskPages.done(
        mvc,
        TaskPages.completeForm(approve.getId()).param(VAR_PLAN_DECISION, DECISION_APPROVE),
        supDirector);
    assertThat(cycles.networks(cycle.id()))
        .extracting(Network::name, Network::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("เครือข่ายครูวิทยาศาสตร์เว็บ", Kind.COMMUNITY));
    assertThat(TaskPages.page(mvc, "/networks?district=1099", officer))
        .contains("เครือข่ายครูวิทยาศาสตร์เว็บ")
        .contains("เครือข่ายชุมชน");

    // the dashboard card, for the district's network staff only
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, supDirector))
        .contains("network-card");
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099?year=" + YEAR, director))
        .doesNotContain("network-card");

    // not public before it is published
    mvc.perform(get("/public/districts/1099/networks/{y}", YEAR)).andExpect(status().isNotFound());
    tasks.complete(
        open(pi).getId(),
        Map.of(
            VAR_SEMINAR_DATE,
            (YEAR - 543) + "-06-20",
            VAR_SEMINAR_ATTENDANCE,
            40L,
            VAR_SEMINAR_SUMMARY,
            "แนวทาง"));
    tasks.complete(open(pi).getId(), Map.of(VAR_S1_ACTIVITIES, 2L, VAR_S1_PROGRESS, "ภาค 1"));
    management
        .createJobQuery()
        .processInstanceId(pi)
        .timers()
        .list()
        .forEach(j -> management.executeJob(j.getId()));
    tasks.complete(open(pi).getId(), Map.of(VAR_S2_ACTIVITIES, 2L, VAR_S2_PROGRESS, "ภาค 2"));
    tasks.complete(open(pi).getId(), Map.of(VAR_EVALUATION, "ดี", VAR_AS_INTENDED, "yes"));
    tasks.complete(open(pi).getId(), Map.of(VAR_GUIDELINES, "แนวทางเครือข่ายเว็บ"));
    tasks.complete(
        open(pi).getId(), Map.of(VAR_SUMMARY, "สรุปผลเครือข่ายเว็บ", VAR_REPORTED_TO, "สพฐ."));
    String published =
        mvc.perform(get("/public/districts/1099/networks/{y}", YEAR))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(published)
        .contains("สรุปผลเครือข่ายเว็บ")
        .contains("แนวทางเครือข่ายเว็บ")
        .contains("เครือข่ายครูวิทยาศาสตร์เว็บ");
    mvc.perform(get("/public/districts/1099/networks/{y}", YEAR + 1))
        .andExpect(status().isNotFound());
  }

  private Task open(String pi) {
    return tasks.createTaskQuery().processInstanceId(pi).singleResult();
  }
}
