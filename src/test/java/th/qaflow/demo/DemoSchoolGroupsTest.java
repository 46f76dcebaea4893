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
import th.qaflow.schoolgroup.SchoolGroups;
import th.qaflow.schoolgroup.SchoolGroups.RuleStatus;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * The demo's two school groups load through real form validation: กลุ่มโรงเรียนริมน้ำ met twice in
 * semester 1 and has one meeting held and one called in semester 2 (keeps its rule); เชิงดอย met
 * once and is behind (ยังไม่ครบ) on its page and on the district dashboard. The engine clock stands
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
        .contains("ค่ายการอ่านร่วมกันของกลุ่ม");
    String page =
        TaskPages.page(
            mvc, "/groups/" + DemoSchoolGroups.HILL, WebSessions.login(mvc, "director5"));
    assertThat(page).contains("ยังไม่ครบ").contains("group-size-warning");
    String dashboard =
        TaskPages.page(mvc, "/monitoring/districts/1099", WebSessions.login(mvc, "qaofficer"));
    assertThat(dashboard).contains("group-card").contains("ยังไม่ครบ");

    demo.load(); // a second load makes nothing twice
    assertThat(committees.meetings(river.id())).hasSize(4);
  }
}
