package th.qaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.qaflow.kernel.AcademicYears;

/**
 * Issue 16 §1, no technical identifiers in front of people: on the demo school page of last year,
 * the board's decisions read as their form's label and the chosen option's label (not
 * endorsementDecision: approve), documents are headed by their field's label (not sarFile), and who
 * did a step is a name, not a user id.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class NoTechnicalIdsWebTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Clock clock;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @Test
  void theSchoolPageShowsDecisionsAndDocumentsInThai() throws Exception {
    int lastYear = AcademicYears.current(clock) - 1;
    HttpClient officer = signedIn("qaofficer");
    HttpResponse<String> page =
        officer.send(
            HttpRequest.newBuilder(url("/monitoring/schools/1099010001?year=" + lastYear)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html)
        .contains("มติคณะกรรมการสถานศึกษาขั้นพื้นฐาน")
        .contains("เห็นชอบ")
        .doesNotContain("endorsementDecision")
        .doesNotContain("boardDecision")
        .doesNotContain(">approve<")
        .doesNotContain(">sarFile<")
        .doesNotContain(">sarPublishedFile<")
        .as("people by name, not user id")
        .doesNotContain("โดย qa1")
        .doesNotContain("โดย board1")
        .doesNotContain("โดย director1");
  }

  /**
   * A school's open task with its earlier stages: the standards read by name; their codes (such as
   * BASIC-1 or EARLY_CHILDHOOD-1) are never shown, neither in the form nor in the history.
   */
  @Test
  void aTaskPageShowsNoStandardCodes() throws Exception {
    org.camunda.bpm.engine.task.Task task =
        tasks.createTaskQuery().taskCandidateUser("qa1").includeAssignedTasks().list().stream()
            .findFirst()
            .orElseThrow();
    HttpClient teacher = signedIn("qa1");
    HttpResponse<String> page =
        teacher.send(
            HttpRequest.newBuilder(url("/tasks/" + task.getId())).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .as("standard codes shown as text")
        .doesNotContainPattern(">\\s*(BASIC|EARLY_CHILDHOOD)-[0-9.]+\\s*<")
        .doesNotContainPattern("type=\"text\"[^>]*value=\"(BASIC|EARLY_CHILDHOOD)-");
  }

  private HttpClient signedIn(String userId) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String loginPage =
        client
            .send(
                HttpRequest.newBuilder(url("/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
            .body();
    Matcher csrf = CSRF.matcher(loginPage);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + userId
                            + "&password=demo&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    return client;
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
