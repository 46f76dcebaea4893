package th.qaflow.tasklist.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskFilter;
import th.qaflow.tasklist.TaskFilter.Due;
import th.qaflow.tasklist.TaskFilter.Sort;
import th.qaflow.tasklist.TaskFilter.View;

/**
 * The counts beside the task list's filters in one statement, where the engine's task query takes
 * one count statement each (six, plus the page's count of dated tasks): at national scale each of
 * those scans the candidate links of every active task. Only for a filter without a search text,
 * school, year or stage, which need the variables (those stay with the engine's queries).
 *
 * <p>The rows it counts are those of the list's "all" view, the only grant of the list: the tasks
 * assigned to the user or offered to one of their groups (read-only users: their own only), active.
 * Within them a task of "mine" is assigned to the user and one of "the groups" is unassigned, as
 * the engine's {@code taskAssignee} and {@code taskCandidateGroupIn} queries find them; the date
 * conditions are the engine's ({@link TaskListQuery#query}). Read-only, through the table names the
 * engine reports. {@code TaskCountsCheck} holds this statement and the engine's counts to what each
 * task is, for every view, due state and sort, on H2 and on PostgreSQL.
 */
@Component
class TaskCounts {
  private final NamedParameterJdbcTemplate jdbc;
  private final String taskTable;
  private final String linkTable;

  TaskCounts(DataSource dataSource, ManagementService management) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.taskTable = management.getTableName(TaskEntity.class);
    this.linkTable = management.getTableName(IdentityLinkEntity.class);
  }

  /** The instants the due states are counted against (the list's own). */
  record Window(Date now, Date endOfWeek, Date startOfTomorrow) {}

  /**
   * @param dated the tasks of the filter with a due (sort by due) or follow-up date (sort by
   *     follow-up), which the page reads first; null for the other sorts
   */
  record Counts(Map<View, Long> views, Map<Due, Long> dues, Long dated) {}

  static boolean canCount(TaskFilter f) {
    return f.q() == null && f.school() == null && f.year() == null && f.stage() == null;
  }

  Counts count(QaUser user, TaskFilter f, Window w) {
    List<String> groups = user.isReadOnly() ? List.of() : List.copyOf(user.groups());
    Map<String, Object> p = new HashMap<>();
    p.put("user", user.userId());
    p.put("now", w.now());
    p.put("weekEnd", w.endOfWeek());
    p.put("tomorrow", w.startOfTomorrow());
    p.put("epoch", new Date(0));
    String due = due(f.due());
    String view = view(f.view());
    List<String> sums = new ArrayList<>();
    for (View v : View.values()) {
      sums.add(view(v) + " and " + due);
    }
    for (Due d : Due.values()) {
      sums.add(view + " and " + due(d));
    }
    String datedColumn =
        f.sort() == Sort.DUE
            ? "t.DUE_DATE_"
            : f.sort() == Sort.FOLLOW_UP ? "t.FOLLOW_UP_DATE_" : null;
    if (datedColumn != null) {
      sums.add(view + " and " + due + " and " + datedColumn + " > :epoch");
    }
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < sums.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("sum(case when ").append(sums.get(i));
      sql.append(" then 1 else 0 end)");
    }
    sql.append(" from ").append(taskTable).append(" t where t.SUSPENSION_STATE_ = 1 and ");
    if (groups.isEmpty()) {
      sql.append("t.ASSIGNEE_ = :user");
    } else {
      p.put("groups", groups);
      sql.append("(t.ASSIGNEE_ = :user or t.ID_ in (select i.TASK_ID_ from ")
          .append(linkTable)
          .append(" i where i.TYPE_ = 'candidate' and i.GROUP_ID_ in (:groups)))");
    }
    long[] n =
        jdbc.queryForObject(
            sql.toString(),
            p,
            (rs, row) -> {
              long[] values = new long[sums.size()];
              for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 1); // sum over no rows is null: 0
              }
              return values;
            });
    Map<View, Long> views = new EnumMap<>(View.class);
    for (View v : View.values()) {
      views.put(v, n[v.ordinal()]);
    }
    Map<Due, Long> dues = new EnumMap<>(Due.class);
    for (Due d : Due.values()) {
      dues.put(d, n[View.values().length + d.ordinal()]);
    }
    return new Counts(views, dues, datedColumn == null ? null : n[sums.size() - 1]);
  }

  /** Within the "all" view's rows, those of a view. */
  private static String view(View v) {
    return switch (v) {
      case ALL -> "1 = 1";
      case MINE -> "t.ASSIGNEE_ = :user";
      case GROUP -> "t.ASSIGNEE_ is null";
    };
  }

  private static String due(Due d) {
    if (d == null) {
      return "1 = 1";
    }
    return switch (d) {
      case OVERDUE -> "t.DUE_DATE_ < :now";
      case WEEK -> "t.DUE_DATE_ > :now and t.DUE_DATE_ < :weekEnd";
      case FOLLOW_UP -> "t.FOLLOW_UP_DATE_ < :tomorrow";
    };
  }
}
