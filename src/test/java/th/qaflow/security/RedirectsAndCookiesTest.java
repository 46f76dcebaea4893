package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP (Tomcat writes the Location header): redirects never come from the Host header the
 * client sent, and the session cookie is SameSite=Lax, HttpOnly, and Secure when the request came
 * over https (through a proxy). Raw HTTP/1.1 over sockets, because Java's HTTP client will not send
 * a Host header of our choosing (and over HTTP/1.0 Tomcat always writes absolute redirects).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class RedirectsAndCookiesTest {
  static final String EVIL = "evil.example";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;

  @Test
  void redirectsOfLoginLogoutAndPagesIgnoreTheHostHeader() throws Exception {
    Answer protectedPage = send("GET /monitoring HTTP/1.1", List.of(), null);
    assertThat(protectedPage.status()).isEqualTo(302);
    assertThat(protectedPage.location()).isEqualTo("/login");

    Answer loginPage =
        send("GET /login HTTP/1.1", List.of("Cookie: " + protectedPage.session()), null);
    Matcher csrf = CSRF.matcher(loginPage.body());
    assertThat(csrf.find()).isTrue();
    Answer login =
        send(
            "POST /login HTTP/1.1",
            List.of("Cookie: " + protectedPage.session()),
            "username=qaofficer&password=demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
    assertThat(login.status()).isEqualTo(302);
    // back to the page asked for before the login, by its path only
    assertThat(login.location()).startsWith("/monitoring").doesNotContain(EVIL);

    String session = login.session() == null ? protectedPage.session() : login.session();
    Answer root = send("GET / HTTP/1.1", List.of("Cookie: " + session), null);
    assertThat(root.location()).isEqualTo("/tasks");
    Answer tasks = send("GET /tasks HTTP/1.1", List.of("Cookie: " + session), null);
    Matcher logoutCsrf = CSRF.matcher(tasks.body());
    assertThat(logoutCsrf.find()).isTrue();
    Answer logout =
        send(
            "POST /logout HTTP/1.1",
            List.of("Cookie: " + session),
            "_csrf=" + URLEncoder.encode(logoutCsrf.group(1), StandardCharsets.UTF_8));
    assertThat(logout.location()).isEqualTo("/login?logout");

    Answer cockpit = send("GET /camunda/app/cockpit/default/ HTTP/1.1", List.of(), null);
    assertThat(cockpit.location()).isEqualTo("/login");
  }

  /**
   * Tomcat forwards a 404 to /error: the page is QA Flow's, in Thai, without a raw message key (an
   * unpublished public report: no login needed). /error opened directly is a 404 too.
   */
  @Test
  void aMissingPageAndErrorItselfAreNotFoundPages() throws Exception {
    for (String path : List.of("/public/districts/1099/synthesis/1999", "/error")) {
      Answer answer = send("GET " + path + " HTTP/1.1", List.of("Accept: text/html"), null);
      assertThat(answer.status()).as(path).isEqualTo(404);
      String html =
          new String(answer.body().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      assertThat(html).as(path).contains("ไม่พบหน้านี้", "รหัสข้อผิดพลาด 404").doesNotContain("??");
    }
  }

  @Test
  void theSessionCookieIsLaxHttpOnlyAndSecureOverHttps() throws Exception {
    Answer plain = send("GET /monitoring HTTP/1.1", List.of(), null);
    String cookie = plain.header("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("JSESSIONID=")
        .contains("HttpOnly", "SameSite=Lax")
        .doesNotContain("Secure");

    // through a TLS-terminating proxy on this host
    Answer https = send("GET /monitoring HTTP/1.1", List.of("X-Forwarded-Proto: https"), null);
    assertThat(https.header("Set-Cookie").orElseThrow())
        .contains("HttpOnly", "SameSite=Lax", "Secure");
    assertThat(https.location()).isEqualTo("/login");
  }

  private Answer send(String requestLine, List<String> headers, String form) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      StringBuilder request =
          new StringBuilder(requestLine)
              .append("\r\nHost: ")
              .append(EVIL)
              .append("\r\n")
              .append("Connection: close\r\n");
      headers.forEach(h -> request.append(h).append("\r\n"));
      byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
      if (form != null) {
        request
            .append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return Answer.parse(all.toString(StandardCharsets.ISO_8859_1));
    }
  }

  record Answer(int status, List<String> headers, String body) {
    static Answer parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, end).split("\r\n");
      List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
      String body = raw.substring(end + 4);
      boolean chunked =
          headers.stream()
              .anyMatch(
                  h ->
                      h.toLowerCase().startsWith("transfer-encoding:")
                          && h.toLowerCase().contains("chunked"));
      return new Answer(
          Integer.parseInt(lines[0].split(" ")[1]), headers, chunked ? unchunk(body) : body);
    }

    private static String unchunk(String body) {
      StringBuilder plain = new StringBuilder();
      int at = 0;
      while (true) {
        int eol = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, eol).split(";")[0].strip(), 16);
        if (size == 0) {
          return plain.toString();
        }
        plain.append(body, eol + 2, eol + 2 + size);
        at = eol + 2 + size + 2;
      }
    }

    Optional<String> header(String name) {
      return headers.stream()
          .filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .map(h -> h.substring(name.length() + 1).strip())
          .findFirst();
    }

    String location() {
      return header("Location").orElse(null);
    }

    /** The session cookie as a Cookie header value, or null. */
    String session() {
      return header("Set-Cookie")
          .filter(c -> c.startsWith("JSESSIONID="))
          .map(c -> c.split(";")[0])
          .orElse(null);
    }
  }
}
