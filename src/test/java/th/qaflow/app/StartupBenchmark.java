package th.qaflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up (docs/benchmarks/startup.md, issue 17 P5): QA Flow in its default profile (H2 file
 * database, demo district) against a plain Camunda Spring Boot starter app (same Spring Boot and
 * Camunda versions, H2 file database, one tiny process), each in a child JVM with the same JVM
 * options, in a fresh folder, alternating in the same run.
 *
 * <p>Not part of the normal run: {@code ./mvnw -B test -Dqaflow.excludedGroups=none
 * -Dtest=StartupBenchmark -Dqaflow.lint.skip=true}; figures (prefix {@code STARTUP}) in the
 * -output.txt. {@code -Dstartup.rounds=3}.
 */
@Tag("benchmark")
class StartupBenchmark {
  static final List<String> JVM = List.of("-Xmx1g");
  static final Duration TIMEOUT =
      Duration.ofMinutes(Integer.getInteger("startup.timeout-minutes", 10));
  static final String DEMO_LOADED = "Demo district 1099 loaded";
  static final Pattern STAMP =
      Pattern.compile(
          "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(?:Z|[+-]\\d\\d:\\d\\d))");

  @TempDir Path dir;

  @Test
  void startup() throws Exception {
    int rounds = Integer.getInteger("startup.rounds", 3);
    Path plain = buildPlainApp();
    // optional: another build of QA Flow's main classes (e.g. a copy of target/classes made before
    // a change), measured in the same rounds, for a before/after under the same machine load
    String before = System.getProperty("startup.before");
    List<Map<String, Long>> qaflow = new ArrayList<>();
    List<Map<String, Long>> older = new ArrayList<>();
    List<Map<String, Long>> baseline = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      // alternate which one goes first, so neither always follows the other's shutdown
      if (round % 2 == 1) {
        qaflow.add(qaflow(round, null));
        baseline.add(plain(plain, round));
      } else {
        baseline.add(plain(plain, round));
        qaflow.add(qaflow(round, null));
      }
      if (before != null) {
        older.add(qaflow(round, before));
      }
      System.out.printf(
          "STARTUP round %d: QA Flow %s; plain %s%s%n",
          round,
          qaflow.get(round - 1),
          baseline.get(round - 1),
          before == null ? "" : "; QA Flow before " + older.get(round - 1));
    }
    report("QA Flow", qaflow, baseline);
    if (before != null) {
      report("QA Flow before (" + before + ")", older, baseline);
    }
  }

  /**
   * QA Flow as the README runs it: default profile, H2 file database, the demo loaded; with {@code
   * classes}, that folder instead of target/classes on the class path.
   */
  private Map<String, Long> qaflow(int round, String classes) throws Exception {
    String name = (classes == null ? "qaflow-" : "qaflow-before-") + round;
    Path work = Files.createDirectories(dir.resolve(name));
    AppProcess app = new AppProcess(work, List.of()).jvm(JVM);
    String classPath = System.getProperty("java.class.path");
    long launched = System.currentTimeMillis();
    try {
      if (classes != null) {
        // AppProcess launches the child with this JVM's class path property
        String main = Path.of("target", "classes").toAbsolutePath().toString();
        assertThat(classPath).contains(main);
        System.setProperty("java.class.path", classPath.replace(main, classes));
      }
      app.start(TIMEOUT, DEMO_LOADED);
    } finally {
      System.setProperty("java.class.path", classPath);
    }
    long login = System.currentTimeMillis() - launched;
    try {
      String log = app.log();
      Map<String, Long> t = new LinkedHashMap<>();
      t.put("tomcat", at(log, "Tomcat started on port", launched));
      t.put("started", at(log, "Started QaFlowApplication in", launched));
      t.put("demo", at(log, DEMO_LOADED, launched));
      t.put("login200", login);
      t.put("loading", t.get("demo") - t.get("started"));
      Files.writeString(Path.of("target", "startup-" + name + ".log"), log);
      return t;
    } finally {
      app.stop();
    }
  }

  private Map<String, Long> plain(Path app, int round) throws Exception {
    Path work = Files.createDirectories(dir.resolve("plain-" + round));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8"));
    command.addAll(JVM);
    command.addAll(
        List.of(
            "-cp",
            app.resolve("BOOT-INF/classes")
                + File.pathSeparator
                + app.resolve("BOOT-INF/lib").toString()
                + File.separator
                + "*",
            "plain.PlainApplication",
            "--server.port=" + port));
    Path logFile = work.resolve("plain.log");
    long launched = System.currentTimeMillis();
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      Long answered = null;
      while (answered == null && System.nanoTime() < deadline) {
        assertThat(process.isAlive())
            .as("the plain app is running:\n" + Files.readString(logFile, StandardCharsets.UTF_8))
            .isTrue();
        try {
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/engine-rest/engine"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200 && r.body().contains("default")) {
            answered = System.currentTimeMillis() - launched;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (answered == null) {
          Thread.sleep(250);
        }
      }
      assertThat(answered).as("the plain app answered within " + TIMEOUT).isNotNull();
      String log = Files.readString(logFile, StandardCharsets.UTF_8);
      Files.writeString(Path.of("target", "startup-plain-" + round + ".log"), log);
      Map<String, Long> t = new LinkedHashMap<>();
      t.put("tomcat", at(log, "Tomcat started on port", launched));
      t.put("started", at(log, "Started PlainApplication in", launched));
      t.put("rest200", answered);
      return t;
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Milliseconds from the launch to the time stamp of the first log line containing the text. */
  private static long at(String log, String text, long launched) {
    for (String line : log.split("\n")) {
      if (line.contains(text)) {
        Matcher m = STAMP.matcher(line);
        assertThat(m.find()).as("time stamp of: " + line).isTrue();
        return OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli() - launched;
      }
    }
    throw new AssertionError("no log line with «" + text + "»");
  }

  private void report(String app, List<Map<String, Long>> qaflow, List<Map<String, Long>> plain) {
    long started = p50(plain, t -> t.get("started"));
    long rest = p50(plain, t -> t.get("rest200"));
    System.out.println(
        "STARTUP | | each round (s) | p50 (s) | ÷ plain started | ÷ plain REST 200 |");
    System.out.println("STARTUP |---|---|---|---|---|");
    row(app + ": Tomcat answers (503 while the demo loads)", qaflow, "tomcat", started, rest);
    row(app + ": Started (ApplicationReadyEvent)", qaflow, "started", started, rest);
    row(app + ": demo loaded (log line)", qaflow, "demo", started, rest);
    row(app + ": /login answers 200", qaflow, "login200", started, rest);
    row(app + ": demo loading alone (demo loaded − Started)", qaflow, "loading", started, rest);
    row("plain: Tomcat started", plain, "tomcat", started, rest);
    row("plain: Started (ApplicationReadyEvent)", plain, "started", started, rest);
    row("plain: /engine-rest/engine answers 200", plain, "rest200", started, rest);
  }

  private static void row(
      String name, List<Map<String, Long>> runs, String key, long started, long rest) {
    List<String> each = new ArrayList<>();
    for (Map<String, Long> run : runs) {
      each.add(seconds(run.get(key)));
    }
    long p50 = p50(runs, t -> t.get(key));
    System.out.printf(
        "STARTUP | %s | %s | %s | %.2f | %.2f |%n",
        name, String.join(", ", each), seconds(p50), p50 / (double) started, p50 / (double) rest);
  }

  private static long p50(List<Map<String, Long>> runs, Function<Map<String, Long>, Long> value) {
    List<Long> values = new ArrayList<>(runs.stream().map(value).toList());
    values.sort(Comparator.naturalOrder());
    return values.get((values.size() - 1) / 2);
  }

  private static String seconds(long millis) {
    return String.format("%.1f", millis / 1000.0);
  }

  /**
   * Writes a minimal Camunda Spring Boot starter project into target/startup-plain, builds it
   * offline with the repository's Maven wrapper (every artifact it needs is one QA Flow uses) and
   * unpacks its jar, so it runs from a class path as QA Flow does here.
   */
  private static Path buildPlainApp() throws Exception {
    Path project = Path.of("target", "startup-plain").toAbsolutePath();
    if (Files.exists(project)) {
      try (var old = Files.walk(project)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Path java = project.resolve("src/main/java/plain");
    Path resources = project.resolve("src/main/resources");
    Files.createDirectories(java);
    Files.createDirectories(resources);
    Files.writeString(project.resolve("pom.xml"), plainPom());
    Files.writeString(
        java.resolve("PlainApplication.java"),
        """
        package plain;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class PlainApplication {
          public static void main(String[] args) {
            SpringApplication.run(PlainApplication.class, args);
          }
        }
        """);
    Files.writeString(
        resources.resolve("application.yml"),
        """
        spring:
          datasource:
            url: jdbc:h2:file:./data/plain
        camunda:
          bpm:
            admin-user:
              id: demo
              password: demo
            filter:
              create: All tasks
        """);
    Files.writeString(
        resources.resolve("hello.bpmn"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_hello"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="Hello" name="Hello" isExecutable="true" camunda:historyTimeToLive="180">
            <bpmn:startEvent id="StartEvent_1" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Say" />
            <bpmn:userTask id="Task_Say" name="Say hello" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Say" targetRef="EndEvent_1" />
            <bpmn:endEvent id="EndEvent_1" />
          </bpmn:process>
        </bpmn:definitions>
        """);
    Path jar = project.resolve("target/plain-camunda-1.jar");
    String mvnw = Path.of("mvnw").toAbsolutePath().toString();
    Process build =
        new ProcessBuilder(mvnw, "-o", "-q", "-B", "package", "-DskipTests")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(project.resolve("build.log").toFile())
            .start();
    assertThat(build.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(build.exitValue())
        .as("offline build of the plain app:\n" + Files.readString(project.resolve("build.log")))
        .isZero();
    Path exploded = project.resolve("target/exploded");
    try (InputStream in = Files.newInputStream(jar);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path to = exploded.resolve(e.getName()).normalize();
        if (!to.startsWith(exploded)) {
          throw new IOException("bad entry " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(zip, to);
        }
      }
    }
    return exploded;
  }

  private static String plainPom() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-parent</artifactId>
            <version>%s</version>
            <relativePath/>
          </parent>
          <groupId>plain</groupId>
          <artifactId>plain-camunda</artifactId>
          <version>1</version>
          <properties><java.version>17</java.version></properties>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>org.camunda.bpm</groupId><artifactId>camunda-bom</artifactId>
                <version>%s</version><type>pom</type><scope>import</scope>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>org.camunda.bpm.springboot</groupId>
              <artifactId>camunda-bpm-spring-boot-starter-webapp</artifactId>
            </dependency>
            <dependency>
              <groupId>org.camunda.bpm.springboot</groupId>
              <artifactId>camunda-bpm-spring-boot-starter-rest</artifactId>
            </dependency>
            <dependency>
              <groupId>org.springframework.boot</groupId>
              <artifactId>spring-boot-starter-jdbc</artifactId>
            </dependency>
            <dependency>
              <groupId>com.h2database</groupId><artifactId>h2</artifactId><scope>runtime</scope>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-maven-plugin</artifactId>
                <!-- the jar tools are not in the local repository (offline build) -->
                <configuration><includeTools>false</includeTools></configuration>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(
            fromPom("<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)<"),
            fromPom("<camunda.version>([^<]+)<"));
  }

  /** The Spring Boot and Camunda versions of QA Flow's own pom. */
  private static String fromPom(String regex) {
    try {
      Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of("pom.xml")));
      assertThat(m.find()).as(regex + " in pom.xml").isTrue();
      return m.group(1).trim();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
