package th.qaflow.calendar.internal;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import th.qaflow.calendar.QaCalendar;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.kernel.Stages;

/**
 * The calendar a district set for a year, falling back to the defaults of domain.md for unset
 * stages.
 */
@Service("qaCalendar")
class DistrictCalendar implements QaCalendar {
  private final JdbcClient jdbc;
  private final Stages stages;

  DistrictCalendar(JdbcClient jdbc, Stages stages) {
    this.jdbc = jdbc;
    this.stages = stages;
  }

  @Override
  public List<StageWindow> windows(String districtCode, int academicYearBE) {
    return stages.all().stream().map(s -> window(districtCode, academicYearBE, s)).toList();
  }

  @Override
  public Date opensAt(VariableScope scope, String stage) {
    return Date.from(window(districtOf(scope), yearOf(scope), stages.byCode(stage)).opensAt());
  }

  @Override
  public Date dueAt(VariableScope scope, String stage) {
    return Date.from(window(districtOf(scope), yearOf(scope), stages.byCode(stage)).dueAt());
  }

  private static String districtOf(VariableScope scope) {
    return (String) scope.getVariable(ProcessVariables.DISTRICT_CODE);
  }

  private static int yearOf(VariableScope scope) {
    return ((Number) scope.getVariable(ProcessVariables.ACADEMIC_YEAR)).intValue();
  }

  @Override
  public StageWindow window(String districtCode, int academicYearBE, Stage stage) {
    return jdbc.sql(
            """
            select opens_on, due_on from stage_deadline
             where district_code = :district and academic_year = :year and stage = :stage""")
        .param("district", districtCode)
        .param("year", academicYearBE)
        .param("stage", stage.name())
        .query(
            (rs, n) ->
                new StageWindow(stage, rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()))
        .optional()
        .orElseGet(
            () ->
                new StageWindow(
                    stage, stage.defaultOpens(academicYearBE), stage.defaultDue(academicYearBE)));
  }
}
