package th.qaflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.EmbeddedPostgresExtension;
import th.qaflow.support.StatementLog;

/**
 * The national-scale harness of issue 17 (docs/benchmarks/national.md): the real app in a child
 * JVM, on H2 (default profile, file database) and on embedded PostgreSQL (postgres profile), with a
 * national organisation uploaded as an administrator does and every district's year started over
 * HTTP; then each page of the goals timed over HTTP, interleaved round by round with the engine
 * REST query it wraps (the baseline of the same run), with the JDBC statements each request runs.
 *
 * <pre>
 * ./mvnw -B test -Dqaflow.lint.skip=true -Dqaflow.excludedGroups=none -Dtest=NationalBenchmark \
 *     -Dnational.schools=3000 -Dnational.db=h2,postgres
 * </pre>
 *
 * Settings: {@code national.schools} (3,000; 29,000 for the nation), {@code national.districts} (25
 * below 20,000 schools, else 245), {@code national.bigDistrict} (250), {@code national.rounds}
 * (20), {@code national.db}, {@code national.mail} (true: P3). The table goes to the -output.txt
 * (prefix NATIONAL) and to target/national-benchmark.md.
 */
@Tag("benchmark")
class NationalBenchmark {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/([0-9a-f-]{36})\"");
  static final Pattern STATEMENT =
      Pattern.compile(
          "\\[[^\\]]*exec-\\d+\\][^\\n]*(?:==>\\s+Preparing: |Executing (?:prepared )?SQL"
              + " (?:query|update|statement) \\[)(.*)$",
          Pattern.MULTILINE);
  static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + NationalDataset.PASSWORD).getBytes(StandardCharsets.UTF_8));

  final int schools = Integer.getInteger("national.schools", 3000);
  final int districts = Integer.getInteger("national.districts", schools >= 20000 ? 245 : 25);
  final int bigDistrict = Integer.getInteger("national.bigDistrict", 250);
  final int rounds = Integer.getInteger("national.rounds", 20);

  /**
   * P3 at the nation's size means draining ~200,000 mails (the year's guidance to every person,
   * then the escalations and digests) into the in-process mail server, which then is the bottleneck
   * (national.md): {@code -Dnational.mail=false} leaves it out.
   */
  final boolean measureMail = Boolean.parseBoolean(System.getProperty("national.mail", "true"));

  final List<String> databases =
      List.of(System.getProperty("national.db", "h2,postgres").split(","));
  final int year = AcademicYears.current(Clock.systemDefaultZone());
  final NationalDataset dataset = new NationalDataset(districts, schools, bigDistrict);
  final StringBuilder table = new StringBuilder();

  @Test
  void national() throws Exception {
    Path root = Path.of("target", "national");
    FileSystemUtils.deleteRecursively(root);
    dataset.write(root.resolve("all"));
    int people = dataset.people;
    dataset.write(root.resolve("big"), 0, 1);
    int bigPeople = dataset.people;
    line(
        "# National benchmark, %s%n%ndataset: %d districts, %d schools (one district of %d),"
            + " %d people (%d in the big district); academic year %d; %d rounds%n",
        LocalDateTime.now().withNano(0),
        districts,
        schools,
        bigDistrict,
        people,
        bigPeople,
        year,
        rounds);
    for (String db : databases) {
      run(db.strip(), root);
    }
    Files.writeString(Path.of("target", "national-benchmark.md"), table, StandardCharsets.UTF_8);
    Files.writeString(
        Path.of("target", "national-statements.md"), statementLog, StandardCharsets.UTF_8);
  }

  private String databaseNow;

  private void run(String db, Path root) throws Exception {
    databaseNow = db;
    Path dir = root.resolve(db);
    NationalDataset.writeBootstrap(dir.resolve("bootstrap"));
    GreenMail smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    EmbeddedPostgresExtension postgres = null;
    List<String> args =
        new ArrayList<>(
            List.of(
                "--qaflow.demo.enabled=false",
                "--qaflow.import-dir=" + dir.resolve("bootstrap").toAbsolutePath(),
                // 100,000 bcrypt hashes at cost 10 take ~2 core-hours; see national.md
                "--qaflow.security.password-cost=4",
                "--management.endpoints.web.exposure.include=health,info,loggers",
                // the default is 5 minutes; sooner, so the run need not wait for the burst
                "--qaflow.notification.scan-interval=PT2M"));
    args.addAll(AppProcess.mailTo(smtp.getSmtp().getPort()));
    if (!measureMail) {
      // no scan and no sender: the year's ~100,000 guidance mails would load the machine
      args.add("--qaflow.notification.scheduling.enabled=false");
    }
    if (db.equals("postgres")) {
      postgres = new EmbeddedPostgresExtension().withEngineSchema();
      postgres.start();
      args.addAll(AppProcess.onPostgres(postgres));
    }
    AppProcess app = new AppProcess(Files.createDirectories(dir), args).jvm(List.of("-Xmx3g"));
    long launched = System.nanoTime();
    app.start(Duration.ofMinutes(10), "Imported PEOPLE from");
    line(
        "%n## %s%n%nstarted and bootstrap imported in %.1f s%n",
        db, (System.nanoTime() - launched) / 1e9);
    try {
      AppSession admin = signIn(app, "admin");
      operator = admin;
      operatorCsrf = null;
      importOrganisation(app, admin, root);
      startYears(app, admin);
      restStartBaseline(app);
      seedSarReviews(app);
      measurePages(app);
      if (measureMail) {
        reminders(app, smtp);
      }
    } finally {
      app.stop();
      Files.writeString(Path.of("target", "national-" + db + "-app.log"), app.log());
      smtp.stop();
      if (postgres != null) {
        postgres.stop();
      }
    }
  }

  // ---------------------------------------------------------------- import

  private void importOrganisation(AppProcess app, AppSession admin, Path root) throws Exception {
    line("%n| import (HTTP upload as admin, all-or-nothing) | rows | time |%n|---|---:|---:|%n");
    upload(app, admin, "DISTRICTS", root.resolve("all/districts.csv"), "districts, nation");
    upload(app, admin, "SCHOOLS", root.resolve("big/schools.csv"), "schools, the big district");
    upload(app, admin, "PEOPLE", root.resolve("big/people.csv"), "people, the big district");
    upload(app, admin, "SCHOOLS", root.resolve("all/schools.csv"), "schools, nation");
    upload(app, admin, "PEOPLE", root.resolve("all/people.csv"), "people, nation");
  }

  private void upload(AppProcess app, AppSession admin, String kind, Path file, String what)
      throws Exception {
    String boundary = "----qaflow" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String csrf = admin.csrf("/admin/organisation/import");
    body.write(
        ("--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n"
                + "--%s\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n%s\r\n"
                + "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .formatted(boundary, csrf, boundary, kind, boundary, file.getFileName())
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    long rows = Files.lines(file).count() - 1;
    long t = System.nanoTime();
    HttpResponse<String> r =
        admin.send(
            HttpRequest.newBuilder(app.uri("/admin/organisation/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
            Duration.ofMinutes(60));
    double seconds = (System.nanoTime() - t) / 1e9;
    assertThat(r.statusCode()).as("upload %s", what).isEqualTo(302);
    String report = admin.get("/admin/organisation/import").body();
    assertThat(report).as("import report of %s", what).contains("class=\"ok\"");
    line("| %s | %,d | %.1f s |%n", what, rows, seconds);
  }

  // ---------------------------------------------------------------- starting the year

  /**
   * Each district's year as its people start it: the admin starts the district's cycle, its QA
   * officer publishes the guidance (a form post), and that step starts every school's cycle.
   */
  private void startYears(AppProcess app, AppSession admin) throws Exception {
    String csrf = admin.csrf("/district?district=" + dataset.bigDistrict());
    double bigSeconds = 0;
    double allSeconds = 0;
    for (int d = 0; d < districts; d++) {
      String district = NationalDataset.district(d);
      if (district.equals(dataset.restDistrict())) {
        continue;
      }
      HttpResponse<String> r =
          admin.post(
              "/district/start", Map.of("_csrf", csrf, "district", district, "year", "" + year));
      assertThat(r.statusCode()).as("start %s", district).isEqualTo(302);
      String task =
          rest(
                  app,
                  "/engine-rest/task?taskDefinitionKey=Task_PublishGuidance&processInstanceBusinessKey="
                      + enc(DistrictQaCycleProcess.businessKey(district, year)))
              .get(0)
              .get("id")
              .asText();
      AppSession officer = signIn(app, NationalDataset.qaOfficer(d));
      String formCsrf = officer.csrf("/tasks/" + task);
      long t = System.nanoTime();
      HttpResponse<String> done =
          officer.post(
              "/tasks/" + task + "/complete",
              Map.of(
                  "_csrf",
                  formCsrf,
                  "guidanceLink",
                  "https://qa.example/" + district,
                  "guidanceSummary",
                  "แนวทางการประกันคุณภาพปี " + year,
                  "calendarChecked",
                  "true"));
      double seconds = (System.nanoTime() - t) / 1e9;
      assertThat(done.statusCode()).as("guidance of %s: %s", district, done.body()).isEqualTo(302);
      allSeconds += seconds;
      if (d == 0) {
        bigSeconds = seconds;
      }
    }
    long started =
        count(app, "/engine-rest/process-instance/count?processDefinitionKey=SchoolQaCycle");
    int expected = schools - dataset.schoolsOf(1);
    assertThat(started).as("school cycles started over HTTP").isEqualTo(expected);
    line(
        "%n| starting the year (the officer's guidance post starts the schools' cycles) | cycles |"
            + " time | per cycle |%n|---|---:|---:|---:|%n| the big district | %d | %.1f s | %.1f ms"
            + " |%n| every district but one | %,d | %.1f s | %.1f ms |%n",
        bigDistrict,
        bigSeconds,
        bigSeconds * 1000 / bigDistrict,
        started,
        allSeconds,
        allSeconds * 1000 / started);
    perCycleApp = allSeconds * 1000 / started;
  }

  double perCycleApp;

  /**
   * P4's baseline: the same cycles started with the engine's REST API alone, one request per school
   * with the variables the app gives a cycle (copied from one the app started).
   */
  private void restStartBaseline(AppProcess app) throws Exception {
    JsonNode sample =
        rest(
            app,
            "/engine-rest/process-instance?processDefinitionKey=SchoolQaCycle&businessKey="
                + enc(SchoolQaCycleProcess.businessKey(NationalDataset.school(0, 0), year)));
    String id = sample.get(0).get("id").asText();
    ObjectNode variables =
        (ObjectNode)
            rest(app, "/engine-rest/process-instance/" + id + "/variables?deserializeValues=false");
    int n = dataset.schoolsOf(1);
    long t = System.nanoTime();
    for (int s = 0; s < n; s++) {
      String code = NationalDataset.school(1, s);
      variables.set("schoolCode", stringVar(code));
      variables.set("schoolName", stringVar("โรงเรียนทดสอบ " + code));
      variables.set("districtCode", stringVar(NationalDataset.district(1)));
      variables.set("clusterCode", stringVar(NationalDataset.cluster(1, s)));
      ObjectNode start = JSON.createObjectNode();
      start.put("businessKey", SchoolQaCycleProcess.businessKey(code, year));
      start.set("variables", variables);
      HttpResponse<String> r =
          app.http(restPost("/engine-rest/process-definition/key/SchoolQaCycle/start", app, start));
      assertThat(r.statusCode()).as("REST start %s: %s", code, r.body()).isEqualTo(200);
    }
    double perCycle = (System.nanoTime() - t) / 1e6 / n;
    line(
        "| baseline: REST start loop (POST /engine-rest/process-definition/key/…/start), one"
            + " district | %d | %.1f s | %.1f ms |%n%nP4 ratio (app ÷ REST, per cycle): **%.2f**%n",
        n, perCycle * n / 1000, perCycle, perCycleApp / perCycle);
  }

  private static ObjectNode stringVar(String value) {
    ObjectNode v = JSON.createObjectNode();
    v.put("type", "String");
    v.put("value", value);
    return v;
  }

  /**
   * Every school of the big district submits its SAR (the message the school's cycle sends), so
   * each cluster supervisor has the review tasks of their 15 schools, as in March.
   */
  private void seedSarReviews(AppProcess app) throws Exception {
    for (int s = 0; s < bigDistrict; s++) {
      String code = NationalDataset.school(0, s);
      String businessKey = SchoolQaCycleProcess.businessKey(code, year);
      String cycleId =
          rest(
                  app,
                  "/engine-rest/process-instance?processDefinitionKey=SchoolQaCycle&businessKey="
                      + enc(businessKey))
              .get(0)
              .get("id")
              .asText();
      ObjectNode vars = JSON.createObjectNode();
      vars.set("schoolCode", stringVar(code));
      vars.set("schoolName", stringVar("โรงเรียนทดสอบ " + code));
      vars.set("districtCode", stringVar(dataset.bigDistrict()));
      vars.set("clusterCode", stringVar(NationalDataset.cluster(0, s)));
      vars.set("academicYear", JSON.createObjectNode().put("type", "Integer").put("value", year));
      vars.set(
          SarReviewProcess.VAR_ROUND,
          JSON.createObjectNode().put("type", "Integer").put("value", 1));
      vars.set(SarReviewProcess.VAR_SCHOOL_CYCLE_ID, stringVar(cycleId));
      ObjectNode message = JSON.createObjectNode();
      message.put("messageName", SchoolQaCycleProcess.MESSAGE_SAR_SUBMITTED);
      message.put("businessKey", businessKey);
      message.set("processVariables", vars);
      HttpResponse<String> r = app.http(restPost("/engine-rest/message", app, message));
      assertThat(r.statusCode()).as("SAR submitted %s: %s", code, r.body()).isIn(200, 204);
    }
  }

  // ---------------------------------------------------------------- pages

  private void measurePages(AppProcess app) throws Exception {
    long cycles =
        count(app, "/engine-rest/process-instance/count?processDefinitionKey=SchoolQaCycle");
    long tasks = count(app, "/engine-rest/task/count");
    line(
        "%n%,d school cycles and %,d open tasks running. p50/p95 of %d rounds after 3 warm-ups,"
            + " page and baseline alternating; statements = JDBC statements of one request"
            + " (engine MyBatis + Spring JDBC, counted from the app's debug log)%n%n"
            + "| goal | page (user) | rows / bytes | page p50 / p95 | statements | baseline |"
            + " rows | baseline p50 / p95 | statements | ratio p50 / p95 |%n"
            + "|---|---|---:|---:|---:|---|---:|---:|---:|---:|%n",
        cycles, tasks, rounds);
    String big = dataset.bigDistrict();
    tasklist(app, "P1 school", NationalDataset.schoolQa(0, 0));
    tasklist(app, "P1 cluster supervisor", NationalDataset.supervisor(0, 0));
    tasklist(app, "P1 QA officer (250 schools)", NationalDataset.qaOfficer(0));
    AppSession officer = signIn(app, NationalDataset.qaOfficer(0));
    compare(
        app,
        "P2 district dashboard (≤ 1.0)",
        officer,
        "/monitoring/districts/" + big,
        "/engine-rest/process-definition/statistics");
    compare(
        app,
        "P2 national view (≤ 2.0)",
        signIn(app, "admin"),
        "/monitoring?year=" + year,
        "/engine-rest/process-definition/statistics");
    line("%n%s", readModel);
    readModel.setLength(0);
  }

  private void tasklist(AppProcess app, String goal, String user) throws Exception {
    AppSession session = signIn(app, user);
    String groups =
        stream(rest(app, "/engine-rest/group?member=" + enc(user)))
            .map(g -> g.get("id").asText())
            .collect(Collectors.joining(","));
    compare(
        app,
        goal,
        session,
        "/tasks",
        "/engine-rest/task?candidateGroups="
            + enc(groups)
            + "&includeAssignedTasks=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=100");
  }

  private void compare(AppProcess app, String goal, AppSession page, String path, String restPath)
      throws Exception {
    HttpRequest restRequest =
        HttpRequest.newBuilder(app.uri(restPath)).header("Authorization", BASIC).GET().build();
    Supplier<HttpResponse<String>> restCall = () -> call(() -> app.http(restRequest));
    Supplier<HttpResponse<String>> pageCall = () -> call(() -> page.get(path));
    for (int i = 0; i < 3; i++) {
      assertThat(pageCall.get().statusCode()).as(path).isEqualTo(200);
      assertThat(restCall.get().statusCode()).as(restPath).isEqualTo(200);
    }
    List<Long> pageNanos = new ArrayList<>();
    List<Long> restNanos = new ArrayList<>();
    HttpResponse<String> lastPage = null;
    HttpResponse<String> lastRest = null;
    List<Long> readNanos = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      lastPage = pageCall.get();
      pageNanos.add(System.nanoTime() - t);
      Matcher read = READ_MS.matcher(lastPage.body());
      if (read.find()) {
        readNanos.add(Long.parseLong(read.group(1)) * 1_000_000);
      }
      t = System.nanoTime();
      lastRest = restCall.get();
      restNanos.add(System.nanoTime() - t);
    }
    String db = databaseNow;
    int pageStatements = statements(app, db + " " + goal + " " + path, pageCall);
    int restStatements = statements(app, db + " " + goal + " " + restPath, restCall);
    Latencies p = new Latencies(pageNanos);
    Latencies b = new Latencies(restNanos);
    long rows =
        TASK_LINK.matcher(lastPage.body()).results().map(m -> m.group(1)).distinct().count();
    JsonNode restBody = JSON.readTree(lastRest.body());
    line(
        "| %s | `%s` (%s) | %d / %,d B | %.0f / %.0f ms | %d | `%s` | %d | %.0f / %.0f ms | %d |"
            + " **%.2f** / **%.2f** |%n",
        goal,
        path,
        page.user(),
        rows,
        lastPage.body().getBytes(StandardCharsets.UTF_8).length,
        p.p(50),
        p.p(95),
        pageStatements,
        restPath.replaceAll("\\?.*", "?…"),
        restBody.isArray() ? restBody.size() : 1,
        b.p(50),
        b.p(95),
        restStatements,
        p.p(50) / b.p(50),
        p.p(95) / b.p(95));
    if (!readNanos.isEmpty()) {
      Latencies read = new Latencies(readNanos);
      readModel.append(
          ("%s: the page's own figure for reading and assembling its data p50 %.0f / p95 %.0f ms"
                  + " (%d distinct values among the rounds: the figures are kept up to a minute, so most"
                  + " requests read nothing) against the page's %.0f / %.0f ms%n")
              .formatted(
                  goal,
                  read.p(50),
                  read.p(95),
                  readNanos.stream().distinct().count(),
                  p.p(50),
                  p.p(95)));
    }
  }

  /** The national view says how long reading its data took ("read in N ms"). */
  static final Pattern READ_MS =
      Pattern.compile("(?:อ่านข้อมูล|read in) (\\d+) (?:มิลลิวินาที|ms)");

  private final StringBuilder readModel = new StringBuilder();

  /**
   * The JDBC statements one request runs on the app's request threads; the most frequent ones go to
   * target/national-statements.md.
   */
  private int statements(AppProcess app, String what, Supplier<HttpResponse<String>> request)
      throws Exception {
    for (String logger : StatementLog.LOGGERS) {
      setLogLevel(app, logger, "DEBUG");
    }
    int from = app.log().length();
    request.get();
    for (String logger : StatementLog.LOGGERS) {
      setLogLevel(app, logger, null);
    }
    Thread.sleep(200);
    String log = app.log();
    Matcher m = STATEMENT.matcher(log.substring(Math.min(from, log.length())));
    Map<String, Integer> counts = new TreeMap<>();
    int total = 0;
    while (m.find()) {
      total++;
      String sql = m.group(1).replaceAll("\\s+", " ").strip();
      counts.merge(sql.substring(0, Math.min(160, sql.length())), 1, Integer::sum);
    }
    statementLog.append("%n### %s: %d statements%n%n".formatted(what, total));
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(12)
        .forEach(e -> statementLog.append("- %d × `%s`%n".formatted(e.getValue(), e.getKey())));
    return total;
  }

  final StringBuilder statementLog = new StringBuilder();

  /**
   * Through the actuator's loggers endpoint, exposed for this run only; as the signed-in admin (an
   * operator), whose session's CSRF token the endpoint wants for a POST.
   */
  private void setLogLevel(AppProcess app, String logger, String level) throws Exception {
    if (operatorCsrf == null) {
      operatorCsrf = operator.csrf("/admin/organisation/import");
    }
    HttpResponse<String> r =
        operator.send(
            HttpRequest.newBuilder(app.uri("/actuator/loggers/" + logger))
                .header("X-CSRF-TOKEN", operatorCsrf)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        level == null ? "{}" : "{\"configuredLevel\":\"" + level + "\"}")),
            Duration.ofSeconds(60));
    assertThat(r.statusCode()).as("logger %s: %s", logger, r.body()).isEqualTo(204);
  }

  private AppSession operator;
  private String operatorCsrf;

  // ---------------------------------------------------------------- reminders (P3)

  static final Pattern SCAN_LINE =
      Pattern.compile(
          "Reminder scan: (\\d+) tasks, (\\d+) reminders, (\\d+) escalations, (\\d+) digests"
              + " in (\\d+) ms");
  static final Pattern DRAIN_LINE = Pattern.compile("Outbox: (\\d+) mails sent in (\\d+) ms");

  /**
   * P3: the cycles just started are overdue in the calendar (the standards stage ended months ago),
   * so the scan escalates every one of them at once. Waits until the mail server has had nothing
   * new for a minute after a scan, then compares the app's biggest drain with the same mails sent
   * by raw JavaMail over one reused connection to the same server.
   */
  private void reminders(AppProcess app, GreenMail smtp) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(40).toNanos();
    int last = -1;
    long stableSince = System.nanoTime();
    // (wall-clock ms, mails received so far), once a second
    List<long[]> samples = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      int now = smtp.getReceivedMessages().length;
      samples.add(new long[] {System.currentTimeMillis(), now});
      boolean scanned = SCAN_LINE.matcher(app.log()).find();
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      } else if (scanned && System.nanoTime() - stableSince > Duration.ofSeconds(60).toNanos()) {
        break;
      }
      Thread.sleep(1000);
    }
    String log = app.log();
    long scanTasks = 0;
    long scanMails = 0;
    long scanMs = 0;
    long scanEnded = 0;
    Matcher scan = SCAN_LINE.matcher(log);
    while (scan.find()) {
      long mails = Long.parseLong(scan.group(2)) + Long.parseLong(scan.group(3));
      if (mails > scanMails) {
        scanTasks = Long.parseLong(scan.group(1));
        scanMails = mails;
        scanMs = Long.parseLong(scan.group(5));
        // the log line starts with its instant: when the burst's mails were all in the outbox
        int lineStart = log.lastIndexOf('\n', scan.start()) + 1;
        scanEnded =
            java.time.Instant.parse(log.substring(lineStart, log.indexOf(' ', lineStart)))
                .toEpochMilli();
      }
    }
    // after the burst is in the outbox: the mails the server accepted until the last one came
    long burstFrom = scanEnded;
    long[] from = samples.stream().filter(x -> x[0] >= burstFrom).findFirst().orElse(null);
    long[] to = samples.get(samples.size() - 1);
    for (long[] x : samples) {
      if (x[1] == to[1]) {
        to = x;
        break;
      }
    }
    double burstPerSecond =
        from == null || to[0] <= from[0] ? 0 : (to[1] - from[1]) * 1000.0 / (to[0] - from[0]);
    long drainMails = 0;
    long drainMs = 0;
    long drainsTotal = 0;
    Matcher drain = DRAIN_LINE.matcher(log);
    while (drain.find()) {
      long mails = Long.parseLong(drain.group(1));
      drainsTotal += mails;
      if (mails > drainMails) {
        drainMails = mails;
        drainMs = Long.parseLong(drain.group(2));
      }
    }
    jakarta.mail.internet.MimeMessage[] received = smtp.getReceivedMessages();
    long distinct =
        java.util.Arrays.stream(received)
            .map(m -> call(() -> m.getMessageID() + " " + String.join(",", m.getHeader("To"))))
            .distinct()
            .count();
    int n = (int) Math.min(received.length, Math.max(drainMails, 1));
    double rawPerSecond = rawJavaMail(smtp, java.util.Arrays.asList(received).subList(0, n));
    double appPerSecond = drainMs == 0 ? 0 : drainMails * 1000.0 / drainMs;
    line(
        "%n| P3 reminders | figure |%n|---|---:|%n"
            + "| the biggest scan: open tasks / mails decided / time | %,d / %,d / %,d ms |%n"
            + "| mails accepted by SMTP in the run (drains logged) | %,d (%,d) |%n"
            + "| duplicates (same Message-ID and recipient twice) | %d |%n"
            + "| the biggest drain (its log line) | %,d mails in %,d ms = %.0f mails/s |%n"
            + "| after the burst was in the outbox, until the last mail: %,d mails in %.0f s |"
            + " %.0f mails/s |%n"
            + "| raw JavaMail, one reused connection, the same %,d mails, same server | %.0f"
            + " mails/s |%n| **P3 ratio** (after the burst ÷ raw, goal ≥ 0.67) | **%.2f** |%n",
        scanTasks,
        scanMails,
        scanMs,
        received.length,
        drainsTotal,
        received.length - distinct,
        drainMails,
        drainMs,
        appPerSecond,
        from == null ? 0 : to[1] - from[1],
        from == null ? 0 : (to[0] - from[0]) / 1000.0,
        burstPerSecond,
        n,
        rawPerSecond,
        burstPerSecond / rawPerSecond);
  }

  /** The baseline of P3: the messages sent again over one connection, in this JVM. */
  private static double rawJavaMail(GreenMail smtp, List<jakarta.mail.internet.MimeMessage> mails)
      throws Exception {
    java.util.Properties props = new java.util.Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    jakarta.mail.Session session = jakarta.mail.Session.getInstance(props);
    long t = System.nanoTime();
    try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
      transport.connect();
      for (jakarta.mail.internet.MimeMessage m : mails) {
        transport.sendMessage(m, m.getAllRecipients());
      }
    }
    return mails.size() / ((System.nanoTime() - t) / 1e9);
  }

  // ---------------------------------------------------------------- helpers

  private AppSession signIn(AppProcess app, String user) throws Exception {
    return new AppSession(app, user, NationalDataset.PASSWORD);
  }

  private long count(AppProcess app, String path) throws Exception {
    return rest(app, path).get("count").asLong();
  }

  private JsonNode rest(AppProcess app, String path) throws Exception {
    HttpResponse<String> r =
        app.http(HttpRequest.newBuilder(app.uri(path)).header("Authorization", BASIC).build());
    assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpRequest restPost(String path, AppProcess app, JsonNode body) throws Exception {
    return HttpRequest.newBuilder(app.uri(path))
        .header("Authorization", BASIC)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list.stream();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  interface Call<T> {
    T run() throws Exception;
  }

  private static <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void line(String format, Object... args) {
    String text = String.format(format, args);
    System.out.print(text.lines().map(l -> "NATIONAL " + l + "\n").collect(Collectors.joining()));
    table.append(text);
  }
}
