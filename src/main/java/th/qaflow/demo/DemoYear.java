package th.qaflow.demo;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import th.qaflow.calendar.AcademicYears;
import th.qaflow.cycle.CycleService;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;

/**
 * Loads the demo district once and drives its schools to different stages, through the same task
 * completion (and form validation) people use, so the first look shows a living year: last year done
 * for most schools, one SAR returned by its board, and this year's schools on time, late or stuck.
 */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoYear {
  private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

  private final OrganisationImport organisationImport;
  private final CycleService cycles;
  private final TaskWork work;
  private final TaskService tasks;
  private final ManagementService management;
  private final QaUsers users;
  private final JdbcClient jdbc;

  DemoYear(OrganisationImport organisationImport, CycleService cycles, TaskWork work, TaskService tasks,
      ManagementService management, QaUsers users, JdbcClient jdbc) {
    this.organisationImport = organisationImport;
    this.cycles = cycles;
    this.work = work;
    this.tasks = tasks;
    this.management = management;
    this.users = users;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    if (jdbc.sql("select count(*) from school_cycle").query(Integer.class).single() > 0) {
      return; // the demo is in the database already; a restart keeps its state
    }
    organisationImport.importDemo();
    int year = AcademicYears.of(LocalDate.now(AcademicYears.ZONE));
    int lastYear = year - 1;

    // last year: six schools finished, school 8's SAR was returned by its board and is being redrafted
    for (int n : new int[] {1, 2, 3, 4, 5, 6}) {
      String pi = cycles.startSchool(school(n), lastYear, "qaofficer").orElseThrow();
      drive(pi, n, TASK_PUBLISH_SAR, true, false);
    }
    String returned = cycles.startSchool(school(8), lastYear, "qaofficer").orElseThrow();
    drive(returned, 8, TASK_BOARD_APPROVE_SAR, false, true);

    // this year: started for the whole district in one action, then each school where it really is
    cycles.startYear(DemoDistrict.DISTRICT, year, "qaofficer");
    drive(instance(1, year), 1, TASK_SELF_CHECK_SEMESTER_ONE, true, false);
    drive(instance(2, year), 2, TASK_SELF_CHECK_SEMESTER_ONE, true, false);
    drive(instance(8, year), 8, TASK_SELF_CHECK_SEMESTER_ONE, true, false);
    drive(instance(3, year), 3, TASK_MAKE_PLANS, true, false);
    drive(instance(5, year), 5, TASK_MAKE_PLANS, true, false);
    claim(instance(5, year), TASK_SELF_CHECK_SEMESTER_ONE, "qa5");
    drive(instance(4, year), 4, TASK_SET_STANDARDS, true, false);
    drive(instance(6, year), 6, TASK_ANNOUNCE_STANDARDS, true, false);
    // school 7 has not started: its first task is already late
    log.info("Demo district {} loaded: academic years {} and {}", DemoDistrict.DISTRICT, lastYear, year);
  }

  private static String school(int n) {
    return "109901000" + n;
  }

  private String instance(int n, int year) {
    return jdbc.sql("select process_instance_id from school_cycle where school_code = :s and academic_year = :y")
        .param("s", school(n)).param("y", year).query(String.class).single();
  }

  /**
   * Completes the school's tasks in order until {@code last}: that one too when {@code includeLast};
   * otherwise it is left open, or — with {@code boardReturns} — completed as a board return.
   */
  private void drive(String processInstanceId, int n, String last, boolean includeLast, boolean boardReturns) {
    while (true) {
      Task task = nextTask(processInstanceId);
      if (task == null) {
        return;
      }
      String key = task.getTaskDefinitionKey();
      if (key.equals(last) && !includeLast) {
        if (boardReturns) {
          Map<String, String> returnValues = new HashMap<>(values(key));
          returnValues.put("boardDecision", "return");
          returnValues.put("boardComments", "ระดับคุณภาพมาตรฐานที่ 1 ยังไม่มีหลักฐานสนับสนุนผลสัมฤทธิ์ทางการเรียน กรุณาแนบผล O-NET และผลการประเมินระดับชั้น");
          complete(task, n, returnValues);
        }
        return;
      }
      complete(task, n, values(key));
      if (key.equals(last)) {
        return;
      }
    }
  }

  private void claim(String processInstanceId, String key, String userId) {
    Task task = nextTask(processInstanceId);
    if (task != null && task.getTaskDefinitionKey().equals(key)) {
      work.claim(task.getId(), users.byId(userId));
    }
  }

  private void complete(Task task, int n, Map<String, String> values) {
    String userId = switch (task.getTaskDefinitionKey()) {
      case TASK_BOARD_ENDORSE_STANDARDS, TASK_BOARD_APPROVE_SAR -> "board" + n;
      case TASK_ANNOUNCE_STANDARDS, TASK_DIRECTOR_REVIEW_SAR, TASK_SUBMIT_SAR, TASK_PUBLISH_SAR -> "director" + n;
      default -> "qa" + n;
    };
    Map<String, String[]> params = new HashMap<>();
    values.forEach((k, v) -> params.put(k, new String[] {v}));
    Completion done = work.complete(task.getId(), users.byId(userId), params);
    if (!done.done()) {
      throw new IllegalStateException("Demo values rejected for " + task.getTaskDefinitionKey() + ": " + done.form().errors());
    }
  }

  /** The open task of the instance, firing due timers on the way (the year may be well advanced). */
  private Task nextTask(String processInstanceId) {
    for (int attempt = 0; attempt < 20; attempt++) {
      List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
      if (!open.isEmpty()) {
        return open.get(0);
      }
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return null; // waiting for a timer in the future, or finished
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException firedByJobExecutor) {
          // the job executor got there first; the next round sees its result
        }
      }
    }
    return null;
  }

  private static Map<String, String> values(String taskKey) {
    return DemoAnswers.FOR_TASK.getOrDefault(taskKey, Map.of());
  }
}
