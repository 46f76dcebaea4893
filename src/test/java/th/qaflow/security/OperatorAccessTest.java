package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import th.qaflow.organisation.Groups;
import th.qaflow.support.CamundaWebappStatics;
import th.qaflow.support.EngineTestClock;

/**
 * Cockpit/Admin (/camunda) and the engine REST API (/engine-rest) over real HTTP: operators only
 * (Camunda's camunda-admin group, REST over HTTP Basic), never anonymous.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class OperatorAccessTest {
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * The REST API finds its engine in Camunda's static registry; other test contexts in this JVM may
   * have replaced or removed it there when they closed, so put this context's engine back.
   */
  @BeforeEach
  void registerThisContextsEngine() {
    CamundaWebappStatics.pointAt(engine);
  }

  @Test
  void engineRestNeedsAnOperatorOverHttpBasic() throws Exception {
    assertThat(get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/task", basic("qa1", "demo")).statusCode()).isEqualTo(403);
    assertThat(get("/engine-rest/task", basic("obec", "demo")).statusCode()).isEqualTo(403);
    assertThat(get("/engine-rest/task", basic("supdirector", "not-the-password")).statusCode())
        .isEqualTo(401);

    HttpResponse<String> engines = get("/engine-rest/engine", basic("admin", "demo"));
    assertThat(engines.statusCode()).isEqualTo(200);
    assertThat(engines.body()).contains("default");
    HttpResponse<String> definitions =
        get("/engine-rest/process-definition?key=SchoolQaCycle", basic("admin", "demo"));
    assertThat(definitions.body()).contains("SchoolQaCycle");
  }

  /**
   * HTTP Basic follows the login lock's rules: a wrong password is a 401 and the next right one is
   * answered (the engine's own delay made it a 401 too), while a locked operator gets 401 even with
   * the right password until the lock ends. A throwaway operator, so the demo accounts of the
   * browser tests stay unlocked.
   */
  @Test
  void engineRestFollowsTheLoginLockAndAWrongPasswordDoesNotSpoilTheNextCall() throws Exception {
    assertThat(get("/engine-rest/engine", basic("admin", "not-the-password")).statusCode())
        .isEqualTo(401);
    assertThat(get("/engine-rest/engine", basic("admin", "demo")).statusCode()).isEqualTo(200);

    String operator = "restlock" + System.nanoTime() % 1_000_000;
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(operator);
    user.setPassword("Operator-Pass-1");
    identity.saveUser(user);
    identity.createMembership(operator, Groups.CAMUNDA_ADMIN);
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(get("/engine-rest/engine", basic(operator, "wrong")).statusCode())
            .isEqualTo(401);
      }
      assertThat(get("/engine-rest/engine", basic(operator, "Operator-Pass-1")).statusCode())
          .isEqualTo(401);
      EngineTestClock.at(Date.from(Instant.now().plusSeconds(61)));
      assertThat(get("/engine-rest/engine", basic(operator, "Operator-Pass-1")).statusCode())
          .isEqualTo(200);
    } finally {
      EngineTestClock.reset();
      identity.deleteUser(operator);
    }
  }

  @Test
  void cockpitAndAdminAreNeverAnonymous() throws Exception {
    HttpResponse<String> cockpit = get("/camunda/app/cockpit/default/", null);
    assertThat(cockpit.statusCode()).isEqualTo(302);
    assertThat(cockpit.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    assertThat(get("/camunda/api/engine/engine/", null).statusCode()).isIn(302, 401);
    assertThat(get("/camunda/app/admin/default/", null).statusCode()).isEqualTo(302);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
