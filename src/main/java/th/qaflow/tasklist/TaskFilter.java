package th.qaflow.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the task list shows: which of the user's tasks (view), narrowed by a search text, a school,
 * a year, a stage and a due state, in an order, one page of it. Values are already checked (see the
 * controller); {@link #query()} gives them back as the URL's query string, so a list can be
 * bookmarked and saved.
 *
 * @param q search text: part of a task's name or school name, a school code, or a stage's label
 * @param school a school code, or null
 * @param year an academic year (BE), or null
 * @param stage a stage code, or null
 * @param due a due state, or null for all
 * @param page 1-based
 */
public record TaskFilter(
    View view,
    String q,
    String school,
    Integer year,
    String stage,
    Due due,
    Sort sort,
    int page,
    int size) {

  public static final int DEFAULT_SIZE = 100;
  public static final int[] SIZES = {25, 50, 100};

  /**
   * Whose tasks: the user's own and their groups' (claimed or not), the user's own, or the
   * unclaimed ones of their groups.
   */
  public enum View {
    ALL,
    MINE,
    GROUP
  }

  /** Overdue; due this week (Monday to Sunday, not yet overdue); follow-up date reached. */
  public enum Due {
    OVERDUE,
    WEEK,
    FOLLOW_UP
  }

  /** Due and follow-up: earliest first, tasks without one last; created: newest first. */
  public enum Sort {
    DUE,
    FOLLOW_UP,
    CREATED,
    NAME,
    SCHOOL
  }

  public static TaskFilter defaults() {
    return new TaskFilter(View.ALL, null, null, null, null, null, Sort.DUE, 1, DEFAULT_SIZE);
  }

  public TaskFilter withView(View v) {
    return new TaskFilter(v, q, school, year, stage, due, sort, 1, size);
  }

  public TaskFilter withDue(Due d) {
    return new TaskFilter(view, q, school, year, stage, d, sort, 1, size);
  }

  public TaskFilter withPage(int p) {
    return new TaskFilter(view, q, school, year, stage, due, sort, p, size);
  }

  /** The filter's parameters, defaults left out (the order of the form). */
  public Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    if (view != View.ALL) {
      p.put("view", view.name().toLowerCase());
    }
    if (q != null) {
      p.put("q", q);
    }
    if (school != null) {
      p.put("school", school);
    }
    if (year != null) {
      p.put("year", year.toString());
    }
    if (stage != null) {
      p.put("stage", stage);
    }
    if (due != null) {
      p.put("due", due.name().toLowerCase().replace('_', '-'));
    }
    if (sort != Sort.DUE) {
      p.put("sort", sort.name().toLowerCase().replace('_', '-'));
    }
    if (size != DEFAULT_SIZE) {
      p.put("size", Integer.toString(size));
    }
    if (page != 1) {
      p.put("page", Integer.toString(page));
    }
    return p;
  }

  /** The URL query string of {@link #params()}, URL-encoded, without the leading '?'. */
  public String query() {
    StringBuilder s = new StringBuilder();
    params()
        .forEach(
            (k, v) -> {
              if (s.length() > 0) {
                s.append('&');
              }
              s.append(k)
                  .append('=')
                  .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            });
    return s.toString();
  }

  /** Is anything narrowed (a search, a school, a year, a stage or a due state)? */
  public boolean narrowed() {
    return q != null || school != null || year != null || stage != null || due != null;
  }
}
