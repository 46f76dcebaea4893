package th.qaflow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.calendar.PersonalEvents;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;
import th.qaflow.training.Trainings.Status;

/**
 * Training events through the real web layer: a plan with bad input is shown again with Thai
 * messages and nothing is saved; only the district's supervisors and QA officer plan; the
 * supervision director approves and the invited QA teacher reads the invitation GreenMail received;
 * a school's people see only the events that target their school and role and only their own
 * school's registrations (another cluster's school, a role not targeted and another district get
 * 403); registration, the personal calendar feed, attendance, the evaluation (bad ratings refused
 * in Thai, nothing saved) and the XLSX read with POI. District 1099; 7297 is the other one.
 */
@ProcessTest
class TrainingWebTest {
  static final String OTHER = "7297";

  @Autowired MockMvc mvc;
  @Autowired OrganisationImport organisation;
  @Autowired Trainings trainings;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail mail;
  @Autowired OutboxSender sender;
  @Autowired List<PersonalEvents> personal;

  @BeforeEach
  void otherDistrict() {
    EngineTestClock.at(2026, 12, 4, 10, 0);
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        OTHER + ",สพป.ทดสอบการอบรม เขต 1,Training test 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "trofficer"
            + OTHER
            + ",อรุณี,ต่างเขต,trofficer"
            + OTHER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + OTHER
            + ",,,demo");
  }

  private long events() {
    return jdbc.sql("select count(*) from training_event").query(Long.class).single();
  }

  private static String body(MvcResult r) throws Exception {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private int code(MockHttpSession s, String url) throws Exception {
    return mvc.perform(get(url).session(s)).andReturn().getResponse().getStatus();
  }

  private static MockHttpServletRequestBuilder plan(String title) {
    return post("/training")
        .with(csrf())
        .param("title", title)
        .param("topic", "การกำหนดมาตรฐานและค่าเป้าหมายของสถานศึกษา")
        .param("date", "2026-12-16")
        .param("startTime", "09:00")
        .param("endTime", "16:00")
        .param("place", "ห้องประชุมเขต")
        .param("onlineLink", "")
        .param("targetKind", "CLUSTERS")
        .param("clusters", "1099-C1")
        .param("roles", "SCHOOL_QA", "SCHOOL_DIRECTOR")
        .param("capacity", "40")
        .param("deadline", "2026-12-10");
  }

  @Test
  void badPlansAreShownAgainInThaiAndNothingIsSavedAndOnlyTheDistrictPlans() throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    long before = events();
    String page =
        body(
            mvc.perform(
                    post("/training")
                        .session(officer)
                        .with(csrf())
                        .param("title", "  ")
                        .param("topic", "หัวข้อ")
                        .param("date", "2026-12-01")
                        .param("startTime", "15:00")
                        .param("endTime", "09:00")
                        .param("place", "")
                        .param("onlineLink", "http://meet")
                        .param("targetKind", "SCHOOLS")
                        .param("schools", "7297010001")
                        .param("roles", "SUPERVISOR")
                        .param("capacity", "ห้าสิบ")
                        .param("deadline", "2026-12-20"))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(page)
        .contains("โปรดแก้ไขข้อมูลที่ยังไม่ถูกต้อง")
        .contains("โปรดกรอกข้อมูลนี้")
        .contains("วันที่จัดต้องเป็นวันหลังจากวันนี้")
        .contains("เวลาสิ้นสุดต้องหลังเวลาเริ่ม")
        .contains("ลิงก์ออนไลน์ต้องขึ้นต้นด้วย https://")
        .contains("โปรดเลือกสถานศึกษาของเขตพื้นที่อย่างน้อยหนึ่งแห่ง")
        .contains("โปรดเลือกตำแหน่งเป้าหมายอย่างน้อยหนึ่งตำแหน่ง")
        .contains("จำนวนที่รับต้องเป็นตัวเลข 1 ถึง 2,000");
    assertThat(events()).as("nothing saved").isEqualTo(before);
    // a control character is refused before the form is read
    mvc.perform(plan("อบรม\u0000").session(officer)).andExpect(status().is4xxClientError());
    assertThat(events()).isEqualTo(before);
    for (String user : List.of("qa1", "director1", "supdirector", "districtdirector", "obec")) {
      mvc.perform(plan("อบรมทดสอบสิทธิ์").session(WebSessions.login(mvc, user)))
          .andExpect(status().isForbidden());
    }
    assertThat(events()).isEqualTo(before);
  }

  @Test
  void invitedSchoolsSeeRegisterAndEvaluateOthersAreRefused() throws Exception {
    String title = "อบรมการกำหนดค่าเป้าหมาย (ทดสอบเว็บ)";
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    String location =
        mvc.perform(plan(title).session(officer))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(trainings.event(id).orElseThrow().status()).isEqualTo(Status.APPROVAL);

    // before approval no school sees it
    MockHttpSession qa1 = WebSessions.login(mvc, "qa1");
    assertThat(code(qa1, "/training/" + id)).isEqualTo(403);
    // only the supervision director decides; a return needs a comment
    mvc.perform(
            post("/training/" + id + "/decision")
                .session(officer)
                .with(csrf())
                .param("decision", "yes"))
        .andExpect(status().isForbidden());
    MockHttpSession director = WebSessions.login(mvc, "supdirector");
    assertThat(
            body(
                mvc.perform(
                        post("/training/" + id + "/decision")
                            .session(director)
                            .with(csrf())
                            .param("decision", "no")
                            .param("comment", " "))
                    .andExpect(status().isOk())
                    .andReturn()))
        .contains("โปรดกรอกข้อมูลนี้");
    assertThat(trainings.event(id).orElseThrow().status()).isEqualTo(Status.APPROVAL);
    mvc.perform(
            post("/training/" + id + "/decision")
                .session(director)
                .with(csrf())
                .param("decision", "yes"))
        .andExpect(status().is3xxRedirection());
    assertThat(trainings.event(id).orElseThrow().status()).isEqualTo(Status.REGISTRATION);

    // the invitation in GreenMail
    sender.drain();
    List<MimeMessage> invitations =
        Mails.ofKind(Mails.addressedTo(mail, "qa1@qaflow.example"), "TRAINING_INVITATION");
    assertThat(invitations).isNotEmpty();
    MimeMessage invitation = invitations.get(invitations.size() - 1);
    assertThat(Mails.subject(invitation)).contains("ขอเชิญเข้าร่วมอบรม").contains(title);
    assertThat(Mails.plainText(invitation))
        .contains("การกำหนดมาตรฐานและค่าเป้าหมายของสถานศึกษา")
        .contains("/training/" + id);
    assertThat(Mails.ofKind(Mails.addressedTo(mail, "qa5@qaflow.example"), "TRAINING_INVITATION"))
        .noneMatch(m -> Mails.subject(m).contains(title));

    // scope: cluster 1's QA teacher sees it; cluster 2, a board member, another district do not
    assertThat(body(mvc.perform(get("/training").session(qa1)).andReturn())).contains(title);
    MockHttpSession qa5 = WebSessions.login(mvc, "qa5");
    assertThat(body(mvc.perform(get("/training").session(qa5)).andReturn())).doesNotContain(title);
    assertThat(code(qa5, "/training/" + id)).isEqualTo(403);
    assertThat(code(WebSessions.login(mvc, "board1"), "/training/" + id)).isEqualTo(403);
    MockHttpSession other = WebSessions.login(mvc, "trofficer" + OTHER);
    assertThat(code(other, "/training/" + id)).isEqualTo(403);
    assertThat(code(other, "/training?district=1099")).isEqualTo(403);
    assertThat(code(other, "/training/" + id + "/attendance.xlsx")).isEqualTo(403);
    mvc.perform(post("/training/" + id + "/register").session(qa5).with(csrf()))
        .andExpect(status().isForbidden());

    // registration; a school sees only its own people
    mvc.perform(post("/training/" + id + "/register").session(qa1).with(csrf()))
        .andExpect(status().is3xxRedirection());
    MockHttpSession director2 = WebSessions.login(mvc, "director2");
    mvc.perform(post("/training/" + id + "/register").session(director2).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(trainings.registrations(id)).hasSize(2);
    String qa1Page = body(mvc.perform(get("/training/" + id).session(qa1)).andReturn());
    assertThat(qa1Page).contains("นภัสสร").doesNotContain("โรงเรียนบ้านท่าน้ำ");
    assertThat(body(mvc.perform(get("/training/" + id).session(officer)).andReturn()))
        .contains("โรงเรียนบ้านท่าน้ำ");
    assertThat(code(qa1, "/training/" + id + "/attendance.xlsx")).isEqualTo(403);
    // a school user cannot organise
    mvc.perform(post("/training/" + id + "/close-registration").session(qa1).with(csrf()))
        .andExpect(status().isForbidden());

    // the registered event is in qa1's personal calendar feed
    assertThat(
            personal.stream()
                .flatMap(
                    p ->
                        p
                            .of(
                                "qa1",
                                LocalDate.of(2026, 12, 1),
                                LocalDate.of(2026, 12, 31),
                                Locale.forLanguageTag("th"))
                            .stream())
                .toList())
        .anySatisfy(e -> assertThat(e.uid()).isEqualTo("training-" + id));

    // the day: attendance, then the evaluation
    trainings.closeRegistration(id, "qaofficer");
    EngineTestClock.at(2026, 12, 16, 16, 0);
    mvc.perform(
            post("/training/" + id + "/attendance")
                .session(officer)
                .with(csrf())
                .param("attended", String.valueOf(trainings.registration(id, "qa1").get().id()))
                .param("finish", "yes"))
        .andExpect(status().is3xxRedirection());
    assertThat(trainings.event(id).orElseThrow().status()).isEqualTo(Status.EVALUATION);
    mvc.perform(
            post("/training/" + id + "/evaluation")
                .session(director2)
                .with(csrf())
                .param("content", "5"))
        .andExpect(status().isForbidden());
    String bad =
        body(
            mvc.perform(
                    post("/training/" + id + "/evaluation")
                        .session(qa1)
                        .with(csrf())
                        .param("content", "6")
                        .param("speaker", "4")
                        .param("usefulness", "")
                        .param("organisation", "3"))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(bad).contains("โปรดให้คะแนน 1 ถึง 5");
    assertThat(trainings.evaluations(id)).as("nothing saved").isEmpty();
    mvc.perform(
            post("/training/" + id + "/evaluation")
                .session(qa1)
                .with(csrf())
                .param("content", "5")
                .param("speaker", "4")
                .param("usefulness", "5")
                .param("organisation", "4")
                .param("comment", "ได้แนวทางกำหนดค่าเป้าหมาย"))
        .andExpect(status().is3xxRedirection());
    assertThat(trainings.evaluations(id)).hasSize(1);

    // the XLSX: people, by school, evaluation
    byte[] xlsx =
        mvc.perform(get("/training/" + id + "/attendance.xlsx").session(officer))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<String> sheets = new ArrayList<>();
      book.forEach(s -> sheets.add(s.getSheetName()));
      assertThat(sheets).containsExactly("ผู้ลงทะเบียน", "ตามสถานศึกษา", "ผลการประเมิน");
      XSSFSheet people = book.getSheet("ผู้ลงทะเบียน");
      assertThat(people.getLastRowNum()).isEqualTo(2);
      XSSFSheet bySchool = book.getSheet("ตามสถานศึกษา");
      assertThat(bySchool.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1099010001");
      assertThat(bySchool.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(1.0);
      XSSFSheet evaluation = book.getSheet("ผลการประเมิน");
      assertThat(evaluation.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(5.0);
      assertThat(evaluation.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(4.5);
    }
    // the school's training history on its monitoring page
    assertThat(
            body(mvc.perform(get("/monitoring/schools/1099010001").session(officer)).andReturn()))
        .contains("ประวัติการเข้าอบรมของสถานศึกษา")
        .contains(title);
  }
}
