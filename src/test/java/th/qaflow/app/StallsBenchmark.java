package th.qaflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.qaflow.kernel.AcademicYears;

/**
 * Stalls (docs/benchmarks/stalls.md): the real app with the demo district in a child JVM (default
 * profile, H2 file database), measured over HTTP.
 *
 * <ol>
 *   <li>the district dashboard under {@code stalls.users} (20) concurrent users, against the engine
 *       REST statistics query under the same load in the same run (the baseline);
 *   <li>a burst of "remind now" posts and task completions while the mail server does not answer
 *       (the outbox sender hangs on it), with a cheap page polled meanwhile; a thread dump of the
 *       app is taken mid-burst.
 * </ol>
 *
 * Not part of the normal run: {@code ./mvnw -B test -Dqaflow.excludedGroups=none
 * -Dtest=StallsBenchmark}; figures in the -output.txt.
 */
@Tag("benchmark")
class StallsBenchmark {
  static final Pattern REMIND =
      Pattern.compile("action=\"/monitoring/tasks/([0-9a-f-]{36})/remind");

  @TempDir Path dir;

  @Test
  void stalls() throws Exception {
    int users = Integer.getInteger("stalls.users", 20);
    int rounds = Integer.getInteger("stalls.rounds", 15);
    try (ServerSocket tarpit = new ServerSocket(0)) {
      List<Socket> held = new CopyOnWriteArrayList<>();
      Thread accept =
          new Thread(
              () -> {
                // an SMTP server that accepts and never answers, like a mail relay that has gone
                // away
                while (!tarpit.isClosed()) {
                  try {
                    held.add(tarpit.accept());
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      accept.setDaemon(true);
      accept.start();

      AppProcess app =
          new AppProcess(
                  dir,
                  List.of(
                      "--qaflow.demo.enabled=true",
                      "--qaflow.mail.embedded.enabled=false",
                      "--spring.mail.host=127.0.0.1",
                      "--spring.mail.port=" + tarpit.getLocalPort(),
                      // the production profile's SMTP timeouts: each mail holds the sender 20 s,
                      // then fails and is retried later
                      "--spring.mail.properties.mail.smtp.connectiontimeout=10000",
                      "--spring.mail.properties.mail.smtp.timeout=20000",
                      "--spring.mail.properties.mail.smtp.writetimeout=20000",
                      "--qaflow.notification.send-interval=PT1S",
                      "--qaflow.notification.scan-interval=PT5S"))
              .jvm(List.of("-Xmx1g"));
      app.start(java.time.Duration.ofMinutes(5), "Demo district 1099 loaded");
      try {
        dashboard(app, users, rounds);
        burst(app);
      } finally {
        app.stop();
        Files.writeString(Path.of("target", "stalls-app.log"), app.log());
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  private void dashboard(AppProcess app, int users, int rounds) throws Exception {
    List<AppSession> sessions = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      sessions.add(new AppSession(app, "qaofficer"));
    }
    String basic =
        "Basic "
            + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));
    HttpRequest stats =
        HttpRequest.newBuilder(app.uri("/engine-rest/process-definition/statistics"))
            .header("Authorization", basic)
            .GET()
            .build();
    // warm up both (JIT, first template parse), then measure each under the same concurrency
    for (AppSession s : sessions.subList(0, 2)) {
      for (int i = 0; i < 5; i++) {
        assertThat(s.get("/monitoring/districts/1099").statusCode()).isEqualTo(200);
        assertThat(app.http(stats).statusCode()).isEqualTo(200);
      }
    }
    for (int pass = 1; pass <= 2; pass++) {
      Latencies dash =
          load(users, rounds, i -> sessions.get(i).get("/monitoring/districts/1099").statusCode());
      Latencies rest = load(users, rounds, i -> app.http(stats).statusCode());
      System.out.printf(
          "STALLS dashboard pass %d, %d users x %d: dashboard %s; engine REST statistics %s;"
              + " p50 ratio %.1f, p95 ratio %.1f%n",
          pass, users, rounds, dash, rest, dash.p(50) / rest.p(50), dash.p(95) / rest.p(95));
    }
  }

  private void burst(AppProcess app) throws Exception {
    AppSession officer = new AppSession(app, "qaofficer");
    int current = AcademicYears.of(LocalDate.now(AcademicYears.ZONE));
    // next year's cycles: a "set standards" task for every school's QA group to complete in the
    // burst
    assertThat(officer.startCycles("1099", current + 1).statusCode()).isEqualTo(302);
    Set<String> overdue = new LinkedHashSet<>();
    Matcher m = REMIND.matcher(officer.get("/monitoring/districts/1099").body());
    while (m.find()) {
      overdue.add(m.group(1));
    }
    assertThat(overdue).as("overdue tasks on the demo dashboard").isNotEmpty();
    List<AppSession> reminders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      reminders.add(new AppSession(app, i % 2 == 0 ? "qaofficer" : "supdirector"));
    }
    Map<AppSession, String> completions = new java.util.LinkedHashMap<>();
    for (int school = 1; school <= 8; school++) {
      AppSession qa = new AppSession(app, "qa" + school);
      for (String id : qa.taskIds()) {
        if (qa.get("/tasks/" + id).body().contains("name=\"standardsFramework\"")) {
          completions.put(qa, id);
        }
      }
    }
    AppSession poller = new AppSession(app, "qa1");

    List<Long> remind = Collections.synchronizedList(new ArrayList<>());
    List<Long> complete = Collections.synchronizedList(new ArrayList<>());
    List<Long> poll = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> statuses = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Future<?>> work = new ArrayList<>();
    long t0 = System.nanoTime();
    for (AppSession s : reminders) {
      String csrf = s.csrf("/monitoring/districts/1099"); // one token per session serves every post
      work.add(
          pool.submit(
              () -> {
                for (int round = 0; round < 3; round++) {
                  for (String id : overdue) {
                    long start = System.nanoTime();
                    HttpResponse<String> r =
                        s.post("/monitoring/tasks/" + id + "/remind", Map.of("_csrf", csrf));
                    remind.add(System.nanoTime() - start);
                    statuses.merge("remind " + r.statusCode(), 1, Integer::sum);
                  }
                }
                return null;
              }));
    }
    for (var e : completions.entrySet()) {
      work.add(
          pool.submit(
              () -> {
                long start = System.nanoTime();
                boolean done = e.getKey().completeStandards(e.getValue());
                complete.add(System.nanoTime() - start);
                statuses.merge("complete " + (done ? "saved" : "not saved"), 1, Integer::sum);
                return null;
              }));
    }
    Future<?> poller1 =
        pool.submit(
            () -> {
              while (running.get()) {
                long start = System.nanoTime();
                poller.get("/tasks");
                poll.add(System.nanoTime() - start);
                Thread.sleep(100);
              }
              return null;
            });
    // the thread dump once half the reminders are written and the sender has had time to take them
    int half = overdue.size() * 3 * reminders.size() / 2;
    while (remind.size() < half && work.stream().anyMatch(f -> !f.isDone())) {
      Thread.sleep(50);
    }
    Thread.sleep(3000);
    Path dump = Path.of("target", "stalls-threads.txt");
    Process jstack =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jstack").toString(),
                String.valueOf(app.pid()))
            .redirectErrorStream(true)
            .redirectOutput(dump.toFile())
            .start();
    jstack.waitFor(60, TimeUnit.SECONDS);
    for (Future<?> f : work) {
      f.get(5, TimeUnit.MINUTES);
    }
    long burstMs = (System.nanoTime() - t0) / 1_000_000;
    running.set(false);
    poller1.get(1, TimeUnit.MINUTES);
    pool.shutdown();
    System.out.printf(
        "STALLS burst (%d overdue tasks x 3 rounds x %d users remind now, %d completions) in %d ms:"
            + " remind now %s; completion %s; /tasks polled meanwhile %s; %s; thread dump %s (%d bytes)%n",
        overdue.size(),
        reminders.size(),
        completions.size(),
        burstMs,
        new Latencies(remind),
        new Latencies(complete),
        new Latencies(poll),
        statuses,
        dump.toAbsolutePath(),
        Files.size(dump));
    System.out.println(
        "STALLS scheduler threads in the app mid-burst (Spring's own pool-N-thread-1 before the fix):");
    for (String block : Files.readString(dump).split("\n\n")) {
      if (block.startsWith("\"pool-")
          || block.startsWith("\"scheduling")
          || block.startsWith("\"qaflow")) {
        block.lines().limit(12).forEach(l -> System.out.println("  " + l));
      }
    }
  }

  interface Call {
    int run(int user) throws Exception;
  }

  private static Latencies load(int users, int rounds, Call call) throws Exception {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<?>> futures = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int user = u;
      futures.add(
          pool.submit(
              () -> {
                for (int r = 0; r < rounds; r++) {
                  long start = System.nanoTime();
                  assertThat(call.run(user)).isEqualTo(200);
                  nanos.add(System.nanoTime() - start);
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.MINUTES);
    }
    pool.shutdown();
    return new Latencies(nanos);
  }
}
