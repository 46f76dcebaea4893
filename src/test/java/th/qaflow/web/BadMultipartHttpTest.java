package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Multipart bodies Tomcat cannot read, over real HTTP (MockMvc does not parse raw multipart
 * bodies): for every POST endpoint, signed in with a valid CSRF token in the header, a body without
 * its closing boundary, a multipart type without a boundary parameter, and a file name with a NUL
 * answer 4xx with a page, never 5xx. An anonymous multipart upload is refused before its body has
 * been read. Shares the browser tests' context (identical properties).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class BadMultipartHttpTest {
  private static final Logger log = LoggerFactory.getLogger(BadMultipartHttpTest.class);
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void malformedMultipartBodiesAnswer4xxOnEveryPostEndpoint() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();
    String token = login(http, "admin");

    Set<String> paths = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
        info.getPatternValues().forEach(p -> paths.add(p.replaceAll("\\{[^}]+}", "1")));
      }
    }
    assertThat(paths).hasSizeGreaterThan(15);

    String part =
        "--QAFLOWB\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPEOPLE\r\n"
            + "--QAFLOWB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\nuser_id\r\n";
    String nulName =
        "--QAFLOWB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil\u0000.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--QAFLOWB--\r\n";
    record Case(String what, String contentType, String body) {}
    List<Case> cases =
        List.of(
            new Case("no closing boundary", "multipart/form-data; boundary=QAFLOWB", part),
            new Case("no boundary parameter", "multipart/form-data", part + "--QAFLOWB--\r\n"),
            new Case("file name with NUL", "multipart/form-data; boundary=QAFLOWB", nulName));

    List<String> failures = new ArrayList<>();
    int sent = 0;
    int serverErrors = 0;
    for (String path : paths) {
      for (Case c : cases) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", c.contentType())
                    .header("X-CSRF-TOKEN", token)
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            c.body().getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        sent++;
        int status = response.statusCode();
        String where = "POST " + path + " " + c.what() + " -> " + status;
        if (status >= 500) {
          serverErrors++;
          failures.add(where);
        } else if (status < 400) {
          failures.add(where + " (accepted)");
        } else if (response.body().isBlank() || response.body().contains("Exception")) {
          failures.add(where + " (no readable message)");
        }
      }
    }
    log.info("Malformed multipart requests sent: {}, answered 5xx: {}", sent, serverErrors);
    failures.forEach(f -> log.info("malformed multipart: {}", f));
    assertThat(failures).isEmpty();

    // the page says what went wrong, in Thai by default
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(uri("/tasks/1/comments"))
                .header("Content-Type", "multipart/form-data; boundary=QAFLOWB")
                .header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(part))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("ไม่สมบูรณ์หรือผิดรูปแบบ");
  }

  /**
   * 100 MB announced, 1 MB sent: the 403 must come back while the client still has 99 MB to send
   * (before the fix the CSRF filter parsed the body, so the answer waited for all of it).
   */
  @Test
  void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
    for (String path :
        List.of(
            "/admin/organisation/import",
            "/tasks/1/complete",
            "/notifications/unsubscribe",
            "/login")) {
      try (Socket socket = new Socket("localhost", port)) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST "
                    + path
                    + " HTTP/1.1\r\nHost: localhost:"
                    + port
                    + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=QAFLOWB\r\nContent-Length: 104857600\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        out.write(
            "--QAFLOWB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 16; i++) {
          out.write(chunk);
        }
        out.flush();
        String head = readHead(socket.getInputStream());
        assertThat(head).as(path).startsWith("HTTP/1.1 403");
      }
    }
  }

  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      return "no answer within 10 s: " + head.toString(StandardCharsets.ISO_8859_1);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** Signs in through the login form and returns a CSRF token of the new session. */
  private String login(HttpClient http, String user) throws Exception {
    String loginPage =
        http.send(
                HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String form =
        "username="
            + user
            + "&password=demo&_csrf="
            + URLEncoder.encode(csrf(loginPage), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String page =
        http.send(
                HttpRequest.newBuilder(uri("/admin/organisation/import")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return csrf(page);
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    return m.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
