package th.qaflow.tasklist.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.Stages;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskFilter;

/**
 * Reads a task list's filter from the URL's parameters. A value that cannot be used (an unknown
 * school, a year that is not a year, an unknown stage) is dropped with a message key for the page,
 * never an error page; a school outside the user's scope is treated as unknown.
 */
@Component
class TaskFilters {
  static final int MAX_SEARCH = 100;
  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  /** The filter, and the message keys of the values left out. */
  record Parsed(TaskFilter filter, List<String> problems) {}

  private final OrganisationDirectory directory;
  private final TaskAccess access;
  private final Stages stages;
  private final Clock clock;

  TaskFilters(OrganisationDirectory directory, TaskAccess access, Stages stages, Clock clock) {
    this.directory = directory;
    this.access = access;
    this.stages = stages;
    this.clock = clock;
  }

  Parsed parse(Map<String, String> params, QaUser user) {
    List<String> problems = new ArrayList<>();
    TaskFilter.View view =
        choice(TaskFilter.View.class, params.get("view"), TaskFilter.View.ALL, problems);
    TaskFilter.Due due = choice(TaskFilter.Due.class, params.get("due"), null, problems);
    TaskFilter.Sort sort =
        choice(TaskFilter.Sort.class, params.get("sort"), TaskFilter.Sort.DUE, problems);
    String q = blankToNull(params.get("q"));
    if (q != null && q.codePointCount(0, q.length()) > MAX_SEARCH) {
      q = q.substring(0, q.offsetByCodePoints(0, MAX_SEARCH));
      problems.add("tasks.filter.error.search");
    }
    String school = blankToNull(params.get("school"));
    if (school != null && !mayFilterBy(user, school)) {
      school = null;
      problems.add("tasks.filter.error.school");
    }
    Integer year = null;
    String yearText = blankToNull(params.get("year"));
    if (yearText != null) {
      if (DIGITS.matcher(yearText).matches()
          && Integer.parseInt(yearText) >= 2500
          && Integer.parseInt(yearText) <= 3999) {
        year = Integer.valueOf(yearText);
      } else {
        problems.add("tasks.filter.error.year");
      }
    }
    String stage = blankToNull(params.get("stage"));
    if (stage != null && stages.find(stage).isEmpty()) {
      stage = null;
      problems.add("tasks.filter.error.stage");
    }
    int size = TaskFilter.DEFAULT_SIZE;
    String sizeText = blankToNull(params.get("size"));
    if (sizeText != null) {
      int wanted = DIGITS.matcher(sizeText).matches() ? Integer.parseInt(sizeText) : -1;
      if (java.util.Arrays.stream(TaskFilter.SIZES).anyMatch(s -> s == wanted)) {
        size = wanted;
      } else {
        problems.add("tasks.filter.error.size");
      }
    }
    int page = 1;
    String pageText = blankToNull(params.get("page"));
    if (pageText != null) {
      if (DIGITS.matcher(pageText).matches() && Integer.parseInt(pageText) >= 1) {
        page = Integer.parseInt(pageText);
      } else {
        problems.add("tasks.filter.error.page");
      }
    }
    return new Parsed(
        new TaskFilter(view, q, school, year, stage, due, sort, page, size), problems);
  }

  /** A school the user may see (their own school, clusters or district); others are unknown. */
  private boolean mayFilterBy(QaUser user, String code) {
    return code.length() <= 20
        && directory.school(code).isPresent()
        && access.canSeeSchool(user, code);
  }

  /** The schools offered in the filter: those of the user's scope (none for national roles). */
  List<School> schoolsFor(QaUser user) {
    if (user.schoolCode() != null) {
      return directory.school(user.schoolCode()).map(List::of).orElse(List.of());
    }
    if (user.districtCode() == null) {
      return List.of();
    }
    return access.visibleSchools(user, directory.schoolsOfDistrict(user.districtCode()));
  }

  /** The years offered: three before this academic year to one after (and the chosen one). */
  List<Integer> years(TaskFilter filter) {
    int now = AcademicYears.current(clock);
    List<Integer> years = new ArrayList<>();
    for (int y = now + 1; y >= now - 3; y--) {
      years.add(y);
    }
    if (filter.year() != null && !years.contains(filter.year())) {
      years.add(0, filter.year());
    }
    return years;
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String text, E fallback, List<String> problems) {
    String value = blankToNull(text);
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      problems.add("tasks.filter.error.choice");
      return fallback;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
