package th.qaflow.tasklist.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.kernel.Stages;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskFilter;
import th.qaflow.tasklist.TaskFilter.Due;
import th.qaflow.tasklist.TaskFilter.Sort;
import th.qaflow.tasklist.TaskFilter.View;

/**
 * The task list's filters as engine task queries: the view decides whose tasks (the only part that
 * grants anything: assigned to the user, or a candidate of their groups); every other filter only
 * adds conditions to it, so no filter can show a task the user may not act on. A page costs a fixed
 * number of statements: the counts beside the filters, the page's count and one or two list queries
 * (tasks without a due or follow-up date are read after the dated ones, as the databases disagree
 * where NULL sorts).
 */
@Component
class TaskListQuery {
  private final TaskService tasks;
  private final Stages stages;
  private final MessageSource messages;
  private final Clock clock;
  private final TaskCounts grouped;

  TaskListQuery(
      TaskService tasks, Stages stages, MessageSource messages, Clock clock, TaskCounts grouped) {
    this.tasks = tasks;
    this.grouped = grouped;
    this.stages = stages;
    this.messages = messages;
    this.clock = clock;
  }

  /** The tasks of the view with every filter, or null when the view can have none. */
  TaskQuery query(QaUser user, TaskFilter f, View view, Due due, Locale locale) {
    TaskQuery q = whose(user, view);
    if (q == null) {
      return null;
    }
    if (f.q() != null) {
      String like = "%" + escapeLike(f.q()) + "%";
      // or() gives the or-query's own object: its conditions go there, then back with endOr()
      TaskQuery any =
          q.or()
              .taskNameLike(like)
              .processVariableValueLike(ProcessVariables.SCHOOL_NAME, like)
              .processVariableValueEquals(ProcessVariables.SCHOOL_CODE, f.q());
      for (String code : stagesNamed(f.q(), locale)) {
        any.taskVariableValueEquals(ProcessVariables.STAGE, code);
      }
      q = any.endOr();
    }
    if (f.school() != null) {
      q.processVariableValueEquals(ProcessVariables.SCHOOL_CODE, f.school());
    }
    if (f.year() != null) {
      q.processVariableValueEquals(ProcessVariables.ACADEMIC_YEAR, f.year());
    }
    if (f.stage() != null) {
      q.taskVariableValueEquals(ProcessVariables.STAGE, f.stage());
    }
    if (due != null) {
      Date now = Date.from(clock.instant());
      switch (due) {
        case OVERDUE -> q.dueBefore(now);
        case WEEK -> q.dueAfter(now).dueBefore(endOfWeek());
        case FOLLOW_UP -> q.followUpBefore(startOfTomorrow());
      }
    }
    return q;
  }

  /** Whose tasks the view holds: the only grant of the list. */
  private TaskQuery whose(QaUser user, View view) {
    TaskQuery q = tasks.createTaskQuery().active();
    List<String> groups = user.isReadOnly() ? List.of() : List.copyOf(user.groups());
    return switch (view) {
      case MINE -> q.taskAssignee(user.userId());
      // the tasks waiting in the user's groups, not yet claimed (what a bulk claim takes); those
      // a colleague holds are under ALL. Without an or() the engine joins the candidates with
      // an inner join, as its own candidate-group query does.
      case GROUP -> groups.isEmpty() ? null : q.taskCandidateGroupIn(groups);
      case ALL ->
          groups.isEmpty()
              ? q.taskAssignee(user.userId())
              : q.or()
                  .taskAssignee(user.userId())
                  .taskCandidateGroupIn(groups)
                  .includeAssignedTasks()
                  .endOr();
    };
  }

  /**
   * The counts beside the views and the due states: one statement ({@link TaskCounts}) without a
   * search text, school, year or stage, else six of the engine's count statements.
   */
  TaskCounts.Counts counts(QaUser user, TaskFilter f, Locale locale) {
    if (TaskCounts.canCount(f)) {
      return grouped.count(
          user,
          f,
          new TaskCounts.Window(Date.from(clock.instant()), endOfWeek(), startOfTomorrow()));
    }
    return new TaskCounts.Counts(viewCounts(user, f, locale), dueCounts(user, f, locale), null);
  }

  private Map<View, Long> viewCounts(QaUser user, TaskFilter f, Locale locale) {
    Map<View, Long> counts = new EnumMap<>(View.class);
    for (View v : View.values()) {
      counts.put(v, count(query(user, f, v, f.due(), locale)));
    }
    return counts;
  }

  private Map<Due, Long> dueCounts(QaUser user, TaskFilter f, Locale locale) {
    Map<Due, Long> counts = new EnumMap<>(Due.class);
    for (Due d : Due.values()) {
      counts.put(d, count(query(user, f, f.view(), d, locale)));
    }
    return counts;
  }

  static long count(TaskQuery q) {
    return q == null ? 0 : q.count();
  }

  /**
   * One page in the filter's order. For due and follow-up dates the dated tasks come first, then
   * those without (a second query only when the page reaches them).
   *
   * @param dated how many of the tasks have that date, if counted already (else null)
   */
  List<Task> page(QaUser user, TaskFilter f, long total, Long dated, Locale locale) {
    int first = (f.page() - 1) * f.size();
    if (total == 0 || first >= total) {
      return List.of();
    }
    if (f.sort() != Sort.DUE && f.sort() != Sort.FOLLOW_UP) {
      return order(query(user, f, f.view(), f.due(), locale), f.sort()).listPage(first, f.size());
    }
    boolean byDue = f.sort() == Sort.DUE;
    TaskQuery datedQuery = query(user, f, f.view(), f.due(), locale);
    if (byDue) {
      if (f.due() != Due.WEEK) { // the week's own dueAfter(now) already leaves undated tasks out
        datedQuery.dueAfter(new Date(0));
      }
      datedQuery.orderByDueDate().asc();
    } else {
      datedQuery.followUpAfter(new Date(0)).orderByFollowUpDate().asc().orderByDueDate().asc();
    }
    datedQuery.orderByTaskCreateTime().asc().orderByTaskId().asc();
    long datedCount = dated == null ? datedQuery.count() : dated;
    List<Task> rows = new ArrayList<>(f.size());
    if (first < datedCount) {
      rows.addAll(datedQuery.listPage(first, f.size()));
    }
    int missing = f.size() - rows.size();
    if (missing > 0 && first + rows.size() < total) {
      // only reached when some tasks have no date (never with the overdue or week filter)
      TaskQuery undated = query(user, f, f.view(), f.due(), locale);
      if (byDue) {
        undated.withoutDueDate();
      } else {
        undated.followUpBeforeOrNotExistent(new Date(0)).orderByDueDate().asc();
      }
      undated.orderByTaskCreateTime().asc().orderByTaskId().asc();
      rows.addAll(undated.listPage((int) Math.max(0, first - datedCount), missing));
    }
    return rows;
  }

  private static TaskQuery order(TaskQuery q, Sort sort) {
    switch (sort) {
      case CREATED -> q.orderByTaskCreateTime().desc();
      case NAME -> q.orderByTaskName().asc().orderByDueDate().asc();
      case SCHOOL ->
          q.orderByProcessVariable(ProcessVariables.SCHOOL_NAME, ValueType.STRING)
              .asc()
              .orderByDueDate()
              .asc();
      default -> q.orderByDueDate().asc();
    }
    return q.orderByTaskId().asc();
  }

  /** The stages whose label (in the user's language) contains the text. */
  private List<String> stagesNamed(String text, Locale locale) {
    String wanted = text.toLowerCase(locale);
    List<String> codes = new ArrayList<>();
    for (Stage s : stages.all()) {
      String label = messages.getMessage(s.messageKey(), null, s.name(), locale);
      if (label.toLowerCase(locale).contains(wanted) || s.name().equalsIgnoreCase(text)) {
        codes.add(s.name());
      }
    }
    return codes;
  }

  /** LIKE's wildcards typed by the user are searched as themselves (the engine escapes with \). */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private Date endOfWeek() {
    LocalDate today = LocalDate.now(clock.withZone(AcademicYears.ZONE));
    LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    return Date.from(monday.atStartOfDay(AcademicYears.ZONE).toInstant());
  }

  private Date startOfTomorrow() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(AcademicYears.ZONE));
    return Date.from(now.toLocalDate().plusDays(1).atStartOfDay(AcademicYears.ZONE).toInstant());
  }

  boolean followUpReached(Date followUp) {
    return followUp != null && followUp.before(startOfTomorrow());
  }
}
