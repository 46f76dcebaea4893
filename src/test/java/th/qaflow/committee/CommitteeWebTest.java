package th.qaflow.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.committee.Committees.Kind;
import th.qaflow.committee.Committees.MemberRole;
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
 * The committee pages through the real web layer: an outside member sees only the committee they
 * sit on, never another committee of the same district; a member of another committee, a school's
 * people and another district's officer are refused every page and action, and nothing changes; a
 * bad committee is shown again in Thai with what was typed; the QA officer creates a committee
 * whose secretary is the supervision director, who adds members (not a school's people) and calls a
 * meeting whose first step is theirs. District 1099; district 7414 is the other district.
 */
@ProcessTest
class CommitteeWebTest {
  static final String OTHER = "7414";

  @Autowired MockMvc mvc;
  @Autowired Committees committees;
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
        OTHER + ",สพป.ทดสอบกรรมการ เขต 1,Committee test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "cofficer"
            + OTHER
            + ",วิภา,ใจดี,cofficer"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo",
        "cmember2,สมหญิง,ภายนอก,cmember2@qaflow.example,COMMITTEE_MEMBER,1099,,,demo");
    EngineTestClock.at(2026, 6, 1, 9, 0);
  }

  @Test
  void membersSeeOnlyTheirOwnCommitteeOthersAreRefusedAndBadInputIsShownAgain() throws Exception {
    long mine = committee("ก.ต.ป.น. ของกรรมการภายนอก");
    committees.addMember(mine, "ktpnmember", MemberRole.MEMBER);
    long other = committee("อ.ก.ต.ป.น. ด้านวิชาการ (ทดสอบเว็บ)");
    committees.addMember(other, "cmember2", MemberRole.MEMBER);

    MockHttpSession member = WebSessions.login(mvc, "ktpnmember");
    MockHttpSession otherMember = WebSessions.login(mvc, "cmember2");
    MockHttpSession school = WebSessions.login(mvc, "qa1");
    MockHttpSession foreign = WebSessions.login(mvc, "cofficer" + OTHER);
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");

    // the outside member: their committee, not the other one
    String list = TaskPages.page(mvc, "/committees", member);
    assertThat(list)
        .contains("ก.ต.ป.น. ของกรรมการภายนอก")
        .doesNotContain("ด้านวิชาการ (ทดสอบเว็บ)");
    assertThat(TaskPages.page(mvc, "/committees/" + mine, member))
        .contains("ก.ต.ป.น. ของกรรมการภายนอก")
        .doesNotContain("committee-add-member");
    mvc.perform(get("/committees/{id}", other).session(member)).andExpect(status().isForbidden());
    mvc.perform(get("/committees/{id}", mine).session(otherMember))
        .andExpect(status().isForbidden());
    // nor the district's dashboards, which are not their committee's work
    mvc.perform(get("/monitoring").session(member)).andExpect(status().isForbidden());
    mvc.perform(get("/monitoring/districts/1099").session(member))
        .andExpect(status().isForbidden());
    mvc.perform(get("/district/plan").session(member)).andExpect(status().isForbidden());
    // a school's people and another district's officer: nothing
    mvc.perform(get("/committees").session(school)).andExpect(status().isForbidden());
    mvc.perform(get("/committees/{id}", mine).session(school)).andExpect(status().isForbidden());
    mvc.perform(get("/committees/{id}", mine).session(foreign)).andExpect(status().isForbidden());
    mvc.perform(get("/committees").param("district", "1099").session(foreign))
        .andExpect(status().isForbidden());
    assertThat(TaskPages.page(mvc, "/committees", foreign))
        .doesNotContain("ก.ต.ป.น. ของกรรมการภายนอก");

    // no one outside may change the committee or call its meeting
    int before = committees.ofDistrict("1099").size();
    for (MockHttpSession outsider : new MockHttpSession[] {member, otherMember, school, foreign}) {
      mvc.perform(
              post("/committees/{id}/members", mine)
                  .session(outsider)
                  .with(csrf())
                  .param("user", "cmember2")
                  .param("role", "CHAIR"))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/committees/{id}/members/remove", mine)
                  .session(outsider)
                  .with(csrf())
                  .param("user", "ktpnmember"))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/committees/{id}/meetings", mine)
                  .session(outsider)
                  .with(csrf())
                  .param("year", "2569"))
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/committees")
                  .session(outsider)
                  .with(csrf())
                  .param("district", "1099")
                  .param("kind", "KTPN")
                  .param("name", "แอบตั้ง")
                  .param("termFrom", "2026-01-01")
                  .param("termTo", "2027-01-01")
                  .param("meetingsPerYear", "4"))
          .andExpect(status().isForbidden());
    }
    assertThat(committees.ofDistrict("1099")).hasSize(before);
    assertThat(committees.members(mine))
        .extracting(Committees.Member::userId)
        .contains("ktpnmember");
    assertThat(committees.members(mine))
        .extracting(Committees.Member::userId)
        .doesNotContain("cmember2");
    assertThat(committees.meetings(mine)).isEmpty();

    // bad input: shown again in Thai with what was typed, nothing created
    String bad =
        mvc.perform(
                post("/committees")
                    .session(officer)
                    .with(csrf())
                    .param("district", "1099")
                    .param("kind", "SUB")
                    .param("parent", "")
                    .param("name", "อ.ก.ต.ป.น. ด้านงบประมาณ")
                    .param("termFrom", "2026-06-01")
                    .param("termTo", "2025-06-01")
                    .param("meetingsPerYear", "20"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(bad)
        .contains("กรุณาแก้ไขข้อมูลคณะกรรมการ")
        .contains("คณะอนุกรรมการต้องระบุ ก.ต.ป.น. ของเขตพื้นที่นี้เป็นต้นสังกัด")
        .contains("วันสิ้นสุดวาระต้องไม่ก่อนวันเริ่มวาระ")
        .contains("จำนวนครั้งการประชุมต่อปีต้องเป็น 1 ถึง 12")
        .contains("value=\"อ.ก.ต.ป.น. ด้านงบประมาณ\"")
        .contains("value=\"2025-06-01\"")
        .contains("value=\"20\"");
    assertThat(committees.ofDistrict("1099")).hasSize(before);

    // the officer creates a sub-committee; the supervision director is its secretary
    String location =
        mvc.perform(
                post("/committees")
                    .session(officer)
                    .with(csrf())
                    .param("district", "1099")
                    .param("kind", "SUB")
                    .param("parent", String.valueOf(mine))
                    .param("name", "อ.ก.ต.ป.น. ด้านงบประมาณ")
                    .param("termFrom", "2026-06-01")
                    .param("termTo", "2028-05-31")
                    .param("meetingsPerYear", "2"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long created = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(committees.committee(created).orElseThrow().parentId()).isEqualTo(mine);
    assertThat(committees.members(created))
        .extracting(Committees.Member::userId, Committees.Member::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("supdirector", MemberRole.SECRETARY));

    // the secretary adds members, not a school's people, and calls a meeting
    MockHttpSession secretary = WebSessions.login(mvc, "supdirector");
    mvc.perform(
            post("/committees/{id}/members", created)
                .session(secretary)
                .with(csrf())
                .param("user", "qa1")
                .param("role", "MEMBER"))
        .andExpect(flash().attribute("error", "committee.error.member"));
    mvc.perform(
            post("/committees/{id}/members", created)
                .session(secretary)
                .with(csrf())
                .param("user", "ktpnmember")
                .param("role", "MEMBER"))
        .andExpect(flash().attribute("success", "committee.memberAdded"));
    mvc.perform(
            post("/committees/{id}/meetings", created)
                .session(secretary)
                .with(csrf())
                .param("year", "1999"))
        .andExpect(flash().attribute("error", "committee.error.year"));
    mvc.perform(
            post("/committees/{id}/meetings", created)
                .session(secretary)
                .with(csrf())
                .param("year", "2569"))
        .andExpect(flash().attribute("success", "committee.meetingStarted"));
    String pi = committees.meetings(created).get(0).processInstanceId();
    Task draft = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    secretary = WebSessions.login(mvc, "supdirector");
    assertThat(TaskPages.page(mvc, "/committees/" + created, secretary))
        .contains("/tasks/" + draft.getId())
        .contains("กำลังจัดทำระเบียบวาระ");
    // the district dashboard's card leads to the committees
    assertThat(TaskPages.page(mvc, "/monitoring/districts/1099", officer))
        .contains("id=\"committee-card\"")
        .contains("/committees?district=1099");
    // the member sees the step but has no link to the secretary's task, and cannot open it
    MockHttpSession memberAgain = WebSessions.login(mvc, "ktpnmember");
    assertThat(TaskPages.page(mvc, "/committees/" + created, memberAgain))
        .contains("จัดทำระเบียบวาระการประชุม")
        .doesNotContain("/tasks/" + draft.getId());
    assertThat(
            mvc.perform(get("/tasks/{id}", draft.getId()).session(memberAgain))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(302);
  }

  @Test
  void aMeetingIsInItsMembersCalendarFeedsAndInNoOneElses() throws Exception {
    long id = committee("ก.ต.ป.น. ปฏิทินส่วนตัว, ทดสอบ");
    committees.addMember(id, "ktpnmember", MemberRole.MEMBER);
    String pi = committees.startMeeting(id, 2569, "supdirector");
    long meetingId = committees.meetings(id).get(0).id();
    String memberFeed = feed("ktpnmember");
    String outsiderFeed = feed("cmember2");
    assertThat(ics(memberFeed))
        .as("no date yet, no event")
        .doesNotContain("UID:meeting-" + meetingId + "@");

    Task draft = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    Map<String, String[]> agenda = new LinkedHashMap<>();
    agenda.put(CommitteeMeetingProcess.VAR_MEETING_DATE, new String[] {"2026-06-15"});
    agenda.put(CommitteeMeetingProcess.VAR_MEETING_PLACE, new String[] {"ห้องประชุม 1; ชั้น 2"});
    agenda.put("agendaItems[0].agendaTitle", new String[] {"รับทราบผลการนิเทศ"});
    agenda.put("agendaItems[0].agendaNote", new String[] {""});
    assertThat(work.complete(draft.getId(), users.byId("supdirector"), agenda).done()).isTrue();

    Calendar calendar = new CalendarBuilder().build(new StringReader(ics(memberFeed)));
    VEvent meeting =
        calendar.<VEvent>getComponents("VEVENT").stream()
            .filter(
                e -> e.getUid().orElseThrow().getValue().startsWith("meeting-" + meetingId + "@"))
            .findFirst()
            .orElseThrow();
    assertThat(meeting.getSummary().getValue())
        .isEqualTo("ก.ต.ป.น. ปฏิทินส่วนตัว, ทดสอบ — การประชุมครั้งที่ 1/2569");
    assertThat(meeting.getLocation().getValue()).isEqualTo("ห้องประชุม 1; ชั้น 2");
    // 09:00 in Bangkok, three hours
    assertThat(meeting.getDateTimeStart().getValue()).isEqualTo("20260615T020000Z");
    assertThat(meeting.getDateTimeEnd().getValue()).isEqualTo("20260615T050000Z");
    assertThat(meeting.getUrl().getValue().toString()).endsWith("/committees/" + id);
    // the secretary sees it too; a member of another committee does not
    assertThat(ics(feed("supdirector"))).contains("UID:meeting-" + meetingId + "@");
    assertThat(ics(outsiderFeed)).doesNotContain("UID:meeting-" + meetingId + "@");
  }

  /** Makes the person's calendar link the way they do on their notification settings. */
  private String feed(String user) throws Exception {
    String url =
        (String)
            mvc.perform(
                    post("/me/notifications/calendar")
                        .session(WebSessions.login(mvc, user))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("feedUrl");
    return url.substring(url.indexOf("/calendar/"));
  }

  private String ics(String path) throws Exception {
    return mvc.perform(get(path))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private long committee(String name) {
    long id =
        committees.create(
            "1099",
            Kind.KTPN,
            null,
            name,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2029, 12, 31),
            4,
            "qaofficer");
    committees.addMember(id, "districtdirector", MemberRole.CHAIR);
    return id;
  }
}
