package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.committee.CommitteeMeetingProcess;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.schoolgroup.GroupYearProcess;
import th.qaflow.schoolgroup.SchoolGroups;
import th.qaflow.schoolgroup.SchoolGroups.RuleStatus;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * The demo's two school groups load through real form validation: กลุ่มโรงเรียนริมน้ำ met twice in
 * semester 1 and has one meeting held and one called in semester 2 (keeps its rule); เชิงดอย met
 * once and is behind (ยังไม่ครบ) on its page and on the district dashboard, and its year's meeting
 * check mails its chair, vice-chair and supervisor before semester 2 ends. The engine clock stands
 * in December 2026 (2569), as the real demo's wall clock does.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoSchoolGroupsTest {
  @Autowired DemoSchoolGroups demo;
  @Autowired Committees committees;
  @Autowired SchoolGroups groups;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired MockMvc mvc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired com.icegreen.greenmail.util.GreenMail mail;
  @Autowired th.qaflow.notification.internal.OutboxSender sender;

  @Test
  void oneGroupKeepsItsMeetingRuleTheOtherIsBehind() throws Exception {
    organisation.importDemo();
    EngineTestClock.at(2026, 12, 3, 10, 0);
    demo.load();

    Committee river = committees.ofCluster(DemoSchoolGroups.RIVER).orElseThrow();
    assertThat(committees.members(river.id()))
        .extracting(Committees.Member::userId, Committees.Member::role)
        .contains(
            org.assertj.core.groups.Tuple.tuple("director1", MemberRole.CHAIR),
            org.assertj.core.groups.Tuple.tuple("director2", MemberRole.VICE_CHAIR),
            org.assertj.core.groups.Tuple.tuple("director3", MemberRole.MEMBER));
    assertThat(committees.meetings(river.id())).hasSize(4);
    assertThat(groups.meetingRule(DemoSchoolGroups.RIVER, 2569))
        .extracting(SchoolGroups.SemesterRule::status)
        .containsExactly(RuleStatus.MET, RuleStatus.SCHEDULED);
    assertThat(groups.meetingRule(DemoSchoolGroups.HILL, 2569))
        .extracting(SchoolGroups.SemesterRule::status)
        .containsExactly(RuleStatus.MISSED, RuleStatus.BEHIND);
    // the last held meeting's resolution is open with director2, due in ten days
    assertThat(
            tasks
                .createTaskQuery()
                .taskAssignee("director2")
                .taskDefinitionKey(CommitteeMeetingProcess.TASK_FOLLOW_UP_RESOLUTION)
                .count())
        .isOne();

    assertThat(
            TaskPages.page(
                mvc, "/groups/" + DemoSchoolGroups.RIVER, WebSessions.login(mvc, "director3")))
        .contains("group-plan-status")
        .contains("ศึกษานิเทศก์เห็นชอบแผนแล้ว")
        .contains("ค่ายการอ่านร่วมกันของกลุ่ม")
        .contains("group-adviser")
        .contains("ที่ปรึกษากลุ่ม")
        .contains("ประเสริฐ วงศ์ไทย");
    String page =
        TaskPages.page(
            mvc, "/groups/" + DemoSchoolGroups.HILL, WebSessions.login(mvc, "director5"));
    assertThat(page).contains("ยังไม่ครบ").contains("group-size-warning");
    String dashboard =
        TaskPages.page(mvc, "/monitoring/districts/1099", WebSessions.login(mvc, "qaofficer"));
    assertThat(dashboard).contains("group-card").contains("ยังไม่ครบ");

    demo.load(); // a second load makes nothing twice
    assertThat(committees.meetings(river.id())).hasSize(4);

    // the meeting checks of both groups' years: semester 1 is over (no mail), then on 15 April
    // 2027 เชิงดอย has met no time in semester 2 and its chair, vice-chair and supervisor are
    // reminded once; ริมน้ำ has met twice (one held, the called one held by then): no mail
    String hill = yearOf(DemoSchoolGroups.HILL);
    String riverYear = yearOf(DemoSchoolGroups.RIVER);
    for (String pi : java.util.List.of(hill, riverYear)) {
      // due since 1 October: the demo's steps (or the job executor) may have fired it already
      org.camunda.bpm.engine.runtime.Job due = timer(pi, GroupYearProcess.TIMER_MEETING_CHECK_ONE);
      if (due != null) {
        management.executeJob(due.getId());
      }
      assertThat(runtime.getVariable(pi, GroupYearProcess.VAR_MEETING_CHECK_PREFIX + 1))
          .isEqualTo(GroupYearProcess.CHECK_OVER);
    }
    EngineTestClock.at(2027, 4, 15, 8, 1);
    for (String pi : java.util.List.of(hill, riverYear)) {
      management.executeJob(timer(pi, GroupYearProcess.TIMER_MEETING_CHECK_TWO).getId());
    }
    assertThat(runtime.getVariable(hill, GroupYearProcess.VAR_MEETING_CHECK_PREFIX + 2))
        .isEqualTo(GroupYearProcess.CHECK_REMINDED);
    assertThat(runtime.getVariable(riverYear, GroupYearProcess.VAR_MEETING_CHECK_PREFIX + 2))
        .isEqualTo(GroupYearProcess.CHECK_MET);
    sender.drain();
    java.util.List<jakarta.mail.internet.MimeMessage> reminders =
        java.util.Arrays.stream(mail.getReceivedMessages())
            .filter(m -> Mails.kind(m).equals("GROUP_MEETINGS"))
            .filter(m -> Mails.subject(m).contains("2/2569"))
            .toList();
    assertThat(reminders)
        .extracting(Mails::to)
        .containsExactlyInAnyOrder(
            "director5@qaflow.example", "director6@qaflow.example", "supervisor2@qaflow.example");
    assertThat(Mails.plainText(reminders.get(0)))
        .contains("ประชุมแล้ว: 0 ครั้ง")
        .contains("/groups/" + DemoSchoolGroups.HILL);
  }

  private String yearOf(String cluster) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(GroupYearProcess.PROCESS_ID)
        .processInstanceBusinessKey(GroupYearProcess.businessKey(cluster, 2569))
        .singleResult()
        .getId();
  }

  private org.camunda.bpm.engine.runtime.Job timer(String pi, String activityId) {
    return management.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult();
  }
}
