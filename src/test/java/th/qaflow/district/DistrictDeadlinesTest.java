package th.qaflow.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.SchoolStage;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.kernel.Stage;
import th.qaflow.onesqa.ExternalAssessmentProcess;
import th.qaflow.onesqa.ExternalAssessments;
import th.qaflow.onesqa.OnesqaStage;
import th.qaflow.security.QaUsers;
import th.qaflow.support.ProcessTest;
import th.qaflow.visit.DistrictVisitProcess;
import th.qaflow.visit.VisitRounds;
import th.qaflow.visit.VisitStage;

/**
 * A district moving a stage's due date moves the open tasks of its own processes too
 * (DistrictQaCycle, DistrictVisit, ExternalAssessment) and the district cycle's SAR-deadline timer;
 * other years are untouched. The calendar editor accepts years up to 2700 only, so the test calls
 * every {@link DeadlineFollower} the way the editor's save does, inside one transaction per move.
 * Years 2805–2806.
 */
@ProcessTest
class DistrictDeadlinesTest {
  static final String DISTRICT = "1099";
  static final int YEAR = 2805;
  static final int OTHER_YEAR = 2806;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired DistrictCycles districtCycles;
  @Autowired VisitRounds visitRounds;
  @Autowired ExternalAssessments external;
  @Autowired QaUsers users;
  @Autowired List<DeadlineFollower> followers;
  @Autowired PlatformTransactionManager transactions;

  /** The windows the test has moved so far (the calendar's table keeps the defaults). */
  private final Map<Stage, StageWindow> current = new java.util.HashMap<>();

  @BeforeEach
  void setUp() {
    SchoolWalker.clock(YEAR - 543, 5, 20);
  }

  @Test
  void districtVisitAndOnesqaTasksAndTheSarDeadlineTimerFollowAMovedDueDate() {
    String cycle = districtCycles.start(DISTRICT, YEAR, "qaofficer").orElseThrow();
    String otherCycle = districtCycles.start(DISTRICT, OTHER_YEAR, "qaofficer").orElseThrow();
    visitRounds.launch(users.byId("qaofficer"), DISTRICT, YEAR, 1, "1099-C1");
    String onesqa = external.start(DISTRICT, YEAR, "qaofficer").processInstanceId();

    // the district cycle's guidance task
    Task guidance = open(cycle);
    Task otherGuidance = open(otherCycle);
    Date otherDue = otherGuidance.getDueDate();
    DeadlineFollower.Followed moved = move(DistrictStage.DISTRICT_GUIDANCE, 10);
    assertThat(dueOf(guidance)).isEqualTo(newDue(DistrictStage.DISTRICT_GUIDANCE, 10));
    assertThat(dueOf(otherGuidance)).as("another year").isEqualTo(otherDue);
    assertThat(moved.tasks()).isEqualTo(1);

    // the four visits' planning tasks
    List<Task> plans =
        tasks
            .createTaskQuery()
            .processDefinitionKey(DistrictVisitProcess.PROCESS_ID)
            .taskDefinitionKey(DistrictVisitProcess.TASK_PLAN_VISIT)
            .processVariableValueEquals("academicYear", YEAR)
            .list();
    assertThat(plans).hasSize(4);
    assertThat(move(VisitStage.VISIT_PLAN, 5).tasks()).isEqualTo(4);
    for (Task plan : plans) {
      assertThat(dueOf(plan)).isEqualTo(newDue(VisitStage.VISIT_PLAN, 5));
    }
    assertThat(dueOf(guidance))
        .as("another stage")
        .isEqualTo(newDue(DistrictStage.DISTRICT_GUIDANCE, 10));

    // ONESQA's first task
    Task criteria = open(onesqa);
    assertThat(criteria.getTaskDefinitionKey())
        .isEqualTo(ExternalAssessmentProcess.TASK_PUBLISH_CRITERIA);
    assertThat(tasks.getVariableLocal(criteria.getId(), ProcessVariables.STAGE))
        .isEqualTo(OnesqaStage.ONESQA_CRITERIA.name());
    assertThat(move(OnesqaStage.ONESQA_CRITERIA, 3).tasks()).isEqualTo(1);
    assertThat(dueOf(criteria)).isEqualTo(newDue(OnesqaStage.ONESQA_CRITERIA, 3));

    // the SAR-deadline timer follows the SAR_SUBMISSION due date
    for (String key :
        List.of(
            DistrictQaCycleProcess.TASK_PUBLISH_GUIDANCE,
            DistrictQaCycleProcess.TASK_APPOINT_COMMITTEE,
            DistrictQaCycleProcess.TASK_REPORT_LAST_YEAR,
            DistrictQaCycleProcess.TASK_RUN_VISIT_ROUNDS)) {
      Task task = open(cycle);
      assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
      tasks.complete(task.getId());
    }
    ProcessInstance instance =
        runtime.createProcessInstanceQuery().processInstanceId(cycle).singleResult();
    assertThat(instance).isWaitingAt(DistrictQaCycleProcess.TIMER_SAR_DEADLINE);
    assertThat(timer(cycle).getDuedate())
        .isEqualTo(Date.from(StageWindow.defaults(SchoolStage.SAR_SUBMISSION, YEAR).dueAt()));
    DeadlineFollower.Followed sar = move(SchoolStage.SAR_SUBMISSION, 7);
    assertThat(timer(cycle).getDuedate()).isEqualTo(newDue(SchoolStage.SAR_SUBMISSION, 7));
    assertThat(sar.timers()).isPositive();
    // moved back to the default: the timer follows again
    move(SchoolStage.SAR_SUBMISSION, 0);
    assertThat(timer(cycle).getDuedate())
        .isEqualTo(Date.from(StageWindow.defaults(SchoolStage.SAR_SUBMISSION, YEAR).dueAt()));
  }

  /**
   * What the calendar editor's save does for one changed stage: every follower, in one transaction.
   */
  private DeadlineFollower.Followed move(Stage stage, int days) {
    StageWindow before = current.getOrDefault(stage, StageWindow.defaults(stage, YEAR));
    StageWindow defaults = StageWindow.defaults(stage, YEAR);
    StageWindow after = new StageWindow(stage, defaults.opens(), defaults.due().plusDays(days));
    current.put(stage, after);
    return new TransactionTemplate(transactions)
        .execute(
            status -> {
              DeadlineFollower.Followed moved = DeadlineFollower.Followed.NOTHING;
              for (DeadlineFollower follower : followers) {
                moved = moved.plus(follower.follow(DISTRICT, YEAR, before, after));
              }
              return moved;
            });
  }

  private static Date newDue(Stage stage, int days) {
    StageWindow defaults = StageWindow.defaults(stage, YEAR);
    return Date.from(
        new StageWindow(stage, defaults.opens(), defaults.due().plusDays(days)).dueAt());
  }

  private Date dueOf(Task task) {
    return tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate();
  }

  private Task open(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private Job timer(String processInstanceId) {
    return management
        .createJobQuery()
        .timers()
        .processInstanceId(processInstanceId)
        .activityId(DistrictQaCycleProcess.TIMER_SAR_DEADLINE)
        .singleResult();
  }
}
