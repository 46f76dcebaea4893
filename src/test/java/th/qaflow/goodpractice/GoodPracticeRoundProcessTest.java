package th.qaflow.goodpractice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.goodpractice.GoodPracticeRoundProcess.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.calendar.StageWindow;
import th.qaflow.district.DistrictQaCycleProcess;
import th.qaflow.goodpractice.GoodPractices.Nomination;
import th.qaflow.goodpractice.GoodPractices.Round;
import th.qaflow.goodpractice.GoodPractices.RoundStage;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;

/**
 * GoodPracticeRound on the real engine, its tasks completed through the tasklist's form validation,
 * every path: the officer closes the nominations early, the committee selects one and rejects
 * another (each with a reason; a decision without reason is refused), the selected school is
 * honoured, the selection is published (the district year's good-practice step completes by itself
 * with it) and the sharing event recorded; the calendar's deadline closes the nominations by its
 * timer and a round where nothing is selected ends; a round without nominations ends. District
 * 1099, years 2950–2952.
 */
@ProcessTest
class GoodPracticeRoundProcessTest {
  static final String D = "1099";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired GoodPractices rounds;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2950 - 543 + 1, 4, 2, 9, 0);
  }

  @Test
  void selectedPracticesAreHonouredPublishedAndSharedTheRejectedOneNot() {
    int year = 2950;
    // the district's year waits at its good-practice step
    ProcessInstance districtYear =
        runtime
            .createProcessInstanceByKey(DistrictQaCycleProcess.PROCESS_ID)
            .businessKey(DistrictQaCycleProcess.businessKey(D, year))
            .setVariable(ProcessVariables.DISTRICT_CODE, D)
            .setVariable(ProcessVariables.ACADEMIC_YEAR, year)
            .startBeforeActivity(DistrictQaCycleProcess.TASK_SELECT_GOOD_PRACTICES)
            .execute();

    String pi = rounds.start(D, year, "qaofficer").orElseThrow();
    assertThat(rounds.start(D, year, "qaofficer")).as("never two per district and year").isEmpty();
    ProcessInstance round =
        runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(round.getBusinessKey()).isEqualTo("1099-2950-GP");
    assertThat(rounds.round(D, year).orElseThrow().stage()).isEqualTo(RoundStage.NOMINATION);
    Task monitor = task(pi, TASK_MONITOR_NOMINATIONS, GoodPracticeStage.GP_NOMINATION, year);
    assertThat(groups(monitor)).containsExactly(Groups.districtQaOfficer(D));

    long sar = nominate(year, "1099010001", "SAR", "BASIC-1", "ชุมนุมคณิตคิดสนุก");
    long visit = nominate(year, "1099010005", "VISIT", "BASIC-3", "ห้องเรียนกลับด้าน");

    // the officer closes early
    done(monitor, "qaofficer", Map.of("gpCloseConfirmed", "true"));
    Round closed = rounds.round(D, year).orElseThrow();
    assertThat(closed.stage()).isEqualTo(RoundStage.SELECTION);
    assertThat(closed.nominationsClosedAt()).isNotNull();

    Task select = task(pi, TASK_SELECT_PRACTICES, GoodPracticeStage.GP_SELECTION, year);
    assertThat(groups(select))
        .containsExactlyInAnyOrder(Groups.supervisionDirector(D), Groups.districtQaOfficer(D));
    // a decision without its reason is refused, nothing is written
    Map<String, String> noReason = new LinkedHashMap<>();
    noReason.put("gpDecisions[0].nominationDecision", "selected");
    noReason.put("gpDecisions[1].nominationDecision", "notSelected");
    noReason.put("gpDecisions[0].nominationReason", "ผลสัมฤทธิ์ดีขึ้นชัดเจน");
    noReason.put("gpCommittee", "ผอ.กลุ่มนิเทศฯ ประธาน; ศน. 2 คน");
    Completion refused = work.complete(select.getId(), users.byId("supdirector"), params(noReason));
    assertThat(refused.done()).isFalse();
    assertThat(refused.form().errors()).containsKey("gpDecisions[1].nominationReason");
    assertThat(rounds.nominations(D, year)).allMatch(n -> n.decision() == null);

    noReason.put("gpDecisions[1].nominationReason", "หลักฐานผลต่อผู้เรียนยังไม่เพียงพอ");
    done(select, "supdirector", noReason);
    Map<Long, Nomination> decided = byId(rounds.nominations(D, year));
    assertThat(decided.get(sar).decision()).isEqualTo(DECISION_SELECTED);
    assertThat(decided.get(sar).decisionReason()).isEqualTo("ผลสัมฤทธิ์ดีขึ้นชัดเจน");
    assertThat(decided.get(visit).decision()).isEqualTo(DECISION_NOT_SELECTED);
    assertThat(decided.get(visit).decisionReason()).isEqualTo("หลักฐานผลต่อผู้เรียนยังไม่เพียงพอ");
    assertThat(rounds.round(D, year).orElseThrow().stage()).isEqualTo(RoundStage.HONOURS);
    assertThat(rounds.published(D, year)).as("not public before the honours").isEmpty();

    Task honours = task(pi, TASK_RECORD_HONOURS, GoodPracticeStage.GP_HONOURS, year);
    done(
        honours,
        "qaofficer",
        Map.of(
            "honoursKind", "both",
            "honoursReference", "12/2951",
            "honoursDate", "2399-07-20",
            "honoursNote", "มอบในการประชุมผู้บริหาร"));
    Round published = rounds.round(D, year).orElseThrow();
    assertThat(published.published()).isTrue();
    assertThat(published.honoursReference()).isEqualTo("12/2951");
    assertThat(published.honoursDate()).isEqualTo(LocalDate.of(2399, 7, 20));
    assertThat(rounds.published(D, year)).extracting(Nomination::id).containsExactly(sar);

    // the district year's step completed with the published selection
    assertThat(districtYear).isEnded();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(districtYear.getId())
                .variableName("goodPractices")
                .singleResult()
                .getValue())
        .asString()
        .contains("ชุมนุมคณิตคิดสนุก")
        .doesNotContain("ห้องเรียนกลับด้าน");

    Task sharing = task(pi, TASK_RECORD_SHARING_EVENT, GoodPracticeStage.GP_SHARING, year);
    // a negative attendance is refused (the dates: CE years below 2400, the form reads higher ones
    // as BE)
    assertThat(
            work.complete(sharing.getId(), users.byId("qaofficer"), params(sharing("-3"))).done())
        .isFalse();
    done(sharing, "qaofficer", sharing("120"));
    Round shared = rounds.round(D, year).orElseThrow();
    assertThat(shared.stage()).isEqualTo(RoundStage.DONE);
    assertThat(shared.eventAttendance()).isEqualTo(120);
    assertThat(shared.eventMode()).isEqualTo("online");
    assertThat(shared.eventDate()).isEqualTo(LocalDate.of(2399, 8, 25));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(END_ROUND_DONE)
                .count())
        .isEqualTo(1);
  }

  @Test
  void theDeadlineClosesNominationsAndARoundWithNothingSelectedEnds() {
    int year = 2951;
    String pi = rounds.start(D, year, "qaofficer").orElseThrow();
    nominate(year, "1099010002", "SAR", "BASIC-2", "โรงเรียนสะอาด");
    Job deadline = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(deadline.getDuedate())
        .as("the calendar's GP_NOMINATION due date")
        .isEqualTo(Date.from(StageWindow.defaults(GoodPracticeStage.GP_NOMINATION, year).dueAt()));
    EngineTestClock.at(new Date(deadline.getDuedate().getTime() + 60_000));
    management.executeJob(deadline.getId());
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(TIMER_NOMINATIONS_CLOSE)
                .count())
        .isEqualTo(1);
    assertThat(rounds.round(D, year).orElseThrow().stage()).isEqualTo(RoundStage.SELECTION);

    Task select = task(pi, TASK_SELECT_PRACTICES, null, year);
    done(
        select,
        "qaofficer",
        Map.of(
            "gpDecisions[0].nominationDecision", "notSelected",
            "gpDecisions[0].nominationReason", "ยังไม่มีผลต่อผู้เรียน",
            "gpCommittee", "คณะกรรมการ ก.ต.ป.น."));
    assertThat(rounds.round(D, year).orElseThrow().stage()).isEqualTo(RoundStage.NONE_SELECTED);
    assertThat(rounds.published(D, year)).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(END_NONE_SELECTED)
                .count())
        .isEqualTo(1);
  }

  @Test
  void aRoundWithoutNominationsEnds() {
    int year = 2952;
    String pi = rounds.start(D, year, "qaofficer").orElseThrow();
    Task monitor = task(pi, TASK_MONITOR_NOMINATIONS, null, year);
    // closing needs its confirmation
    assertThat(work.complete(monitor.getId(), users.byId("qaofficer"), params(Map.of())).done())
        .isFalse();
    done(monitor, "qaofficer", Map.of("gpCloseConfirmed", "true"));
    assertThat(rounds.round(D, year).orElseThrow().stage()).isEqualTo(RoundStage.SELECTION);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi)
                .activityId(END_NO_NOMINATIONS)
                .count())
        .isEqualTo(1);
  }

  private static Map<String, String> sharing(String attendance) {
    return Map.of(
        "eventDate", "2399-08-25",
        "eventMode", "online",
        "eventPlace", "https://meet.example/gp2950",
        "eventAttendance", attendance,
        "eventSummary", "โรงเรียนที่ได้รับคัดเลือกนำเสนอ ครูร่วมแลกเปลี่ยน 4 กลุ่ม");
  }

  /** A nomination row as the page writes it (the page itself is tested in the web test). */
  private long nominate(int year, String school, String source, String standard, String title) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql(
            """
            insert into good_practice_nomination (district_code, academic_year, school_code, source,
              standard_code, title, practice, evidence_url, nominated_by, nominated_at, updated_at)
            values (:d, :y, :s, :source, :standard, :title, 'วิธีปฏิบัติ', 'https://drive.example/e',
              'qa1', :at, :at)""")
        .param("d", D)
        .param("y", year)
        .param("s", school)
        .param("source", source)
        .param("standard", standard)
        .param("title", title)
        .param("at", now)
        .update();
    return jdbc.sql("select max(id) from good_practice_nomination").query(Long.class).single();
  }

  private Task task(String pi, String key, GoodPracticeStage stage, int year) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    if (stage != null) {
      ProcessDriver.assertOnCalendar(tasks, task, stage, year);
    }
    return task;
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private void done(Task task, String user, Map<String, String> values) {
    ProcessDriver.completeAs(work, users, task, user, values);
  }

  private static Map<String, String[]> params(Map<String, String> values) {
    return ProcessDriver.params(values);
  }

  private static Map<Long, Nomination> byId(List<Nomination> list) {
    Map<Long, Nomination> map = new LinkedHashMap<>();
    list.forEach(n -> map.put(n.id(), n));
    return map;
  }
}
