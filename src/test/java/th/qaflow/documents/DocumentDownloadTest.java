package th.qaflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.Part;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.WebSessions;

/** Download and version pages over HTTP: scope, headers, exact file names; the 413 page. */
@QaFlowTest
class DocumentDownloadTest {
  static final DocumentFixture F = new DocumentFixture(2101);
  static final DocumentFixture OTHER = new DocumentFixture(2102);
  static final int YEAR = 2569;
  static final String THAI_NAME =
      "รายงานการประเมินตนเอง \u0e19\u0e4d\u0e32\u0e01\u0e48\u0e4a 👩🏽‍🏫 \"ฉบับ\" 100%.pdf";

  @Autowired MockMvc mvc;
  @Autowired Documents documents;
  @Autowired OrganisationImport imports;

  DocumentVersion v1;
  DocumentVersion v2;

  @BeforeEach
  void aSarWithTwoVersions() {
    F.importInto(imports);
    OTHER.importInto(imports);
    DocumentSlot slot = new DocumentSlot(F.school(1), YEAR, "sarFile");
    v1 =
        documents
            .latest(slot)
            .filter(v -> v.version() == 2)
            .map(v -> documents.versions(v.documentId()).get(1))
            .orElseGet(
                () ->
                    documents.store(
                        slot, "SAR-draft.pdf", DocumentFixture.pdf("draft"), F.user("qa1")));
    v2 =
        documents
            .latest(slot)
            .filter(v -> v.version() == 2)
            .orElseGet(
                () ->
                    documents.store(slot, THAI_NAME, DocumentFixture.pdf("final"), F.user("qa1")));
  }

  @Test
  void theSchoolItsDistrictAndObecMayDownload() throws Exception {
    for (String user : new String[] {"qa1", "dir1", "sup", "obec"}) {
      MockHttpSession session = WebSessions.login(mvc, F.user(user));
      MockHttpServletResponse response =
          mvc.perform(get("/documents/{id}", v1.versionId()).session(session))
              .andExpect(status().isOk())
              .andExpect(header().string("Content-Type", "application/pdf"))
              .andExpect(header().string("X-Content-Type-Options", "nosniff"))
              .andExpect(header().string("Cache-Control", "private"))
              .andExpect(
                  header()
                      .string(
                          "Content-Disposition",
                          "attachment; filename=\"SAR-draft.pdf\"; filename*=UTF-8''SAR-draft.pdf"))
              .andReturn()
              .getResponse();
      assertThat(response.getContentAsByteArray()).as(user).isEqualTo(DocumentFixture.pdf("draft"));
      assertThat(response.getContentLength()).isEqualTo(v1.size());
    }
  }

  @Test
  void anotherSchoolAndAnotherDistrictGetNotFoundLikeAMissingId() throws Exception {
    for (String user : new String[] {F.user("qa2"), OTHER.user("sup"), OTHER.user("qa1")}) {
      MockHttpSession session = WebSessions.login(mvc, user);
      mvc.perform(get("/documents/{id}", v2.versionId()).session(session))
          .andExpect(status().isNotFound())
          .andExpect(content().string(not(containsString("%PDF"))));
      mvc.perform(get("/documents/{id}/versions", v2.versionId()).session(session))
          .andExpect(status().isNotFound())
          .andExpect(content().string(not(containsString("SAR-draft"))));
    }
    MockHttpSession own = WebSessions.login(mvc, F.user("qa1"));
    mvc.perform(get("/documents/{id}", "00000000-0000-0000-0000-000000000000").session(own))
        .andExpect(status().isNotFound());
    mvc.perform(get("/documents/{id}", "not-a-version").session(own))
        .andExpect(status().isNotFound());
    // the firewall refuses this before it reaches the controller; either way not a 500 and no
    // content
    mvc.perform(get("/documents/{id}", "'; drop table document; --").session(own))
        .andExpect(status().is4xxClientError());
  }

  @Test
  void anonymousUsersAreSentToLogin() throws Exception {
    mvc.perform(get("/documents/{id}", v1.versionId()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login")); // relative: never built from the Host header
  }

  @Test
  void aThaiFileNameWithCombiningMarksAndEmojiRoundTripsInTheHeader() throws Exception {
    MockHttpSession session = WebSessions.login(mvc, F.user("qa1"));
    String disposition =
        mvc.perform(get("/documents/{id}", v2.versionId()).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("Content-Disposition");
    assertThat(disposition).startsWith("attachment; filename=\"");
    assertThat(disposition.chars().allMatch(c -> c >= 0x20 && c < 0x7F))
        .as("the header is plain ASCII")
        .isTrue();

    Matcher extended = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)").matcher(disposition);
    assertThat(extended.find()).isTrue();
    assertThat(extended.group(1)).doesNotContain("+", "\"", "'", " ");
    String decoded = URLDecoder.decode(extended.group(1), StandardCharsets.UTF_8);
    assertThat(decoded.getBytes(StandardCharsets.UTF_8))
        .isEqualTo(THAI_NAME.getBytes(StandardCharsets.UTF_8));

    Matcher fallback = Pattern.compile("filename=\"([^\"]*)\"").matcher(disposition);
    assertThat(fallback.find()).isTrue();
    assertThat(fallback.group(1)).endsWith(".pdf").doesNotContain("\\", "%");
  }

  @Test
  void theVersionsPageListsEveryVersionInThaiAndEnglish() throws Exception {
    MockHttpSession session = WebSessions.login(mvc, F.user("sup"));
    String thai =
        mvc.perform(
                get("/documents/{id}/versions", v1.versionId())
                    .session(session)
                    .param("lang", "th"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(thai)
        .contains(
            "ไฟล์ทุกฉบับ",
            "SAR-draft.pdf",
            "/documents/" + v1.versionId(),
            "/documents/" + v2.versionId(),
            v2.sha256(),
            v2.shortSha256(),
            "สมใจ รักเรียน",
            "น.",
            "ปีการศึกษา 2569")
        .doesNotContain("??", "2,569");
    // the Thai name is shown exactly (HTML-escaped quotes only)
    assertThat(thai).contains(THAI_NAME.replace("\"", "&quot;"));
    assertThat(thai.indexOf(v2.versionId()))
        .as("newest first")
        .isLessThan(thai.indexOf(v1.versionId()));
    assertThat(thai).containsPattern("25[0-9]{2} [0-9]{2}:[0-9]{2} น\\.");

    String english =
        mvc.perform(
                get("/documents/{id}/versions", v2.versionId())
                    .session(session)
                    .param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english).contains("All versions", "Uploaded by", "SHA-256").doesNotContain("??");
  }

  @Test
  void aRequestOverTheMultipartLimitGetsAFriendlyPageInThaiAndEnglish() throws Exception {
    MockHttpSession session = WebSessions.login(mvc, F.user("qa1"));
    String thai =
        mvc.perform(
                new OversizedUpload("/tasks/some-task/complete", -1)
                    .session(session)
                    .with(csrf())
                    .header("Referer", "http://localhost/tasks/some-task?lang=th"))
            .andExpect(status().isPayloadTooLarge())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(thai)
        .contains(
            "ไฟล์มีขนาดใหญ่เกินไป", "100 MB", "href=\"/tasks/some-task?lang=th\"", "กลับไปหน้าเดิม")
        .doesNotContain("Exception", "at org.", "??");

    String english =
        mvc.perform(
                new OversizedUpload("/tasks/some-task/complete", -1)
                    .session(session)
                    .with(csrf())
                    .cookie(new Cookie("qaflow-lang", "en"))
                    .header("Referer", "https://evil.example/phish"))
            .andExpect(status().isPayloadTooLarge())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(english)
        .contains("File too large", "larger than 100 MB", "href=\"/tasks\"")
        .doesNotContain("evil.example", "Exception", "??");
  }

  @Test
  void aMultipartRequestAnnouncingMoreThanTheLimitIsRefusedBeforeTheCsrfCheck() throws Exception {
    MockHttpSession session = WebSessions.login(mvc, F.user("qa1"));
    // no CSRF token: Tomcat would not have parsed it out of such a body; the answer is 413, not 403
    mvc.perform(
            new OversizedUpload("/tasks/some-task/complete", 101L * 1024 * 1024).session(session))
        .andExpect(status().isPayloadTooLarge());
    // an ordinary multipart request goes on to the CSRF check as before
    mvc.perform(
            post("/tasks/some-task/complete")
                .session(session)
                .contentType("multipart/form-data; boundary=q")
                .content("--q--\r\n"))
        .andExpect(status().isForbidden());

    // the error page the container then shows for a 413
    String page =
        mvc.perform(
                get("/error")
                    .session(session)
                    .accept(MediaType.TEXT_HTML)
                    .cookie(new Cookie("qaflow-lang", "en"))
                    .requestAttr("jakarta.servlet.error.status_code", 413)
                    .requestAttr("jakarta.servlet.error.request_uri", "/tasks/some-task/complete")
                    .header("Referer", "http://localhost/tasks/some-task"))
            .andExpect(status().isPayloadTooLarge())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("File too large", "100 MB", "href=\"/tasks/some-task\"")
        .doesNotContain("??");
  }

  /**
   * A multipart POST whose parts fail to parse the way Tomcat's do when a file is over {@code
   * spring.servlet.multipart.max-file-size}: MockMvc itself never enforces those limits. It
   * announces {@code contentLength} bytes (-1: unknown, as when a body is sent in chunks).
   */
  static final class OversizedUpload
      extends AbstractMockHttpServletRequestBuilder<OversizedUpload> {
    private final long contentLength;

    OversizedUpload(String path, long contentLength) {
      super(HttpMethod.POST);
      this.contentLength = contentLength;
      uri(path);
      contentType("multipart/form-data; boundary=qaflow");
    }

    @Override
    protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
      return new MockHttpServletRequest(servletContext) {
        @Override
        public long getContentLengthLong() {
          return contentLength;
        }

        @Override
        public int getContentLength() {
          return (int) Math.min(Integer.MAX_VALUE, contentLength);
        }

        @Override
        public Collection<Part> getParts() {
          throw new IllegalStateException(
              "org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException: The field file exceeds"
                  + " its maximum permitted size of 104857600 bytes.");
        }
      };
    }
  }
}
