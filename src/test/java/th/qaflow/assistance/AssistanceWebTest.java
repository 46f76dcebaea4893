package th.qaflow.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.assistance.SchoolAssistanceProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.cycle.CycleService;
import th.qaflow.documents.Documents;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.Mails;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;
import th.qaflow.synthesis.BelowTargetHelp;
import th.qaflow.synthesis.SynthesisFixture;

/**
 * Help for schools below the standard through the real web layer: who may start it (the district's
 * staff; a supervisor only for the schools of their clusters; not another district, not a school),
 * a duplicate start and bad input refused with a message and nothing started, the plan drafted by
 * the school through its form (bad rows refused with field errors, nothing lost), the district's
 * list and the school's page scoped on the server. District 1099, years 2976–2977; district 7297 is
 * the other district.
 */
@ProcessTest
class AssistanceWebTest {
  static final String OTHER = "7297";
  static final int YEAR = 2976;
  static final String SCHOOL = "1099010002";

  @Autowired MockMvc mvc;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired CycleService cycles;
  @Autowired Documents documents;
  @Autowired AssistanceCases assistance;
  @Autowired OrganisationImport organisation;
  @Autowired BelowTargetHelp help;
  @Autowired QaUsers users;
  @Autowired GreenMail mail;
  @Autowired OutboxSender sender;

  static boolean driven;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบช่วยเหลือ เขต 1,Assistance test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "helpofficer"
            + OTHER
            + ",อรุณี,ต่างเขต,helpofficer"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
    if (!driven) {
      // learner quality (BASIC-1) rated 3 against the school's target 4
      new SynthesisFixture(cycles, runtime, tasks, management, documents)
          .acceptedSar(
              SCHOOL,
              YEAR,
              new SynthesisFixture.Answers(
                  c -> 4, c -> c.equals("BASIC-1") ? 3 : 4, "มีวินัย", "การอ่าน", false));
      driven = true;
    }
  }

  private MockHttpServletRequestBuilder start(MockHttpSession session, String... schools) {
    MockHttpServletRequestBuilder r =
        post("/district/assistance/start")
            .session(session)
            .with(csrf())
            .param("district", "1099")
            .param("year", String.valueOf(YEAR));
    for (String s : schools) {
      r.param("school", s);
    }
    return r;
  }

  @Test
  void onlyTheDistrictsStaffStartHelpOnceAndEachSeesOnlyWhatTheyMay() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession supdirector = WebSessions.login(mvc, "supdirector");
    MockHttpSession otherCluster = WebSessions.login(mvc, "supervisor2");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    MockHttpSession foreign = WebSessions.login(mvc, "helpofficer" + OTHER);
    MockHttpSession schoolQa = WebSessions.login(mvc, "qa2");
    MockHttpSession otherSchool = WebSessions.login(mvc, "qa3");

    // refused: another district, a school, a supervisor of another cluster — nothing starts
    mvc.perform(start(foreign, SCHOOL)).andExpect(status().isForbidden());
    mvc.perform(start(schoolQa, SCHOOL)).andExpect(status().isForbidden());
    mvc.perform(start(otherCluster, SCHOOL)).andExpect(status().isForbidden());
    assertThat(assistance.caseOf(SCHOOL, YEAR)).isEmpty();

    // the synthesis' list offers each user only the schools they may help
    assertThat(help.view("1099", YEAR, users.byId("supervisor2")).startable())
        .contains("1099010005")
        .doesNotContain(SCHOOL);
    assertThat(help.view("1099", YEAR, users.byId("qaofficer")).startable()).contains(SCHOOL);
    assertThat(help.view("1099", YEAR, users.byId("qa2")).mayStart()).isFalse();
    assertThat(help.view("1099", YEAR, users.byId("helpofficer" + OTHER)).mayStart()).isFalse();

    // bad input: clear messages, nothing started, no 5xx
    mvc.perform(start(officer))
        .andExpect(redirectedUrl("/synthesis/1099/" + YEAR))
        .andExpect(flash().attribute("error", "assistance.error.none"));
    mvc.perform(
            post("/district/assistance/start")
                .session(officer)
                .with(csrf())
                .param("district", "1099")
                .param("year", "๒๕๖๘x")
                .param("school", SCHOOL))
        .andExpect(flash().attribute("error", "assistance.error.year"));
    mvc.perform(start(officer, "9999999999"))
        .andExpect(flash().attribute("error", "assistance.error.school"));
    mvc.perform(start(officer, "1099010006"))
        .andExpect(flash().attribute("error", "assistance.error.notBelow"));
    assertThat(assistance.caseOf("1099010006", YEAR)).isEmpty();
    assertThat(assistance.caseOf(SCHOOL, YEAR)).isEmpty();

    // the cluster's supervisor starts it; a second start (the officer's) is refused with a message
    mvc.perform(start(supervisor, SCHOOL))
        .andExpect(redirectedUrl("/synthesis/1099/" + YEAR))
        .andExpect(flash().attribute("success", "assistance.started"));
    String pi = assistance.caseOf(SCHOOL, YEAR).orElseThrow().processInstanceId();
    assertThat(help.view("1099", YEAR, users.byId("qaofficer")).caseStatus())
        .containsEntry(SCHOOL, "assistance.status.running");
    mvc.perform(start(officer, SCHOOL))
        .andExpect(flash().attribute("error", "assistance.error.running"))
        .andExpect(flash().attribute("errorArg", "โรงเรียนบ้านท่าน้ำ"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(SCHOOL + "-" + YEAR + "-HELP")
                .count())
        .isEqualTo(1);

    // the school's director hears of it by mail, in Thai, with the standard and where to follow it
    sender.drain();
    List<MimeMessage> toDirector =
        Mails.ofKind(Mails.addressedTo(mail, "director2@qaflow.example"), "SCHOOL_HELP");
    assertThat(toDirector).hasSize(1);
    MimeMessage m = toDirector.get(0);
    assertThat(Mails.subject(m)).contains("โรงเรียนบ้านท่าน้ำ").contains(String.valueOf(YEAR));
    assertThat(Mails.plainText(m))
        .contains("มาตรฐานที่ 1 คุณภาพของผู้เรียน (ค่าเป้าหมาย ดีเลิศ ผลการประเมิน ดี)")
        .contains("ต่ำกว่าค่าเป้าหมาย")
        .contains("/assistance/schools/" + SCHOOL);

    // the team, through its form, by the supervision director
    Task team = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(TaskPages.page(mvc, "/tasks/" + team.getId(), supdirector))
        .as("the task shows the standard below target")
        .contains("คุณภาพของผู้เรียน");
    TaskPages.done(
        mvc,
        TaskPages.completeForm(team.getId())
            .param("teamMembers[0].memberName", "นางสาวปิยะนันท์ สมชาติ")
            .param("teamMembers[0].memberPosition", "ศึกษานิเทศก์ชำนาญการพิเศษ")
            .param("teamMembers[0].memberSide", "district")
            .param("teamMembers[0].memberRole", "chair")
            .param("teamMembers[1].memberName", "นายสมชาย ใจดี")
            .param("teamMembers[1].memberPosition", "ครูภาษาไทย")
            .param("teamMembers[1].memberSide", "school")
            .param("teamMembers[1].memberRole", "member")
            .param("teamOrderRef", "คำสั่งที่ 45/2577"),
        supdirector);

    // the school's QA group drafts the plan: a bad row is refused with field errors, kept
    Task plan = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(plan.getTaskDefinitionKey()).isEqualTo(TASK_DRAFT_PLAN);
    String refused =
        TaskPages.refused(
            mvc,
            TaskPages.completeForm(plan.getId())
                .param("planSummary", "ยกระดับการอ่านของผู้เรียน")
                .param("planItems[0].itemStandard", "BASIC-3")
                .param("planItems[0].itemCause", "ผู้เรียนอ่านไม่คล่อง")
                .param("planItems[0].itemActivities", "")
                .param("planItems[0].itemOwner", "ครูภาษาไทย")
                .param("planItems[0].itemFrom", "2577-07-01")
                .param("planItems[0].itemTo", "2020-09-30"),
            schoolQa);
    assertThat(refused)
        .contains("f-planItems-0-itemActivities-error")
        .contains("f-planItems-0-itemStandard-error")
        .contains("ยกระดับการอ่านของผู้เรียน");
    assertThat(tasks.createTaskQuery().taskId(plan.getId()).count()).isEqualTo(1);
    // another school's QA group may not even open it
    mvc.perform(get("/tasks/{id}", plan.getId()).session(otherSchool))
        .andExpect(status().isFound());
    TaskPages.done(
        mvc,
        TaskPages.completeForm(plan.getId())
            .param("planSummary", "ยกระดับการอ่านของผู้เรียน")
            .param("planItems[0].itemStandard", "BASIC-1")
            .param("planItems[0].itemCause", "ผู้เรียนอ่านไม่คล่อง")
            .param("planItems[0].itemActivities", "ฝึกอ่านวันละ 20 นาที")
            .param("planItems[0].itemOwner", "ครูภาษาไทย")
            .param("planItems[0].itemFrom", "2027-07-01")
            .param("planItems[0].itemTo", "2027-09-30"),
        schoolQa);

    // the district's list: the case with its open step and stage
    String list = TaskPages.page(mvc, "/district/assistance?district=1099", officer);
    assertThat(list).contains("help-" + SCHOOL + "-" + YEAR).contains("อนุมัติแผนการช่วยเหลือ");
    mvc.perform(get("/district/assistance").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/district/assistance").session(schoolQa)).andExpect(status().isForbidden());
    assertThat(TaskPages.page(mvc, "/district/assistance", foreign))
        .doesNotContain("help-" + SCHOOL);

    // the school's page: its own users see the plan; another school and another district do not
    assertThat(TaskPages.page(mvc, "/assistance/schools/" + SCHOOL, schoolQa))
        .contains("ฝึกอ่านวันละ 20 นาที")
        .contains("นางสาวปิยะนันท์ สมชาติ");
    mvc.perform(get("/assistance/schools/" + SCHOOL).session(otherSchool))
        .andExpect(status().isForbidden());
    mvc.perform(get("/assistance/schools/" + SCHOOL).session(foreign))
        .andExpect(status().isForbidden());
    mvc.perform(get("/assistance/schools/0000000000").session(officer))
        .andExpect(status().isNotFound());
    assertThat(TaskPages.page(mvc, "/assistance/schools/1099010003", otherSchool))
        .as("a school without help")
        .doesNotContain("help-");

    // the plan's approval is the supervision director's, and appears on the school's stages
    Task approval = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(approval.getTaskDefinitionKey()).isEqualTo(TASK_APPROVE_PLAN);
    String stages =
        TaskPages.page(mvc, "/monitoring/schools/" + SCHOOL + "?year=" + (YEAR + 1), officer);
    assertThat(stages).contains("อนุมัติแผนการช่วยเหลือ");
  }
}
