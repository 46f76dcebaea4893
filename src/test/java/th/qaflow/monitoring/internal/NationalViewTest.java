package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.TestOrganisation;

/**
 * The national view's figures, read in one pass over the year's read-model rows, are what the rows
 * say: per district and stage the stages opened, on time (done by the due date, or open and not yet
 * due) and overdue; per district and month of the due date the stages done on time, late (done late
 * or overdue now) and not yet due. Rows of every kind (open and done, with and without a due date,
 * done before and after it, a district-level row) in two districts, checked against a count made
 * here from the same rows.
 */
@QaFlowTest
class NationalViewTest {
  static final int YEAR = 2871;
  static final List<String> DISTRICTS = List.of("2871", "2872");

  @Autowired Dashboards dashboards;
  @Autowired StageStatusTable table;
  @Autowired OrganisationImport organisation;
  @Autowired Clock clock;

  @Test
  void theNationalFiguresAreWhatTheRowsSay() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        "2871,สพป.ทดสอบภาพรวม 1,National View Test 1,PRIMARY",
        "2872,สพป.ทดสอบภาพรวม 2,National View Test 2,PRIMARY");
    Instant now = clock.instant();
    Instant past = Instant.parse("2020-03-15T05:00:00Z");
    Instant future = Instant.parse("2090-05-15T05:00:00Z");
    List<StageRow> rows = new ArrayList<>();
    int school = 0;
    for (String district : DISTRICTS) {
      for (String stage : List.of("STANDARDS", "PLANS")) {
        for (Instant due : new Instant[] {null, past, future}) {
          // open; done a day before the due date; done a day after it; done without a date
          Instant before = due == null ? past : due.minusSeconds(86_400);
          Instant after = due == null ? null : due.plusSeconds(86_400);
          for (Object[] s :
              new Object[][] {
                {StageRow.OPEN, null}, {StageRow.DONE, before}, {StageRow.DONE, after}
              }) {
            // schools of district 2871 twice as many rows as 2872's, so the districts differ
            int copies = district.equals("2871") ? 2 : 1;
            for (int c = 0; c < copies; c++) {
              rows.add(row(district + "%04d".formatted(school++), district, stage, due, s));
            }
          }
        }
      }
      // a district-level row: not a school's, left out of the national view
      rows.add(row("district-" + district, district, "STANDARDS", past, StageRow.OPEN, null));
    }
    rows.forEach(r -> table.insert(r, now));

    Dashboards.National national = dashboards.national(YEAR);

    // the count made here
    Map<String, Map<String, int[]>> stages = new HashMap<>(); // opened, on time, overdue
    Map<String, Map<YearMonth, int[]>> months = new HashMap<>(); // on time, late, pending
    TreeSet<YearMonth> allMonths = new TreeSet<>();
    for (StageRow r : rows) {
      if (r.schoolCode().startsWith("district-")) {
        continue;
      }
      boolean done = r.state().equals(StageRow.DONE);
      boolean open = r.state().equals(StageRow.OPEN);
      Instant due = r.dueAt();
      // done without a due date is on time
      boolean doneOnTime =
          done && (due == null || (r.doneAt() != null && !r.doneAt().isAfter(due)));
      boolean doneLate = done && due != null && r.doneAt() != null && r.doneAt().isAfter(due);
      boolean overdue = open && due != null && due.isBefore(now);
      boolean notYetDue = open && (due == null || !due.isBefore(now));
      int[] st =
          stages
              .computeIfAbsent(r.districtCode(), k -> new TreeMap<>())
              .computeIfAbsent(r.stage(), k -> new int[3]);
      st[0]++;
      st[1] += (doneOnTime || notYetDue) ? 1 : 0;
      st[2] += overdue ? 1 : 0;
      if (due != null) {
        YearMonth ym = YearMonth.from(due.atZone(ZoneId.systemDefault()));
        allMonths.add(ym);
        int[] m =
            months
                .computeIfAbsent(r.districtCode(), k -> new HashMap<>())
                .computeIfAbsent(ym, k -> new int[3]);
        m[0] += doneOnTime ? 1 : 0;
        m[1] += (doneLate || overdue) ? 1 : 0;
        m[2] += notYetDue ? 1 : 0;
      }
    }

    assertThat(national.stages()).containsExactlyInAnyOrder("STANDARDS", "PLANS");
    for (String district : DISTRICTS) {
      Dashboards.NationalLine line =
          national.districts().stream()
              .filter(l -> l.district().code().equals(district))
              .findFirst()
              .orElseThrow();
      for (String stage : List.of("STANDARDS", "PLANS")) {
        int[] st = stages.get(district).get(stage);
        assertThat(line.stage(stage))
            .as("%s %s", district, stage)
            .isEqualTo(new Dashboards.NationalStage(st[0], st[1], st[2]));
      }
      assertThat(line.overdue())
          .isEqualTo(stages.get(district).values().stream().mapToInt(s -> s[2]).sum());
      List<Dashboards.Month> expected = new ArrayList<>();
      for (YearMonth ym : allMonths) {
        int[] m = months.get(district).getOrDefault(ym, new int[3]);
        expected.add(new Dashboards.Month(ym, m[0], m[1], m[2]));
      }
      assertThat(line.months()).as("months of %s", district).isEqualTo(expected);
      assertThat(line.schools())
          .isEqualTo(
              (int)
                  rows.stream()
                      .filter(
                          r ->
                              r.districtCode().equals(district)
                                  && !r.schoolCode().startsWith("district-"))
                      .map(StageRow::schoolCode)
                      .distinct()
                      .count());
    }
    // the country's chart: both districts together, month by month
    for (Dashboards.Month m : national.months()) {
      int[] sum = new int[3];
      for (String district : DISTRICTS) {
        int[] own = months.get(district).getOrDefault(m.month(), new int[3]);
        for (int i = 0; i < 3; i++) {
          sum[i] += own[i];
        }
      }
      assertThat(new int[] {m.onTime(), m.late(), m.pending()}).as("%s", m.month()).isEqualTo(sum);
    }
    assertThat(national.months())
        .extracting(Dashboards.Month::month)
        .containsExactlyElementsOf(allMonths);
  }

  private static StageRow row(
      String school, String district, String stage, Instant due, Object[] stateAndDone) {
    return row(school, district, stage, due, (String) stateAndDone[0], (Instant) stateAndDone[1]);
  }

  private static StageRow row(
      String school, String district, String stage, Instant due, String state, Instant done) {
    return new StageRow(
        school,
        YEAR,
        stage,
        district,
        district + "-C1",
        "SchoolQaCycle",
        "pi-" + school + "-" + stage,
        "task-" + school + "-" + stage,
        "Task_" + stage,
        state,
        1,
        null,
        due,
        Instant.parse("2020-01-01T00:00:00Z"),
        done,
        done == null ? null : "someone",
        null,
        null);
  }
}
