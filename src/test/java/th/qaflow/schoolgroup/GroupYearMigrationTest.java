package th.qaflow.schoolgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.schoolgroup.GroupYearProcess.*;

import java.io.IOException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ModelVersions;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TestOrganisation;
import th.qaflow.tasklist.TaskWork;

/**
 * GroupYear instances started on version 1 (kept in src/test/resources/model-history/v1: due dates
 * in days, no calendar stages, no meeting checks) move to version 2 with the same-id plan of
 * docs/model-changes.md: every state they can wait in maps, the open task and the pending timer
 * keep their ids and dates, and both run to their end. One gets the new meeting-check branch
 * started beside it (the operator's optional step); the other finishes without it. District 7419.
 */
@ProcessTest
class GroupYearMigrationTest {
  static final String D = "7419";
  static final String C = "7419-C1";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired SchoolGroups groups;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired OrganisationImport organisation;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        D + ",สพป.ทดสอบย้ายรุ่นกลุ่ม,Group migration test,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        "7419010001,74190001,โรงเรียนย้ายรุ่นหนึ่ง,Migration One,"
            + D
            + ","
            + C
            + ",กลุ่มย้ายรุ่น,false,true",
        "7419010002,74190002,โรงเรียนย้ายรุ่นสอง,Migration Two,"
            + D
            + ","
            + C
            + ",กลุ่มย้ายรุ่น,false,true");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "gm1,มานะ,หนึ่ง,gm1@qaflow.example,SCHOOL_DIRECTOR,,7419010001,,demo",
        "gm2,มานี,สอง,gm2@qaflow.example,SCHOOL_DIRECTOR,,7419010002,,demo",
        "gmsup,ชูใจ,นิเทศ,gmsup@qaflow.example,SUPERVISOR," + D + ",," + C + ",demo");
    groups.setUp(C, "gmsup");
    groups.elect(C, "gm1", "gm2");
  }

  @Test
  void runningYearsOfVersionOneMoveToVersionTwoAndFinish() throws IOException {
    int drafting = 2696;
    int waiting = 2697;
    ProcessDefinition v1;
    ProcessDefinition v2;
    String atDraft;
    String atTimer;
    Date timerDue;
    try {
      v1 = deploy("model-history/v1/GroupYear.bpmn");
      EngineTestClock.at(drafting - 543, 5, 20, 9, 0);
      atDraft = groups.startYear(C, drafting, "gmsup").orElseThrow();
      EngineTestClock.at(waiting - 543, 5, 20, 9, 0);
      atTimer = groups.startYear(C, waiting, "gmsup").orElseThrow();
      done(task(atTimer, TASK_DRAFT_GROUP_PLAN), "gm1", plan());
      done(task(atTimer, TASK_APPROVE_GROUP_PLAN), "gmsup", approve());
      timerDue = timer(atTimer, TIMER_YEAR_END).getDuedate();
      assertThat(processDefinition(atDraft)).isEqualTo(v1.getId());
    } finally {
      v2 = deploy("bpmn/GroupYear.bpmn");
    }
    assertEveryWaitStateMaps(v1, v2);
    Task draft = task(atDraft, TASK_DRAFT_GROUP_PLAN);

    runtime.newMigration(plan(v1, v2)).processInstanceIds(atDraft, atTimer).execute();
    assertThat(processDefinition(atDraft)).isEqualTo(v2.getId());
    assertThat(processDefinition(atTimer)).isEqualTo(v2.getId());
    Task migrated = task(atDraft, TASK_DRAFT_GROUP_PLAN);
    assertThat(migrated.getId()).isEqualTo(draft.getId());
    assertThat(migrated.getDueDate()).isEqualTo(draft.getDueDate());
    assertThat(timer(atTimer, TIMER_YEAR_END).getDuedate()).isEqualTo(timerDue);

    // the operator's optional step: the meeting checks of the year beside the plan
    runtime
        .createProcessInstanceModification(atDraft)
        .startBeforeActivity(TIMER_MEETING_CHECK_ONE)
        .execute();
    EngineTestClock.at(drafting - 543, 5, 21, 9, 0);
    done(task(atDraft, TASK_DRAFT_GROUP_PLAN), "gm2", plan());
    done(task(atDraft, TASK_APPROVE_GROUP_PLAN), "gmsup", approve());
    fire(atDraft, TIMER_MEETING_CHECK_ONE);
    assertThat(runtime.getVariable(atDraft, VAR_MEETING_CHECK_PREFIX + 1))
        .isEqualTo(CHECK_REMINDED);
    fire(atDraft, TIMER_YEAR_END);
    done(task(atDraft, TASK_ASSESS_MEMBER_SCHOOLS), "gm1", levels());
    fire(atDraft, TIMER_MEETING_CHECK_TWO);
    assertEnded(atDraft, END_GROUP_YEAR_DONE, END_MEETING_CHECKS_DONE);

    // the other finishes on its one path
    fire(atTimer, TIMER_YEAR_END);
    done(task(atTimer, TASK_ASSESS_MEMBER_SCHOOLS), "gm1", levels());
    assertEnded(atTimer, END_GROUP_YEAR_DONE);
  }

  ProcessDefinition deploy(String bpmn) throws IOException {
    return ModelVersions.deploy(repository, PROCESS_ID, bpmn, "GroupYearMigrationTest");
  }

  void assertEveryWaitStateMaps(ProcessDefinition from, ProcessDefinition to) {
    ModelVersions.assertEveryWaitStateMaps(repository, runtime, from, to);
  }

  MigrationPlan plan(ProcessDefinition from, ProcessDefinition to) {
    return runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
  }

  private void assertEnded(String pi, String... ends) {
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult())
        .satisfies(h -> assertThat(h.getEndTime()).isNotNull());
    for (String end : ends) {
      assertThat(
              history
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(pi)
                  .activityId(end)
                  .count())
          .as(end)
          .isOne();
    }
  }

  private String processDefinition(String pi) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(pi)
        .singleResult()
        .getProcessDefinitionId();
  }

  private Task task(String pi, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  private Job timer(String pi, String activityId) {
    Job job =
        management.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult();
    assertThat(job).as("timer " + activityId).isNotNull();
    return job;
  }

  private void fire(String pi, String activityId) {
    Job job = timer(pi, activityId);
    if (job.getDuedate().after(EngineTestClock.now())) {
      EngineTestClock.at(new Date(job.getDuedate().getTime() + 60_000));
    }
    management.executeJob(job.getId());
  }

  private void done(Task task, String user, Map<String, String> values) {
    ProcessDriver.completeAs(work, users, task, user, values);
  }

  private static Map<String, String> plan() {
    return Map.of(VAR_PLAN_GOALS, "ยกระดับการอ่าน", VAR_PLAN_PROJECTS, "ค่ายการอ่าน");
  }

  private static Map<String, String> approve() {
    return Map.of(VAR_PLAN_DECISION, DECISION_APPROVE);
  }

  private static Map<String, String> levels() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("schoolAssessments[0].assessedSchool", "7419010001");
    v.put("schoolAssessments[0].assessedLevel", "4");
    v.put("schoolAssessments[0].assessedNote", "");
    return v;
  }
}
