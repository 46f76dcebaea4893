package th.qaflow.monitoring.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.kernel.Stage;

/**
 * National scale on H2 (the test context): ~245 districts × ~120 schools (one district of 150) =
 * ~29,000 schools, a full year of 12 stages each (~350,000 rows) written straight into the read
 * model, then the national aggregation and a 150-school district's rows are timed. Run: see
 * docs/benchmarks/monitoring.md.
 */
@QaFlowTest
@Tag("benchmark")
class MonitoringScaleBenchmark {
  static final int YEAR = 2719;

  @Autowired th.qaflow.kernel.Stages stageRegistry;
  @Autowired StageStatusTable table;
  @Autowired Clock clock;

  @Test
  void nationalViewAndDistrictDashboardAtNationalScale() {
    int districts = Integer.getInteger("bench.districts", 245);
    int perDistrict = Integer.getInteger("bench.schools", 118);
    Instant now = clock.instant();
    List<StageRow> rows = new ArrayList<>();
    Stage[] stages = stageRegistry.all().toArray(Stage[]::new);
    int schools = 0;
    for (int d = 0; d < districts; d++) {
      String district = String.valueOf(7000 + d);
      int n = d == 0 ? 150 : perDistrict;
      for (int s = 0; s < n; s++) {
        String school = district + String.format("%06d", s);
        schools++;
        for (int i = 0; i < Math.min(12, stages.length); i++) {
          boolean done = (s + i) % 5 != 0;
          Instant due = now.minus(30 - i * 5L, ChronoUnit.DAYS);
          rows.add(
              new StageRow(
                  school,
                  YEAR,
                  stages[i].name(),
                  district,
                  district + "-C" + (s % 10),
                  "SchoolQaCycle",
                  "pi-" + school,
                  "t-" + school + "-" + i,
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
    }
    long t0 = System.nanoTime();
    table.insertAll(rows, now);
    long insertMs = (System.nanoTime() - t0) / 1_000_000;
    for (int warm = 0; warm < 2; warm++) {
      table.national(YEAR, now);
      table.ofDistrict("7000", YEAR);
    }
    long t1 = System.nanoTime();
    int groups = table.national(YEAR, now).size();
    table.schoolsPerDistrict(YEAR);
    long nationalMs = (System.nanoTime() - t1) / 1_000_000;
    long t2 = System.nanoTime();
    List<StageRow> district = table.ofDistrict("7000", YEAR);
    district.forEach(r -> Cell.of(r, now, 7));
    long districtMs = (System.nanoTime() - t2) / 1_000_000;
    System.out.printf(
        "MONITORING schools=%d rows=%d insert=%dms national=%dms (%d groups) district150=%dms (%d rows)%n",
        schools, rows.size(), insertMs, nationalMs, groups, districtMs, district.size());
  }
}
