package th.qaflow.calendar.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.qaflow.calendar.CalendarChange;
import th.qaflow.calendar.CalendarChangeReport;
import th.qaflow.calendar.CalendarEditor;
import th.qaflow.calendar.CalendarError;
import th.qaflow.calendar.CalendarRules;
import th.qaflow.calendar.CalendarValidationException;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.DeadlineMoved;
import th.qaflow.calendar.QaCalendar;
import th.qaflow.calendar.StageWindow;
import th.qaflow.kernel.Stage;
import th.qaflow.kernel.Stages;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.security.QaUser;

/**
 * Stores a district's calendar, moves what follows it and records each change, all in one
 * transaction.
 */
@Service
class JdbcCalendarEditor implements CalendarEditor {
  private final Clock clock;
  private final JdbcClient jdbc;
  private final QaCalendar calendar;
  private final OrganisationDirectory directory;
  private final List<DeadlineFollower> followers;
  private final ApplicationEventPublisher events;
  private final Stages stages;

  JdbcCalendarEditor(
      JdbcClient jdbc,
      QaCalendar calendar,
      OrganisationDirectory directory,
      List<DeadlineFollower> followers,
      ApplicationEventPublisher events,
      Stages stages,
      Clock clock) {

    this.clock = clock;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.directory = directory;
    this.followers = followers;
    this.events = events;
    this.stages = stages;
  }

  @Override
  @Transactional
  public CalendarChangeReport save(
      String districtCode, int year, List<StageWindow> windows, QaUser actor) {
    if (actor == null
        || actor.isReadOnly()
        || districtCode == null
        || !actor.canManageDistrict(districtCode)
        || directory.district(districtCode).isEmpty()) {
      throw new AccessDeniedException("calendar of district " + districtCode);
    }
    List<CalendarError> yearErrors = CalendarRules.checkYear(year);
    if (!yearErrors.isEmpty()) {
      throw new CalendarValidationException(yearErrors);
    }
    Map<Stage, StageWindow> current = new HashMap<>();
    windows(districtCode, year).forEach(w -> current.put(w.stage(), w));
    Map<Stage, StageWindow> wanted = new HashMap<>(current);
    for (StageWindow w : windows) {
      if (w == null || w.stage() == null) {
        throw new IllegalArgumentException("A window without a stage");
      }
      wanted.put(w.stage(), w);
    }
    List<CalendarError> errors = CalendarRules.check(year, stages.all(), wanted);
    if (!errors.isEmpty()) {
      throw new CalendarValidationException(errors);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<CalendarChange> changes = new ArrayList<>();
    for (Stage stage : stages.all()) {
      StageWindow before = current.get(stage);
      StageWindow after = wanted.get(stage);
      if (before.opens().equals(after.opens()) && before.due().equals(after.due())) {
        continue;
      }
      store(districtCode, year, after);
      DeadlineFollower.Followed moved = DeadlineFollower.Followed.NOTHING;
      for (DeadlineFollower follower : followers) {
        moved = moved.plus(follower.follow(districtCode, year, before, after));
      }
      CalendarChange change =
          new CalendarChange(
              districtCode,
              year,
              stage,
              before.opens(),
              before.due(),
              after.opens(),
              after.due(),
              actor.userId(),
              now,
              moved.tasks(),
              moved.timers());
      record(change);
      changes.add(change);
      events.publishEvent(new DeadlineMoved(districtCode, year, stage, before.due(), after.due()));
    }
    return new CalendarChangeReport(districtCode, year, List.copyOf(changes));
  }

  @Override
  @Transactional
  public CalendarChangeReport resetToDefaults(String districtCode, int year, QaUser actor) {
    return save(
        districtCode,
        year,
        stages.all().stream().map(s -> StageWindow.defaults(s, year)).toList(),
        actor);
  }

  @Override
  public List<StageWindow> windows(String districtCode, int year) {
    return calendar.windows(districtCode, year);
  }

  @Override
  public List<CalendarChange> history(String districtCode, int year) {
    return jdbc.sql(
            """
            select district_code, academic_year, stage, old_opens_on, old_due_on, new_opens_on, new_due_on,
                   changed_by, changed_at, tasks_moved, timers_moved
              from calendar_change where district_code = :d and academic_year = :y
             order by changed_at desc, id desc""")
        .param("d", districtCode)
        .param("y", year)
        .query(
            (rs, n) ->
                new CalendarChange(
                    rs.getString(1),
                    rs.getInt(2),
                    stages.byCode(rs.getString(3)),
                    rs.getDate(4).toLocalDate(),
                    rs.getDate(5).toLocalDate(),
                    rs.getDate(6).toLocalDate(),
                    rs.getDate(7).toLocalDate(),
                    rs.getString(8),
                    rs.getTimestamp(9).toInstant(),
                    rs.getInt(10),
                    rs.getInt(11)))
        .list();
  }

  private void store(String districtCode, int year, StageWindow w) {
    int updated =
        jdbc.sql(
                """
            update stage_deadline set opens_on = :o, due_on = :due
             where district_code = :d and academic_year = :y and stage = :s""")
            .param("o", Date.valueOf(w.opens()))
            .param("due", Date.valueOf(w.due()))
            .param("d", districtCode)
            .param("y", year)
            .param("s", w.stage().name())
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              insert into stage_deadline (district_code, academic_year, stage, opens_on, due_on)
              values (:d, :y, :s, :o, :due)""")
          .param("o", Date.valueOf(w.opens()))
          .param("due", Date.valueOf(w.due()))
          .param("d", districtCode)
          .param("y", year)
          .param("s", w.stage().name())
          .update();
    }
  }

  private void record(CalendarChange c) {
    jdbc.sql(
            """
            insert into calendar_change (district_code, academic_year, stage, old_opens_on, old_due_on,
              new_opens_on, new_due_on, changed_by, changed_at, tasks_moved, timers_moved)
            values (:d, :y, :s, :oo, :od, :no, :nd, :by, :at, :tm, :jm)""")
        .param("d", c.districtCode())
        .param("y", c.academicYear())
        .param("s", c.stage().name())
        .param("oo", Date.valueOf(c.oldOpens()))
        .param("od", Date.valueOf(c.oldDue()))
        .param("no", Date.valueOf(c.newOpens()))
        .param("nd", Date.valueOf(c.newDue()))
        .param("by", c.changedBy())
        .param("at", Timestamp.from(c.changedAt()))
        .param("tm", c.tasksMoved())
        .param("jm", c.timersMoved())
        .update();
  }
}
