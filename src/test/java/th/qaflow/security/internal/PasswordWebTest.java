package th.qaflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TestOrganisation;
import th.qaflow.support.WebSessions;

/**
 * A person sets their own password: through the link mailed to their account's address (asked for
 * by user id or address; the page says the same for an unknown account; bad passwords are refused
 * in Thai and change nothing; the link works once and for an hour, and ends a sign-in lock), and
 * signed in, with the current password (a wrong one counts as a wrong sign-in; no one changes
 * another's password).
 */
@ProcessTest
class PasswordWebTest {
  static final String FIRST = "first-pass-1";
  static final Pattern LINK = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");

  @Autowired MockMvc mvc;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail mail;
  @Autowired OutboxSender sender;
  @Autowired IdentityService identity;

  @BeforeEach
  void people() {
    EngineTestClock.at(2026, 12, 5, 9, 0);
    // the file's first passwords are only for new accounts: each test's people are its own
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "pwreset1,รัตนา,ลืมรหัส,PwReset1@qaflow.example,SCHOOL_QA,1099,1099010001,," + FIRST,
        "pwchange1,สมศรี,เปลี่ยนรหัส,pwchange1@qaflow.example,SCHOOL_QA,1099,1099010001,," + FIRST,
        "pwchange2,สมหมาย,เปลี่ยนรหัส,pwchange2@qaflow.example,SCHOOL_QA,1099,1099010001,,"
            + FIRST);
    // an account made in Camunda Admin without an address
    if (identity.createUserQuery().userId("pwnomail1").count() == 0) {
      User user = identity.newUser("pwnomail1");
      user.setPassword(FIRST);
      identity.saveUser(user);
    }
  }

  @Test
  void aLinkMailedToTheAccountSetsANewPasswordOnceWithinAnHour() throws Exception {
    assertThat(page(get("/login"))).contains("href=\"/password/forgot\"");
    assertThat(page(get("/password/forgot"))).contains("ชื่อผู้ใช้หรืออีเมล");
    assertThat(page(forgot(""))).contains("โปรดกรอกชื่อผู้ใช้หรืออีเมล");

    // an unknown account and one without an address: the same answer, no link
    String sent = "ถ้ามีบัญชีนี้และบัญชีมีอีเมล ระบบได้ส่งลิงก์";
    assertThat(page(forgot("nobody-at-all"))).contains(sent);
    assertThat(page(forgot("pwnomail1"))).contains(sent);
    assertThat(links("nobody-at-all") + links("pwnomail1")).isZero();

    // by address, typed in capitals as the file had it; asked twice, mailed once
    assertThat(page(forgot("PWRESET1@QAFLOW.EXAMPLE"))).contains(sent);
    assertThat(page(forgot("pwreset1"))).contains(sent);
    sender.drain();
    List<MimeMessage> mails =
        Mails.ofKind(Mails.addressedTo(mail, "PwReset1@qaflow.example"), "PASSWORD_RESET");
    assertThat(mails).hasSize(1);
    MimeMessage letter = mails.get(0);
    assertThat(Mails.subject(letter)).contains("ตั้งรหัสผ่านใหม่").contains("pwreset1");
    String text = Mails.plainText(letter);
    assertThat(text)
        .contains("ชื่อผู้ใช้: pwreset1")
        .contains("ลิงก์ใช้ได้ครั้งเดียว ถึง 5 ธ.ค. 2569 10:00 น.")
        .contains("ถ้าท่านไม่ได้ขอ ไม่ต้องทำอะไร");
    String token = token(text);
    // only the token's SHA-256 is stored
    assertThat(
            jdbc.sql("select token_hash from password_reset where user_id = 'pwreset1'")
                .query(String.class)
                .list())
        .containsExactly(Passwords.hash(token))
        .doesNotContain(token);

    // the account is locked by wrong guesses meanwhile
    for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
      mvc.perform(formLogin("/login").user("pwreset1").password("guess-" + i));
    }
    assertThat(signsIn("pwreset1", FIRST)).as("locked").isFalse();

    assertThat(page(get("/password/reset").param("token", token)))
        .contains("ตั้งรหัสผ่านใหม่ของบัญชี pwreset1");
    // refused in Thai, nothing changed, the link still works
    assertThat(page(reset(token, "short", "short"))).contains("รหัสผ่านสั้นเกินไป");
    assertThat(page(reset(token, "pwreset1", "pwreset1"))).contains("รหัสผ่านต้องไม่ใช่ชื่อผู้ใช้");
    assertThat(page(reset(token, "ครูรัตนา2569", "ครูรัตนา2568")))
        .contains("รหัสผ่านที่กรอกสองครั้งไม่ตรงกัน")
        .doesNotContain("ครูรัตนา2569");
    assertThat(page(reset("not-a-token", "ครูรัตนา2569", "ครูรัตนา2569")))
        .contains("ลิงก์นี้ใช้ไม่ได้แล้ว");

    mvc.perform(reset(token, "ครูรัตนา2569", "ครูรัตนา2569")).andExpect(redirectedUrl("/login"));
    assertThat(signsIn("pwreset1", "ครูรัตนา2569")).as("new password, lock ended").isTrue();
    assertThat(signsIn("pwreset1", FIRST)).as("old password").isFalse();
    // spent
    assertThat(page(get("/password/reset").param("token", token)))
        .contains("ลิงก์นี้ใช้ไม่ได้แล้ว");
    assertThat(page(reset(token, "อีกรหัสหนึ่ง99", "อีกรหัสหนึ่ง99")))
        .contains("ลิงก์นี้ใช้ไม่ได้แล้ว");
    assertThat(signsIn("pwreset1", "ครูรัตนา2569")).isTrue();

    // a new link, unused for over an hour, has expired
    EngineTestClock.plus(Passwords.RESEND_AFTER.plusMinutes(1));
    page(forgot("pwreset1"));
    sender.drain();
    mails = Mails.ofKind(Mails.addressedTo(mail, "PwReset1@qaflow.example"), "PASSWORD_RESET");
    assertThat(mails).hasSize(2);
    String late = token(Mails.plainText(mails.get(1)));
    EngineTestClock.plus(Duration.ofMinutes(61));
    assertThat(page(get("/password/reset").param("token", late))).contains("ลิงก์นี้ใช้ไม่ได้แล้ว");
    assertThat(page(reset(late, "หมดเวลาแล้ว99", "หมดเวลาแล้ว99")))
        .contains("ลิงก์นี้ใช้ไม่ได้แล้ว");
    assertThat(signsIn("pwreset1", "ครูรัตนา2569")).isTrue();
  }

  @Test
  void aSignedInPersonChangesTheirOwnPasswordWithTheCurrentOne() throws Exception {
    mvc.perform(get("/me/password")).andExpect(status().is3xxRedirection());
    MockHttpSession own = WebSessions.login(mvc, "pwchange1", FIRST);
    assertThat(page(get("/tasks").session(own))).contains("href=\"/me/password\"");
    assertThat(page(get("/me/password").session(own))).contains("รหัสผ่านปัจจุบัน");
    mvc.perform(
            post("/me/password")
                .session(own)
                .param("current", FIRST)
                .param("password", "ใหม่เอี่ยม2569")
                .param("repeat", "ใหม่เอี่ยม2569"))
        .andExpect(status().isForbidden());

    assertThat(page(change(own, "wrong-one", "ใหม่เอี่ยม2569", "ใหม่เอี่ยม2569")))
        .contains("รหัสผ่านปัจจุบันไม่ถูกต้อง");
    assertThat(page(change(own, FIRST, FIRST, FIRST)))
        .contains("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านปัจจุบัน");
    assertThat(page(change(own, FIRST, "1234567", "1234567"))).contains("รหัสผ่านสั้นเกินไป");
    assertThat(signsIn("pwchange1", FIRST)).isTrue();

    // a user id sent with the form changes nothing of that account
    mvc.perform(change(own, FIRST, "ใหม่เอี่ยม2569", "ใหม่เอี่ยม2569").param("userId", "pwchange2"))
        .andExpect(redirectedUrl("/me/password"));
    assertThat(signsIn("pwchange1", "ใหม่เอี่ยม2569")).isTrue();
    assertThat(signsIn("pwchange1", FIRST)).isFalse();
    assertThat(signsIn("pwchange2", FIRST)).isTrue();

    // guessing the current password from an open session ends in the sign-in lock
    MockHttpSession other = WebSessions.login(mvc, "pwchange2", FIRST);
    for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
      mvc.perform(change(other, "guess-" + i, "ใหม่อีกแล้ว2569", "ใหม่อีกแล้ว2569"));
    }
    assertThat(page(change(other, FIRST, "ใหม่อีกแล้ว2569", "ใหม่อีกแล้ว2569")))
        .contains("ใส่รหัสผ่านผิดหลายครั้ง");
    EngineTestClock.plus(Duration.ofMinutes(20));
    assertThat(signsIn("pwchange2", FIRST)).as("the lock ends by itself").isTrue();
  }

  private MockHttpServletRequestBuilder forgot(String login) {
    return post("/password/forgot").with(csrf()).param("login", login);
  }

  private static MockHttpServletRequestBuilder reset(String token, String pw, String repeat) {
    return post("/password/reset")
        .with(csrf())
        .param("token", token)
        .param("password", pw)
        .param("repeat", repeat);
  }

  private static MockHttpServletRequestBuilder change(
      MockHttpSession s, String current, String pw, String repeat) {
    return post("/me/password")
        .session(s)
        .with(csrf())
        .param("current", current)
        .param("password", pw)
        .param("repeat", repeat);
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult r = mvc.perform(request).andReturn();
    assertThat(r.getResponse().getStatus()).as(r.getRequest().getRequestURI()).isEqualTo(200);
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private long links(String userId) {
    return jdbc.sql("select count(*) from password_reset where user_id = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  private boolean signsIn(String userId, String password) throws Exception {
    String to =
        mvc.perform(formLogin("/login").user(userId).password(password))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return to != null && !to.contains("error");
  }

  private static String token(String text) {
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).as("a link in: " + text).isTrue();
    return m.group(1);
  }
}
