package th.qaflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.support.EmbeddedPostgresExtension;
import th.qaflow.support.Mails;

/**
 * Two nodes on one PostgreSQL (docs/benchmarks/two-nodes.md): the real app in two child JVMs on one
 * embedded PostgreSQL (Camunda's cluster mode: a shared database, the job executor, the reminder
 * scan and the outbox sender on each node), a GreenMail server in this JVM as their SMTP server.
 *
 * <ol>
 *   <li>one node, after a warm-up (completions and a reminder burst, not counted): a burst of "set
 *       standards" completions over HTTP by concurrent school users, then a reminder burst (every
 *       open task's due date moved three days ahead at once, so every task's person gets a "due in
 *       3 days" mail from the node's scan and sender);
 *   <li>the second node started and warmed up the same way: the same burst on fresh schools, split
 *       over both nodes (each user signed in on one node, as a load balancer with sticky sessions
 *       does), then a reminder burst ("due in 1 day") that both nodes' scanners and senders share;
 *       then a one-node burst again (node B idle), for the drift of the shared machine's load;
 *   <li>no duplicate: every completion once in the engine's history, every mail once (per
 *       Message-ID and per recipient and subject), no failed job or incident.
 * </ol>
 *
 * Not part of the normal run: {@code ./mvnw -B test -Dqaflow.excludedGroups=none
 * -Dtest=TwoNodesBenchmark -Dqaflow.lint.skip=true}; the figures are the TWO-NODES lines of the
 * -output.txt.
 */
@Tag("benchmark")
class TwoNodesBenchmark {
  static final String DISTRICT = "1099";
  static final Duration START = Duration.ofMinutes(5);

  @TempDir Path dir;

  /** Schools completed in each measured burst (one node, then two). */
  final int burst = Integer.getInteger("twonodes.burst", 100);

  /** Schools whose completion warms each node up before it is measured. */
  final int warmup = Integer.getInteger("twonodes.warmup", 60);

  /** Concurrent users in a burst (all nodes together). */
  final int users = Integer.getInteger("twonodes.users", 16);

  final List<String> table = new ArrayList<>();

  @Test
  void twoNodes() throws Exception {
    int schools = 3 * burst + 2 * warmup;
    Path importDir = organisation(schools);
    EmbeddedPostgresExtension postgres = new EmbeddedPostgresExtension().withEngineSchema();
    postgres.start();
    GreenMail smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    AppProcess a = null;
    AppProcess b = null;
    try {
      List<String> common = new ArrayList<>(AppProcess.onPostgres(postgres));
      common.addAll(AppProcess.mailTo(smtp.getSmtp().getPort()));
      common.addAll(
          List.of(
              "--qaflow.demo.enabled=false",
              "--qaflow.security.password-cost=4",
              // reminders of a day are due from midnight, Bangkok (the benchmark runs at any hour)
              "--qaflow.notification.reminder-time=00:00",
              "--qaflow.notification.digest-time=23:59",
              "--qaflow.notification.scan-interval=PT3S",
              "--qaflow.notification.send-interval=PT1S"));
      List<String> argsA = new ArrayList<>(common);
      argsA.addAll(
          List.of(
              "--qaflow.import-dir=" + importDir,
              "--camunda.bpm.generic-properties.properties.hostname=node-a"));
      List<String> argsB = new ArrayList<>(common);
      argsB.add("--camunda.bpm.generic-properties.properties.hostname=node-b");

      a = new AppProcess(dir, argsA).jvm(List.of("-Xmx768m"));
      a.start(START, "Imported PEOPLE from");
      started.add(a);
      int year = AcademicYears.of(LocalDate.now(AcademicYears.ZONE)) + 1;
      AppSession officer = new AppSession(a, "qaofficer");
      long t0 = System.nanoTime();
      assertThat(officer.startCycles(DISTRICT, year).statusCode()).isEqualTo(302);
      row(
          "setup: %d schools imported, year %d started over HTTP on node A in %d ms",
          schools, year, (System.nanoTime() - t0) / 1_000_000);
      immediateReminders(postgres, schools);

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      int next = 1;
      // one node, warmed up first (the JIT: a cold node spends several times the CPU a completion)
      row(
          "warm-up node A: %s",
          completions(List.of(a), range(next, warmup), acknowledged, postgres));
      next += warmup;
      row("warm-up reminders, node A: %s", reminders(postgres, smtp, 0, "DUE_TODAY"));
      Burst one = completions(List.of(a), range(next, burst), acknowledged, postgres);
      next += burst;
      row("completions, one node: %s", one);
      Reminders remindOne = reminders(postgres, smtp, 3, "DUE_IN_3");
      row("reminders, one node: %s", remindOne);

      // two nodes: node B started and warmed up the same way
      deploymentsBeforeB = deployments(postgres);
      b = new AppProcess(dir, argsB).jvm(List.of("-Xmx768m"));
      long tb = System.nanoTime();
      b.start(START, "Started QaFlowApplication");
      started.add(b);
      row("node B started in %d ms", (System.nanoTime() - tb) / 1_000_000);
      row(
          "warm-up node B: %s",
          completions(List.of(b), range(next, warmup), acknowledged, postgres));
      next += warmup;
      row("warm-up reminders, both nodes: %s", reminders(postgres, smtp, 7, "DUE_IN_7"));
      Burst two = completions(List.of(a, b), range(next, burst), acknowledged, postgres);
      next += burst;
      row("completions, two nodes: %s", two);
      Reminders remindTwo = reminders(postgres, smtp, 1, "DUE_IN_1");
      row("reminders, two nodes: %s", remindTwo);

      // one node again (node B up but sent no request), so that a drift of the machine's load shows
      Burst again = completions(List.of(a), range(next, burst), acknowledged, postgres);
      row("completions, one node again (B idle): %s", again);

      double oneRate = (one.perSecond() + again.perSecond()) / 2;
      row(
          "RATIO two nodes / one node: completions/s %.2f (%.2f against the mean of both one-node"
              + " runs); reminder mails/s %.2f",
          two.perSecond() / one.perSecond(),
          two.perSecond() / oneRate,
          remindTwo.perSecond() / remindOne.perSecond());

      checkNoDuplicates(postgres, smtp, acknowledged, schools);
    } finally {
      for (AppProcess node : new AppProcess[] {a, b}) {
        if (node != null) {
          node.stop();
          Files.writeString(Path.of("target", "twonodes-app-" + node.port() + ".log"), node.log());
        }
      }
      smtp.stop();
      postgres.stop();
      System.out.println("TWO-NODES ---- summary");
      table.forEach(l -> System.out.println("TWO-NODES " + l));
    }
  }

  private void row(String format, Object... args) {
    String line = String.format(format, args);
    table.add(line);
    System.out.println("TWO-NODES " + line);
  }

  private static List<Integer> range(int first, int count) {
    List<Integer> r = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      r.add(i);
    }
    return r;
  }

  // ---------------------------------------------------------------- the organisation

  /** One district, {@code schools} schools in clusters of 20, each with its QA, director, board. */
  private Path organisation(int schools) throws Exception {
    Path d = Files.createDirectories(dir.resolve("import"));
    Files.writeString(
        d.resolve("districts.csv"),
        "code,name_th,name_en,kind\n"
            + DISTRICT
            + ",สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 1,Benchmark Primary Educational Service"
            + " Area Office 1,PRIMARY\n");
    StringBuilder s =
        new StringBuilder(
            "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n");
    StringBuilder p =
        new StringBuilder(
            "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password\n");
    p.append("admin,ธนวัฒน์,ระบบดี,admin@bench.example,ADMIN,,,,demo\n");
    p.append(
        "qaofficer,ปรียานุช,แก้วมณี,qaofficer@bench.example,DISTRICT_QA_OFFICER,1099,,,demo\n");
    p.append(
        "supdirector,สุรชัย,ทองคำ,supdirector@bench.example,SUPERVISION_DIRECTOR,1099,,,demo\n");
    for (int i = 1; i <= schools; i++) {
      int cluster = (i - 1) / 20 + 1;
      String code = DISTRICT + String.format("%06d", i);
      s.append(
          String.format(
              "%s,99%06d,โรงเรียนทดสอบที่ %d,Benchmark School %d,%s,%s-C%d,กลุ่มโรงเรียนที่ %d,true,true%n",
              code, i, i, i, DISTRICT, DISTRICT, cluster, cluster));
      if ((i - 1) % 20 == 0) {
        p.append(
            String.format(
                "supervisor%d,อรุณี,บุญมา,supervisor%d@bench.example,SUPERVISOR,%s,,%s-C%d,demo%n",
                cluster, cluster, DISTRICT, DISTRICT, cluster));
      }
      for (String role :
          List.of("qa:SCHOOL_QA", "director:SCHOOL_DIRECTOR", "board:SCHOOL_BOARD")) {
        String[] r = role.split(":");
        p.append(
            String.format(
                "%s%d,สมชาย,ใจดี,%s%d@bench.example,%s,,%s,,demo%n", r[0], i, r[0], i, r[1], code));
      }
    }
    Files.writeString(d.resolve("schools.csv"), s);
    Files.writeString(d.resolve("people.csv"), p);
    return d;
  }

  /** Every school person chooses immediate reminders (the default is the daily digest). */
  private static void immediateReminders(EmbeddedPostgresExtension postgres, int schools)
      throws Exception {
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        var insert =
            c.prepareStatement(
                "insert into notification_preference (user_id, mode, updated_at)"
                    + " values (?, 'IMMEDIATE', now())")) {
      for (int i = 1; i <= schools; i++) {
        for (String role : List.of("qa", "director", "board")) {
          insert.setString(1, role + i);
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  // ---------------------------------------------------------------- completions

  record Burst(
      int nodes, int done, int failed, long ms, Map<String, Double> cpuSeconds, String load) {
    double perSecond() {
      return done * 1000.0 / ms;
    }

    /** CPU ms per completion: the nodes together, and PostgreSQL. */
    String cpuPerCompletion() {
      double app =
          cpuSeconds.entrySet().stream()
              .filter(e -> e.getKey().startsWith("node"))
              .mapToDouble(Map.Entry::getValue)
              .sum();
      return String.format(
          "app %.0f ms, postgres %.0f ms",
          app * 1000 / done, cpuSeconds.getOrDefault("postgres", 0.0) * 1000 / done);
    }

    @Override
    public String toString() {
      return String.format(
          "%d nodes, %d completions saved (%d not) in %d ms = %.1f completions/s; CPU s %s;"
              + " CPU a completion: %s; load average %s",
          nodes, done, failed, ms, perSecond(), cpuSeconds, cpuPerCompletion(), load);
    }
  }

  /**
   * The schools' QA users, each signed in on one node (round robin), complete their school's "set
   * standards" task at once, {@link #users} at a time. Sign-in and finding the task are not timed.
   */
  private Burst completions(
      List<AppProcess> nodes,
      List<Integer> schools,
      Set<String> acknowledged,
      EmbeddedPostgresExtension postgres)
      throws Exception {
    Map<AppSession, String> work = new LinkedHashMap<>();
    int n = 0;
    for (int school : schools) {
      AppSession qa = new AppSession(nodes.get(n++ % nodes.size()), "qa" + school);
      List<String> ids = qa.taskIds();
      assertThat(ids).as("qa%d's tasks", school).hasSize(1);
      work.put(qa, ids.get(0));
    }
    Cpu before = Cpu.now(nodes, postgres);
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<Boolean>> results = new ArrayList<>();
    long t0 = System.nanoTime();
    for (var e : work.entrySet()) {
      results.add(
          pool.submit(
              () -> {
                boolean saved = e.getKey().completeStandards(e.getValue());
                if (saved) {
                  acknowledged.add(e.getValue());
                }
                return saved;
              }));
    }
    int done = 0;
    for (Future<Boolean> f : results) {
      if (f.get(10, TimeUnit.MINUTES)) {
        done++;
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    pool.shutdown();
    return new Burst(
        nodes.size(),
        done,
        work.size() - done,
        ms,
        Cpu.now(nodes, postgres).minus(before),
        loadAverage());
  }

  // ---------------------------------------------------------------- reminders

  record Reminders(
      int nodes,
      int tasks,
      int mails,
      long firstMs,
      long lastMs,
      Map<String, Double> cpuSeconds,
      String load,
      Map<String, Double> idleCpu15s) {
    /** Mails/s from the first mail of the burst to its last. */
    double perSecond() {
      return mails * 1000.0 / Math.max(1, lastMs - firstMs);
    }

    @Override
    public String toString() {
      return String.format(
          "%d nodes running, %d tasks moved, %d mails; first after %d ms, last after %d ms"
              + " = %.1f mails/s between them (%.1f mails/s from the move); CPU s %s; load average"
              + " %s; then 15 s with nothing new (the scans re-reading the %d tasks): CPU s %s",
          nodes,
          tasks,
          mails,
          firstMs,
          lastMs,
          perSecond(),
          mails * 1000.0 / Math.max(1, lastMs),
          cpuSeconds,
          load,
          tasks,
          idleCpu15s);
    }
  }

  /**
   * Moves every open task's due date {@code days} ahead at once and waits until GreenMail has
   * received one mail of {@code kind} for every person of every moved task. The move is one SQL
   * update of the engine's task table (what an operator's bulk change would do; moving 240 tasks
   * one by one through the engine REST API took ~40 s under load, so the nodes' scans picked them
   * up a few at a time and there was no burst to measure). The scan and send intervals are 3 s and
   * 1 s on each node.
   */
  private Reminders reminders(
      EmbeddedPostgresExtension postgres, GreenMail smtp, int days, String kind) throws Exception {
    List<AppProcess> running = running();
    int before = Mails.ofKind(List.of(smtp.getReceivedMessages()), kind).size();
    Cpu cpu0 = Cpu.now(running, postgres);
    int tasks;
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        var update =
            c.prepareStatement(
                "update act_ru_task set due_date_ = ?, rev_ = rev_ + 1 where proc_def_id_ like"
                    + " 'SchoolQaCycle:%'")) {
      update.setTimestamp(
          1,
          java.sql.Timestamp.from(
              // "due today" (0 days): an hour from now
              (days == 0
                      ? ZonedDateTime.now(AcademicYears.ZONE).plusHours(1)
                      : ZonedDateTime.now(AcademicYears.ZONE).plusDays(days))
                  .toInstant()));
      tasks = update.executeUpdate();
    }
    // one candidate group per task (the school's QA or board), one person in each: a mail a task
    int expected = tasks;
    long t0 = System.nanoTime();
    long first = -1;
    int got = 0;
    long deadline = t0 + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      got = Mails.ofKind(List.of(smtp.getReceivedMessages()), kind).size() - before;
      if (got > 0 && first < 0) {
        first = (System.nanoTime() - t0) / 1_000_000;
      }
      if (got >= expected) {
        break;
      }
      Thread.sleep(50);
    }
    long last = (System.nanoTime() - t0) / 1_000_000;
    Map<String, Double> cpu = Cpu.now(running, postgres).minus(cpu0);
    // a few seconds more: a duplicate would arrive now
    Thread.sleep(8000);
    // what the scans cost while nothing is new: the tasks stay in the horizon, every scan reads
    // them
    Cpu idle0 = Cpu.now(running, postgres);
    Thread.sleep(15_000);
    Map<String, Double> idle = Cpu.now(running, postgres).minus(idle0);
    // out of the horizon again, so that the scans of the next burst start from nothing
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "update act_ru_task set due_date_ = due_date_ + interval '400 days', rev_ = rev_ + 1"
              + " where proc_def_id_ like 'SchoolQaCycle:%'");
    }
    assertThat(got).as("%s mails for %d tasks", kind, tasks).isGreaterThanOrEqualTo(expected);
    return new Reminders(running.size(), tasks, got, first, last, cpu, loadAverage(), idle);
  }

  private final List<AppProcess> started = new ArrayList<>();

  private List<AppProcess> running() {
    return List.copyOf(started);
  }

  // ---------------------------------------------------------------- no duplicates

  private void checkNoDuplicates(
      EmbeddedPostgresExtension postgres, GreenMail smtp, Set<String> acknowledged, int schools)
      throws Exception {
    MimeMessage[] mails = smtp.getReceivedMessages();
    Map<String, Long> perMessageId =
        java.util.Arrays.stream(mails)
            .collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
    Map<String, Long> perRecipientSubject =
        java.util.Arrays.stream(mails)
            .collect(
                Collectors.groupingBy(
                    m -> Mails.to(m) + " | " + Mails.subject(m), Collectors.counting()));
    Map<String, Long> kinds =
        new TreeMap<>(
            java.util.Arrays.stream(mails)
                .collect(Collectors.groupingBy(Mails::kind, Collectors.counting())));
    long dupIds = perMessageId.values().stream().filter(c -> c > 1).count();
    long dupSubjects = perRecipientSubject.values().stream().filter(c -> c > 1).count();
    row(
        "mails received %d by kind %s; Message-IDs seen twice or more: %d; (recipient, subject)"
            + " seen twice or more: %d",
        mails.length, kinds, dupIds, dupSubjects);

    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        Statement st = c.createStatement()) {
      int completed =
          one(
              st,
              "select count(*) from act_hi_taskinst where task_def_key_ = 'Task_SetStandards'"
                  + " and end_time_ is not null and delete_reason_ = 'completed'");
      int twice =
          one(
              st,
              "select count(*) from (select proc_inst_id_ from act_hi_taskinst"
                  + " where task_def_key_ = 'Task_SetStandards' and end_time_ is not null"
                  + " group by proc_inst_id_ having count(*) > 1) x");
      int endorse =
          one(
              st,
              "select count(*) from (select proc_inst_id_ from act_hi_taskinst"
                  + " where task_def_key_ = 'Task_BoardEndorseStandards'"
                  + " group by proc_inst_id_ having count(*) > 1) x");
      int ackedDone =
          one(
              st,
              "select count(*) from act_hi_taskinst where end_time_ is not null and id_ in ('"
                  + String.join("','", acknowledged)
                  + "')");
      int failedJobs = one(st, "select count(*) from act_ru_job where exception_msg_ is not null");
      int incidents = one(st, "select count(*) from act_ru_incident");
      int failureLogs =
          one(st, "select count(*) from act_hi_job_log where job_exception_msg_ is not null");
      Map<String, Integer> jobsByHost = new TreeMap<>();
      try (ResultSet rs =
          st.executeQuery(
              "select coalesce(hostname_, '?'), count(*) from act_hi_job_log"
                  + " where job_state_ = 2 group by hostname_")) {
        while (rs.next()) {
          jobsByHost.put(rs.getString(1), rs.getInt(2));
        }
      }
      Map<String, Integer> outbox = new TreeMap<>();
      try (ResultSet rs =
          st.executeQuery(
              "select status || ' by ' || coalesce(split_part(locked_by, '/', 1), '-'), count(*)"
                  + " from mail_outbox group by 1")) {
        while (rs.next()) {
          outbox.put(rs.getString(1), rs.getInt(2));
        }
      }
      int deployments = one(st, "select count(*) from act_re_deployment");
      assertThat(deployments).as("deployments after node B's start").isEqualTo(deploymentsBeforeB);
      int outboxRows = one(st, "select count(*) from mail_outbox");
      int outboxKeys = one(st, "select count(distinct dedup_key) from mail_outbox");
      row(
          "engine: %d set-standards tasks completed, %d acknowledged (%d of them ended in the history),"
              + " %d process instances with a task completed twice, %d with two board endorsements;"
              + " failed jobs %d, incidents %d, job failure logs %d, successful jobs by node %s;"
              + " outbox %d rows, %d keys; engine deployments %d before node B started, %d after",
          completed,
          acknowledged.size(),
          ackedDone,
          twice,
          endorse,
          failedJobs,
          incidents,
          failureLogs,
          jobsByHost,
          outboxRows,
          outboxKeys,
          deploymentsBeforeB,
          deployments);
      assertThat(ackedDone).isEqualTo(acknowledged.size());
      assertThat(completed).isEqualTo(acknowledged.size());
      assertThat(twice).isZero();
      assertThat(endorse).isZero();
      assertThat(failedJobs).isZero();
      assertThat(incidents).isZero();
      assertThat(outboxRows).isEqualTo(outboxKeys);
    }
    assertThat(dupIds).as("Message-IDs received twice").isZero();
    assertThat(dupSubjects).as("(recipient, subject) received twice").isZero();
    assertThat(mails.length).isEqualTo(perMessageId.size());
  }

  private int deploymentsBeforeB;

  private static int deployments(EmbeddedPostgresExtension postgres) throws Exception {
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
        Statement st = c.createStatement()) {
      return one(st, "select count(*) from act_re_deployment");
    }
  }

  private static int one(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  // ---------------------------------------------------------------- CPU time

  /** The machine's 1-minute load average (2 cores: above 2, processes wait for a CPU). */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  /** CPU seconds used so far by each node, PostgreSQL (server and backends) and this JVM. */
  record Cpu(Map<String, Double> seconds) {
    static Cpu now(List<AppProcess> nodes, EmbeddedPostgresExtension postgres) {
      Map<String, Double> s = new LinkedHashMap<>();
      for (AppProcess node : nodes) {
        s.put("node:" + node.port(), ticks(node.pid(), false) / 100.0);
      }
      s.put("postgres", postgresTicks(postgres) / 100.0);
      s.put(
          "benchmark+smtp",
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1e9);
      return new Cpu(s);
    }

    Map<String, Double> minus(Cpu before) {
      Map<String, Double> d = new LinkedHashMap<>();
      seconds.forEach(
          (k, v) -> d.put(k, Math.round((v - before.seconds.getOrDefault(k, 0.0)) * 10) / 10.0));
      return d;
    }

    /** utime + stime (and with children, their finished children's) from /proc, in ticks. */
    static long ticks(long pid, boolean withChildren) {
      try {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the name: state is f[0]; utime = field 14 → f[11], stime f[12], cutime
        // f[13],
        // cstime f[14]
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withChildren) {
          t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return t;
      } catch (Exception gone) {
        return 0;
      }
    }

    /** The postmaster (with its finished backends) and its live backends. */
    static long postgresTicks(EmbeddedPostgresExtension postgres) {
      try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("show data_directory")) {
        rs.next();
        long master =
            Long.parseLong(
                Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
        long total = ticks(master, true);
        try (var procs = Files.list(Path.of("/proc"))) {
          for (Path p : procs.toList()) {
            String name = p.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit)) {
              continue;
            }
            try {
              String status = Files.readString(p.resolve("status"));
              if (status.contains("\nPPid:\t" + master + "\n")) {
                total += ticks(Long.parseLong(name), false);
              }
            } catch (Exception gone) {
              // exited meanwhile
            }
          }
        }
        return total;
      } catch (Exception e) {
        return 0;
      }
    }
  }
}
