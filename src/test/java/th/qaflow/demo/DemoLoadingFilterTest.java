package th.qaflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import th.qaflow.kernel.DemoLoaded;

/**
 * Issue 16 §4: the login page does not answer before the demo has loaded. Until the demo loader
 * announces {@link DemoLoaded}, every page is a 503 in Thai and English that asks to retry and
 * reloads itself; the health endpoints answer; afterwards everything passes. In the running demo
 * app the announcement has come and the login page answers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class DemoLoadingFilterTest {
  @LocalServerPort int port;
  @Autowired DemoLoadingFilter runningFilter;

  @Test
  void beforeTheDemoHasLoadedEveryPageAsksToComeBackLater() throws Exception {
    DemoLoadingFilter filter = new DemoLoadingFilter();
    MockHttpServletResponse login = run(filter, "/login");
    assertThat(login.getStatus()).isEqualTo(503);
    assertThat(login.getHeader("Retry-After")).isEqualTo("5");
    assertThat(login.getContentType()).startsWith("text/html");
    assertThat(login.getContentAsString(StandardCharsets.UTF_8))
        .contains("กำลังเตรียมข้อมูลสาธิต")
        .contains("Preparing the demo")
        .contains("http-equiv=\"refresh\"");
    assertThat(run(filter, "/tasks").getStatus()).isEqualTo(503);
    assertThat(run(filter, "/actuator/health").getStatus()).isEqualTo(200);

    filter.demoLoaded();
    assertThat(run(filter, "/login").getStatus()).isEqualTo(200);
  }

  @Test
  void inTheRunningDemoTheLoginPageAnswers() throws Exception {
    assertThat(runningFilter.loaded()).as("the demo loader announced DemoLoaded").isTrue();
    HttpResponse<String> login =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).doesNotContain("กำลังเตรียมข้อมูลสาธิต");
  }

  private static MockHttpServletResponse run(DemoLoadingFilter filter, String path)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
