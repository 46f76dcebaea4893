package th.qaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.support.Mails.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.notification.internal.MailOutbox;
import th.qaflow.notification.internal.OutboxRow;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.notification.internal.Preferences;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * Issue 13 §1: when the district completes Task_PublishGuidance, every user of each of its schools
 * gets one announcement in their language — the summary, the file names and a link to the guidance
 * page, never the file — through the outbox and real SMTP (GreenMail). District staff, another
 * district's schools and a school user who unsubscribed (NONE) get none. District 7637 (two
 * schools) and 7638, academic year 2637.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
class GuidanceMailTest {
  static final int YEAR = 2637;
  static final String DISTRICT = "7637";
  static final String DISTRICT_NAME = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาประกาศ เขต 1";
  static final String SCHOOL_1 = "7637010001";
  static final String SCHOOL_1_NAME = "โรงเรียนบ้านประกาศ";
  static final String SUMMARY =
      "ใช้มาตรฐานการศึกษา พ.ศ. 2561 กำหนดส่ง SAR ภายใน 31 พ.ค. 2638\nแบบรายงานใหม่มี 4 ส่วน";

  @Autowired GreenMail mail;
  @Autowired OutboxSender sender;
  @Autowired MailOutbox outbox;
  @Autowired Preferences preferences;
  @Autowired Clock clock;
  @Autowired TaskService tasks;
  @Autowired DistrictCycles districtCycles;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void setUp() {
    importDistricts();
    // the director reads English; the second school's QA teacher unsubscribed from mails
    jdbc.sql("update person set language = 'en' where user_id = 'm7637dir1'").update();
    preferences.set("m7637qa2", NotificationMode.NONE, clock.instant());
  }

  @Test
  void everySchoolUserOfTheDistrictIsToldOnceWithTheSummaryAndALinkNotTheFile() throws Exception {
    EngineTestClock.at(LocalDateTime.of(YEAR - 543, 5, 18, 10, 30));
    String pi = districtCycles.start(DISTRICT, YEAR, "m7637off").orElseThrow();
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(DistrictQaCycleProcess.TASK_PUBLISH_GUIDANCE);
    byte[] pdf = TaskPages.pdf("guidance " + YEAR);
    TaskPages.done(
        mvc,
        TaskPages.completeForm(task.getId())
            .file(
                new MockMultipartFile(
                    "guidanceFile",
                    "แนวทางการประกันคุณภาพ " + YEAR + ".pdf",
                    "application/pdf",
                    pdf))
            .file(
                new MockMultipartFile(
                    "sarTemplateFile", "แบบรายงาน SAR " + YEAR + ".pdf", "application/pdf", pdf))
            .param("guidanceSummary", SUMMARY)
            .param("calendarChecked", "true"),
        WebSessions.login(mvc, "m7637off"));

    List<OutboxRow> rows = outbox.forKeyPrefix("GUIDANCE_PUBLISHED|" + DISTRICT + "-" + YEAR);
    assertThat(rows)
        .extracting(OutboxRow::recipientId)
        .containsExactlyInAnyOrder("m7637qa1", "m7637dir1", "m7637board1");
    sender.drain();

    List<MimeMessage> qa1 =
        ofKind(addressedTo(mail, "m7637qa1@qaflow.example"), "GUIDANCE_PUBLISHED");
    assertThat(qa1).hasSize(1);
    MimeMessage thai = qa1.get(0);
    String text = plainText(thai);
    // printed so a person can read it in the test output
    System.out.println("GUIDANCE MAIL (th)\nSubject: " + subject(thai) + "\n\n" + text);
    assertThat(subject(thai))
        .isEqualTo(
            "[QA Flow] แนวทางการประกันคุณภาพภายใน ปีการศึกษา " + YEAR + " จาก" + DISTRICT_NAME);
    assertThat(text)
        .contains("เรียน สมใจ ประกาศดี")
        .contains(
            DISTRICT_NAME
                + " เผยแพร่แนวทาง เอกสาร และปฏิทินการประกันคุณภาพภายในของปีการศึกษา "
                + YEAR
                + " ให้สถานศึกษาในสังกัดแล้ว เมื่อวันที่ 18 พ.ค. "
                + YEAR)
        .contains("สถานศึกษา: " + SCHOOL_1_NAME)
        .contains(SUMMARY)
        .contains("- แนวทางการประกันคุณภาพ " + YEAR + ".pdf")
        .contains("- แบบรายงาน SAR " + YEAR + ".pdf")
        .contains("อ่านและดาวน์โหลดเอกสารใน QA Flow: http://localhost:8080/guidance")
        .doesNotContain("/documents/")
        .doesNotContain("??");
    assertThat(Mails.text(thai, "text/html"))
        .contains("href=\"http://localhost:8080/guidance\"")
        .contains(SCHOOL_1_NAME);
    // a link, never the file
    assertThat(Mails.text(thai, "application/*")).isEmpty();

    MimeMessage english =
        ofKind(addressedTo(mail, "m7637dir1@qaflow.example"), "GUIDANCE_PUBLISHED").get(0);
    System.out.println(
        "GUIDANCE MAIL (en)\nSubject: " + subject(english) + "\n\n" + plainText(english));
    assertThat(subject(english))
        .isEqualTo(
            "[QA Flow] Internal QA guidance for academic year "
                + YEAR
                + " (2094/95) from Announcement District 1");
    assertThat(plainText(english))
        .contains("Dear ")
        .contains("published the internal QA guidance")
        .contains("on 18 May 2094")
        .contains("School: Ban Prakat School")
        .contains("http://localhost:8080/guidance");
    assertThat(addressedTo(mail, "m7637board1@qaflow.example")).hasSize(1);

    // unsubscribed, district staff and another district's school: nothing
    for (String user : List.of("m7637qa2", "m7637off", "m7638qa1")) {
      assertThat(ofKind(addressedTo(mail, user + "@qaflow.example"), "GUIDANCE_PUBLISHED"))
          .as(user)
          .isEmpty();
    }
    // sent once: another drain sends nothing more
    int before = mail.getReceivedMessages().length;
    sender.drain();
    assertThat(mail.getReceivedMessages()).hasSize(before);
    assertThat(
            Arrays.stream(mail.getReceivedMessages())
                .filter(m -> kind(m).equals("GUIDANCE_PUBLISHED"))
                .filter(m -> to(m).startsWith("m7637"))
                .count())
        .isEqualTo(3);
  }

  private void importDistricts() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        DISTRICT + "," + DISTRICT_NAME + ",Announcement District 1,PRIMARY",
        "7638,สำนักงานเขตพื้นที่การศึกษาประถมศึกษาประกาศ เขต 2,Announcement District 2,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        SCHOOL_1
            + ",97637001,"
            + SCHOOL_1_NAME
            + ",Ban Prakat School,"
            + DISTRICT
            + ",7637-C1,กลุ่มประกาศ,true,true",
        "7637010002,97637002,โรงเรียนบ้านสอง,Ban Song School,"
            + DISTRICT
            + ",7637-C1,กลุ่มประกาศ,false,true",
        "7638010001,97638001,โรงเรียนเขตสอง,District Two School,7638,7638-C1,กลุ่มสอง,false,true");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "m7637qa1,สมใจ,ประกาศดี,m7637qa1@qaflow.example,SCHOOL_QA,," + SCHOOL_1 + ",,demo",
        "m7637dir1,Somchai,Prakat,m7637dir1@qaflow.example,SCHOOL_DIRECTOR,," + SCHOOL_1 + ",,demo",
        "m7637board1,บุญมี,ประกาศ,m7637board1@qaflow.example,SCHOOL_BOARD,," + SCHOOL_1 + ",,demo",
        "m7637qa2,สมศรี,ไม่รับ,m7637qa2@qaflow.example,SCHOOL_QA,,7637010002,,demo",
        "m7637off,ปรียา,ประกาศ,m7637off@qaflow.example,DISTRICT_QA_OFFICER," + DISTRICT + ",,,demo",
        "m7638qa1,สมหมาย,เขตสอง,m7638qa1@qaflow.example,SCHOOL_QA,,7638010001,,demo");
  }
}
