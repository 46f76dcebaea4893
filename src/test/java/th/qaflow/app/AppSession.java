package th.qaflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One signed-in user of the child app: its own cookies, redirects not followed (the 302 is the
 * answer).
 */
final class AppSession {
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/([0-9a-f-]{36})\"");
  static final Pattern TARGET = Pattern.compile("name=\"targets\\[(\\d+)\\]\\.targetLevel\"");

  private final AppProcess app;
  private final HttpClient http;
  private final String user;

  AppSession(AppProcess app, String user) throws Exception {
    this(app, user, "demo");
  }

  AppSession(AppProcess app, String user, String password) throws Exception {
    this.app = app;
    this.user = user;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> done =
        post("/login", Map.of("_csrf", csrf("/login"), "username", user, "password", password));
    assertThat(done.headers().firstValue("Location").orElse(""))
        .as("%s signed in", user)
        .doesNotContain("error")
        .isNotEmpty();
  }

  String user() {
    return user;
  }

  /** A request with this user's cookies that may take longer than the usual 60 s (an upload). */
  HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) throws Exception {
    return http.send(
        request.timeout(timeout).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  String csrf(String path) throws Exception {
    HttpResponse<String> page = get(path);
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as("CSRF token on %s (%s)", path, page.statusCode()).isTrue();
    return m.group(1);
  }

  List<String> taskIds() throws Exception {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = TASK_LINK.matcher(get("/tasks").body());
    while (m.find()) {
      ids.add(m.group(1));
    }
    return new ArrayList<>(ids);
  }

  /**
   * Fills the standards form (a target for every standard it shows); true when the app answers
   * "saved".
   */
  boolean completeStandards(String taskId) throws Exception {
    String page = get("/tasks/" + taskId).body();
    Matcher csrf = CSRF.matcher(page);
    if (!csrf.find()) {
      return false;
    }
    Set<Integer> rows = new TreeSet<>();
    Matcher t = TARGET.matcher(page);
    while (t.find()) {
      rows.add(Integer.parseInt(t.group(1)));
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf.group(1));
    form.put("standardsFramework", "moe2561");
    for (int i : rows) {
      form.put("targets[" + i + "].targetLevel", "4");
      form.put("targets[" + i + "].targetDescription", "ค่าเป้าหมายข้อ " + (i + 1));
      form.put("targets[" + i + "].targetBaseline", "ปีที่ผ่านมาระดับดี");
    }
    HttpResponse<String> r = post("/tasks/" + taskId + "/complete", form);
    return r.statusCode() == 302
        && r.headers().firstValue("Location").map(l -> l.endsWith("/tasks")).orElse(false);
  }

  /** Starts a district's school cycles of a year as a QA officer does (the form on /cycles). */
  HttpResponse<String> startCycles(String district, int year) throws Exception {
    return post(
        "/cycles/start",
        Map.of("_csrf", csrf("/cycles"), "district", district, "year", String.valueOf(year)));
  }

  HttpResponse<String> get(String path) throws Exception {
    return app.http(http, HttpRequest.newBuilder(app.uri(path)).GET().build());
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return app.http(
        http,
        HttpRequest.newBuilder(app.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
