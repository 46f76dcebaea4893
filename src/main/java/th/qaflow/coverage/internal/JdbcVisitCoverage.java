package th.qaflow.coverage.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.qaflow.coverage.VisitCoverage;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * The {@code visit_completion} table: written when a visit completes ({@link #completed}), read by
 * the dashboard fragment ({@code ${@visitCoverage.district(code, year)}}) and the district cycle's
 * completion check.
 */
@Service("visitCoverage")
public class JdbcVisitCoverage implements VisitCoverage {
  private final JdbcClient jdbc;
  private final OrganisationDirectory directory;

  JdbcVisitCoverage(JdbcClient jdbc, OrganisationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /**
   * Records a completed visit of the school in the year: the first one makes the row, later ones
   * count. Runs in the caller's transaction (the engine's, when a visit's last task completes).
   *
   * @return whether this was the school's first completed visit of the year
   */
  boolean completed(
      String schoolCode,
      int year,
      String districtCode,
      int roundNo,
      String processInstanceId,
      Instant at) {
    if (jdbc.sql(
                """
            select count(*) from visit_completion
             where school_code = :s and academic_year = :y and first_process_instance_id = :pi""")
            .param("s", schoolCode)
            .param("y", year)
            .param("pi", processInstanceId)
            .query(Integer.class)
            .single()
        > 0) {
      return false; // this visit is counted already
    }
    int updated =
        jdbc.sql(
                """
            update visit_completion set visits = visits + 1, last_completed_at = :at
             where school_code = :s and academic_year = :y""")
            .param("at", Timestamp.from(at))
            .param("s", schoolCode)
            .param("y", year)
            .update();
    if (updated > 0) {
      return false;
    }
    jdbc.sql(
            """
        insert into visit_completion (school_code, academic_year, district_code, first_round_no,
                                      first_process_instance_id, first_completed_at, last_completed_at, visits)
        values (:s, :y, :d, :r, :pi, :at, :at, 1)""")
        .param("s", schoolCode)
        .param("y", year)
        .param("d", districtCode)
        .param("r", roundNo)
        .param("pi", processInstanceId)
        .param("at", Timestamp.from(at))
        .update();
    return true;
  }

  boolean isEmpty() {
    return jdbc.sql("select count(*) from visit_completion").query(Integer.class).single() == 0;
  }

  @Override
  public Set<String> covered(String districtCode, int year) {
    return new HashSet<>(
        jdbc.sql(
                "select school_code from visit_completion where district_code = :d and academic_year = :y")
            .param("d", districtCode)
            .param("y", year)
            .query(String.class)
            .list());
  }

  @Override
  public List<School> uncovered(String districtCode, int year) {
    Set<String> covered = covered(districtCode, year);
    return directory.schoolsOfDistrict(districtCode).stream()
        .filter(s -> !covered.contains(s.code()))
        .sorted(Comparator.comparing(School::code))
        .toList();
  }

  @Override
  public DistrictCoverage district(String districtCode, int year) {
    List<School> schools = directory.schoolsOfDistrict(districtCode);
    Map<String, Integer> last = new HashMap<>();
    jdbc.sql(
            """
        select school_code, max(academic_year) from visit_completion
         where district_code = :d and academic_year <= :y group by school_code""")
        .param("d", districtCode)
        .param("y", year)
        .query(
            rs -> {
              last.put(rs.getString(1), rs.getInt(2));
            });
    List<School> missing = new ArrayList<>();
    List<NotInspected> warned = new ArrayList<>();
    int oldestInWindow = year - INSPECTION_YEARS + 1;
    for (School s : schools) {
      Integer lastYear = last.get(s.code());
      if (lastYear == null || lastYear != year) {
        missing.add(s);
      }
      if (lastYear == null || lastYear < oldestInWindow) {
        warned.add(new NotInspected(s, lastYear));
      }
    }
    missing.sort(Comparator.comparing(School::code));
    // never inspected first, then the longest ago
    warned.sort(
        Comparator.comparing(
                (NotInspected n) -> n.lastYear() == null ? Integer.MIN_VALUE : n.lastYear())
            .thenComparing(n -> n.school().code()));
    return new DistrictCoverage(
        districtCode,
        year,
        schools.size(),
        List.copyOf(missing),
        List.copyOf(warned.subList(0, Math.min(WARNING_ROWS, warned.size()))),
        warned.size());
  }
}
