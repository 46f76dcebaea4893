package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.committee.CommitteeMeetingProcess;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Committee;
import th.qaflow.committee.Committees.Meeting;
import th.qaflow.committee.Committees.Resolution;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.TaskPages;
import th.qaflow.support.WebSessions;

/**
 * The demo's ก.ต.ป.น. loads through real form validation: the committee with its chair, secretary
 * (the supervision director), the QA officer and the outside member ktpnmember; its year's first
 * meeting held two weeks ago with approved minutes, the QA officer's resolution done and
 * supervisor1's open as a task; ktpnmember signs in with the demo password and sees the meeting.
 * The engine clock stands in December 2026 (2569), as the real demo's wall clock does.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class DemoCommitteeTest {
  @Autowired DemoCommittee demo;
  @Autowired Committees committees;
  @Autowired OrganisationImport organisation;
  @Autowired TaskService tasks;
  @Autowired MockMvc mvc;

  @Test
  void theCommitteeHeldItsFirstMeetingAndSupervisor1FollowsUpAResolution() throws Exception {
    organisation.importDemo();
    EngineTestClock.at(2026, 12, 3, 10, 0);
    demo.load(2569);

    Committee c =
        committees.ofDistrict("1099").stream()
            .filter(x -> x.name().equals(DemoCommittee.NAME))
            .findFirst()
            .orElseThrow();
    assertThat(committees.members(c.id()))
        .extracting(Committees.Member::userId, Committees.Member::role)
        .contains(
            org.assertj.core.groups.Tuple.tuple("districtdirector", Committees.MemberRole.CHAIR),
            org.assertj.core.groups.Tuple.tuple("supdirector", Committees.MemberRole.SECRETARY),
            org.assertj.core.groups.Tuple.tuple("ktpnmember", Committees.MemberRole.MEMBER));
    Meeting held = committees.meetings(c.id()).get(0);
    assertThat(held.status()).isEqualTo("APPROVED");
    assertThat(held.minutes()).contains("ร่างแผนการนิเทศ");
    assertThat(committees.agenda(held.id())).hasSize(3);
    assertThat(committees.resolutions(held.id()))
        .extracting(Resolution::ownerId, Resolution::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("supervisor1", "OPEN"),
            org.assertj.core.groups.Tuple.tuple("qaofficer", "DONE"));
    Task open =
        tasks
            .createTaskQuery()
            .processInstanceId(held.processInstanceId())
            .taskAssignee("supervisor1")
            .singleResult();
    assertThat(open.getTaskDefinitionKey())
        .isEqualTo(CommitteeMeetingProcess.TASK_FOLLOW_UP_RESOLUTION);
    assertThat(open.getDueDate()).isNotNull();

    // the outside member signs in with the demo password and reads the meeting
    String page =
        TaskPages.page(mvc, "/committees/" + c.id(), WebSessions.login(mvc, "ktpnmember"));
    assertThat(page).contains("ร่างแผนการนิเทศ").contains("กำลังดำเนินการ");

    // the secretariat's workbook: the meeting and the follow-up of both resolutions
    byte[] xlsx =
        mvc.perform(
                get("/committees/{id}/resolutions.xlsx", c.id())
                    .session(WebSessions.login(mvc, "supdirector")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      XSSFSheet meetings = book.getSheet("การประชุม");
      assertThat(meetings.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1/2569");
      assertThat(meetings.getRow(1).getCell(3).getStringCellValue())
          .isEqualTo("รับรองรายงานการประชุมแล้ว กำลังติดตามมติ");
      assertThat(meetings.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(2);
      assertThat(meetings.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(1);
      XSSFSheet resolutions = book.getSheet("มติและการติดตาม");
      assertThat(resolutions.getRow(0).getCell(3).getStringCellValue()).isEqualTo("ผู้รับผิดชอบ");
      assertThat(resolutions.getLastRowNum()).isEqualTo(2);
      assertThat(resolutions.getRow(1).getCell(5).getStringCellValue()).isEqualTo("กำลังดำเนินการ");
      assertThat(resolutions.getRow(2).getCell(5).getStringCellValue()).isEqualTo("ดำเนินการแล้ว");
      assertThat(resolutions.getRow(2).getCell(6).getStringCellValue()).isNotBlank();
    }
    // a school's people may not have it
    mvc.perform(
            get("/committees/{id}/resolutions.xlsx", c.id())
                .session(WebSessions.login(mvc, "director1")))
        .andExpect(status().isForbidden());

    // the meeting is on the district calendar, linked to the committee
    String calendar =
        TaskPages.page(
            mvc, "/calendar?district=1099&year=2569", WebSessions.login(mvc, "qaofficer"));
    assertThat(calendar)
        .contains("calendar-events")
        .contains("ครั้งที่ 1/2569")
        .contains("/committees/" + c.id());

    demo.load(2569); // a second load makes nothing twice
    assertThat(
            committees.ofDistrict("1099").stream()
                .filter(x -> x.name().equals(DemoCommittee.NAME))
                .count())
        .isOne();
  }
}
