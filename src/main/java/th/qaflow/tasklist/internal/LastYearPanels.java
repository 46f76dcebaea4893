package th.qaflow.tasklist.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import th.qaflow.cycle.SchoolAdvice;
import th.qaflow.cycle.SchoolCycles;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.cycle.SchoolYear;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskPanel;
import th.qaflow.tasklist.TaskPanelProvider;

/**
 * Last year feeds this year (issue 13 §3): on a school's standards task, per standard, last year's
 * target and SAR level with its strengths and points to improve, and what others said of that year
 * (the district's visits and review, ONESQA, the school board); a short version (levels, targets
 * and advice, no findings) on the plans task. Only the task's own school's history: the school
 * comes from the task, which the tasklist has checked the user may see.
 */
@Component
class LastYearPanels implements TaskPanelProvider {
  static final String TEMPLATE = "tasklist/lastyear";

  /** Sources the short version leaves out: observations, not advice. */
  static final Set<String> FINDINGS = Set.of("lastyear.source.visitFinding");

  private final SchoolCycles cycles;
  private final List<SchoolAdvice> advice;

  LastYearPanels(SchoolCycles cycles, List<SchoolAdvice> advice) {
    this.cycles = cycles;
    this.advice = advice;
  }

  /** One standard of last year with what was said about it. */
  record Row(SchoolYear.Standard standard, List<SchoolAdvice.Note> notes) {}

  @Override
  public Optional<TaskPanel> panel(
      String taskKey, String processKey, Map<String, Object> variables, QaUser user) {
    boolean full = SchoolQaCycleProcess.TASK_SET_STANDARDS.equals(taskKey);
    if (!SchoolQaCycleProcess.PROCESS_ID.equals(processKey)
        || !(full || SchoolQaCycleProcess.TASK_MAKE_PLANS.equals(taskKey))
        || !(variables.get(ProcessVariables.SCHOOL_CODE) instanceof String school)
        || !(variables.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number year)) {
      return Optional.empty();
    }
    int lastYear = year.intValue() - 1;
    String district = variables.get(ProcessVariables.DISTRICT_CODE) instanceof String d ? d : null;
    return Optional.of(
        new TaskPanel(TEMPLATE, "lastYear", model(school, district, lastYear, full)));
  }

  Map<String, Object> model(String school, String district, int lastYear, boolean full) {
    Optional<SchoolYear> record = cycles.year(school, lastYear);
    List<SchoolAdvice.Note> notes = new ArrayList<>();
    for (SchoolAdvice source : advice) {
      for (SchoolAdvice.Note n : source.notes(school, district, lastYear)) {
        if (n.text() != null && !n.text().isBlank() && (full || !FINDINGS.contains(n.source()))) {
          notes.add(n);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (SchoolYear.Standard s : record.map(SchoolYear::standards).orElse(List.of())) {
      List<SchoolAdvice.Note> about =
          notes.stream().filter(n -> s.standardCode().equals(n.standardCode())).toList();
      notes.removeAll(about);
      rows.add(new Row(s, about));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("year", String.valueOf(lastYear)); // a year, not a number: no grouping
    model.put("full", full);
    model.put("rows", rows);
    // what is about the school as a whole, or a standard of another framework (ONESQA's)
    model.put("general", notes);
    model.put("board", record.map(SchoolYear::boardRecommendations).orElse(""));
    model.put("empty", rows.isEmpty() && notes.isEmpty());
    return model;
  }
}
