package th.qaflow.cycle.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/** Which schools of a district have their cycle for a year. */
@Component
class CycleOverview {
  private final OrganisationDirectory directory;
  private final JdbcClient jdbc;

  CycleOverview(OrganisationDirectory directory, JdbcClient jdbc) {
    this.directory = directory;
    this.jdbc = jdbc;
  }

  record SchoolCycle(
      School school, boolean started, java.sql.Timestamp startedAt, String startedBy) {}

  List<SchoolCycle> schools(String districtCode, int year) {
    Map<String, Object[]> started =
        jdbc
            .sql(
                """
            select c.school_code, c.started_at, c.started_by from school_cycle c
              join school s on s.code = c.school_code
             where s.district_code = :d and c.academic_year = :y""")
            .param("d", districtCode)
            .param("y", year)
            .query(
                (rs, n) ->
                    new Object[] {rs.getString(1).trim(), rs.getTimestamp(2), rs.getString(3)})
            .list()
            .stream()
            .collect(Collectors.toMap(r -> (String) r[0], r -> r));
    return directory.schoolsOfDistrict(districtCode).stream()
        .map(
            s -> {
              Object[] row = started.get(s.code());
              return row == null
                  ? new SchoolCycle(s, false, null, null)
                  : new SchoolCycle(s, true, (java.sql.Timestamp) row[1], (String) row[2]);
            })
        .toList();
  }
}
