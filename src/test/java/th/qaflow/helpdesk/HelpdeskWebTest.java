package th.qaflow.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import th.qaflow.helpdesk.Helpdesk.Status;
import th.qaflow.helpdesk.Helpdesk.Topic;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.Mails;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.Refusals;
import th.qaflow.support.TaskPages;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * The help desk through the real web layer: a school's QA teacher asks (bad input shown again with
 * Thai messages, nothing saved; another school named refused), the thread is read only by the
 * school, its cluster's supervisors and the district's staff (not another school of the district,
 * not the other cluster's supervisor, not another district), the supervisor answers and the asker
 * reads the answer in the mail GreenMail received, replies, and the answer becomes a district FAQ
 * entry every school of the district finds with the search. District 1099; 7298 is the other one.
 */
@ProcessTest
class HelpdeskWebTest {
  static final String OTHER = "7298";

  @Autowired MockMvc mvc;
  @Autowired OrganisationImport organisation;
  @Autowired Helpdesk helpdesk;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail mail;
  @Autowired OutboxSender sender;

  @BeforeEach
  void otherDistrict() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบถามตอบ เขต 1,Help desk test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "hdofficer"
            + OTHER
            + ",อรุณี,ต่างเขต,hdofficer"
            + OTHER
            + "@qaflow.example,"
            + "DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo",
        "hdsup"
            + OTHER
            + ",สมชาย,ต่างเขต,hdsup"
            + OTHER
            + "@qaflow.example,"
            + "SUPERVISION_DIRECTOR,"
            + OTHER
            + ",,,demo");
  }

  private long questions() {
    return jdbc.sql("select count(*) from helpdesk_question").query(Long.class).single();
  }

  private static String body(MvcResult r) throws Exception {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private int code(MockHttpSession s, String url) throws Exception {
    return mvc.perform(get(url).session(s)).andReturn().getResponse().getStatus();
  }

  @Test
  void badQuestionsAreShownAgainInThaiAndNothingIsSaved() throws Exception {
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    long before = questions();
    String page =
        body(
            mvc.perform(
                    post("/helpdesk/questions")
                        .session(qa)
                        .with(csrf())
                        .param("school", "1099010002")
                        .param("topic", "WEATHER")
                        .param("title", "   ")
                        .param("body", "ก".repeat(4001)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page)
        .contains("โปรดแก้ไขข้อมูลที่ยังไม่ถูกต้อง")
        .contains("โปรดเลือกหมวดคำถาม")
        .contains("โปรดกรอกข้อมูลนี้")
        .contains("ข้อความยาวเกิน 4,000 ตัวอักษร");
    assertThat(questions()).as("nothing saved").isEqualTo(before);
    // a control character is refused before the form is read
    mvc.perform(
            post("/helpdesk/questions")
                .session(qa)
                .with(csrf())
                .param("topic", "SAR")
                .param("title", "หัวข้อ")
                .param("body", "อยากทราบว่า\u0000"))
        .andExpect(status().is4xxClientError());
    assertThat(questions()).isEqualTo(before);
    // a question is always for the asker's own school
    mvc.perform(
            post("/helpdesk/questions")
                .session(qa)
                .with(csrf())
                .param("school", "1099010003")
                .param("topic", "SAR")
                .param("title", "หัวข้อ")
                .param("body", "คำถาม"))
        .andExpect(status().isForbidden());
    // only a school's QA teachers and director ask
    for (String user : List.of("board2", "supervisor1", "qaofficer")) {
      mvc.perform(
              post("/helpdesk/questions")
                  .session(WebSessions.login(mvc, user))
                  .with(csrf())
                  .param("topic", "SAR")
                  .param("title", "หัวข้อ")
                  .param("body", "คำถาม"))
          .andExpect(status().isForbidden());
    }
    assertThat(questions()).isEqualTo(before);
  }

  @Test
  void askedAnsweredInTheThreadMailedAndMadeAnFaqEachSeesOnlyWhatTheyMay() throws Exception {
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    String location =
        mvc.perform(
                post("/helpdesk/questions")
                    .session(qa)
                    .with(csrf())
                    .param("school", "1099010002")
                    .param("topic", "STANDARDS")
                    .param("title", "ค่าเป้าหมายมาตรฐานปฐมวัยตั้งอย่างไร")
                    // a textarea: two lines are kept as they were typed
                    .param("body", "ควรใช้ผลปีก่อน\r\nหรือค่าเฉลี่ยของเขต"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/helpdesk/questions/");
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(helpdesk.question(id).orElseThrow().body())
        .isEqualTo("ควรใช้ผลปีก่อน\r\nหรือค่าเฉลี่ยของเขต");

    // who reads the thread
    for (String user : List.of("qa2", "director2", "supervisor1", "qaofficer", "supdirector")) {
      assertThat(code(WebSessions.login(mvc, user), location)).as(user).isEqualTo(200);
    }
    for (String user : List.of("qa3", "qa5", "supervisor2", "hdofficer" + OTHER)) {
      assertThat(code(WebSessions.login(mvc, user), location)).as(user).isEqualTo(403);
    }
    assertThat(code(qa, "/helpdesk/questions/987654321")).isEqualTo(404);
    // the lists: the other school of the cluster and the other cluster's supervisor do not see it
    for (String user : List.of("qa3", "supervisor2", "hdofficer" + OTHER)) {
      assertThat(
              body(mvc.perform(get("/helpdesk").session(WebSessions.login(mvc, user))).andReturn()))
          .as(user)
          .doesNotContain("ค่าเป้าหมายมาตรฐานปฐมวัยตั้งอย่างไร");
    }
    assertThat(body(mvc.perform(get("/helpdesk").session(qa)).andReturn()))
        .contains("ค่าเป้าหมายมาตรฐานปฐมวัยตั้งอย่างไร");

    // the other cluster's supervisor may not answer, nor the school; bad answers are shown again
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    Refusals.forbidden(
        mvc,
        List.of(WebSessions.login(mvc, "supervisor2"), qa, WebSessions.login(mvc, "qa3")),
        refused -> post(location + "/answer").session(refused).with(csrf()).param("text", "ตอบ"));
    assertThat(
            body(
                mvc.perform(
                        post(location + "/answer")
                            .session(supervisor)
                            .with(csrf())
                            .param("text", " "))
                    .andExpect(status().isOk())
                    .andReturn()))
        .contains("โปรดกรอกข้อมูลนี้");
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.OPEN);
    String answer = "ใช้ผลการประเมินปีก่อนเป็นฐาน แล้วตั้งเป้าให้สูงขึ้นตามบริบทของสถานศึกษา";
    mvc.perform(post(location + "/answer").session(supervisor).with(csrf()).param("text", answer))
        .andExpect(status().is3xxRedirection());
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.ANSWERED);
    assertThat(body(mvc.perform(get(location).session(qa)).andReturn()))
        .contains(answer)
        .contains("คำตอบแก้ปัญหาของท่านได้หรือไม่");

    // the asker reads the answer in their mailbox
    sender.drain();
    List<MimeMessage> mails =
        Mails.ofKind(Mails.addressedTo(mail, "qa2@qaflow.example"), "HELPDESK_ANSWER");
    assertThat(mails).isNotEmpty();
    MimeMessage m = mails.get(mails.size() - 1);
    assertThat(Mails.subject(m)).contains("ค่าเป้าหมายมาตรฐานปฐมวัยตั้งอย่างไร");
    assertThat(Mails.plainText(m)).contains(answer).contains(location);
    // and the supervisors were told the question arrived
    assertThat(
            Mails.ofKind(
                Mails.addressedTo(mail, "supervisor1@qaflow.example"), "HELPDESK_QUESTION"))
        .anySatisfy(q -> assertThat(Mails.subject(q)).contains("โรงเรียนบ้านท่าน้ำ"));

    // the reply: only the asker; "not solved" needs what is still unclear
    mvc.perform(
            post(location + "/reply")
                .session(WebSessions.login(mvc, "director2"))
                .with(csrf())
                .param("solved", "yes"))
        .andExpect(status().isForbidden());
    assertThat(
            body(
                mvc.perform(
                        post(location + "/reply").session(qa).with(csrf()).param("solved", "no"))
                    .andExpect(status().isOk())
                    .andReturn()))
        .contains("โปรดเขียนสิ่งที่ยังสงสัยเพื่อถามต่อ");
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.ANSWERED);
    mvc.perform(post(location + "/reply").session(qa).with(csrf()).param("solved", "yes"))
        .andExpect(status().is3xxRedirection());
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.CLOSED);

    // the FAQ: not by the school, the other cluster's supervisor or another district
    Refusals.forbidden(
        mvc,
        List.of(qa, WebSessions.login(mvc, "supervisor2"), WebSessions.login(mvc, "hdsup" + OTHER)),
        refused ->
            post(location + "/faq")
                .session(refused)
                .with(csrf())
                .param("title", "ค่าเป้าหมาย")
                .param("answer", answer));
    assertThat(
            body(
                mvc.perform(
                        post(location + "/faq")
                            .session(supervisor)
                            .with(csrf())
                            .param("title", "")
                            .param("answer", answer))
                    .andExpect(status().isOk())
                    .andReturn()))
        .contains("โปรดกรอกข้อมูลนี้");
    assertThat(helpdesk.faqOf(id)).isEmpty();
    mvc.perform(
            post(location + "/faq")
                .session(supervisor)
                .with(csrf())
                .param("title", "การตั้งค่าเป้าหมายมาตรฐานการศึกษาปฐมวัย")
                .param("answer", answer))
        .andExpect(status().is3xxRedirection());
    assertThat(helpdesk.faqOf(id)).isPresent();

    // every school of the district reads and searches it; another district does not
    MockHttpSession qa5 = WebSessions.login(mvc, "qa5");
    assertThat(
            body(
                mvc.perform(get("/helpdesk/faq").session(qa5).param("q", "ค่าเป้าหมาย"))
                    .andExpect(status().isOk())
                    .andReturn()))
        .contains("การตั้งค่าเป้าหมายมาตรฐานการศึกษาปฐมวัย")
        .doesNotContain("โรงเรียนบ้านท่าน้ำ");
    assertThat(
            body(
                mvc.perform(get("/helpdesk/faq").session(qa5).param("q", "ไม่มีคำนี้"))
                    .andReturn()))
        .doesNotContain("การตั้งค่าเป้าหมายมาตรฐานการศึกษาปฐมวัย")
        .contains("ไม่พบคำถามที่ตรงกับคำค้น");
    MockHttpSession foreign = WebSessions.login(mvc, "hdofficer" + OTHER);
    assertThat(body(mvc.perform(get("/helpdesk/faq").session(foreign)).andReturn()))
        .doesNotContain("การตั้งค่าเป้าหมายมาตรฐานการศึกษาปฐมวัย");
    assertThat(code(foreign, "/helpdesk/faq?district=1099")).isEqualTo(403);
    assertThat(code(qa5, "/helpdesk/faq?district=" + OTHER)).isEqualTo(403);
  }

  @Test
  void theDistrictsStaffRewordAndRemoveFaqEntriesSchoolsAndOtherDistrictsMayNot() throws Exception {
    long question = helpdesk.ask("qa7", Topic.SAR, "ส่ง SAR ช้าได้ไหม", "รายละเอียด");
    long entry = helpdesk.toFaq(question, "qaofficer", "ส่ง SAR ช้า", "ติดต่อศึกษานิเทศก์");
    String edit = "/helpdesk/faq/" + entry;
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor2");

    // the school reads it but has no edit link and is refused; so is another district's staff
    MockHttpSession qa5 = WebSessions.login(mvc, "qa5");
    assertThat(body(mvc.perform(get("/helpdesk/faq").session(qa5)).andReturn()))
        .contains("ส่ง SAR ช้า")
        .doesNotContain("faq-edit-" + entry);
    for (MockHttpSession refused : List.of(qa5, WebSessions.login(mvc, "hdsup" + OTHER))) {
      assertThat(code(refused, edit + "/edit")).isEqualTo(403);
      mvc.perform(
              post(edit)
                  .session(refused)
                  .with(csrf())
                  .param("topic", "SAR")
                  .param("title", "แก้โดยผู้ไม่มีสิทธิ์")
                  .param("answer", "x"))
          .andExpect(status().isForbidden());
      mvc.perform(post(edit + "/remove").session(refused).with(csrf()).param("confirm", "yes"))
          .andExpect(status().isForbidden());
    }
    assertThat(code(officer, "/helpdesk/faq/999999/edit")).isEqualTo(404);

    // bad input: shown again in Thai, the entry as it was
    assertThat(
            body(
                mvc.perform(
                        post(edit)
                            .session(supervisor)
                            .with(csrf())
                            .param("topic", "NONE")
                            .param("title", " ")
                            .param("answer", "คำตอบใหม่"))
                    .andExpect(status().isOk())
                    .andReturn()))
        .contains("โปรดกรอกข้อมูลนี้")
        .contains("คำตอบใหม่");
    assertThat(helpdesk.faqEntry(entry).orElseThrow().title()).isEqualTo("ส่ง SAR ช้า");

    // the district's supervisor rewords it: the page says when
    mvc.perform(
            post(edit)
                .session(supervisor)
                .with(csrf())
                .param("topic", "SYSTEM")
                .param("title", "ส่งรายงาน SAR หลังกำหนด")
                .param("answer", "แจ้งศึกษานิเทศก์ประจำกลุ่มเครือข่ายก่อนวันครบกำหนด"))
        .andExpect(status().is3xxRedirection());
    Helpdesk.Faq saved = helpdesk.faqEntry(entry).orElseThrow();
    assertThat(saved.title()).isEqualTo("ส่งรายงาน SAR หลังกำหนด");
    assertThat(saved.topic()).isEqualTo(Topic.SYSTEM);
    assertThat(saved.updatedBy()).isEqualTo("supervisor2");
    assertThat(body(mvc.perform(get("/helpdesk/faq").session(officer)).andReturn()))
        .contains("ส่งรายงาน SAR หลังกำหนด")
        .contains("แก้ไขล่าสุด")
        .contains("faq-edit-" + entry);

    // removing wants the box ticked; then the entry goes and its question stays
    mvc.perform(post(edit + "/remove").session(officer).with(csrf())).andExpect(status().isOk());
    assertThat(helpdesk.faqEntry(entry)).isPresent();
    mvc.perform(post(edit + "/remove").session(officer).with(csrf()).param("confirm", "yes"))
        .andExpect(status().is3xxRedirection());
    assertThat(helpdesk.faqEntry(entry)).isEmpty();
    assertThat(helpdesk.question(question)).isPresent();
  }

  @Test
  void filesJoinTheThreadForWhoMaySeeItARefusedFileSavesNothing() throws Exception {
    MockHttpSession qa = WebSessions.login(mvc, "qa2");
    long before = questions();
    // a file that is not what its name says: the question and its typed text come back in Thai
    assertThat(
            body(
                mvc.perform(
                        multipart("/helpdesk/questions")
                            .file(
                                new MockMultipartFile(
                                    "file",
                                    "ภาพหน้าจอ.pdf",
                                    "application/pdf",
                                    "ไม่ใช่ PDF".getBytes(StandardCharsets.UTF_8)))
                            .session(qa)
                            .with(csrf())
                            .param("topic", "SYSTEM")
                            .param("title", "อัปโหลด SAR ไม่ได้")
                            .param("body", "กดส่งแล้วขึ้นข้อความผิดพลาด"))
                    .andExpect(status().isOk())
                    .andReturn()))
        .contains("ไฟล์แนบใช้ไม่ได้")
        .contains("กรุณาเลือกไฟล์อีกครั้ง")
        .contains("กดส่งแล้วขึ้นข้อความผิดพลาด");
    assertThat(questions()).isEqualTo(before);

    String location =
        mvc.perform(
                multipart("/helpdesk/questions")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "ภาพหน้าจอ.pdf",
                            "application/pdf",
                            TaskPages.pdf("screen of the SAR upload")))
                    .session(qa)
                    .with(csrf())
                    .param("topic", "SYSTEM")
                    .param("title", "อัปโหลด SAR ไม่ได้")
                    .param("body", "กดส่งแล้วขึ้นข้อความผิดพลาด"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(helpdesk.attachments(id))
        .extracting(Helpdesk.Attachment::filename)
        .containsExactly("ภาพหน้าจอ.pdf");
    String file = "/documents/" + helpdesk.attachments(id).get(0).versionId();

    // the cluster's supervisor reads it and answers with a file of their own
    MockHttpSession supervisor = WebSessions.login(mvc, "supervisor1");
    assertThat(body(mvc.perform(get(location).session(supervisor)).andReturn()))
        .contains("ภาพหน้าจอ.pdf")
        .contains(file);
    assertThat(code(supervisor, file)).isEqualTo(200);
    mvc.perform(
            multipart(location + "/answer")
                .file(
                    new MockMultipartFile(
                        "file", "คู่มือการส่ง SAR.pdf", "application/pdf", TaskPages.pdf("guide")))
                .session(supervisor)
                .with(csrf())
                .param("text", "ดูขั้นตอนในคู่มือที่แนบ"))
        .andExpect(status().is3xxRedirection());
    assertThat(helpdesk.attachments(id))
        .extracting(Helpdesk.Attachment::filename)
        .containsExactly("ภาพหน้าจอ.pdf", "คู่มือการส่ง SAR.pdf");
    assertThat(body(mvc.perform(get(location).session(qa)).andReturn()))
        .contains("คู่มือการส่ง SAR.pdf");

    // another school of the district and another district do not get the file
    for (String user : List.of("qa3", "hdofficer" + OTHER)) {
      assertThat(code(WebSessions.login(mvc, user), file)).as(user).isIn(403, 404);
    }
  }
}
