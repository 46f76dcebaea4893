package th.qaflow.assistance.internal;

import static th.qaflow.assistance.SchoolAssistanceProcess.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.assistance.AssistanceCases;
import th.qaflow.assistance.AssistanceCases.AssistanceCase;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.QaUser;
import th.qaflow.synthesis.BelowTargetHelp;

/**
 * What the pages show of a help case (running or ended), read from the engine's history, and who
 * may start help: the district's QA officer and supervision director for any school of their
 * district, a supervisor for the schools of their clusters, administrators.
 */
@Component
class AssistanceViews implements BelowTargetHelp {
  static final String STATUS_RUNNING = "assistance.status.running";
  static final String STATUS_CLOSED = "assistance.status.closed";

  private final AssistanceCases cases;
  private final OrganisationDirectory directory;
  private final HistoryService history;
  private final TaskService tasks;

  AssistanceViews(
      AssistanceCases cases,
      OrganisationDirectory directory,
      @Lazy HistoryService history,
      @Lazy TaskService tasks) {
    this.cases = cases;
    this.directory = directory;
    this.history = history;
    this.tasks = tasks;
  }

  /** An open step of a case: the task, its stage's message key and due date. */
  record OpenStep(Task task, String stageKey) {}

  /**
   * A case as the pages show it.
   *
   * @param statusKey {@code assistance.status.*}: closed, a step open, or waiting for the
   *     self-check
   * @param v the case's variables (gaps, team, plan, visits, rounds, check, report)
   */
  record CaseView(
      AssistanceCase c,
      School school,
      List<OpenStep> open,
      String statusKey,
      Map<String, Object> v) {

    public List<Map<String, Object>> rows(String name) {
      return AssistanceSteps.rows(v.get(name));
    }

    public List<Map<String, Object>> planItems() {
      return AssistanceSteps.planItems(v.get(VAR_PLAN_ITEMS), v.get(VAR_GAPS));
    }
  }

  static boolean mayStart(QaUser user, School school) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    return (user.role() == Role.DISTRICT_QA_OFFICER
            || user.role() == Role.SUPERVISION_DIRECTOR
            || user.role() == Role.SUPERVISOR)
        && user.canSee(school);
  }

  static boolean mayStartInDistrict(QaUser user, String districtCode) {
    return user.role() == Role.ADMIN
        || (districtCode.equals(user.districtCode())
            && (user.role() == Role.DISTRICT_QA_OFFICER
                || user.role() == Role.SUPERVISION_DIRECTOR
                || user.role() == Role.SUPERVISOR));
  }

  @Override
  public View view(String districtCode, int academicYear, QaUser user) {
    Map<String, String> status = new LinkedHashMap<>();
    for (AssistanceCase c : cases.cases(districtCode)) {
      if (c.academicYear() == academicYear) {
        status.put(c.schoolCode(), c.closed() ? STATUS_CLOSED : STATUS_RUNNING);
      }
    }
    if (!mayStartInDistrict(user, districtCode)) {
      return new View(false, Set.of(), status);
    }
    Set<String> startable = new HashSet<>();
    directory.schoolsOfDistrict(districtCode).stream()
        .filter(s -> mayStart(user, s))
        .forEach(s -> startable.add(s.code()));
    return new View(!startable.isEmpty(), startable, status);
  }

  CaseView view(AssistanceCase c) {
    School school = directory.school(c.schoolCode()).orElse(null);
    List<OpenStep> open = new ArrayList<>();
    for (Task t : tasks.createTaskQuery().processInstanceId(c.processInstanceId()).list()) {
      Object stage = tasks.getVariableLocal(t.getId(), ProcessVariables.STAGE);
      open.add(new OpenStep(t, stage == null ? null : "stage." + stage));
    }
    Map<String, Object> v = variables(c.processInstanceId());
    String statusKey =
        c.closed()
            ? STATUS_CLOSED
            : !open.isEmpty() ? "assistance.status.step" : "assistance.status.waiting";
    return new CaseView(c, school, open, statusKey, v);
  }

  private Map<String, Object> variables(String processInstanceId) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance v :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableNameIn(
                VAR_GAPS,
                VAR_ROUND,
                VAR_TEAM_MEMBERS,
                VAR_TEAM_ORDER,
                VAR_PLAN_SUMMARY,
                VAR_PLAN_ITEMS,
                VAR_VISITS,
                VAR_ROUNDS,
                VAR_CHECK_YEAR,
                VAR_CHECK_SEMESTER,
                VAR_CHECK_RESULT,
                VAR_RESULT_SUMMARY,
                VAR_RESULT_LESSONS)
            .list()) {
      // process-level variables only (task-local ones share names in the history)
      if (v.getActivityInstanceId() == null
          || v.getActivityInstanceId().equals(processInstanceId)) {
        values.put(v.getName(), v.getValue());
      }
    }
    return values;
  }
}
