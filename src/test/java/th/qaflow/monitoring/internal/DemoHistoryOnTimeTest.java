package th.qaflow.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.kernel.AcademicYears;

/**
 * Issue 16 §4: the demo's history looks real. Last year's stages were done on dates spread over the
 * year, mostly shortly before their due dates and some after, so the national view (OBEC) shows a
 * believable share on time, not 0 % with everything done today.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:qaflow-browser;DB_CLOSE_DELAY=-1",
      "qaflow.demo.enabled=true"
    })
class DemoHistoryOnTimeTest {
  @Autowired Dashboards dashboards;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void lastYearsStagesWereMostlyDoneOnTimeOnDatesOfThatYear() {
    int lastYear = AcademicYears.current(clock) - 1;
    Dashboards.NationalLine demo =
        dashboards.national(lastYear).districts().stream()
            .filter(l -> l.district().code().equals("1099"))
            .findFirst()
            .orElseThrow();
    assertThat(demo.percentOnTime())
        .as("share of last year's stages on time in the national view")
        .isBetween(51, 99);

    List<LocalDate> doneDays =
        jdbc.sql(
                """
                select distinct cast(done_at as date) from stage_status
                where academic_year = :year and state = 'DONE'""")
            .param("year", lastYear)
            .query(LocalDate.class)
            .list();
    assertThat(doneDays).as("days on which last year's stages were done").hasSizeGreaterThan(5);
    assertThat(doneDays)
        .as("done within last year's academic year, before today")
        .allSatisfy(
            d ->
                assertThat(d)
                    .isAfterOrEqualTo(AcademicYears.start(lastYear))
                    .isBefore(LocalDate.now(clock).plusDays(1)));
  }
}
