package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.StatementLog;
import th.qaflow.support.WebSessions;

/**
 * Issue 16 §2: a 3,000-school district (a generated one, 30 clusters, 12 stages each) gives a
 * dashboard of one page of 50 schools, its clusters with their counts, the progress per stage and
 * the on-time chart's numbers for all 3,000, and stays well under 1 MB (it was 14 MB). The district
 * and its rows are removed after the test so no other test meets them.
 */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class BigDistrictDashboardTest {
  static final int YEAR = 3031;
  static final String DISTRICT = "9931";
  static final int SCHOOLS = 3000;
  static final Pattern SCHOOL_ROW = Pattern.compile("<tr data-school=\"(\\d+)\"");

  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;
  @Autowired StageStatusTable table;
  JdbcTemplate jdbc;

  @BeforeEach
  void generateTheDistrict() {
    jdbc = new JdbcTemplate(dataSource);
    removeTheDistrict();
    jdbc.update(
        "insert into district (code, name_th, name_en, kind) values (?,?,?,?)",
        DISTRICT,
        "สพป.ทดสอบขนาดใหญ่",
        "Big test district",
        "PRIMARY");
    List<Object[]> clusters = new ArrayList<>();
    for (int c = 0; c < 30; c++) {
      clusters.add(new Object[] {cluster(c), DISTRICT, "กลุ่มเครือข่ายทดสอบ " + c});
    }
    jdbc.batchUpdate("insert into cluster (code, district_code, name_th) values (?,?,?)", clusters);
    List<Object[]> schools = new ArrayList<>();
    List<StageRow> rows = new ArrayList<>();
    Instant now = Instant.now();
    String[] stages =
        java.util.Arrays.stream(th.qaflow.cycle.SchoolStage.values())
            .limit(12)
            .map(Enum::name)
            .toArray(String[]::new);
    for (int s = 0; s < SCHOOLS; s++) {
      String code = school(s);
      schools.add(
          new Object[] {
            code,
            "9" + code.substring(3),
            "โรงเรียนทดสอบที่ " + s,
            null,
            DISTRICT,
            cluster(s % 30),
            s % 3 == 0,
            true
          });
      for (int i = 0; i < stages.length; i++) {
        boolean done = (s + i) % 4 != 0;
        Instant due = now.minus(200 - i * 15L, ChronoUnit.DAYS);
        rows.add(
            new StageRow(
                code,
                YEAR,
                stages[i],
                DISTRICT,
                cluster(s % 30),
                "SchoolQaCycle",
                "pi-" + code + "-" + YEAR,
                "t-" + code + "-" + i + "-" + YEAR,
                "Task_" + i,
                done ? "DONE" : "OPEN",
                1,
                null,
                due,
                due.minus(10, ChronoUnit.DAYS),
                done ? due.plus((s + i) % 3 == 0 ? 2 : -1, ChronoUnit.DAYS) : null,
                done ? "u" : null,
                null,
                "school-" + code + "-qa"));
      }
    }
    jdbc.batchUpdate(
        "insert into school (code, smis_code, name_th, name_en, district_code, cluster_code,"
            + " early_childhood, basic) values (?,?,?,?,?,?,?,?)",
        schools);
    table.insertAll(rows, now);
  }

  @AfterEach
  void removeTheDistrict() {
    jdbc.update("delete from stage_status where academic_year = ?", YEAR);
    jdbc.update("delete from school where district_code = ?", DISTRICT);
    jdbc.update("delete from cluster where district_code = ?", DISTRICT);
    jdbc.update("delete from district where code = ?", DISTRICT);
  }

  @Test
  void aThreeThousandSchoolDistrictIsOnePageOfFiftySchoolsUnderOneMegabyte() throws Exception {
    MockHttpSession obec = WebSessions.login(mvc, "obec");
    byte[] first = page(obec, "/monitoring/districts/" + DISTRICT + "?year=" + YEAR);
    String html = new String(first, StandardCharsets.UTF_8);
    assertThat(first.length).as("bytes of the first page").isLessThan(1_000_000);
    System.out.printf("BIG-DISTRICT page 1: %d bytes for %d schools%n", first.length, SCHOOLS);
    assertThat(schoolsOn(html)).hasSize(50).first().isEqualTo(school(0));
    assertThat(html)
        .contains("โรงเรียนที่ 1–50 จาก 3,000 (หน้า 1 จาก 60)")
        .contains("page=2")
        .contains("page=60")
        // every cluster with its counts, linked to its own filter
        .contains("data-cluster=\"" + cluster(29) + "\"")
        .contains("cluster=" + cluster(29))
        // the progress per stage and the chart's numbers cover all 3,000 schools
        .contains("จาก 3,000 โรงเรียน")
        .contains("id=\"on-time-chart\"")
        // the overdue list is cut; the exports have it all
        .contains("id=\"overdue-cut\"");
    assertThat(html.split("<tr data-task-id=", -1).length - 1)
        .as("overdue rows listed on the page")
        .isEqualTo(MonitoringController.OVERDUE_SHOWN);

    String last =
        new String(
            page(obec, "/monitoring/districts/" + DISTRICT + "?year=" + YEAR + "&page=60"),
            StandardCharsets.UTF_8);
    assertThat(schoolsOn(last)).hasSize(50).doesNotContainAnyElementsOf(schoolsOn(html));
    // past the end is the last page, nonsense the first
    assertThat(
            schoolsOn(
                new String(
                    page(obec, "/monitoring/districts/" + DISTRICT + "?year=" + YEAR + "&page=999"),
                    StandardCharsets.UTF_8)))
        .isEqualTo(schoolsOn(last));
    assertThat(
            schoolsOn(
                new String(
                    page(obec, "/monitoring/districts/" + DISTRICT + "?year=" + YEAR + "&page=abc"),
                    StandardCharsets.UTF_8)))
        .isEqualTo(schoolsOn(html));
    // a cluster filter pages within the cluster: 100 schools, 2 pages
    String cluster =
        new String(
            page(
                obec,
                "/monitoring/districts/" + DISTRICT + "?year=" + YEAR + "&cluster=" + cluster(3)),
            StandardCharsets.UTF_8);
    assertThat(cluster).contains("โรงเรียนที่ 1–50 จาก 100 (หน้า 1 จาก 2)");
    assertThat(cluster).contains("&amp;cluster=" + cluster(3) + "&amp;page=2");

    // the national view ranks the district among the others and reaches its year
    String national = new String(page(obec, "/monitoring?year=" + YEAR), StandardCharsets.UTF_8);
    assertThat(national)
        .contains("data-district=\"" + DISTRICT + "\"")
        .contains("data-chart=\"sparkline\"");
    assertThat(national).contains("/monitoring?year=" + YEAR);
  }

  /**
   * The page reads the district's supervisors and its school groups' meetings once, not once per
   * cluster (docs/benchmarks/national.md): the 30 clusters of this district cost no statement each.
   */
  @Test
  void theDashboardCostsAFewStatementsWhateverTheNumberOfClusters(CapturedOutput output)
      throws Exception {
    MockHttpSession officer = WebSessions.login(mvc, "obec");
    page(officer, "/monitoring/districts/" + DISTRICT + "?year=" + YEAR);
    java.util.Map<String, Integer> counts =
        StatementLog.during(
            output,
            () -> {
              try {
                page(officer, "/monitoring/districts/" + DISTRICT + "?year=" + YEAR);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    System.out.printf("BIG-DISTRICT statements: %d%n", StatementLog.total(counts));
    assertThat(StatementLog.total(counts)).as("statements: %s", counts).isLessThan(30);
  }

  private byte[] page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static List<String> schoolsOn(String html) {
    List<String> codes = new ArrayList<>();
    Matcher m = SCHOOL_ROW.matcher(html);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  static String cluster(int c) {
    return DISTRICT + "-B" + String.format("%02d", c);
  }

  static String school(int s) {
    return DISTRICT + String.format("%06d", s);
  }
}
