package th.qaflow.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.qaflow.QaFlowApplication;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EmbeddedPostgresExtension;

/**
 * Store and download on PostgreSQL (embedded, from Maven Central), over real HTTP on the embedded
 * Tomcat: the bytea column, versions under concurrency, and the download headers as Tomcat sends
 * them.
 */
@SpringBootTest(
    classes = QaFlowApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"qaflow.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@DirtiesContext
class DocumentsPostgresTest {
  @RegisterExtension
  static final EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension();

  static final DocumentFixture F = new DocumentFixture(2103);
  static final String NAME = "แผนพัฒนา ๒๕๖๙ \u0e19\u0e4d\u0e32 🏫.pdf";

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.register(registry);
  }

  @LocalServerPort int port;
  @Autowired Documents documents;
  @Autowired OrganisationImport imports;
  @Autowired JdbcClient jdbc;

  @Test
  void storesVersionsAndDownloadsOnPostgres() throws Exception {
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    F.importInto(imports);
    DocumentSlot slot = new DocumentSlot(F.school(1), 2569, "developmentPlan");

    // every byte value, after a PDF header: bytea must keep them all
    byte[] content = DocumentFixture.pdf("all bytes");
    byte[] all = new byte[content.length + 256];
    System.arraycopy(content, 0, all, 0, content.length);
    for (int i = 0; i < 256; i++) {
      all[content.length + i] = (byte) i;
    }
    DocumentVersion v1 = documents.store(slot, NAME, all, F.user("qa1"));
    DocumentVersion v2 = documents.store(slot, "plan.docx", DocumentFixture.docx(), F.user("qa1"));
    assertThat(documents.content(v1.versionId())).isEqualTo(all);
    assertThat(documents.versions(v1.documentId())).containsExactly(v2, v1);
    assertThat(documents.version(v1.versionId()).orElseThrow().filename()).isEqualTo(NAME);
    documents.recordEvent(v1.versionId(), DocumentEventKind.APPROVED, F.user("dir1"), "pi", "task");
    assertThat(documents.events(v1.documentId()))
        .extracting(DocumentEvent::kind)
        .containsExactly(
            DocumentEventKind.UPLOADED, DocumentEventKind.UPLOADED, DocumentEventKind.APPROVED);

    // concurrent uploads to one slot: row lock on PostgreSQL too
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<DocumentVersion>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        byte[] pdf = DocumentFixture.pdf("parallel " + i);
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return documents.store(
                      new DocumentSlot(F.school(1), 2569, "parallel"), "p.pdf", pdf, F.user("qa1"));
                }));
      }
      go.countDown();
      List<Integer> versions = new ArrayList<>();
      for (Future<DocumentVersion> r : results) {
        versions.add(r.get(60, TimeUnit.SECONDS).version());
      }
      assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4);
    } finally {
      pool.shutdownNow();
    }

    // real HTTP through Tomcat: the school downloads; another school gets 404
    HttpClient own = login(F.user("qa1"));
    HttpResponse<byte[]> download =
        own.send(
            request("/documents/" + v1.versionId()).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(all);
    assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(download.headers().firstValue("Cache-Control")).contains("private");
    assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(all.length);
    String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
    Matcher extended = Pattern.compile("filename\\*=UTF-8''(\\S+)").matcher(disposition);
    assertThat(extended.find()).isTrue();
    assertThat(URLDecoder.decode(extended.group(1), StandardCharsets.UTF_8)).isEqualTo(NAME);

    HttpResponse<String> page =
        own.send(
            request("/documents/" + v2.versionId() + "/versions").build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(NAME, "plan.docx", v1.sha256());

    HttpClient other = login(F.user("qa2"));
    assertThat(
            other
                .send(
                    request("/documents/" + v1.versionId()).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  /** Signs in through the real login form (CSRF token from the page, session cookie kept). */
  private HttpClient login(String user) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String form = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
    assertThat(token.find()).as("CSRF token on the login page").isTrue();
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login =
        http.send(
            request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return http;
  }
}
