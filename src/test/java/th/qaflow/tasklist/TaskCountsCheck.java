package th.qaflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Role;
import th.qaflow.security.QaUser;
import th.qaflow.tasklist.TaskFilter.Due;
import th.qaflow.tasklist.TaskFilter.Sort;
import th.qaflow.tasklist.TaskFilter.View;

/**
 * The counts beside the task list's filters, checked against what each task is: a set of tasks that
 * covers every case the counts tell apart (assigned to the user, to a colleague of the group, to
 * someone else; offered to one or two of the user's groups or to another; suspended; overdue, due
 * this week, later, without a date; follow-up reached or not), and for every view × due state ×
 * sort the list's counts and its page compared with the tasks themselves. The same check runs on H2
 * (TaskCountsTest) and on PostgreSQL (PostgresIntegrationTest): the unfiltered counts are one SQL
 * statement of our own, the filtered ones the engine's queries.
 */
public final class TaskCountsCheck {
  static final String PROCESS = "TaskCountsCheck";

  private final TaskWork work;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final String prefix;
  private final List<String> started = new ArrayList<>();

  /** One task as the oracle sees it. */
  record Made(
      String id,
      String assignee,
      boolean offered,
      boolean active,
      Date due,
      Date followUp,
      String school) {}

  private final List<Made> made = new ArrayList<>();

  private TaskCountsCheck(
      TaskWork work,
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      String prefix) {
    this.work = work;
    this.tasks = tasks;
    this.runtime = runtime;
    this.prefix = prefix;
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repository
          .createDeployment()
          .addModelInstance(
              PROCESS + ".bpmn",
              Bpmn.createExecutableProcess(PROCESS)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_Counted")
                  .name("งานนับ")
                  .endEvent()
                  .done())
          .deploy();
    }
  }

  /** Makes the tasks, checks every filter and deletes the tasks again. */
  public static void verify(
      TaskWork work,
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      String prefix) {
    TaskCountsCheck check = new TaskCountsCheck(work, tasks, runtime, repository, prefix);
    try {
      check.run();
    } finally {
      check.cleanUp();
    }
  }

  private void run() {
    String me = prefix + "-me";
    String colleague = prefix + "-colleague";
    String g1 = prefix + "-g1";
    String g2 = prefix + "-g2";
    String other = prefix + "-other-group";
    Instant now = ClockUtil.getCurrentTime().toInstant(); // the app's clock
    Date past = Date.from(now.minus(3, ChronoUnit.DAYS));
    Date soon = Date.from(now.plus(2, ChronoUnit.HOURS));
    Date later = Date.from(now.plus(40, ChronoUnit.DAYS));
    List<Date> dues = new ArrayList<>(List.of(past, soon, later));
    dues.add(null);
    List<Date> followUps = new ArrayList<>(List.of(past, later));
    followUps.add(null);
    int i = 0;
    for (Date due : dues) {
      for (Date followUp : followUps) {
        String school = i % 2 == 0 ? prefix + "-A" : prefix + "-B";
        make(me, List.of(), true, due, followUp, school);
        make(me, List.of(g1), false, due, followUp, school); // suspended
        make(null, List.of(g1), true, due, followUp, school);
        make(null, List.of(g1, g2), true, due, followUp, school); // two links, one task
        make(colleague, List.of(g2), true, due, followUp, school);
        make(colleague, List.of(other), true, due, followUp, school); // not the user's
        make(null, List.of(other), true, due, followUp, school); // not the user's
        i++;
      }
    }
    QaUser user = new QaUser(me, me, Role.SUPERVISOR, prefix, null, Set.of(), Set.of(g1, g2));
    QaUser viewer = new QaUser(me, me, Role.OBEC_VIEWER, null, null, Set.of(), Set.of(g1, g2));
    Window w = new Window(now);
    for (QaUser u : List.of(user, viewer)) {
      for (View view : View.values()) {
        for (Due due : allDues()) {
          for (Sort sort : List.of(Sort.DUE, Sort.FOLLOW_UP, Sort.CREATED)) {
            check(u, new TaskFilter(view, null, null, null, null, due, sort, 1, 25), w);
          }
          // a school: the engine's own count queries
          check(u, new TaskFilter(view, null, prefix + "-A", null, null, due, Sort.DUE, 1, 25), w);
          // the second page of 5 by due: dated tasks first, then the undated
          check(u, new TaskFilter(view, null, null, null, null, due, Sort.DUE, 2, 5), w);
        }
      }
    }
  }

  private void cleanUp() {
    if (!started.isEmpty()) {
      runtime.deleteProcessInstances(List.copyOf(started), "test done", true, true);
    }
  }

  private void check(QaUser u, TaskFilter f, Window w) {
    TaskListPage page = work.list(u, f);
    Map<View, Long> views = new EnumMap<>(View.class);
    for (View v : View.values()) {
      views.put(v, count(u, v, f.due(), f.school(), w));
    }
    Map<Due, Long> dueCounts = new EnumMap<>(Due.class);
    for (Due d : Due.values()) {
      dueCounts.put(d, count(u, f.view(), d, f.school(), w));
    }
    String what = u.role() + " " + f;
    assertThat(page.views()).as("views of " + what).isEqualTo(views);
    assertThat(page.dues()).as("due states of " + what).isEqualTo(dueCounts);
    assertThat(page.total()).as("total of " + what).isEqualTo(views.get(f.view()));
    List<Made> expected = made.stream().filter(in(u, f.view(), f.due(), f.school(), w)).toList();
    // a page past the end shows the last page
    int last = Math.max(1, (expected.size() + f.size() - 1) / f.size());
    int from = (Math.min(f.page(), last) - 1) * f.size();
    int to = Math.min(expected.size(), from + f.size());
    assertThat(page.rows()).as("rows of " + what).hasSize(to - from);
    if (f.sort() == Sort.DUE) {
      // the page's place in the order: as many dated rows as the dated tasks leave for it
      long dated = expected.stream().filter(m -> m.due() != null).count();
      long datedOnPage = Math.max(0, Math.min(to, dated) - from);
      assertThat(page.rows().stream().filter(r -> r.due() != null).count())
          .as("dated rows of " + what)
          .isEqualTo(datedOnPage);
    }
  }

  private long count(QaUser u, View v, Due d, String school, Window w) {
    return made.stream().filter(in(u, v, d, school, w)).count();
  }

  /** What the list promises, said of one task. */
  private Predicate<Made> in(QaUser u, View v, Due d, String school, Window w) {
    boolean groups = !u.isReadOnly();
    return m -> {
      boolean mine = u.userId().equals(m.assignee());
      boolean visible = m.active() && (mine || (groups && m.offered()));
      boolean inView =
          switch (v) {
            case ALL -> visible;
            case MINE -> m.active() && mine;
            case GROUP -> visible && groups && m.assignee() == null;
          };
      boolean inDue =
          d == null
              || switch (d) {
                case OVERDUE -> m.due() != null && m.due().before(w.now);
                case WEEK -> m.due() != null && m.due().after(w.now) && m.due().before(w.weekEnd);
                case FOLLOW_UP -> m.followUp() != null && m.followUp().before(w.tomorrow);
              };
      return inView && inDue && (school == null || school.equals(m.school()));
    };
  }

  private void make(
      String assignee,
      List<String> groups,
      boolean active,
      Date due,
      Date followUp,
      String school) {
    String id =
        runtime
            .startProcessInstanceByKey(
                PROCESS,
                Map.of(
                    ProcessVariables.SCHOOL_CODE,
                    school,
                    ProcessVariables.SCHOOL_NAME,
                    "โรงเรียน " + school))
            .getId();
    started.add(id);
    Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
    task.setAssignee(assignee);
    task.setDueDate(due);
    task.setFollowUpDate(followUp);
    tasks.saveTask(task);
    for (String g : groups) {
      tasks.addCandidateGroup(task.getId(), g);
    }
    if (!active) {
      runtime.suspendProcessInstanceById(id);
    }
    boolean offered = groups.stream().anyMatch(g -> g.endsWith("-g1") || g.endsWith("-g2"));
    made.add(new Made(task.getId(), assignee, offered, active, due, followUp, school));
  }

  private static List<Due> allDues() {
    List<Due> all = new ArrayList<>(List.of(Due.values()));
    all.add(null);
    return all;
  }

  /** The list's instants: the week ends on the coming Monday, the follow-up day at midnight. */
  private record Window(Date now, Date weekEnd, Date tomorrow) {
    Window(Instant now) {
      this(
          Date.from(now),
          Date.from(
              LocalDate.ofInstant(now, AcademicYears.ZONE)
                  .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                  .atStartOfDay(AcademicYears.ZONE)
                  .toInstant()),
          Date.from(
              LocalDate.ofInstant(now, AcademicYears.ZONE)
                  .plusDays(1)
                  .atStartOfDay(AcademicYears.ZONE)
                  .toInstant()));
    }
  }
}
