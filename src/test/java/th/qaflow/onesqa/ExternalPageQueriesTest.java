package th.qaflow.onesqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static th.qaflow.onesqa.ExternalFixture.DISTRICT;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import th.qaflow.QaFlowTest;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.WebSessions;

/**
 * What the schools' states and the /external page cost in SQL statements, counted from the
 * statement logs of Spring's JdbcTemplate (QA Flow's tables) and of the engine's MyBatis mappers
 * (Camunda's): a fixed number whatever the number of schools — each school's name and cluster come
 * from one query of the district's schools, not one per row, and the status is a column of the row,
 * not read from the engine per school. Year 2839.
 */
@QaFlowTest
@ExtendWith(OutputCaptureExtension.class)
class ExternalPageQueriesTest {
  static final int YEAR = 2839;
  static final List<String> LOGGERS =
      List.of(
          "org.springframework.jdbc.core.JdbcTemplate",
          "org.camunda.bpm.engine.impl.persistence.entity",
          "org.camunda.bpm.engine.impl.history",
          "org.camunda.bpm.engine.impl.batch",
          "org.camunda.bpm.engine.impl.cmmn",
          "org.camunda.bpm.engine.impl.dmn");

  /** JdbcTemplate's "Executing prepared SQL statement [sql]" (the SQL may span lines). */
  static final Pattern JDBC =
      Pattern.compile(
          "Executing (?:prepared )?SQL (?:statement|query|update) \\[(.*?)]\\R", Pattern.DOTALL);

  static final Pattern MYBATIS = Pattern.compile("==>\\s+Preparing: (.*)$", Pattern.MULTILINE);

  @Autowired MockMvc mvc;
  @Autowired ExternalAssessments external;
  @Autowired OrganisationImport organisation;

  @AfterEach
  void quiet() {
    LOGGERS.forEach(l -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(l, null));
  }

  @Test
  void theSchoolsCostThreeStatementsAndThePageNoneOncePerSchool(CapturedOutput output)
      throws Exception {
    organisation.importDemo();
    external.start(DISTRICT, YEAR, "qaofficer");
    int schools = external.schools(DISTRICT, YEAR).size();
    assertThat(schools).isEqualTo(8);
    MockHttpSession officer = WebSessions.login(mvc, "qaofficer");
    LOGGERS.forEach(
        l -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(l, LogLevel.DEBUG));

    int from = output.length();
    external.schools(DISTRICT, YEAR);
    Map<String, Integer> read = statements(output.toString().substring(from));
    System.out.println("ONESQA schools() of " + schools + " schools: " + read);
    assertThat(read.values().stream().mapToInt(Integer::intValue).sum())
        .as("statements of schools(): " + read)
        .isEqualTo(3);

    from = output.length();
    mvc.perform(get("/external").session(officer).param("year", String.valueOf(YEAR)))
        .andExpect(status().isOk());
    Map<String, Integer> page = statements(output.toString().substring(from));
    System.out.println(
        "ONESQA /external of "
            + schools
            + " schools: "
            + page.values().stream().mapToInt(Integer::intValue).sum()
            + " statements, "
            + page.size()
            + " distinct");
    page.forEach((sql, n) -> System.out.println("  " + n + " × " + sql));
    assertThat(page)
        .as("the page reads the schools")
        .isNotEmpty()
        .allSatisfy(
            (sql, n) -> assertThat(n).as("runs once per school? " + sql).isLessThan(schools));
  }

  /** Statements in a stretch of log, by text, with how often each ran. */
  static Map<String, Integer> statements(String log) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Pattern p : List.of(JDBC, MYBATIS)) {
      Matcher m = p.matcher(log);
      while (m.find()) {
        counts.merge(m.group(1).replaceAll("\\s+", " ").strip(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
