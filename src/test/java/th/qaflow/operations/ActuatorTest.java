package th.qaflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointHttpMethod;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.WebSessions;

/**
 * The operators' Actuator endpoints on the whole application: an operator (the demo's admin, in
 * camunda-admin) reads health with the database and mail server, info and Prometheus metrics, over
 * HTTP Basic (a scraper) or signed in; everyone else is refused on every exposed endpoint, read
 * from Actuator's own registry so a newly exposed one is probed too: school and district users and
 * OBEC 403, anonymous 401.
 */
@QaFlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActuatorTest {
  static final List<String> NOT_OPERATORS =
      List.of(
          "qa1",
          "director1",
          "board1",
          "supervisor1",
          "qaofficer",
          "supdirector",
          "districtdirector",
          "obec");

  @Autowired MockMvc mvc;
  @Autowired WebEndpointsSupplier endpoints;
  @Autowired OrganisationImport organisation;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void accounts() {
    organisation.importDemo();
  }

  @Test
  void operatorReadsHealthWithDatabaseAndMail() throws Exception {
    MockHttpServletResponse health = ok(get("/actuator/health").with(httpBasic("admin", "demo")));
    JsonNode body = json.readTree(health.getContentAsString());
    assertThat(body.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/db/details/database").asText()).isEqualTo("H2");
    // the embedded mail server of the default profile (GreenMail) answers, so the mail check is UP
    // too
    assertThat(body.at("/components/mail/status").asText()).isEqualTo("UP");
    assertThat(body.at("/components/mail/details/location").asText()).startsWith("127.0.0.1:");
    assertThat(body.at("/components/processEngine/status").asText()).isEqualTo("UP");
    assertThat(body.at("/status").asText()).isEqualTo("UP");

    // the same for an operator signed in through the web login (their browser)
    MockHttpSession admin = WebSessions.login(mvc, "admin");
    assertThat(
            json.readTree(ok(get("/actuator/health").session(admin)).getContentAsString())
                .at("/components/mail/status")
                .asText())
        .isEqualTo("UP");
  }

  @Test
  void operatorScrapesPrometheusWithJvmAndEngineFigures() throws Exception {
    MvcResult result =
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "demo"))).andReturn();
    MockHttpServletResponse response = result.getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("text/plain");
    String text = response.getContentAsString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "jvm_memory_used_bytes{",
            "hikaricp_connections_active{",
            "camunda_incidents_open{",
            "camunda_jobs_failed{",
            "camunda_jobs_due{",
            "camunda_process_instances_active{",
            "camunda_tasks_open{",
            "application=\"qa-flow\"");
    // a scraper signs in on every request: no session is kept for it
    assertThat(result.getRequest().getSession(false)).isNull();
    assertThat(
            ok(get("/actuator/metrics/camunda.tasks.open").with(httpBasic("admin", "demo")))
                .getContentAsString())
        .contains("\"VALUE\"");
  }

  @Test
  void operatorReadsInfoWithBuildAndEngineVersions() throws Exception {
    JsonNode info =
        json.readTree(
            ok(get("/actuator/info").with(httpBasic("admin", "demo"))).getContentAsString());
    assertThat(info.at("/build/artifact").asText()).isEqualTo("qa-flow");
    assertThat(info.at("/build/version").asText()).isNotBlank();
    assertThat(info.at("/engine/version").asText()).isEqualTo("7.24.0");
    assertThat(info.at("/engine/schemaVersion").asText()).isEqualTo("7.24.0");
    assertThat(info.at("/java/version").asText()).isNotBlank();
    assertThat(ok(get("/actuator/flyway").with(httpBasic("admin", "demo"))).getContentAsString())
        .contains("\"script\":\"V1__organisation.sql\",\"state\":\"SUCCESS\"");
  }

  @Test
  void everyExposedEndpointRefusesEveryoneButOperators() throws Exception {
    List<String> paths = exposedPaths();
    assertThat(paths)
        .contains(
            "/actuator",
            "/actuator/health",
            "/actuator/info",
            "/actuator/prometheus",
            "/actuator/metrics");
    List<String> wrong = new ArrayList<>();
    for (String path : paths) {
      expect(wrong, 401, get(path), "anonymous " + path);
      expect(
          wrong,
          401,
          get(path).with(httpBasic("nobody-" + System.nanoTime(), "demo")),
          "unknown user " + path);
      expect(wrong, 200, get(path).with(httpBasic("admin", "demo")), "admin " + path);
    }
    for (String user : NOT_OPERATORS) {
      MockHttpSession session = WebSessions.login(mvc, user);
      for (String path : paths) {
        expect(wrong, 403, get(path).session(session), user + " signed in " + path);
        expect(
            wrong, 403, get(path).with(httpBasic(user, "demo")), user + " over HTTP Basic " + path);
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Endpoints that show secrets or change the app (environment, beans, heap dump, loggers…) are not
   * served at all, not even to operators; the rest of the /actuator tree is the operators' door too
   * (403 for others, 401 anonymous).
   */
  @Test
  void endpointsThatRevealOrChangeTheAppAreNotExposed() throws Exception {
    List<String> wrong = new ArrayList<>();
    MockHttpSession admin = WebSessions.login(mvc, "admin");
    MockHttpSession qa = WebSessions.login(mvc, "qa1");
    for (String path :
        List.of(
            "/actuator/env",
            "/actuator/configprops",
            "/actuator/beans",
            "/actuator/heapdump",
            "/actuator/threaddump",
            "/actuator/loggers",
            "/actuator/mappings",
            "/actuator/shutdown")) {
      expect(wrong, 404, get(path).with(httpBasic("admin", "demo")), "admin " + path);
      expect(wrong, 404, get(path).session(admin), "admin signed in " + path);
      expect(wrong, 403, get(path).session(qa), "qa1 signed in " + path);
      expect(wrong, 401, get(path), "anonymous " + path);
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Only reads are exposed (BadInputTest's list of POST endpoints, from the controllers, stays the
   * whole list).
   */
  @Test
  void onlyReadOperationsAreExposed() {
    for (ExposableWebEndpoint endpoint : endpoints.getEndpoints()) {
      for (WebOperation operation : endpoint.getOperations()) {
        assertThat(operation.getRequestPredicate().getHttpMethod())
            .as(operation.getId())
            .isEqualTo(WebEndpointHttpMethod.GET);
      }
    }
  }

  /**
   * Every exposed operation's path, its variables filled with a real name (a metric, a health
   * component).
   */
  private List<String> exposedPaths() {
    List<String> paths = new ArrayList<>(List.of("/actuator"));
    for (ExposableWebEndpoint endpoint : endpoints.getEndpoints()) {
      for (WebOperation operation : endpoint.getOperations()) {
        String path =
            "/actuator/"
                + operation
                    .getRequestPredicate()
                    .getPath()
                    .replaceAll("\\{\\*[^}]+}", "db")
                    .replaceAll("\\{[^}]+}", "jvm.memory.used");
        if (!paths.contains(path)) {
          paths.add(path);
        }
      }
    }
    return paths;
  }

  private void expect(
      List<String> wrong, int status, MockHttpServletRequestBuilder request, String what)
      throws Exception {
    int actual = mvc.perform(request).andReturn().getResponse().getStatus();
    if (actual != status) {
      wrong.add(what + " -> " + actual + " (expected " + status + ")");
    }
  }

  private MockHttpServletResponse ok(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return response;
  }
}
