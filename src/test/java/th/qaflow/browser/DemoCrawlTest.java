package th.qaflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of demo user walks the running demo over real HTTP: every link reachable from the nav
 * pages (task pages of their task list, district, visits, ONESQA, synthesis, monitoring with its
 * district and school pages, calendar …), in Thai and in English. No page may answer 5xx, show an
 * unresolved message key ({@code ??key??}), or show technical text ({@link #TECHNICAL}). Same
 * Spring configuration as {@link BrowserTest}, so the demo context is shared.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class DemoCrawlTest {
  private static final Logger log = LoggerFactory.getLogger(DemoCrawlTest.class);
  static final List<String> SEEDS =
      List.of(
          "/tasks",
          "/calendar",
          "/monitoring",
          "/district",
          "/visits",
          "/external",
          "/synthesis",
          "/cycles",
          "/me/notifications",
          "/admin/mails",
          "/admin/organisation/import",
          "/monitoring/districts/1099",
          "/monitoring/schools/1099010001",
          "/monitoring/schools/1099010008");
  static final int MAX_PAGES = 400;
  static final Pattern HREF = Pattern.compile("(?:href|action)=\"([^\"]*)\"");
  static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"");
  static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?");
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  /**
   * Technical text in front of people (issue 16 §1): a "null" where a value was missing, a process
   * model's id, a document slot (V1.visitOrderFile, sarFile), a standard's code or a demo user's id
   * where a name belongs.
   */
  static final Pattern TECHNICAL =
      Pattern.compile(
          // a user id named as one ("บัญชี qa1", "ชื่อผู้ใช้: qa1": the set-a-new-password mail) is
          // meant
          "(?<![\\w/.@-])(?<!บัญชี )(?<!ชื่อผู้ใช้: )(?<!account )(?<!User id: )(null|SchoolQaCycle|DistrictQaCycle|DistrictQaPlan|DistrictVisit|SarReview"
              + "|ExternalAssessment|ExternalAssessmentSchool|GoodPracticeRound|SchoolAssistance"
              + "|SupervisionPlan|MonitoringReport|MonitoringCommitteeYear|CommitteeMeeting|SupervisionNetwork|GroupYear|TumhomeDrive|SchoolQuestion"
              + "|V\\d+\\.\\w+|[a-z]+(?:[A-Z][a-z]+)*File|(?:BASIC|EARLY_CHILDHOOD)-\\d+"
              + "|qaofficer|supdirector|districtdirector|supervisor\\d|qa\\d|director\\d|board\\d)"
              + "(?![\\w/.@-])");

  static final Pattern NOT_SHOWN =
      Pattern.compile("<(script|style|template)\\b[^>]*>[\\s\\S]*?</\\1>|<[^>]+>");

  @LocalServerPort int port;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "admin",
        "obec",
        "qaofficer",
        "supdirector",
        "districtdirector",
        "supervisor1",
        "supervisor2",
        "qa1",
        "director1",
        "board1"
      })
  void everyPageTheUserCanReachRendersWithoutErrors(String user) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    login(http, user);

    List<String> problems = new ArrayList<>();
    Map<String, Integer> clientErrors = new LinkedHashMap<>();
    Set<String> pages = crawl(http, problems, clientErrors);
    assertThat(pages).as("pages of %s", user).contains("/tasks");
    // every link the user is offered on the task list (the nav and every task of their list) opens
    // a page
    List<String> offered = links(get(http, "/tasks").body(), false);
    assertThat(offered)
        .as("nav of %s", user)
        .contains("/tasks", "/calendar", "/monitoring", "/me/notifications");
    assertThat(
            offered.stream()
                .filter(clientErrors::containsKey)
                .map(l -> clientErrors.get(l) + " " + l)
                .toList())
        .as("links offered to %s that are refused", user)
        .isEmpty();

    get(http, "/tasks?lang=en");
    for (String page : pages) {
      check(http, page, problems, clientErrors, null);
    }
    get(http, "/tasks?lang=th");
    log.info("{}: {} pages crawled in Thai and English; 4xx: {}", user, pages.size(), clientErrors);
    assertThat(problems).as("pages of %s with errors", user).isEmpty();
  }

  private Set<String> crawl(
      HttpClient http, List<String> problems, Map<String, Integer> clientErrors) throws Exception {
    Set<String> seen = new LinkedHashSet<>(SEEDS);
    Set<String> pages = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(SEEDS);
    while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
      String path = queue.poll();
      List<String> links = new ArrayList<>();
      if (check(http, path, problems, clientErrors, links)) {
        pages.add(path);
      }
      for (String link : links) {
        if (seen.add(link)) {
          queue.add(link);
        }
      }
    }
    return pages;
  }

  /**
   * Fetches the page; true when it is an HTML page that rendered; its links go to {@code links}.
   */
  private boolean check(
      HttpClient http,
      String path,
      List<String> problems,
      Map<String, Integer> clientErrors,
      List<String> links)
      throws Exception {
    HttpResponse<String> response = get(http, path);
    int status = response.statusCode();
    if (status >= 500) {
      problems.add(status + " " + path);
      return false;
    }
    if (status >= 400) {
      clientErrors.put(path, status);
      return false;
    }
    if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
      return false;
    }
    String body = response.body();
    Matcher unresolved = UNRESOLVED.matcher(body);
    while (unresolved.find()) {
      problems.add("unresolved " + unresolved.group() + " on " + path);
    }
    String text = NOT_SHOWN.matcher(body).replaceAll(" ");
    Matcher technical = TECHNICAL.matcher(text);
    if (technical.find()) {
      // the page as served, to look at beside the failure
      Path saved =
          Path.of("target", "crawl-technical", path.replaceAll("[^\\w.-]+", "_") + ".html");
      Files.createDirectories(saved.getParent());
      Files.writeString(saved, body);
      technical.reset();
    }
    while (technical.find()) {
      String around =
          text.substring(
                  Math.max(0, technical.start() - 40),
                  Math.min(text.length(), technical.end() + 40))
              .replaceAll("\\s+", " ");
      problems.add("technical text \"" + around.strip() + "\" on " + path);
    }
    if (links != null && !response.uri().getPath().equals("/login")) {
      links.addAll(links(body, true));
    }
    return true;
  }

  /** The page's same-site links (with form actions too when {@code actions}), normalised. */
  static List<String> links(String body, boolean actions) {
    List<String> links = new ArrayList<>();
    Matcher href = (actions ? HREF : LINK).matcher(body);
    while (href.find()) {
      String link = normalise(href.group(1));
      if (link != null) {
        links.add(link);
      }
    }
    return links;
  }

  /**
   * Same-site GET targets worth visiting; null for assets, the operators' apps, logout and language
   * switches.
   */
  static String normalise(String raw) {
    String link = raw.replace("&amp;", "&");
    int hash = link.indexOf('#');
    if (hash >= 0) {
      link = link.substring(0, hash);
    }
    if (!link.startsWith("/") || link.startsWith("//")) {
      return null;
    }
    if (link.startsWith("/logout")
        || link.startsWith("/camunda")
        || link.startsWith("/engine-rest")
        || link.startsWith("/css/")
        || link.startsWith("/js/")
        || link.startsWith("/vendor/")
        || link.startsWith("/img/")
        || link.startsWith("/favicon")
        || link.contains("lang=")
        || link.equals("/login")) {
      return null;
    }
    return link;
  }

  private void login(HttpClient http, String user) throws Exception {
    HttpResponse<String> form = get(http, "/login");
    Matcher csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).as("csrf token on the login page").isTrue();
    String body = "username=" + enc(user) + "&password=demo&_csrf=" + enc(csrf.group(1));
    HttpResponse<String> done =
        http.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(done.uri().getPath()).as("%s signed in", user).isNotEqualTo("/login");
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
