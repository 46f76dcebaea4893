package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.qaflow.cycle.CycleService;
import th.qaflow.kernel.Stage;
import th.qaflow.organisation.District;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.support.EmbeddedPostgresExtension;
import th.qaflow.web.export.TableWriter;

/**
 * National scale on a real PostgreSQL (embedded): the organisation tables hold ~245 districts and
 * ~29,000 schools, the read model a full year of 12 stages for each (plus the previous year, so the
 * plans see more than one year), then the pages' work is timed through the same beans the
 * controller uses: the national view, a 150-school district dashboard, its CSV/XLSX exports, and a
 * rebuild from history after starting the cycles of a slice of districts. Prints the PostgreSQL
 * query plans (EXPLAIN ANALYZE) of the read-model queries and checks that the selective ones use an
 * index. Run: see docs/benchmarks/monitoring.md.
 */
@SpringBootTest(
    properties = {"qaflow.demo.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("postgres")
@Tag("benchmark")
class MonitoringPostgresBenchmark {
  static final int YEAR = 2830;

  @RegisterExtension
  static final EmbeddedPostgresExtension postgres =
      new EmbeddedPostgresExtension().withEngineSchema();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    postgres.register(registry);
  }

  @Autowired StageStatusTable table;
  @Autowired Clock clock;
  @Autowired Dashboards dashboards;
  @Autowired Exports exports;
  @Autowired OrganisationDirectory directory;
  @Autowired ReadModelRebuild rebuild;
  @Autowired CycleService cycles;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;

  @Test
  void nationalViewDistrictDashboardExportsAndRebuildOnPostgres() {
    int districts = Integer.getInteger("bench.districts", 245);
    int perDistrict = Integer.getInteger("bench.schools", 118);
    int rebuildDistricts = Integer.getInteger("bench.rebuildDistricts", 2);
    assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    Instant now = clock.instant();

    long t0 = System.nanoTime();
    int schools = fillOrganisation(districts, perDistrict);
    long orgMs = ms(t0);

    long t1 = System.nanoTime();
    int rows = 0;
    for (int year : new int[] {YEAR - 1, YEAR}) {
      List<StageRow> batch = new ArrayList<>();
      for (int d = 0; d < districts; d++) {
        String district = district(d);
        for (int s = 0; s < schools(d, perDistrict); s++) {
          addYear(
              batch,
              school(district, s),
              district,
              s,
              year,
              year == YEAR ? now : now.minus(365, ChronoUnit.DAYS));
        }
        if (batch.size() > 20_000) {
          table.insertAll(batch, now);
          rows += batch.size();
          batch.clear();
        }
      }
      table.insertAll(batch, now);
      rows += batch.size();
    }
    long insertMs = ms(t1);
    // what autovacuum does on a live database: statistics and the visibility map (for index-only
    // scans)
    jdbc.sql("vacuum analyze stage_status").update();

    District big = directory.district(district(0)).orElseThrow();
    for (int warm = 0; warm < 2; warm++) {
      dashboards.national(YEAR);
      dashboards.district(big, YEAR, Dashboards.Filters.NONE, Set.of());
    }
    long nationalMs = best(() -> dashboards.national(YEAR).districts().size());
    int nationalLines = dashboards.national(YEAR).districts().size();
    long dashboardMs =
        best(() -> dashboards.district(big, YEAR, Dashboards.Filters.NONE, Set.of()).schoolCount());
    Dashboards.Dashboard dashboard =
        dashboards.district(big, YEAR, Dashboards.Filters.NONE, Set.of());
    Locale th = Locale.forLanguageTag("th");
    long csvMs =
        best(
            () ->
                TableWriter.csv(
                        exports.matrix(
                            dashboards.district(big, YEAR, Dashboards.Filters.NONE, Set.of()), th),
                        th)
                    .length);
    long xlsxMs =
        best(
            () ->
                TableWriter.xlsx(
                        exports.matrix(
                            dashboards.district(big, YEAR, Dashboards.Filters.NONE, Set.of()), th),
                        th)
                    .length);
    long overdueXlsxMs =
        best(
            () ->
                TableWriter.xlsx(
                        exports.overdue(
                            dashboards.district(big, YEAR, Dashboards.Filters.NONE, Set.of()), th),
                        th)
                    .length);
    int csvBytes = TableWriter.csv(exports.matrix(dashboard, th), th).length;
    int xlsxBytes = TableWriter.xlsx(exports.matrix(dashboard, th), th).length;

    System.out.printf(
        "MONITORING-PG districts=%d schools=%d rows=%d organisation=%dms insert=%dms%n",
        districts, schools, rows, orgMs, insertMs);
    System.out.printf(
        "MONITORING-PG national=%dms (%d districts) district150=%dms (%d schools, %d overdue)"
            + " matrix.csv=%dms (%d bytes) matrix.xlsx=%dms (%d bytes) overdue.xlsx=%dms%n",
        nationalMs,
        nationalLines,
        dashboardMs,
        dashboard.schoolCount(),
        dashboard.overdue().size(),
        csvMs,
        csvBytes,
        xlsxMs,
        xlsxBytes,
        overdueXlsxMs);
    assertThat(nationalLines).isEqualTo(districts);
    assertThat(dashboard.schoolCount()).isEqualTo(150);

    Timestamp t = StageStatusTable.ts(now);
    String national =
        plan(
            """
        select district_code, stage, count(*) as opened,
          sum(case when state = 'DONE' and (due_at is null or done_at <= due_at) then 1 else 0 end) as done_on_time,
          sum(case when state = 'DONE' and due_at is not null and done_at > due_at then 1 else 0 end) as done_late,
          sum(case when state = 'OPEN' and (due_at is null or due_at >= ?) then 1 else 0 end) as open_on_time,
          sum(case when state = 'OPEN' and due_at < ? then 1 else 0 end) as overdue
        from stage_status where academic_year = ? and school_code not like 'district-%'
        group by district_code, stage""",
            t, t, YEAR);
    String perDistrictPlan =
        plan(
            "select district_code, count(distinct school_code) from stage_status"
                + " where academic_year = ? and school_code not like 'district-%' group by district_code",
            YEAR);
    String ofDistrict =
        plan(
            "select * from stage_status where academic_year = ? and district_code = ?",
            YEAR,
            district(0));
    String ofSchool =
        plan(
            "select * from stage_status where school_code = ? and academic_year = ?",
            school(district(0), 3),
            YEAR);
    String byTask =
        plan(
            "select * from stage_status where task_id = ?",
            "t-" + school(district(0), 3) + "-2-" + YEAR);
    String districtOwn =
        plan(
            "select * from stage_status where academic_year = ? and district_code = ?"
                + " and school_code = ?",
            YEAR,
            district(0),
            StageRow.districtRow(district(0)));
    System.out.println("MONITORING-PG plan national:\n" + national);
    System.out.println("MONITORING-PG plan schoolsPerDistrict:\n" + perDistrictPlan);
    System.out.println("MONITORING-PG plan ofDistrict:\n" + ofDistrict);
    System.out.println("MONITORING-PG plan ofSchool:\n" + ofSchool);
    System.out.println("MONITORING-PG plan byTask:\n" + byTask);
    System.out.println("MONITORING-PG plan districtOwn:\n" + districtOwn);
    assertThat(ofDistrict).contains("Index").doesNotContain("Seq Scan");
    assertThat(ofSchool).contains("Index").doesNotContain("Seq Scan");
    assertThat(byTask).contains("Index").doesNotContain("Seq Scan");
    assertThat(districtOwn).contains("Index").doesNotContain("Seq Scan");
    // the national view reads a whole year (here half the table): PostgreSQL chooses between a
    // parallel
    // sequential scan and the covering index stage_status_year_district by cost; both are printed
    // above
    assertThat(national).contains("academic_year = " + YEAR);

    // Rebuild from history: start the real cycles of a slice of districts (the engine writes their
    // history),
    // then replace the table from it. It drops the synthetic rows (they have no history).
    long t2 = System.nanoTime();
    int started = 0;
    for (int d = 0; d < rebuildDistricts; d++) {
      started += cycles.startYear(district(d), YEAR, "bench").started().size();
    }
    long startMs = ms(t2);
    long t3 = System.nanoTime();
    int rebuilt = rebuild.rebuild();
    long rebuildMs = ms(t3);
    long historicTasks =
        jdbc.sql("select count(*) from act_hi_taskinst").query(Long.class).single();
    long historicVariables =
        jdbc.sql("select count(*) from act_hi_varinst").query(Long.class).single();
    System.out.printf(
        "MONITORING-PG rebuild: %d cycles started in %dms; history %d tasks, %d variables;"
            + " rebuild %d rows in %dms%n",
        started, startMs, historicTasks, historicVariables, rebuilt, rebuildMs);
    assertThat(rebuilt).isEqualTo(started);
  }

  private int fillOrganisation(int districts, int perDistrict) {
    List<Object[]> ds = new ArrayList<>();
    List<Object[]> cs = new ArrayList<>();
    List<Object[]> ss = new ArrayList<>();
    int schools = 0;
    for (int d = 0; d < districts; d++) {
      String district = district(d);
      ds.add(new Object[] {district, "สพป.ทดสอบ " + d, "Bench district " + d, "PRIMARY"});
      for (int c = 0; c < 10; c++) {
        cs.add(new Object[] {cluster(district, c), district, "กลุ่มเครือข่าย " + c});
      }
      for (int s = 0; s < schools(d, perDistrict); s++) {
        ss.add(
            new Object[] {
              school(district, s),
              String.format("%08d", d * 1000 + s),
              "โรงเรียนทดสอบ " + d + "-" + s,
              null,
              district,
              cluster(district, s % 10),
              s % 3 == 0,
              true
            });
        schools++;
      }
    }
    template.batchUpdate(
        "insert into district (code, name_th, name_en, kind) values (?,?,?,?)", ds);
    template.batchUpdate("insert into cluster (code, district_code, name_th) values (?,?,?)", cs);
    for (int from = 0; from < ss.size(); from += 2000) {
      template.batchUpdate(
          "insert into school (code, smis_code, name_th, name_en, district_code, cluster_code,"
              + " early_childhood, basic) values (?,?,?,?,?,?,?,?)",
          ss.subList(from, Math.min(ss.size(), from + 2000)));
    }
    return schools;
  }

  private static void addYear(
      List<StageRow> rows, String school, String district, int s, int year, Instant now) {
    Stage[] stages = th.qaflow.cycle.SchoolStage.values();
    for (int i = 0; i < Math.min(12, stages.length); i++) {
      boolean done = (s + i) % 5 != 0;
      Instant due = now.minus(30 - i * 5L, ChronoUnit.DAYS);
      rows.add(
          new StageRow(
              school,
              year,
              stages[i].name(),
              district,
              cluster(district, s % 10),
              "SchoolQaCycle",
              "pi-" + school + "-" + year,
              "t-" + school + "-" + i + "-" + year,
              "Task_" + i,
              done ? "DONE" : "OPEN",
              1,
              null,
              due,
              due.minus(10, ChronoUnit.DAYS),
              done ? due.minus(1, ChronoUnit.DAYS) : null,
              done ? "u" : null,
              null,
              "school-" + school + "-qa"));
    }
  }

  private String plan(String sql, Object... params) {
    return String.join(
        "\n", template.queryForList("explain (analyze, buffers) " + sql, String.class, params));
  }

  private static long best(Supplier<Integer> work) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      work.get();
      best = Math.min(best, ms(t));
    }
    return best;
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static int schools(int d, int perDistrict) {
    return d == 0 ? 150 : perDistrict;
  }

  private static String district(int d) {
    return String.valueOf(7000 + d);
  }

  private static String cluster(String district, int c) {
    return district + "-C" + c;
  }

  private static String school(String district, int s) {
    return district + String.format("%06d", s);
  }
}
