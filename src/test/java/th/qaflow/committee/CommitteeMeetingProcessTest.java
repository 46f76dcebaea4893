package th.qaflow.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static th.qaflow.committee.CommitteeMeetingProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import th.qaflow.committee.Committees.Kind;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.committee.Committees.Resolution;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.organisation.Groups;
import th.qaflow.security.QaUsers;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.ProcessDriver;
import th.qaflow.support.ProcessTest;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.web.ForbiddenException;
import th.qaflow.web.NotFoundException;

/**
 * CommitteeMeeting and MonitoringCommitteeYear on the real engine, tasks completed through the
 * tasklist's form validation, every path: the secretary drafts the agenda (a missing date is
 * refused), every member is invited by mail (read by GreenMail), the meeting day's timer opens the
 * minutes, a member objects (an objection without its reason is refused) and the minutes go back
 * with the objection, the second round is approved and each resolution becomes a follow-up task of
 * its owner, due on its date; the year calls the meeting as often as the committee is set to, and a
 * meeting without resolutions ends at the approval. District 1099, years 2961–2962.
 */
@ProcessTest
class CommitteeMeetingProcessTest {
  static final String D = "1099";
  static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  @Autowired Committees committees;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired TaskWork work;
  @Autowired QaUsers users;
  @Autowired GreenMail mail;
  @Autowired OutboxSender sender;

  @BeforeEach
  void clock() {
    EngineTestClock.at(2018, 6, 1, 9, 0);
  }

  @Test
  void anObjectionSendsTheMinutesBackThenEachResolutionIsFollowedUpByItsOwner() throws Exception {
    int year = 2961;
    long id = committee("ก.ต.ป.น. ทดสอบการประชุม", 4);
    assertThat(committees.members(id))
        .as("the supervision director is the secretary by default")
        .anySatisfy(
            m -> {
              assertThat(m.userId()).isEqualTo("supdirector");
              assertThat(m.role()).isEqualTo(MemberRole.SECRETARY);
            });
    String pi = committees.startMeeting(id, year, "supdirector");
    long meetingId = committees.meetings(id).get(0).id();

    Task draft = task(pi, TASK_DRAFT_AGENDA);
    assertThat(groups(draft)).containsExactly(Groups.committeeSecretary(id));
    assertThat(draft.getDueDate()).isNotNull();
    // a member may not draft in the secretary's place; a missing date is refused
    assertThatThrownBy(
            () -> work.complete(draft.getId(), users.byId("ktpnmember"), params(agenda(""))))
        .isInstanceOf(NotFoundException.class);
    Completion noDate = work.complete(draft.getId(), users.byId("supdirector"), params(agenda("")));
    assertThat(noDate.done()).isFalse();
    assertThat(noDate.form().errors()).containsKey(VAR_MEETING_DATE);
    assertThat(committees.meeting(meetingId).orElseThrow().status()).isEqualTo("AGENDA");
    done(draft, "supdirector", agenda("2018-06-15"));

    assertThat(committees.meeting(meetingId).orElseThrow().status()).isEqualTo("CALLED");
    assertThat(committees.agenda(meetingId))
        .extracting(Committees.AgendaItem::title)
        .containsExactly("รับทราบผลการนิเทศ ภาคเรียนที่ 1", "พิจารณาแผนการนิเทศ");
    // every member is invited by mail
    sender.drain();
    List<MimeMessage> invited =
        Mails.ofKind(Mails.addressedTo(mail, "ktpnmember@qaflow.example"), "COMMITTEE_INVITATION");
    MimeMessage invitation =
        invited.stream()
            .filter(m -> Mails.subject(m).contains("ก.ต.ป.น. ทดสอบการประชุม"))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(Mails.subject(invitation)).contains("15 มิ.ย. 2561");
    assertThat(Mails.plainText(invitation))
        .contains("ห้องประชุมเขต")
        .contains("1. รับทราบผลการนิเทศ ภาคเรียนที่ 1")
        .contains("/committees/" + id)
        .doesNotContain("??");
    assertThat(Mails.addressedTo(mail, "districtdirector@qaflow.example"))
        .anyMatch(m -> Mails.subject(m).contains("ก.ต.ป.น. ทดสอบการประชุม"));

    // the process waits for the meeting day
    assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isZero();
    Job timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    assertThat(timer.getDuedate())
        .isEqualTo(Date.from(LocalDateTime.of(2018, 6, 15, 9, 0).atZone(BANGKOK).toInstant()));
    EngineTestClock.at(2018, 6, 15, 13, 0);
    management.executeJob(timer.getId());

    Task minutes = task(pi, TASK_RECORD_MINUTES);
    assertThat(groups(minutes)).containsExactly(Groups.committeeSecretary(id));
    done(minutes, "supdirector", minutes("ที่ประชุมรับทราบผลการนิเทศ"));

    List<Task> votes = voteTasks(pi);
    assertThat(votes)
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("districtdirector", "ktpnmember");
    Task memberVote = byAssignee(votes, "ktpnmember");
    Completion noReason =
        work.complete(
            memberVote.getId(),
            users.byId("ktpnmember"),
            params(Map.of(VAR_MINUTES_VOTE, "object")));
    assertThat(noReason.done()).isFalse();
    assertThat(noReason.form().errors()).containsKey(VAR_MINUTES_OBJECTION);
    // nobody votes in another member's place
    assertThatThrownBy(
            () ->
                work.complete(
                    memberVote.getId(),
                    users.byId("districtdirector"),
                    params(Map.of(VAR_MINUTES_VOTE, "approve"))))
        .isInstanceOf(ForbiddenException.class);
    done(
        memberVote,
        "ktpnmember",
        Map.of(VAR_MINUTES_VOTE, "object", VAR_MINUTES_OBJECTION, "ขอเพิ่มผลการนิเทศกลุ่มเชิงดอย"));
    done(
        byAssignee(votes, "districtdirector"),
        "districtdirector",
        Map.of(VAR_MINUTES_VOTE, "approve"));

    // the objection loops back to the minutes, with what must change
    Task again = task(pi, TASK_RECORD_MINUTES);
    assertThat(tasks.getVariable(again.getId(), VAR_MINUTES_OBJECTIONS))
        .asString()
        .contains("ขอเพิ่มผลการนิเทศกลุ่มเชิงดอย");
    assertThat(committees.meeting(meetingId).orElseThrow().status()).isEqualTo("MINUTES");
    done(again, "supdirector", minutes("ที่ประชุมรับทราบผลการนิเทศ รวมกลุ่มเชิงดอย"));
    for (Task vote : voteTasks(pi)) {
      done(vote, vote.getAssignee(), Map.of(VAR_MINUTES_VOTE, "approve"));
    }
    assertThat(committees.votes(meetingId)).hasSize(4);
    assertThat(committees.meeting(meetingId).orElseThrow())
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo("APPROVED");
              assertThat(m.minutesRound()).isEqualTo(2);
              assertThat(m.minutes()).contains("รวมกลุ่มเชิงดอย");
            });

    // one follow-up task per resolution, its owner's, due on its date
    List<Task> followUps =
        tasks
            .createTaskQuery()
            .processInstanceId(pi)
            .taskDefinitionKey(TASK_FOLLOW_UP_RESOLUTION)
            .list();
    assertThat(followUps)
        .extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("supervisor1", "qaofficer");
    Task supervisorTask = byAssignee(followUps, "supervisor1");
    assertThat(supervisorTask.getDueDate())
        .isEqualTo(Date.from(LocalDateTime.of(2018, 7, 31, 16, 30).atZone(BANGKOK).toInstant()));
    assertThat(tasks.getVariable(supervisorTask.getId(), VAR_RESOLUTION_TEXT))
        .isEqualTo("นิเทศติดตามโรงเรียนที่ต่ำกว่าเป้าหมาย");
    assertThat(committees.openResolutions(D))
        .extracting(Resolution::taskId)
        .contains(supervisorTask.getId());
    Completion empty =
        work.complete(supervisorTask.getId(), users.byId("supervisor1"), params(Map.of()));
    assertThat(empty.form().errors()).containsKey(VAR_FOLLOW_UP_RESULT);
    done(supervisorTask, "supervisor1", Map.of(VAR_FOLLOW_UP_RESULT, "นิเทศครบ 3 โรงเรียน"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isOne();
    done(
        byAssignee(followUps, "qaofficer"), "qaofficer", Map.of(VAR_FOLLOW_UP_RESULT, "จัดทำแล้ว"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    assertThat(committees.meeting(meetingId).orElseThrow().status()).isEqualTo("DONE");
    assertThat(committees.resolutions(meetingId))
        .allSatisfy(r -> assertThat(r.status()).isEqualTo("DONE"))
        .extracting(Resolution::result)
        .containsExactly("นิเทศครบ 3 โรงเรียน", "จัดทำแล้ว");
  }

  @Test
  void theYearCallsTheMeetingAsOftenAsSetAndAMeetingWithoutResolutionsEndsAtTheApproval() {
    int year = 2962;
    EngineTestClock.at(2019, 6, 1, 9, 0);
    long id = committee("ก.ต.ป.น. ทดสอบปีการประชุม", 2);
    String yearPi = committees.startYear(id, year, "supdirector").orElseThrow();
    assertThat(committees.startYear(id, year, "supdirector")).as("one year at a time").isEmpty();
    for (int meeting = 1; meeting <= 2; meeting++) {
      ProcessInstance called =
          runtime.createProcessInstanceQuery().superProcessInstanceId(yearPi).singleResult();
      assertThat(called).as("meeting " + meeting).isNotNull();
      assertThat(runtime.getVariable(called.getId(), VAR_MEETING_INDEX)).isEqualTo(meeting - 1);
      String pi = called.getId();
      done(task(pi, TASK_DRAFT_AGENDA), "supdirector", agenda("2019-0" + (6 + meeting) + "-10"));
      Job timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
      EngineTestClock.at(timer.getDuedate());
      management.executeJob(timer.getId());
      Map<String, String> noResolutions = new LinkedHashMap<>();
      noResolutions.put(VAR_MINUTES, "ประชุมครั้งที่ " + meeting);
      done(task(pi, TASK_RECORD_MINUTES), "supdirector", noResolutions);
      for (Task vote : voteTasks(pi)) {
        done(vote, vote.getAssignee(), Map.of(VAR_MINUTES_VOTE, "approve"));
      }
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count())
          .as("no resolution: the meeting ends")
          .isZero();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(yearPi).count()).isZero();
    assertThat(committees.meetings(id))
        .extracting(Committees.Meeting::meetingNo, Committees.Meeting::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "DONE"),
            org.assertj.core.groups.Tuple.tuple(1, "DONE"));
  }

  private long committee(String name, int meetings) {
    long id =
        committees.create(
            D,
            Kind.KTPN,
            null,
            name,
            LocalDate.of(2018, 1, 1),
            LocalDate.of(2021, 12, 31),
            meetings,
            "qaofficer");
    committees.addMember(id, "districtdirector", MemberRole.CHAIR);
    committees.addMember(id, "ktpnmember", MemberRole.MEMBER);
    return id;
  }

  private static Map<String, String> agenda(String date) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(VAR_MEETING_DATE, date);
    v.put(VAR_MEETING_PLACE, "ห้องประชุมเขต");
    v.put("agendaItems[0].agendaTitle", "รับทราบผลการนิเทศ ภาคเรียนที่ 1");
    v.put("agendaItems[0].agendaNote", "");
    v.put("agendaItems[1].agendaTitle", "พิจารณาแผนการนิเทศ");
    v.put("agendaItems[1].agendaNote", "ร่างแผนปีถัดไป");
    return v;
  }

  private static Map<String, String> minutes(String text) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(VAR_MINUTES, text);
    v.put("resolutions[0].resolutionText", "นิเทศติดตามโรงเรียนที่ต่ำกว่าเป้าหมาย");
    v.put("resolutions[0].resolutionOwner", "supervisor1");
    v.put("resolutions[0].resolutionDue", "2018-07-31");
    v.put("resolutions[1].resolutionText", "จัดทำสรุปผลเสนอที่ประชุมครั้งถัดไป");
    v.put("resolutions[1].resolutionOwner", "qaofficer");
    v.put("resolutions[1].resolutionDue", "2018-08-31");
    return v;
  }

  private List<Task> voteTasks(String pi) {
    List<Task> votes =
        tasks
            .createTaskQuery()
            .processInstanceId(pi)
            .taskDefinitionKey(TASK_VOTE_ON_MINUTES)
            .list();
    assertThat(votes).hasSize(2);
    return votes;
  }

  private static Task byAssignee(List<Task> list, String user) {
    return list.stream().filter(t -> user.equals(t.getAssignee())).findFirst().orElseThrow();
  }

  private Task task(String pi, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task).as("open task, expecting " + key).isNotNull();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
    return task;
  }

  private List<String> groups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private void done(Task task, String user, Map<String, String> values) {
    ProcessDriver.completeAs(work, users, task, user, values);
  }

  private static Map<String, String[]> params(Map<String, String> values) {
    return ProcessDriver.params(values);
  }
}
