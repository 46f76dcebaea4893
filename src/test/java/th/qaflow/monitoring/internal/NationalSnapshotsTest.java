package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.TestOrganisation;

/**
 * The national view's figures are read once and shown until they are a {@code national-max-age}
 * old: rows written meanwhile appear after that, or at once after {@code forget} (the read model
 * rebuilt) or when the clock goes back; viewers arriving together get one reading.
 */
@QaFlowTest
class NationalSnapshotsTest {
  static final int YEAR = 2874;
  static final String DISTRICT = "2874";

  @Autowired Dashboards dashboards;
  @Autowired StageStatusTable table;
  @Autowired OrganisationImport organisation;

  /** The snapshots' own time, moved by the test (the view's figures use the engine's). */
  static final class TestClock extends Clock {
    volatile Instant now = Instant.parse("2031-06-01T03:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("Asia/Bangkok");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void theFiguresAreKeptUntilTheyAreTooOldForgottenOrTheClockGoesBack() throws Exception {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        DISTRICT + ",สพป.ทดสอบภาพรวมล่าสุด,National Snapshot Test,PRIMARY");
    TestClock clock = new TestClock();
    NationalSnapshots snapshots = new NationalSnapshots(dashboards, clock, Duration.ofMinutes(1));
    addSchool(1);

    NationalSnapshots.Snapshot first = snapshots.of(YEAR);
    assertThat(opened(first)).isEqualTo(1);
    assertThat(first.readAt()).isEqualTo(clock.now);

    addSchool(2);
    clock.now = clock.now.plusSeconds(59);
    assertThat(snapshots.of(YEAR)).as("59 s old: kept").isSameAs(first);

    clock.now = clock.now.plusSeconds(1);
    NationalSnapshots.Snapshot second = snapshots.of(YEAR);
    assertThat(opened(second)).as("a minute old: read again").isEqualTo(2);
    assertThat(second.readAt()).isEqualTo(clock.now);

    addSchool(3);
    snapshots.forget();
    assertThat(opened(snapshots.of(YEAR))).as("forgotten: read again").isEqualTo(3);

    NationalSnapshots.Snapshot kept = snapshots.of(YEAR);
    addSchool(4);
    clock.now = clock.now.minusSeconds(1);
    NationalSnapshots.Snapshot afterClockBack = snapshots.of(YEAR);
    assertThat(afterClockBack).isNotSameAs(kept);
    assertThat(opened(afterClockBack)).as("the clock went back: read again").isEqualTo(4);

    // eight viewers opening an outdated view together: one reading, the same figures for all
    clock.now = clock.now.plusSeconds(600);
    ExecutorService viewers = Executors.newFixedThreadPool(8);
    try {
      List<Callable<NationalSnapshots.Snapshot>> views = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        views.add(() -> snapshots.of(YEAR));
      }
      Set<NationalSnapshots.Snapshot> seen =
          java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (Future<NationalSnapshots.Snapshot> f : viewers.invokeAll(views)) {
        seen.add(f.get());
      }
      assertThat(seen).hasSize(1).doesNotContain(afterClockBack);
    } finally {
      viewers.shutdown();
    }
  }

  @Test
  void aZeroAgeReadsOnEveryRequest() {
    TestClock clock = new TestClock();
    NationalSnapshots snapshots = new NationalSnapshots(dashboards, clock, Duration.ZERO);
    NationalSnapshots.Snapshot first = snapshots.of(YEAR + 1);
    assertThat(snapshots.of(YEAR + 1)).isNotSameAs(first);
  }

  private static int opened(NationalSnapshots.Snapshot s) {
    return s.national().districts().stream()
        .filter(l -> l.district().code().equals(DISTRICT))
        .findFirst()
        .orElseThrow()
        .stage("STANDARDS")
        .opened();
  }

  private void addSchool(int n) {
    String school = DISTRICT + "%04d".formatted(n);
    table.insert(
        new StageRow(
            school,
            YEAR,
            "STANDARDS",
            DISTRICT,
            DISTRICT + "-C1",
            "SchoolQaCycle",
            "pi-" + school,
            "task-" + school,
            "Task_STANDARDS",
            StageRow.OPEN,
            1,
            null,
            null,
            Instant.parse("2031-05-16T00:00:00Z"),
            null,
            null,
            null,
            null),
        Instant.parse("2031-05-16T00:00:00Z"));
  }
}
