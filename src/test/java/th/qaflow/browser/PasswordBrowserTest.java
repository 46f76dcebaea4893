package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.support.BrowserSupport;
import th.qaflow.support.Mails;

/**
 * A school board member who forgot their password sets a new one as a person does: from the sign-in
 * page's "forgot" link, by their e-mail address; the mail GreenMail received gives the link; a
 * too-short password is refused in Thai; the new one signs them in; then they change it from the
 * navigation's link (the way someone imported without a password sets a first one, too). No
 * critical or serious axe violation, nothing scrolls sideways, on a desktop and a phone.
 * Screenshots: {@code target/screenshots/password-*}. Same Spring configuration as {@link
 * BrowserTest}, so the demo context is shared (the test's own account, not a demo one).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class PasswordBrowserTest {
  static final Dimension DESKTOP = new Dimension(1366, 900);
  // a demo account no other test signs in with; its stored password is put back afterwards, so
  // the shared demo context's accounts all keep the published one (DemoStartupTest)
  static final String USER = "board7";
  static final String EMAIL = "board7@qaflow.example";
  static final String NEW_PASSWORD = "กรรมการ-2569";

  @RegisterExtension static final BrowserSupport chromium = new BrowserSupport();

  @Autowired JdbcClient jdbc;
  @Autowired OutboxSender sender;
  @Autowired GreenMail mail;

  @Test
  void aBoardMemberWhoForgotTheirPasswordSetsANewOneByMailAndChangesIt() throws Exception {
    Map<String, Object> stored =
        jdbc.sql("select PWD_, SALT_ from ACT_ID_USER where ID_ = ?")
            .param(USER)
            .query()
            .singleRow();
    try {
      forgetSetAndChange();
    } finally {
      jdbc.sql("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?")
          .params(stored.get("PWD_"), stored.get("SALT_"), USER)
          .update();
    }
  }

  private void forgetSetAndChange() throws Exception {
    WebDriver browser = chromium.driver();
    Map<String, List<String>> problems = new LinkedHashMap<>();
    chromium.resize(DESKTOP);
    browser.manage().deleteAllCookies();
    browser.get(chromium.url("/login"));
    browser.findElement(By.id("login-forgot")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("ตั้งรหัสผ่านใหม่ทางอีเมล");
    browser.findElement(By.cssSelector("#password-forgot-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("password-errors")).getText())
        .contains("โปรดกรอกชื่อผู้ใช้หรืออีเมล");
    chromium.checkPage("password-forgot-error", DESKTOP, problems);
    browser.findElement(By.id("password-login")).sendKeys(EMAIL);
    browser.findElement(By.cssSelector("#password-forgot-form button[type=submit]")).click();
    assertThat(browser.findElement(By.id("password-sent")).getText())
        .contains("ระบบได้ส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปแล้ว");
    chromium.checkPage("password-forgot-sent", DESKTOP, problems);

    // the mail, as the teacher's mail program receives it
    sender.drain();
    List<MimeMessage> mails = Mails.ofKind(Mails.addressedTo(mail, EMAIL), "PASSWORD_RESET");
    assertThat(mails).hasSize(1);
    assertThat(Mails.subject(mails.get(0))).contains(USER);
    Matcher link =
        Pattern.compile("(/password/reset\\?token=[A-Za-z0-9_-]+)")
            .matcher(Mails.plainText(mails.get(0)));
    assertThat(link.find()).isTrue();
    browser.get(chromium.url(link.group(1)));
    assertThat(browser.findElement(By.id("password-account")).getText()).contains(USER);
    send("password-reset-form", null, "สั้น", "สั้น");
    assertThat(browser.findElement(By.id("password-errors")).getText())
        .contains("รหัสผ่านสั้นเกินไป");
    assertThat(browser.findElement(By.id("password-password")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    chromium.checkPage("password-reset-error", DESKTOP, problems);
    send("password-reset-form", null, NEW_PASSWORD, NEW_PASSWORD);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/login"));
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
        .contains("ตั้งรหัสผ่านใหม่แล้ว");
    chromium.checkPage("password-reset-done", DESKTOP, problems);

    chromium.submitLogin(USER, NEW_PASSWORD);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().contains("/login"));
    browser.findElement(By.id("nav-password")).click();
    send("password-change-form", NEW_PASSWORD, NEW_PASSWORD + "x", NEW_PASSWORD + "y");
    assertThat(browser.findElement(By.id("password-errors")).getText())
        .contains("รหัสผ่านที่กรอกสองครั้งไม่ตรงกัน");
    chromium.checkPage("password-change-error", DESKTOP, problems);
    send("password-change-form", NEW_PASSWORD, NEW_PASSWORD + "x", NEW_PASSWORD + "x");
    assertThat(browser.findElement(By.cssSelector(".flash.success")).getText())
        .contains("เปลี่ยนรหัสผ่านแล้ว");
    chromium.checkPage("password-change-done", DESKTOP, problems);

    // the changed password is the one that signs in now
    browser.manage().deleteAllCookies();
    browser.get(chromium.url("/login"));
    chromium.submitLogin(USER, NEW_PASSWORD + "x");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().contains("/login"));
    assertThat(problems).as("critical and serious axe violations").isEmpty();
  }

  /** Types the current password (when asked) and the new one twice, and sends the form. */
  private static void send(String form, String current, String password, String repeat) {
    WebDriver browser = chromium.driver();
    if (current != null) {
      browser.findElement(By.id("password-current")).sendKeys(current);
    }
    browser.findElement(By.id("password-password")).sendKeys(password);
    browser.findElement(By.id("password-repeat")).sendKeys(repeat);
    browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
  }
}
