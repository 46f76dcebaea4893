package th.qaflow.schoolgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.qaflow.schoolgroup.GroupYearProcess.*;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.support.TestOrganisation;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.web.NotFoundException;

/**
 * GroupYear on the real engine, tasks completed through the tasklist's form validation, every path:
 * the chair drafts the group plan (another school's director may not), the cluster's supervisor
 * returns it (a return without what to change is refused), the chair redrafts with the comments
 * shown, the supervisor approves; the process waits for 1 March; the chair gives each member school
 * a level, stored per school. A second start of the same year starts nothing. District 7418, year
 * 2963.
 */
@ProcessTest
class GroupYearProcessTest {
  static final String D = "7418";
  static final String C = "7418-C1";
  static final int YEAR = 2963;
  static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  @Autowired SchoolGroups groups;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired OrganisationImport organisation;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void setUp() {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        D + ",สพป.ทดสอบปีกลุ่ม,Group year test,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        "7418010001,74180001,โรงเรียนปีกลุ่มหนึ่ง,Year One School,"
            + D
            + ","
            + C
            + ",กลุ่มทดสอบปี,false,true",
        "7418010002,74180002,โรงเรียนปีกลุ่มสอง,Year Two School,"
            + D
            + ","
            + C
            + ",กลุ่มทดสอบปี,false,true",
        "7418010003,74180003,โรงเรียนนอกกลุ่ม,Outside School,"
            + D
            + ",7418-C2,กลุ่มอื่น,false,true");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        "gy1,ประยุทธ,หนึ่ง,gy1@qaflow.example,SCHOOL_DIRECTOR,,7418010001,,demo",
        "gy2,ประวิตร,สอง,gy2@qaflow.example,SCHOOL_DIRECTOR,,7418010002,,demo",
        "gy3,ประสิทธิ์,สาม,gy3@qaflow.example,SCHOOL_DIRECTOR,,7418010003,,demo",
        "gysup,วรรณา,นิเทศ,gysup@qaflow.example,SUPERVISOR," + D + ",," + C + ",demo");
    EngineTestClock.at(2020, 6, 1, 9, 0);
  }

  @Test
  void returnedThenApprovedPlanAndTheChairAssessesEveryMemberSchool() throws Exception {
    groups.setUp(C, "gysup");
    groups.elect(C, "gy1", "gy2");
    long committeeId =
        jdbc.sql("select id from committee where cluster_code = :c")
            .param("c", C)
            .query(Long.class)
            .single();
    String pi = start();
    assertThat(startAgain()).isEmpty();

    Task draft = task(pi, TASK_DRAFT_GROUP_PLAN);
    assertThat(groupsOf(draft)).containsExactly(Groups.committeeSecretary(committeeId));
    assertThat(draft.getDueDate()).isNotNull();
    assertThatThrownBy(() -> work.complete(draft.getId(), users.byId("gy3"), params(plan("x"))))
        .isInstanceOf(NotFoundException.class);
    done(draft, "gy1", plan("ยกระดับผลสัมฤทธิ์ด้านการอ่าน"));

    Task approve = task(pi, TASK_APPROVE_GROUP_PLAN);
    assertThat(groupsOf(approve)).containsExactly(Groups.clusterSupervisor(C));
    Completion noComment =
        work.complete(
            approve.getId(),
            users.byId("gysup"),
            params(Map.of(VAR_PLAN_DECISION, DECISION_RETURN)));
    assertThat(noComment.done()).isFalse();
    assertThat(noComment.form().errors()).containsKey(VAR_PLAN_COMMENTS);
    done(
        approve,
        "gysup",
        Map.of(VAR_PLAN_DECISION, DECISION_RETURN, VAR_PLAN_COMMENTS, "เพิ่มตัวชี้วัดของโครงการ"));

    // back to the chair's group (the vice-chair may redraft too), the comments shown
    Task redraft = task(pi, TASK_DRAFT_GROUP_PLAN);
    assertThat(tasks.getVariable(redraft.getId(), VAR_PLAN_COMMENTS))
        .isEqualTo("เพิ่มตัวชี้วัดของโครงการ");
    done(redraft, "gy2", plan("ยกระดับผลสัมฤทธิ์ด้านการอ่าน ร้อยละ 80"));
    done(task(pi, TASK_APPROVE_GROUP_PLAN), "gysup", Map.of(VAR_PLAN_DECISION, DECISION_APPROVE));

    // the plan is the group's; the process waits for the end of the year
    assertThat(
            jdbc.sql(
                    "select status from school_group_year where cluster_code = :c"
                        + " and academic_year = :y")
                .param("c", C)
                .param("y", YEAR)
                .query(String.class)
                .single())
        .isEqualTo("APPROVED");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isZero();
    Job timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(timer.getDuedate())
        .isEqualTo(Date.from(LocalDateTime.of(2421, 3, 1, 9, 0).atZone(BANGKOK).toInstant()));
    management.executeJob(timer.getId());

    Task assess = task(pi, TASK_ASSESS_MEMBER_SCHOOLS);
    assertThat(assess.getAssignee()).isEqualTo("gy1");
    Map<String, String> levels = new LinkedHashMap<>();
    levels.put("schoolAssessments[0].assessedSchool", "7418010001");
    levels.put("schoolAssessments[0].assessedLevel", "4");
    levels.put("schoolAssessments[0].assessedNote", "ผลการอ่านดีขึ้นชัดเจน");
    levels.put("schoolAssessments[1].assessedSchool", "7418010002");
    levels.put("schoolAssessments[1].assessedLevel", "3");
    levels.put("schoolAssessments[1].assessedNote", "");
    done(assess, "gy1", levels);

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult())
        .satisfies(h -> assertThat(h.getEndActivityId()).isEqualTo(END_GROUP_YEAR_DONE));
    List<Map<String, Object>> rows =
        jdbc.sql(
                "select school_code, quality_level from school_group_assessment"
                    + " where cluster_code = :c and academic_year = :y order by school_code")
            .param("c", C)
            .param("y", YEAR)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(2);
    assertThat(((Number) rows.get(0).get("QUALITY_LEVEL")).intValue()).isEqualTo(4);
    assertThat(((Number) rows.get(1).get("QUALITY_LEVEL")).intValue()).isEqualTo(3);
  }

  private String start() {
    return startAgain().orElseThrow();
  }

  private java.util.Optional<String> startAgain() {
    return groups.startYear(C, YEAR, "gysup");
  }

  private static Map<String, String> plan(String goals) {
    return Map.of(VAR_PLAN_GOALS, goals, VAR_PLAN_PROJECTS, "ค่ายการอ่านร่วมกันของกลุ่ม");
  }

  private Task task(String pi, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  private List<String> groupsOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private void done(Task task, String user, Map<String, String> values) {
    Completion done = work.complete(task.getId(), users.byId(user), params(values));
    assertThat(done.done())
        .as("completed: " + (done.form() == null ? "" : done.form().errors()))
        .isTrue();
  }

  private static Map<String, String[]> params(Map<String, String> values) {
    Map<String, String[]> p = new LinkedHashMap<>();
    values.forEach((k, v) -> p.put(k, new String[] {v}));
    return p;
  }
}
