package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.qaflow.support.CamundaWebappStatics;

/**
 * One login for QA Flow and the Camunda webapps (issue 16 §4), over real HTTP (the webapps are
 * servlets of their own, out of MockMvc's reach): the admin signed in to QA Flow reaches Cockpit
 * and its engine API with that session and sees the demo's running instances and its own name; the
 * webapps' own login form is refused and leaves the QA Flow session alone; anyone else signed in
 * gets 403 on /camunda.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class CamundaWebappsLoginTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /** Camunda's webapps find their engine and runtime in statics ({@link CamundaWebappStatics}). */
  @BeforeEach
  void registerThisContextsEngine() {
    CamundaWebappStatics.pointAt(engine);
  }

  @Test
  void theAdminSignedInToQaFlowIsSignedInToCockpit() throws Exception {
    HttpClient admin = signedIn("admin");
    assertThat(get(admin, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);

    HttpResponse<String> who = get(admin, "/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"admin\"").contains("cockpit");

    HttpResponse<String> running =
        get(admin, "/camunda/api/engine/engine/default/process-instance/count");
    assertThat(running.statusCode()).isEqualTo(200);
    assertThat(Integer.parseInt(running.body().replaceAll("\\D", "")))
        .as("Cockpit sees the demo's running instances")
        .isGreaterThan(0);

    HttpResponse<String> profile =
        get(admin, "/camunda/api/engine/engine/default/user/admin/profile");
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body()).contains("\"firstName\":\"").doesNotContain("null");

    // Admin and Tasklist with the same session
    assertThat(get(admin, "/camunda/app/admin/default/").statusCode()).isEqualTo(200);
    assertThat(get(admin, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> filters = get(admin, "/camunda/api/engine/engine/default/filter");
    assertThat(filters.body()).as("Tasklist has a filter").contains("All tasks");
  }

  @Test
  void theWebappsOwnLoginIsRefusedAndLeavesTheQaFlowSessionAlone() throws Exception {
    HttpClient admin = signedIn("admin");
    HttpResponse<String> login =
        admin.send(
            HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(get(admin, "/tasks").statusCode()).as("still signed in to QA Flow").isEqualTo(200);

    HttpClient anonymous = client();
    HttpResponse<String> anonymousLogin =
        anonymous.send(
            HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymousLogin.statusCode()).isNotEqualTo(200).isNotEqualTo(204);
    assertThat(
            get(anonymous, "/camunda/api/engine/engine/default/process-instance/count")
                .statusCode())
        .isIn(302, 401, 403);
  }

  @Test
  void someoneWhoIsNotAnOperatorIsRefused() throws Exception {
    HttpClient teacher = signedIn("qa1");
    assertThat(get(teacher, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    assertThat(
            get(teacher, "/camunda/api/engine/engine/default/process-instance/count").statusCode())
        .isEqualTo(403);
    assertThat(get(teacher, "/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(403);
    assertThat(get(teacher, "/tasks").statusCode()).isEqualTo(200);
  }

  private HttpClient signedIn(String userId) throws Exception {
    HttpClient client = client();
    String page = get(client, "/login").body();
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
    String form =
        "username="
            + userId
            + "&password=demo&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    return client;
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(url(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
