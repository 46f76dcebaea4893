package th.qaflow.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import th.qaflow.QaFlowApplication;
import th.qaflow.support.EmbeddedPostgresExtension;

/**
 * The real application in a child JVM (this test's classpath, the app's main class), so a test can
 * kill it the way a crash or {@code kill -9} does and start it again on the same database.
 */
final class AppProcess {
  private final Path workDir;
  private final Path log;
  private final int port;
  private final List<String> args;
  private List<String> jvm = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1");
  private Process process;

  AppProcess(Path workDir, List<String> args) throws IOException {
    this.workDir = workDir;
    this.port = freePort();
    this.args = args;
    this.log = workDir.resolve("app-" + port + ".log");
  }

  /** The app's mail to an SMTP server of the test's JVM: no login, no TLS, no embedded server. */
  static List<String> mailTo(int smtpPort) {
    return List.of(
        "--qaflow.mail.embedded.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--spring.mail.properties.mail.smtp.auth=false",
        "--spring.mail.properties.mail.smtp.starttls.enable=false",
        "--spring.mail.properties.mail.smtp.starttls.required=false");
  }

  /** The app on the postgres profile, on this embedded server (engine tables already made). */
  static List<String> onPostgres(EmbeddedPostgresExtension postgres) {
    return List.of(
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + postgres.jdbcUrl(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=");
  }

  /** JVM options instead of the quick-start defaults (a benchmark wants the full JIT). */
  AppProcess jvm(List<String> options) {
    this.jvm = options;
    return this;
  }

  long pid() {
    return process.pid();
  }

  int port() {
    return port;
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** Starts the app and waits until its login page answers and its log has the given line. */
  AppProcess start(Duration timeout, String readyLine) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8"));
    command.addAll(jvm);
    // the test classpath's config/application.yml switches the background jobs off and reads the
    // national view on every request for in-JVM tests; the real app runs the jobs and keeps the
    // national figures a minute (its config/application-demo.yml still gives the embedded mail
    // server free ports)
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            QaFlowApplication.class.getName(),
            "--server.port=" + port,
            "--qaflow.notification.scheduling.enabled=true",
            "--qaflow.monitoring.national-max-age=1m"));
    command.addAll(args);
    File logFile = log.toFile();
    process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile))
            .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the app exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200 && log().contains(readyLine)) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new AssertionError("the app did not start within " + timeout + ":\n" + logTail());
  }

  /** A request to the app as anonymous (e.g. with its own Authorization header). */
  HttpResponse<String> http(HttpRequest request) throws Exception {
    return http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), request);
  }

  /**
   * A request through a client that keeps a user's cookies; a request never waits more than 60 s.
   */
  HttpResponse<String> http(HttpClient client, HttpRequest request) throws Exception {
    HttpRequest timed =
        HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(60)).build();
    return client.send(timed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** SIGKILL: no shutdown hook, no connection pool close, no database close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: Spring's orderly shutdown, which closes the database. */
  void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
