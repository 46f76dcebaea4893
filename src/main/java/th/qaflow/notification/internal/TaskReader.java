package th.qaflow.notification.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.TaskVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * Reads open tasks with a due date from the engine, page by page. A page costs a bounded number of
 * queries whatever its size: the tasks, their variables ({@link TaskVariables}) and their candidate
 * groups ({@link CandidateGroups}), each in one query; schools and districts come from the
 * directory the caller passes (the scan's {@link ScanDirectory} reads each once).
 */
public class TaskReader {
  static final int PAGE = 200;
  private static final List<String> NAMES =
      List.of(
          ProcessVariables.SCHOOL_CODE,
          ProcessVariables.DISTRICT_CODE,
          ProcessVariables.ACADEMIC_YEAR,
          ProcessVariables.STAGE);

  private final TaskService tasks;
  private final IdentityService identity;
  private final OrganisationDirectory directory;
  private final TaskVariables variables;
  private final CandidateGroups candidates;

  public TaskReader(
      TaskService tasks,
      IdentityService identity,
      OrganisationDirectory directory,
      TaskVariables variables,
      CandidateGroups candidates) {
    this.tasks = tasks;
    this.identity = identity;
    this.directory = directory;
    this.variables = variables;
    this.candidates = candidates;
  }

  /** The same reader, looking schools and districts up in {@code other} (e.g. a scan's memo). */
  TaskReader with(OrganisationDirectory other) {
    return new TaskReader(tasks, identity, other, variables, candidates);
  }

  /** Every active task due before {@code dueBefore}, oldest due first, one page at a time. */
  public void dueBefore(Date dueBefore, Consumer<List<OpenTask>> page) {
    int first = 0;
    while (true) {
      List<Task> list =
          tasks
              .createTaskQuery()
              .active()
              .dueBefore(dueBefore)
              .orderByDueDate()
              .asc()
              .orderByTaskId()
              .asc()
              .listPage(first, PAGE);
      if (list.isEmpty()) {
        return;
      }
      page.accept(open(list));
      if (list.size() < PAGE) {
        return;
      }
      first += PAGE;
    }
  }

  /** Open tasks with a due date that the user has claimed or may claim through a group. */
  public List<OpenTask> ofUser(String userId) {
    List<String> groups =
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    TaskQuery query = tasks.createTaskQuery().active();
    if (groups.isEmpty()) {
      query.taskAssignee(userId);
    } else {
      query.or().taskAssignee(userId).taskCandidateGroupIn(groups).endOr();
    }
    return open(
        query.orderByDueDate().asc().list().stream()
            .filter(
                t ->
                    t.getDueDate() != null
                        && (t.getAssignee() == null || t.getAssignee().equals(userId)))
            .toList());
  }

  /**
   * The open tasks of a stage in a district's year whose due date (Bangkok) is {@code dueOn}: after
   * a calendar move, the tasks that now follow the new date.
   */
  public List<OpenTask> ofStageDueOn(
      String districtCode, int academicYear, String stage, java.time.LocalDate dueOn) {
    List<Task> withDue =
        tasks
            .createTaskQuery()
            .active()
            .taskVariableValueEquals(ProcessVariables.STAGE, stage)
            .processVariableValueEquals(ProcessVariables.DISTRICT_CODE, districtCode)
            .orderByTaskId()
            .asc()
            .list()
            .stream()
            .filter(t -> t.getDueDate() != null)
            .toList();
    List<OpenTask> result = new ArrayList<>();
    for (OpenTask open : open(withDue)) {
      if (open.academicYear() != null
          && open.academicYear() == academicYear
          && open.dueDate().equals(dueOn)) {
        result.add(open);
      }
    }
    return result;
  }

  public java.util.Optional<OpenTask> byId(String taskId) {
    Task t = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    return t == null || t.getDueDate() == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(open(List.of(t)).get(0));
  }

  /** The tasks as reminders see them, in the same order. */
  List<OpenTask> open(List<Task> found) {
    Map<String, Map<String, Object>> vars = variables.of(found, NAMES);
    Map<String, List<String>> groups = candidates.of(found.stream().map(Task::getId).toList());
    return found.stream().map(t -> open(t, vars.get(t.getId()), groups.get(t.getId()))).toList();
  }

  private OpenTask open(Task t, Map<String, Object> vars, List<String> groups) {
    String schoolCode = (String) vars.get(ProcessVariables.SCHOOL_CODE);
    School school = schoolCode == null ? null : directory.school(schoolCode).orElse(null);
    String districtCode =
        vars.get(ProcessVariables.DISTRICT_CODE) instanceof String d
            ? d
            : school == null ? null : school.districtCode();
    Integer year =
        vars.get(ProcessVariables.ACADEMIC_YEAR) instanceof Number n ? n.intValue() : null;
    // the candidate groups stay linked after a claim: they tell whose level of work the task is
    return new OpenTask(
        t.getId(),
        t.getName(),
        t.getProcessInstanceId(),
        schoolCode,
        school,
        districtCode,
        districtCode == null ? null : directory.district(districtCode).orElse(null),
        year,
        OpenTask.Scope.of(groups, schoolCode),
        (String) vars.get(ProcessVariables.STAGE),
        t.getDueDate().toInstant(),
        t.getAssignee(),
        t.getAssignee() != null ? List.of() : groups);
  }
}
