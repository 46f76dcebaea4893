package th.qaflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.WebSessions;

/**
 * Content-Security-Policy, Referrer-Policy and Permissions-Policy on QA Flow's pages, public
 * reports, errors and the REST API; none of QA Flow's CSP on Cockpit/Admin (Camunda sets its own).
 * The templates have nothing the policy would block: no inline script and no on* handler.
 */
@QaFlowTest
class SecurityHeadersTest {
  static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  static final Pattern HANDLER =
      Pattern.compile("<[^>]*\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  @Autowired MockMvc mvc;
  @Autowired OrganisationImport organisation;

  @Test
  void pagesGetThePolicies() throws Exception {
    for (String path :
        List.of(
            "/login",
            "/public/districts/1099/synthesis/2001",
            "/no-such-page",
            "/engine-rest/engine")) {
      MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
      String csp = response.getHeader("Content-Security-Policy");
      assertThat(csp)
          .as(path)
          .contains(
              "default-src 'self'",
              "script-src 'self'",
              "object-src 'none'",
              "frame-ancestors 'self'")
          .doesNotContain("unsafe-eval");
      assertThat(csp.replaceAll("style-src[^;]*", "")).as(path).doesNotContain("unsafe-inline");
      assertThat(response.getHeader("Referrer-Policy"))
          .as(path)
          .isEqualTo("strict-origin-when-cross-origin");
      assertThat(response.getHeader("Permissions-Policy"))
          .as(path)
          .isEqualTo("camera=(), microphone=(), geolocation=()");
    }
    organisation.importDemo();
    mvc.perform(get("/tasks").session(WebSessions.login(mvc, "admin")))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("script-src 'self'")));
  }

  @Test
  void cockpitKeepsCamundasOwnPolicy() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/camunda/app/cockpit/default/")).andReturn().getResponse();
    assertThat(response.getHeader("Content-Security-Policy")).isNull();
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
  }

  @Test
  void templatesHaveNoInlineScriptOrEventHandler() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        String html = Files.readString(file, StandardCharsets.UTF_8);
        for (Pattern p : List.of(INLINE_SCRIPT, HANDLER)) {
          Matcher m = p.matcher(html);
          while (m.find()) {
            found.add(file + ": " + m.group());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }
}
