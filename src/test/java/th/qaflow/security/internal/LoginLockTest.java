package th.qaflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import th.qaflow.QaFlowTest;
import th.qaflow.support.EngineTestClock;

/**
 * The login lock: time-limited and growing per user id, by client address across user ids, shown on
 * the login page with its end (Buddhist Era in Thai), logged for operators, never permanent. Time
 * is the engine clock, moved by the test.
 */
@QaFlowTest
@ExtendWith(EngineTestClock.class)
@ExtendWith(OutputCaptureExtension.class)
class LoginLockTest {
  static final AtomicInteger NEXT = new AtomicInteger();
  static final String PASSWORD = "Right-Pass-7";

  /** 10:00 Bangkok on 3 Dec 2026 (2569 BE). */
  static final Instant START = Instant.parse("2026-12-03T03:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;

  String user;
  String address;

  @BeforeEach
  void setUp() {
    int n = NEXT.incrementAndGet();
    user = "locktest" + n + System.nanoTime() % 100_000;
    address = "10.77." + n + "." + (System.nanoTime() % 200 + 1);
    User u = identity.newUser(user);
    u.setFirstName("Lock");
    u.setLastName("Test");
    u.setPassword(PASSWORD);
    identity.saveUser(u);
    EngineTestClock.at(Date.from(START));
  }

  @Test
  void fiveWrongPasswordsLockTheUserForAMinuteWithTheTimeOnTheLoginPage(CapturedOutput output)
      throws Exception {
    for (int i = 0; i < 4; i++) {
      MvcResult wrong = login(user, "wrong-" + i, address);
      assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
      assertThat(page(wrong, "th"))
          .contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
          .doesNotContain("ถูกล็อก");
    }
    MvcResult fifth = login(user, "wrong-5", address);
    assertThat(fifth.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    String thai = page(fifth, "th");
    assertThat(thai)
        .contains("บัญชีนี้ถูกล็อกชั่วคราว", "ลองใหม่ได้หลังเวลา 3 ธ.ค. 2569 10:01 น.")
        .doesNotContain("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    assertThat(page(fifth, "en"))
        .contains("this account is locked for a while", "Try again after 3 Dec 2026 10:01");
    assertThat(output.getOut())
        .contains("user=" + user + " address=" + address)
        .doesNotContain("wrong-5")
        .doesNotContain(PASSWORD);

    // the right password during the lock is refused without being checked
    EngineTestClock.at(Date.from(START.plusSeconds(59)));
    assertThat(page(login(user, PASSWORD, address), "th")).contains("บัญชีนี้ถูกล็อกชั่วคราว");
    // ... also from another address: the lock is the user's
    assertThat(login(user, PASSWORD, "10.78.0.1").getResponse().getRedirectedUrl())
        .isEqualTo("/login?error");

    // after the minute the right password works, and starts the user afresh
    EngineTestClock.at(Date.from(START.plusSeconds(61)));
    assertThat(login(user, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/tasks");
    for (int i = 0; i < 4; i++) {
      assertThat(page(login(user, "again-" + i, address), "th"))
          .contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
    }
    assertThat(login(user, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/tasks");
  }

  @Test
  void eachFurtherFailureDoublesTheLockUpToFifteenMinutesNeverForGood() throws Exception {
    for (int i = 0; i < 5; i++) {
      login(user, "wrong", address);
    }
    Instant now = START;
    Duration expected = Duration.ofMinutes(1);
    for (int lock = 0; lock < 8; lock++) {
      LoginThrottle.Lock current = throttle.lockOf(user, address);
      assertThat(current.scope()).isEqualTo(LoginThrottle.Scope.USER);
      assertThat(Duration.between(now, current.until())).isEqualTo(expected);
      // a wrong password during the lock does not lengthen it
      login(user, "wrong", address);
      assertThat(throttle.lockOf(user, address).until()).isEqualTo(current.until());
      now = current.until().plusSeconds(1);
      EngineTestClock.at(Date.from(now));
      assertThat(throttle.lockOf(user, address)).isNull();
      login(user, "wrong", address); // one more failure after the lock: the next, longer lock
      expected =
          expected.multipliedBy(2).compareTo(Duration.ofMinutes(15)) > 0
              ? Duration.ofMinutes(15)
              : expected.multipliedBy(2);
    }
    // at the cap, the lock still ends and the right password then works
    LoginThrottle.Lock last = throttle.lockOf(user, address);
    assertThat(Duration.between(now, last.until())).isEqualTo(Duration.ofMinutes(15));
    EngineTestClock.at(Date.from(last.until().plusSeconds(1)));
    assertThat(login(user, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/tasks");
  }

  @Test
  void manyFailuresFromOneAddressAcrossUsersLockThatAddressOnly(CapturedOutput output)
      throws Exception {
    // 20 wrong passwords spread over 10 user ids (2 each: no user is locked)
    for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
      login("spray" + address + "-" + (i % 10), "guess-" + i, address);
    }
    MvcResult refused = login(user, PASSWORD, address);
    assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    assertThat(page(refused, "th"))
        .contains("การเข้าสู่ระบบจากเครือข่ายนี้ถูกระงับชั่วคราว", "3 ธ.ค. 2569 10:01 น.");
    assertThat(page(refused, "en")).contains("Too many wrong passwords from this network");
    assertThat(output.getOut()).contains("address=" + address);

    // the same user from another address is not affected
    assertThat(login(user, PASSWORD, "10.79.0.1").getResponse().getRedirectedUrl())
        .isEqualTo("/tasks");
    // and the address gets its turn again after the lock
    EngineTestClock.at(Date.from(START.plusSeconds(61)));
    assertThat(login(user, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/tasks");
  }

  @Test
  void aWrongPasswordDoesNotMakeTheNextRightOneFail() throws Exception {
    assertThat(login(user, "wrong", address).getResponse().getRedirectedUrl())
        .isEqualTo("/login?error");
    assertThat(login(user, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/tasks");
    // many failures over time (the engine locked for good after 10) never lock for good
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 5; i++) {
        login(user, "wrong", address);
      }
      EngineTestClock.at(Date.from(EngineTestClock.now().toInstant().plus(Duration.ofMinutes(16))));
    }
    // the engine's own lock is off: twelve wrong checks, then the right one works at once
    for (int i = 0; i < 12; i++) {
      assertThat(identity.checkPassword(user, "wrong")).isFalse();
    }
    assertThat(identity.checkPassword(user, PASSWORD)).isTrue();
    assertThat(login(user, PASSWORD, address).getResponse().getRedirectedUrl()).isEqualTo("/tasks");
  }

  private MvcResult login(String userId, String password, String from) throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", userId)
                .param("password", password)
                .with(csrf())
                .with(
                    r -> {
                      r.setRemoteAddr(from);
                      return r;
                    }))
        .andReturn();
  }

  /** The login page the browser is sent to after the attempt, in a language. */
  private String page(MvcResult attempt, String lang) throws Exception {
    MockHttpSession session = (MockHttpSession) attempt.getRequest().getSession(false);
    return mvc.perform(get("/login").param("error", "").param("lang", lang).session(session))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void theLoginPageRoundsTheLockUpToTheMinute() {
    assertThat(LoginController.upToTheMinute(Instant.parse("2026-12-03T03:01:00Z")))
        .isEqualTo(Instant.parse("2026-12-03T03:01:00Z"));
    assertThat(LoginController.upToTheMinute(Instant.parse("2026-12-03T03:01:00.001Z")))
        .isEqualTo(Instant.parse("2026-12-03T03:02:00Z"));
    assertThat(LoginController.upToTheMinute(Instant.parse("2026-12-03T03:01:59Z")))
        .isEqualTo(Instant.parse("2026-12-03T03:02:00Z"));
  }
}
