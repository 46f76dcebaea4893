package th.qaflow.tasklist;

import java.util.List;
import java.util.Map;

/**
 * One page of the task list and the counts beside its filters.
 *
 * @param total how many tasks the filter finds (all pages)
 * @param views the count of each view with the other filters as they are
 * @param dues the count of each due state within the view and the other filters
 */
public record TaskListPage(
    TaskFilter filter,
    List<TaskRow> rows,
    long total,
    Map<TaskFilter.View, Long> views,
    Map<TaskFilter.Due, Long> dues) {

  public int pages() {
    return (int) Math.max(1, (total + filter.size() - 1) / filter.size());
  }

  /** 1-based position of the page's first row. */
  public long from() {
    return rows.isEmpty() ? 0 : (long) (filter.page() - 1) * filter.size() + 1;
  }

  public long to() {
    return from() == 0 ? 0 : from() + rows.size() - 1;
  }
}
