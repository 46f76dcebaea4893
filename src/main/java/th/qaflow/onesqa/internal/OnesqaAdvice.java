package th.qaflow.onesqa.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolAdvice;

/**
 * ONESQA's result of a school's year for its next year's standards task: the latest round's level
 * and recommendations per ONESQA standard (standards of ONESQA's framework, not the school's, so
 * they are named, not matched).
 */
@Component
class OnesqaAdvice implements SchoolAdvice {
  private final JdbcClient jdbc;

  OnesqaAdvice(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Note> notes(String schoolCode, String districtCode, int academicYear) {
    return jdbc.sql(
            """
            select standard_code, level_value, recommendations from external_result r
            where school_code = :s and academic_year = :y and assessment_round = (
              select max(assessment_round) from external_result
              where school_code = :s and academic_year = :y)
            order by standard_code""")
        .param("s", schoolCode)
        .param("y", academicYear)
        .query(
            (rs, n) -> {
              String recommendations = rs.getString(3);
              return new Note(
                  "lastyear.source.onesqa",
                  null,
                  rs.getString(1),
                  rs.getString(2),
                  recommendations == null || recommendations.isBlank() ? "–" : recommendations);
            })
        .list();
  }
}
