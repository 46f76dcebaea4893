package th.qaflow.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.assistance.SchoolAssistanceProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.assistance.AssistanceCases.AssistanceCase;
import th.qaflow.assistance.AssistanceCases.StartResult;
import th.qaflow.calendar.DeadlineFollower;
import th.qaflow.calendar.StageWindow;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.documents.Documents;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.synthesis.SynthesisFixture;

/**
 * SchoolAssistance on the real engine, every path: started from the synthesis' below-target list
 * (never twice, never for a school not on it), the team, the plan returned once and approved,
 * follow-up visits looped, the wait for the school's next self-check (a daily timer re-checks; a
 * self-check done before the visits ended does not count), not reached → a second round checked at
 * the next semester's self-check, reached → report and close. District 1099, years 2970–2975.
 */
@ProcessTest
class AssistanceProcessTest {
  static final String BASIC_1 = "BASIC-1";

  @Autowired AssistanceCases assistance;
  @Autowired CycleService cycles;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired Documents documents;
  @Autowired OrganisationDirectory directory;
  @Autowired List<DeadlineFollower> followers;

  /** The school's SAR of the year rated learner quality (BASIC-1) 3 against a target of 4. */
  void belowTarget(String school, int year) {
    new SynthesisFixture(cycles, runtime, tasks, management, documents)
        .acceptedSar(
            school,
            year,
            new SynthesisFixture.Answers(
                c -> 4,
                c -> c.equals(BASIC_1) ? 3 : 4,
                "ผู้เรียนมีวินัย",
                "พัฒนาทักษะการอ่านและการคิดคำนวณ",
                false));
  }

  @Test
  void notReachedGoesToASecondRoundThenReachedCloses() {
    String code = "1099010005";
    int year = 2970;
    School school = directory.school(code).orElseThrow();
    belowTarget(code, year);

    assertThat(assistance.start("1099010006", year, "qaofficer"))
        .as("a school not on the below-target list")
        .isEqualTo(StartResult.NOT_BELOW_TARGET);
    assertThat(assistance.start(code, year, "qaofficer")).isEqualTo(StartResult.STARTED);
    assertThat(assistance.start(code, year, "supervisor2"))
        .as("never two cases for one school and year")
        .isEqualTo(StartResult.ALREADY_RUNNING);
    AssistanceCase c = assistance.caseOf(code, year).orElseThrow();
    String pi = c.processInstanceId();
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(pi)
                .singleResult()
                .getBusinessKey())
        .isEqualTo(code + "-2970-HELP");
    assertThat(assistance.cases("1099")).extracting(AssistanceCase::schoolCode).contains(code);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> gaps = (List<Map<String, Object>>) runtime.getVariable(pi, VAR_GAPS);
    assertThat(gaps)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.get("standardCode")).isEqualTo(BASIC_1);
              assertThat(g.get("target")).isEqualTo(4);
              assertThat(g.get("achieved")).isEqualTo(3);
            });

    complete(
        pi,
        TASK_APPOINT_TEAM,
        Groups.supervisionDirector("1099"),
        AssistanceStage.ASSIST_TEAM,
        team());
    // drafted by the cluster's supervisors with the school's QA group; returned once, then approved
    complete(
        pi, TASK_DRAFT_PLAN, Groups.schoolQa(code), AssistanceStage.ASSIST_PLAN, plan("แผนรอบแรก"));
    complete(
        pi,
        TASK_APPROVE_PLAN,
        Groups.supervisionDirector("1099"),
        AssistanceStage.ASSIST_PLAN_APPROVAL,
        Map.of(VAR_PLAN_DECISION, DECISION_RETURN, VAR_PLAN_COMMENTS, "ระบุผู้รับผิดชอบให้ชัดเจน"));
    assertThat(groups(task(pi, TASK_DRAFT_PLAN)))
        .contains(Groups.clusterSupervisor(school.clusterCode()), Groups.schoolQa(code));
    complete(
        pi,
        TASK_DRAFT_PLAN,
        Groups.clusterSupervisor(school.clusterCode()),
        AssistanceStage.ASSIST_PLAN,
        plan("แผนรอบแรก แก้ไขแล้ว"));
    approve(pi);

    // two visits: the first asks for another
    visit(pi, school, "2027-08-20", VISITS_MORE);
    visit(pi, school, "2027-09-10", VISITS_ENOUGH);
    assertThat((List<?>) runtime.getVariable(pi, VAR_VISITS)).hasSize(2);

    // no cycle of 2971 yet: the help waits, and the daily timer re-checks
    assertThat(runtime.getVariable(pi, VAR_SELF_CHECK_DONE)).isEqualTo(false);
    assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isZero();
    fireRecheck(pi);
    assertThat(runtime.getVariable(pi, VAR_SELF_CHECK_DONE)).isEqualTo(false);
    assertThat(runtime.getVariable(pi, VAR_CHECK_YEAR)).isEqualTo(2971);
    assertThat(runtime.getVariable(pi, VAR_CHECK_SEMESTER)).isEqualTo(1);

    // the school's semester-1 self-check of 2971: still behind → a second round
    String cycle = cycles.startSchool(code, 2971, "qaofficer").orElseThrow();
    selfCheck(cycle, SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_ONE, "sc1Rows", "behind");
    fireRecheck(pi);
    assertThat(runtime.getVariable(pi, VAR_ROUND)).isEqualTo(2);
    assertThat(assistance.caseOf(code, year).orElseThrow().round()).isEqualTo(2);
    assertThat(runtime.getVariable(pi, VAR_CHECK_SEMESTER))
        .as("the next round is checked at the next self-check")
        .isEqualTo(2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rounds =
        (List<Map<String, Object>>) runtime.getVariable(pi, VAR_ROUNDS);
    assertThat(rounds)
        .singleElement()
        .satisfies(r -> assertThat(r.get("reached")).isEqualTo(false));
    Task redraft = task(pi, TASK_DRAFT_PLAN);
    assertThat(redraft).as("the second round plans again").isNotNull();
    assertThat(tasks.getVariable(redraft.getId(), VAR_PLAN_DECISION))
        .as("the first round's approval does not carry")
        .isNull();

    complete(
        pi, TASK_DRAFT_PLAN, Groups.schoolQa(code), AssistanceStage.ASSIST_PLAN, plan("แผนรอบสอง"));
    approve(pi);
    visit(pi, school, "2027-12-05", VISITS_ENOUGH);
    assertThat(runtime.getVariable(pi, VAR_SELF_CHECK_DONE)).isEqualTo(false);

    // semester 2: reached → the team reports and the case closes
    selfCheck(cycle, SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_TWO, "sc2Rows", "achieved");
    fireRecheck(pi);
    assertThat(runtime.getVariable(pi, VAR_TARGET_REACHED)).isEqualTo(true);
    complete(
        pi,
        TASK_REPORT_RESULT,
        Groups.clusterSupervisor(school.clusterCode()),
        AssistanceStage.ASSIST_RESULT,
        Map.of(VAR_RESULT_SUMMARY, "ผู้เรียนอ่านคล่องขึ้น ผลการติดตามตรวจสอบบรรลุค่าเป้าหมาย"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(END_TARGET_REACHED)
                .count())
        .isEqualTo(1);
    AssistanceCase closed = assistance.caseOf(code, year).orElseThrow();
    assertThat(closed.closed()).isTrue();
    assertThat(closed.round()).isEqualTo(2);
  }

  @Test
  void aSelfCheckDoneBeforeTheVisitsEndedDoesNotCountAndReachedAtFirstRoundCloses() {
    String code = "1099010001";
    int year = 2972;
    School school = directory.school(code).orElseThrow();
    belowTarget(code, year);
    assertThat(assistance.start(code, year, "supervisor1")).isEqualTo(StartResult.STARTED);
    String pi = assistance.caseOf(code, year).orElseThrow().processInstanceId();
    complete(
        pi,
        TASK_APPOINT_TEAM,
        Groups.districtQaOfficer("1099"),
        AssistanceStage.ASSIST_TEAM,
        team());
    // the district moves the plan's deadline: the open task follows the calendar
    assertThat(task(pi, TASK_DRAFT_PLAN).getDueDate())
        .as("due by the calendar of the year the help runs in, the year after the SARs'")
        .isEqualTo(Date.from(StageWindow.defaults(AssistanceStage.ASSIST_PLAN, year + 1).dueAt()));
    StageWindow plan = StageWindow.defaults(AssistanceStage.ASSIST_PLAN, year + 1);
    StageWindow later = new StageWindow(plan.stage(), plan.opens(), plan.due().plusDays(20));
    // what the calendar does after saving a moved stage (its editor takes years 2500–2700 only)
    int followed = 0;
    for (DeadlineFollower follower : followers) {
      followed += follower.follow("1099", year + 1, plan, later).tasks();
    }
    assertThat(followed).isEqualTo(1);
    assertThat(task(pi, TASK_DRAFT_PLAN).getDueDate()).isEqualTo(Date.from(later.dueAt()));
    complete(pi, TASK_DRAFT_PLAN, Groups.schoolQa(code), AssistanceStage.ASSIST_PLAN, plan("แผน"));
    approve(pi);
    // the school did its semester-1 self-check while the visits went on
    String cycle = cycles.startSchool(code, 2973, "qaofficer").orElseThrow();
    selfCheck(cycle, SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_ONE, "sc1Rows", "achieved");
    visit(pi, school, "2029-09-01", VISITS_ENOUGH);
    assertThat(runtime.getVariable(pi, VAR_SELF_CHECK_DONE))
        .as("semester 1 was checked before the help's visits ended: wait for semester 2")
        .isEqualTo(false);
    assertThat(runtime.getVariable(pi, VAR_CHECK_SEMESTER)).isEqualTo(2);
    assertThat(runtime.getVariable(pi, VAR_CHECK_YEAR)).isEqualTo(2973);
    selfCheck(cycle, SchoolQaCycleProcess.TASK_SELF_CHECK_SEMESTER_TWO, "sc2Rows", "achieved");
    fireRecheck(pi);
    assertThat(task(pi, TASK_REPORT_RESULT)).isNotNull();
    complete(
        pi,
        TASK_REPORT_RESULT,
        Groups.clusterSupervisor(school.clusterCode()),
        AssistanceStage.ASSIST_RESULT,
        Map.of(VAR_RESULT_SUMMARY, "บรรลุค่าเป้าหมายในรอบแรก"));
    assertThat(assistance.caseOf(code, year).orElseThrow().closed()).isTrue();
    assertThat(assistance.caseOf(code, year).orElseThrow().round()).isEqualTo(1);
  }

  private void approve(String pi) {
    complete(
        pi,
        TASK_APPROVE_PLAN,
        Groups.supervisionDirector("1099"),
        AssistanceStage.ASSIST_PLAN_APPROVAL,
        Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));
  }

  private void visit(String pi, School school, String date, String decision) {
    complete(
        pi,
        TASK_FOLLOW_UP_VISIT,
        Groups.clusterSupervisor(school.clusterCode()),
        AssistanceStage.ASSIST_FOLLOW_UP,
        Map.of(
            VAR_VISIT_DATE,
            date,
            VAR_VISIT_FINDINGS,
            "ครูใช้แบบฝึกการอ่านทุกวัน",
            VAR_VISIT_ADVICE,
            "ติดตามผลการอ่านรายบุคคล",
            VAR_VISITS_DECISION,
            decision));
  }

  /** Drives the school's cycle to the self-check and completes it with BASIC-1's progress. */
  private void selfCheck(String cycle, String taskKey, String rowsName, String progress) {
    Task t =
        ProcessDriver.driveTo(
            tasks, management, cycle, taskKey, x -> ProcessDriver.SCHOOL_CYCLE_APPROVALS);
    tasks.complete(
        t.getId(),
        Map.of(
            rowsName,
            json(
                List.of(
                    Map.of(
                        "standardCode", BASIC_1,
                        "standardLabel", "คุณภาพของผู้เรียน",
                        "progressStatus", progress,
                        "problems", "ผู้เรียนบางส่วนยังอ่านไม่คล่อง",
                        "nextActions", "สอนซ่อมเสริม")))));
  }

  private void fireRecheck(String pi) {
    Job job = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(job).as("the help waits at its daily re-check").isNotNull();
    management.executeJob(job.getId());
  }

  private void complete(
      String pi, String key, String group, AssistanceStage stage, Map<String, Object> variables) {
    Task t = task(pi, key);
    assertThat(t).as(pi + " waits at " + key).isNotNull();
    assertThat(groups(t)).as("candidates of " + key).contains(group);
    assertThat(tasks.getVariableLocal(t.getId(), ProcessVariables.STAGE)).isEqualTo(stage.name());
    assertThat(t.getDueDate()).as("due date of " + key).isNotNull();
    tasks.complete(t.getId(), variables);
  }

  private Task task(String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  private List<String> groups(Task t) {
    if (t == null) {
      return null;
    }
    return tasks.getIdentityLinksForTask(t.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private static Map<String, Object> team() {
    return Map.of(
        VAR_TEAM_MEMBERS,
        json(
            List.of(
                Map.of(
                    "memberName",
                    "นางสาวปิยะนันท์ สมชาติ",
                    "memberPosition",
                    "ศึกษานิเทศก์",
                    "memberSide",
                    "district",
                    "memberRole",
                    "chair"),
                Map.of(
                    "memberName",
                    "นายสมชาย ใจดี",
                    "memberPosition",
                    "ครู",
                    "memberSide",
                    "school",
                    "memberRole",
                    "member"))),
        VAR_TEAM_ORDER,
        "คำสั่งที่ 45/2571");
  }

  private static Map<String, Object> plan(String summary) {
    return Map.of(
        VAR_PLAN_SUMMARY,
        summary,
        VAR_PLAN_ITEMS,
        json(
            List.of(
                Map.of(
                    "itemStandard", BASIC_1,
                    "itemCause", "ผู้เรียนอ่านไม่คล่อง",
                    "itemActivities", "ฝึกอ่านวันละ 20 นาที",
                    "itemOwner", "ครูภาษาไทย",
                    "itemFrom", "2027-07-01",
                    "itemTo", "2027-09-30"))));
  }

  private static Object json(Object value) {
    return Variables.objectValue(value)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
        .create();
  }
}
