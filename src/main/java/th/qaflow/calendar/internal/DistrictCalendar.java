package th.qaflow.calendar.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.qaflow.calendar.QaCalendar;
import th.qaflow.calendar.Stage;
import th.qaflow.calendar.StageWindow;

/** The calendar a district set for a year, falling back to the defaults of domain.md for unset stages. */
@Service("qaCalendar")
class DistrictCalendar implements QaCalendar {
  private final JdbcClient jdbc;

  DistrictCalendar(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public StageWindow window(String districtCode, int academicYearBE, Stage stage) {
    return jdbc.sql("""
            select opens_on, due_on from stage_deadline
             where district_code = :district and academic_year = :year and stage = :stage""")
        .param("district", districtCode)
        .param("year", academicYearBE)
        .param("stage", stage.name())
        .query((rs, n) -> new StageWindow(stage, rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()))
        .optional()
        .orElseGet(() -> new StageWindow(stage, stage.defaultOpens(academicYearBE), stage.defaultDue(academicYearBE)));
  }
}
