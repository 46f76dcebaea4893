package th.qaflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.EmbeddedPostgresExtension;

/**
 * Whatever the app acknowledges survives a crash. The real app runs in a child JVM; eight school QA
 * users complete their standards tasks over HTTP at once; the app is killed with SIGKILL in the
 * middle of the burst, restarted on the same database, and every completion that got its "saved"
 * answer (302 to /tasks) must be done: the engine's history has its end time, the runtime task is
 * gone and QA Flow's own record of the submission is there. On the default H2 file database (the
 * shipped URL, in a temp folder) and on PostgreSQL. Tagged {@code crash}: part of the normal build.
 */
@Tag("crash")
class CrashDurabilityTest {
  static final Duration START = Duration.ofSeconds(150);

  /** The organisation import runs once the app is up; people can sign in after it. */
  static final String READY = "Imported PEOPLE from";

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void acknowledgedCompletionsSurviveAKillOnTheDefaultH2FileDatabase() throws Exception {
    // no datasource URL: the shipped default (./data/qaflow) under the child's working directory
    Outcome outcome = crashDuringBurst(List.of());
    try (Connection c =
        DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/qaflow"), "sa", "")) {
      checkDatabase(c, outcome.acknowledged());
    }
  }

  @Test
  void acknowledgedCompletionsSurviveAKillOnPostgres() throws Exception {
    EmbeddedPostgresExtension postgres = EmbeddedPostgresExtension.durable();
    postgres.start();
    try {
      postgres.createEngineSchema();
      Outcome outcome =
          crashDuringBurst(
              List.of(
                  "--spring.profiles.active=postgres",
                  "--spring.datasource.url=" + postgres.jdbcUrl(),
                  "--spring.datasource.username=postgres",
                  "--spring.datasource.password="));
      try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
        try (ResultSet rs = c.createStatement().executeQuery("show synchronous_commit")) {
          rs.next();
          assertThat(rs.getString(1))
              .as("PostgreSQL acknowledges a commit once it is on disk")
              .isEqualTo("on");
        }
        checkDatabase(c, outcome.acknowledged());
      }
      assertThat(outcome.logs())
          .as("QA Flow's own connections keep synchronous_commit on")
          .doesNotContain("synchronous_commit is off");
    } finally {
      postgres.stop();
    }
  }

  record Outcome(Set<String> acknowledged, String logs) {}

  private Outcome crashDuringBurst(List<String> databaseArgs) throws Exception {
    Path importDir = Files.createDirectories(dir.resolve("import"));
    for (String csv : List.of("districts.csv", "schools.csv", "people.csv")) {
      try (InputStream in = getClass().getResourceAsStream("/demo/" + csv)) {
        Files.copy(in, importDir.resolve(csv));
      }
    }
    List<String> args = new ArrayList<>(databaseArgs);
    args.addAll(List.of("--qaflow.demo.enabled=false", "--qaflow.import-dir=" + importDir));

    long t0 = System.nanoTime();
    AppProcess first = new AppProcess(dir, args).start(START, READY);
    long started = System.nanoTime();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    long killedAt;
    int total;
    try {
      // three academic years of the demo district: 24 "set standards" tasks, three per school's QA
      // group
      AppSession officer = new AppSession(first, "qaofficer");
      int current = AcademicYears.of(LocalDate.now(AcademicYears.ZONE));
      for (int year = current - 1; year <= current + 1; year++) {
        String csrf = officer.csrf("/cycles");
        HttpResponse<String> r =
            officer.post(
                "/cycles/start",
                Map.of("_csrf", csrf, "district", "1099", "year", String.valueOf(year)));
        assertThat(r.statusCode()).as("start year %s", year).isEqualTo(302);
      }
      Map<AppSession, List<String>> work = new LinkedHashMap<>();
      for (int school = 1; school <= 8; school++) {
        AppSession qa = new AppSession(first, "qa" + school);
        List<String> ids = qa.taskIds();
        assertThat(ids).as("qa%s's tasks", school).hasSize(3);
        work.put(qa, ids);
      }
      total = work.values().stream().mapToInt(List::size).sum();

      // the burst: every QA user completes their tasks; the app dies once half are acknowledged
      int killAfter = total / 2;
      AtomicInteger errors = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(work.size());
      for (var e : work.entrySet()) {
        pool.submit(
            () -> {
              for (String id : e.getValue()) {
                try {
                  if (e.getKey().completeStandards(id)) {
                    ackedAt.put(id, System.nanoTime());
                    acknowledged.add(id);
                  }
                } catch (Exception dead) {
                  errors.incrementAndGet();
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (acknowledged.size() < killAfter && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      first.kill();
      killedAt = System.nanoTime();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      assertThat(acknowledged)
          .as("completions acknowledged before the kill")
          .hasSizeGreaterThanOrEqualTo(killAfter);
    } catch (Throwable t) {
      first.kill();
      throw new AssertionError(t.getMessage() + "\n--- app log ---\n" + first.logTail(), t);
    }

    long t1 = System.nanoTime();
    AppProcess second = new AppProcess(dir, args).start(START, READY);
    long restarted = System.nanoTime();
    try {
      List<String> lost = new ArrayList<>();
      for (String id : acknowledged) {
        HttpResponse<String> r =
            second.http(
                HttpRequest.newBuilder(second.uri("/engine-rest/history/task?taskId=" + id))
                    .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                    .GET()
                    .build());
        assertThat(r.statusCode()).as("engine REST").isEqualTo(200);
        JsonNode tasks = JSON.readTree(r.body());
        if (tasks.isEmpty()
            || tasks.get(0).path("endTime").isNull()
            || tasks.get(0).path("endTime").isMissingNode()) {
          lost.add(id);
        }
      }
      Map<String, Long> msBeforeKill = new TreeMap<>();
      for (String id : lost) {
        msBeforeKill.put(id, (killedAt - ackedAt.get(id)) / 1_000_000);
      }
      System.out.printf(
          "crash test: %d tasks, %d acknowledged before the kill, %d of them lost after restart %s%n",
          total,
          acknowledged.size(),
          lost.size(),
          msBeforeKill.isEmpty() ? "" : "(ms before the kill: " + msBeforeKill.values() + ")");
      assertThat(lost)
          .as(
              "acknowledged completions open again after the restart (%d of %d; ms before the kill: %s)",
              lost.size(), acknowledged.size(), msBeforeKill.values())
          .isEmpty();
    } catch (Throwable t) {
      second.stop();
      throw t;
    }
    second.stop();
    System.out.printf(
        "crash test timing (ms): start %d, set-up and burst %d, restart %d, check and stop %d%n",
        ms(started - t0), ms(t1 - started), ms(restarted - t1), ms(System.nanoTime() - restarted));
    return new Outcome(acknowledged, first.log() + second.log());
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  /**
   * Read after the app stopped: engine history and runtime, and QA Flow's own submission record.
   */
  private static void checkDatabase(Connection c, Set<String> acknowledged) throws Exception {
    for (String id : acknowledged) {
      assertThat(
              count(
                  c,
                  "select count(*) from ACT_HI_TASKINST where ID_ = ? and END_TIME_ is not null",
                  id))
          .as("history of %s", id)
          .isEqualTo(1);
      assertThat(count(c, "select count(*) from ACT_RU_TASK where ID_ = ?", id))
          .as("runtime task %s", id)
          .isZero();
      assertThat(count(c, "select count(*) from task_submission where task_id = ?", id))
          .as("QA Flow's record of %s", id)
          .isEqualTo(1);
    }
  }

  private static int count(Connection c, String sql, String id) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
