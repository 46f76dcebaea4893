package th.qaflow.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static th.qaflow.helpdesk.SchoolQuestionProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.calendar.CalendarEvents;
import th.qaflow.helpdesk.Helpdesk.Faq;
import th.qaflow.helpdesk.Helpdesk.Post;
import th.qaflow.helpdesk.Helpdesk.Question;
import th.qaflow.helpdesk.Helpdesk.Status;
import th.qaflow.helpdesk.Helpdesk.Topic;
import th.qaflow.notification.internal.OpenTask;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.notification.internal.TaskReader;
import th.qaflow.organisation.Groups;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;

/**
 * SchoolQuestion on the real engine, every path: answered and solved (closed, the answer mailed to
 * the asker, then turned into a district FAQ entry found by its search); not solved (back to the
 * supervisors for a second round) and no reply within 14 days (closed); overdue (Timer_Escalate
 * adds the supervision director and mails the escalation, the task stays open); the reminder scan
 * reads the open answering task with its due date. School 1099010001 (cluster 1099-C1) asks as qa1.
 */
@ProcessTest
class SchoolQuestionProcessTest {
  static final String SCHOOL = "1099010001";

  @Autowired Helpdesk helpdesk;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;
  @Autowired TaskReader reader;
  @Autowired ReminderScanner scanner;
  @Autowired List<CalendarEvents> calendars;

  /** How many of district 1099's questions the calendar shows due on the day (0 without a line). */
  private int dueOnCalendar(LocalDate day) {
    return calendars.stream()
        .flatMap(c -> c.events("1099", day, day).stream())
        .filter(e -> "/helpdesk".equals(e.link()))
        .map(e -> e.title().replaceAll("\\D+", " ").strip())
        .mapToInt(Integer::parseInt)
        .sum();
  }

  @BeforeEach
  void friday() {
    // Friday 4 December 2026, 10:00 Bangkok: three working days later is Wednesday the 9th
    EngineTestClock.at(2026, 12, 4, 10, 0);
  }

  private Task answerTask(Question q) {
    return tasks
        .createTaskQuery()
        .processInstanceId(q.processInstanceId())
        .taskDefinitionKey(TASK_ANSWER)
        .singleResult();
  }

  private List<String> outboxKinds(String recipient, String kindPrefix) {
    return jdbc.sql(
            "select dedup_key from mail_outbox where recipient_id = :r and kind like :k order by id")
        .param("r", recipient)
        .param("k", kindPrefix + "%")
        .query(String.class)
        .list();
  }

  @Test
  void answeredAndSolvedClosesAndBecomesAnFaqEntry() {
    long id =
        helpdesk.ask("qa1", Topic.SAR, "เขียน SAR มาตรฐานที่ 3 อย่างไร", "ควรใช้หลักฐานใดบ้าง");
    Question q = helpdesk.question(id).orElseThrow();
    assertThat(q.status()).isEqualTo(Status.OPEN);
    assertThat(q.clusterCode()).isEqualTo("1099-C1");
    assertThat(q.districtCode()).isEqualTo("1099");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(q.processInstanceId())
                .singleResult()
                .getBusinessKey())
        .isEqualTo("Q-" + id);
    // the cluster's supervisors are told the question arrived
    assertThat(outboxKinds("supervisor1", "HELPDESK_QUESTION"))
        .contains("HELPDESK_QUESTION:" + id + ":1:supervisor1");
    assertThat(outboxKinds("supervisor2", "HELPDESK_QUESTION"))
        .noneMatch(k -> k.startsWith("HELPDESK_QUESTION:" + id + ":"));

    Task task = answerTask(q);
    assertThat(candidates(task)).containsExactly(Groups.clusterSupervisor("1099-C1"));
    assertThat(task.getDueDate())
        .isEqualTo(
            Date.from(
                LocalDateTime.of(2026, 12, 9, 23, 59, 59)
                    .atZone(ZoneId.of("Asia/Bangkok"))
                    .toInstant()));
    Job timer = timer(q, TIMER_ESCALATE);
    assertThat(timer.getDuedate())
        .as("the escalation at the due date")
        .isEqualTo(task.getDueDate());

    // the district calendar shows the day it is due, as a count linked to the help desk
    int dueThatDay = dueOnCalendar(LocalDate.of(2026, 12, 9));
    assertThat(dueThatDay).isPositive();

    EngineTestClock.at(2026, 12, 7, 9, 0);
    helpdesk.answer(id, "supervisor1", "ใช้ผลงานนักเรียน บันทึกการนิเทศ และผลการประเมินโครงการ");
    assertThat(dueOnCalendar(LocalDate.of(2026, 12, 9))).isEqualTo(dueThatDay - 1);
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.ANSWERED);
    assertThat(timer(q, TIMER_ESCALATE)).as("answered: no escalation").isNull();
    assertThat(outboxKinds("qa1", "HELPDESK_ANSWER")).contains("HELPDESK_ANSWER:" + id + ":1:qa1");
    assertThat(helpdesk.waitsForReplyOf(id, "qa1")).isTrue();
    assertThat(helpdesk.waitsForReplyOf(id, "director1")).isFalse();

    helpdesk.reply(id, "qa1", true, "");
    Question closed = helpdesk.question(id).orElseThrow();
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.closedAt()).isNotNull();
    assertThat(ended(q)).isEqualTo(END_CLOSED);
    assertThat(helpdesk.thread(id))
        .extracting(Post::kind, Post::authorId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ANSWER", "supervisor1"));

    long faqId =
        helpdesk.toFaq(
            id,
            "supervisor1",
            "หลักฐานประกอบ SAR มาตรฐานที่ 3",
            "ใช้ผลงานนักเรียน บันทึกการนิเทศ และผลการประเมินโครงการ");
    assertThat(helpdesk.faqOf(id)).map(Faq::id).contains(faqId);
    assertThat(helpdesk.faq("1099", "บันทึกการนิเทศ")).extracting(Faq::id).contains(faqId);
    assertThat(helpdesk.faq("1099", "มาตรฐานที่ 3")).extracting(Faq::id).contains(faqId);
    assertThat(helpdesk.faq("1099", "ไม่มีคำนี้แน่นอน%")).isEmpty();
    assertThat(helpdesk.faq("7297", "")).extracting(Faq::id).doesNotContain(faqId);
  }

  @Test
  void notSolvedGoesBackToTheSupervisorsAndNoReplyCloses() {
    long id =
        helpdesk.ask("qa1", Topic.ONESQA, "สมศ. จะประเมินเมื่อใด", "ได้รับหนังสือแจ้งหรือยัง");
    Question q = helpdesk.question(id).orElseThrow();
    helpdesk.answer(id, "supervisor1", "รอประกาศจาก สมศ.");
    helpdesk.reply(id, "qa1", false, "ต้องเตรียมเอกสารอะไรล่วงหน้า");
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.OPEN);
    Task again = answerTask(q);
    assertThat(again).as("back to the supervisors").isNotNull();
    assertThat(runtime.getVariable(q.processInstanceId(), VAR_ROUND)).isEqualTo(2);
    assertThat((String) runtime.getVariable(q.processInstanceId(), VAR_QUESTION_TEXT))
        .contains("ต้องเตรียมเอกสารอะไรล่วงหน้า");
    assertThat(outboxKinds("supervisor1", "HELPDESK_QUESTION"))
        .contains("HELPDESK_QUESTION:" + id + ":2:supervisor1");
    assertThat(timer(q, TIMER_ESCALATE)).as("a new due date and escalation").isNotNull();

    helpdesk.answer(id, "supervisor1", "SAR สามปีล่าสุดและแผนพัฒนาคุณภาพ");
    assertThat(outboxKinds("qa1", "HELPDESK_ANSWER")).contains("HELPDESK_ANSWER:" + id + ":2:qa1");
    assertThat(helpdesk.thread(id))
        .extracting(Post::kind)
        .containsExactly("ANSWER", "FOLLOW_UP", "ANSWER");
    // the asker never replies: closed after 14 days
    management.executeJob(timer(q, TIMER_NO_REPLY).getId());
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.CLOSED);
    assertThat(ended(q)).isEqualTo(END_CLOSED);
  }

  @Test
  void overdueAddsTheSupervisionDirectorAndMailsTheEscalation() {
    long id = helpdesk.ask("qa1", Topic.SYSTEM, "อัปโหลดไฟล์ SAR ไม่ได้", "ไฟล์ขนาด 30 MB");
    Question q = helpdesk.question(id).orElseThrow();
    Task task = answerTask(q);
    EngineTestClock.at(2026, 12, 10, 8, 0);
    management.executeJob(timer(q, TIMER_ESCALATE).getId());
    Task still = answerTask(q);
    assertThat(still).as("non-interrupting: still open for the supervisors").isNotNull();
    assertThat(still.getId()).isEqualTo(task.getId());
    assertThat(candidates(still))
        .containsExactlyInAnyOrder(
            Groups.clusterSupervisor("1099-C1"), Groups.supervisionDirector("1099"));
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where task_id = :t and recipient_id = :r")
                .param("t", task.getId())
                .param("r", "supdirector")
                .query(Integer.class)
                .single())
        .as("the supervision director is mailed the escalation")
        .isEqualTo(1);
    // the director may now answer it
    helpdesk.answer(id, "supdirector", "ลดขนาดไฟล์ให้ไม่เกิน 20 MB แล้วอัปโหลดใหม่");
    assertThat(helpdesk.question(id).orElseThrow().status()).isEqualTo(Status.ANSWERED);
  }

  @Test
  void theReminderScanReadsTheOpenAnsweringTask() {
    long id = helpdesk.ask("qa1", Topic.STANDARDS, "ค่าเป้าหมายมาตรฐานที่ 1", "ตั้งอย่างไร");
    Question q = helpdesk.question(id).orElseThrow();
    Task task = answerTask(q);
    List<OpenTask> seen = new ArrayList<>();
    reader.dueBefore(
        Date.from(
            LocalDateTime.of(2026, 12, 10, 0, 0).atZone(ZoneId.of("Asia/Bangkok")).toInstant()),
        seen::addAll);
    OpenTask open =
        seen.stream().filter(t -> t.id().equals(task.getId())).findFirst().orElseThrow();
    assertThat(open.scope()).isEqualTo(OpenTask.Scope.CLUSTER);
    assertThat(open.schoolCode()).isEqualTo(SCHOOL);
    assertThat(open.districtCode()).isEqualTo("1099");
    assertThat(open.candidateGroups()).containsExactly(Groups.clusterSupervisor("1099-C1"));
    // weeks overdue: the scan itself escalates it (whether or not the timer fired first)
    EngineTestClock.at(2027, 1, 20, 10, 0);
    scanner.scan();
    assertThat(
            jdbc.sql("select count(*) from mail_outbox where task_id = :t and kind like 'OVERDUE%'")
                .param("t", task.getId())
                .query(Integer.class)
                .single())
        .isPositive();
  }

  private Job timer(Question q, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(q.processInstanceId())
        .activityId(activityId)
        .singleResult();
  }

  private List<String> candidates(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private String ended(Question q) {
    var hpi =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(q.processInstanceId())
            .singleResult();
    return hpi.getEndActivityId();
  }
}
