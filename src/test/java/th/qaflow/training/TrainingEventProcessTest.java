package th.qaflow.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static th.qaflow.training.TrainingEventProcess.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.Role;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.ProcessTest;
import th.qaflow.training.Trainings.Event;
import th.qaflow.training.Trainings.Plan;
import th.qaflow.training.Trainings.Registration;
import th.qaflow.training.Trainings.SchoolAttendance;
import th.qaflow.training.Trainings.Status;
import th.qaflow.training.Trainings.Summary;
import th.qaflow.training.Trainings.TargetKind;

/**
 * TrainingEvent on the real engine, every path: returned for revision once and approved (the
 * invitations to the targeted roles of cluster 1099-C1 only), registration (refused for a person
 * not targeted, capacity kept) closed by Timer_RegistrationCloses, attendance with a walk-in, the
 * evaluation reminder (Timer_EvaluationReminder, only to the attendee who has not evaluated),
 * Timer_EvaluationCloses, the report with the attendance by school and the computed summary; and
 * the organiser closing registration and the evaluation before their timers.
 */
@ProcessTest
class TrainingEventProcessTest {
  @Autowired Trainings trainings;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void friday() {
    EngineTestClock.at(2026, 12, 4, 10, 0);
  }

  static Plan plan(String title, int capacity) {
    LocalDate day = LocalDate.of(2026, 12, 15);
    return new Plan(
        title,
        "การเขียนรายงานการประเมินตนเอง (SAR) ที่สะท้อนผลตามมาตรฐาน",
        day.atTime(9, 0).atZone(AcademicYears.ZONE).toInstant(),
        day.atTime(16, 0).atZone(AcademicYears.ZONE).toInstant(),
        "ห้องประชุมสำนักงานเขตพื้นที่การศึกษา",
        null,
        TargetKind.CLUSTERS,
        List.of("1099-C1"),
        List.of(Role.SCHOOL_QA, Role.SCHOOL_DIRECTOR),
        capacity,
        LocalDate.of(2026, 12, 11)
            .atTime(LocalTime.of(23, 59, 59))
            .atZone(AcademicYears.ZONE)
            .toInstant());
  }

  private Event event(long id) {
    return trainings.event(id).orElseThrow();
  }

  private Task task(long id, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceId(event(id).processInstanceId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  private Job timer(long id, String activity) {
    return management
        .createJobQuery()
        .processInstanceId(event(id).processInstanceId())
        .activityId(activity)
        .singleResult();
  }

  private List<String> outbox(String kind, long id) {
    return jdbc.sql(
            "select recipient_id from mail_outbox where dedup_key like :k order by recipient_id")
        .param("k", kind + ":" + id + ":%")
        .query(String.class)
        .list();
  }

  @Test
  void revisedApprovedRegisteredAttendedEvaluatedReportedWithTheTimers() {
    long id = trainings.plan("qaofficer", plan("อบรมการเขียน SAR", 3));
    assertThat(event(id).status()).isEqualTo(Status.APPROVAL);
    Task approve = task(id, TASK_APPROVE);
    assertThat(approve.getDueDate()).isNotNull();
    assertThat(tasks.getIdentityLinksForTask(approve.getId()))
        .anySatisfy(
            l -> assertThat(l.getGroupId()).isEqualTo("district-1099-supervision-director"));

    // returned for revision, revised, approved
    trainings.decide(id, "supdirector", false, "เพิ่มจำนวนที่นั่งให้ครอบคลุมทุกโรงเรียน");
    assertThat(event(id).status()).isEqualTo(Status.REVISION);
    assertThat(event(id).directorComment()).contains("เพิ่มจำนวนที่นั่ง");
    assertThat(task(id, TASK_REVISE).getAssignee()).isEqualTo("qaofficer");
    trainings.revise(id, "qaofficer", plan("อบรมการเขียน SAR (ปรับปรุง)", 3));
    assertThat(event(id).status()).isEqualTo(Status.APPROVAL);
    assertThat(event(id).title()).isEqualTo("อบรมการเขียน SAR (ปรับปรุง)");
    assertThat(outbox("TRAINING_INVITATION", id)).as("no invitation before approval").isEmpty();
    trainings.decide(id, "supdirector", true, "");
    assertThat(event(id).status()).isEqualTo(Status.REGISTRATION);

    // invitations: the QA teachers and directors of cluster 1099-C1 (schools 1-4) only
    assertThat(outbox("TRAINING_INVITATION", id))
        .containsExactlyInAnyOrder(
            "director1", "director2", "director3", "director4", "qa1", "qa2", "qa3", "qa4");
    assertThat(task(id, TASK_CLOSE_REGISTRATION).getDueDate())
        .isEqualTo(java.util.Date.from(event(id).plan().registrationDeadline()));

    trainings.register(id, "qa1");
    trainings.register(id, "qa2");
    trainings.register(id, "director1");
    trainings.register(id, "qa1"); // twice is once
    assertThatThrownBy(() -> trainings.register(id, "qa3"))
        .as("three seats")
        .isInstanceOf(IllegalStateException.class);
    trainings.cancel(id, "director1");
    trainings.register(id, "qa3");
    assertThatThrownBy(() -> trainings.register(id, "qa5"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> trainings.register(id, "board1"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(trainings.registrations(id))
        .extracting(Registration::userId)
        .containsExactlyInAnyOrder("qa1", "qa2", "qa3");

    // the deadline passes: registration closes
    EngineTestClock.at(LocalDateTime.of(2026, 12, 12, 0, 0));
    management.executeJob(timer(id, TIMER_REGISTRATION_CLOSES).getId());
    assertThat(event(id).status()).isEqualTo(Status.ATTENDANCE);
    assertThatThrownBy(() -> trainings.register(id, "qa4"))
        .isInstanceOf(IllegalStateException.class);

    // on the day: qa1 and qa2 came, qa3 did not; a walk-in from school 2
    EngineTestClock.at(2026, 12, 15, 16, 30);
    long qa1 = trainings.registration(id, "qa1").orElseThrow().id();
    long qa2 = trainings.registration(id, "qa2").orElseThrow().id();
    trainings.recordAttendance(id, "qaofficer", Set.of(qa1), false);
    trainings.addWalkIn(id, "1099010002", "ครูสมศรี มาเอง");
    assertThat(event(id).status()).as("saved, not finished").isEqualTo(Status.ATTENDANCE);
    trainings.recordAttendance(id, "qaofficer", Set.of(qa1, qa2), true);
    Event evaluating = event(id);
    assertThat(evaluating.status()).isEqualTo(Status.EVALUATION);
    assertThat(evaluating.evaluationCloses())
        .isEqualTo(
            LocalDate.of(2026, 12, 22).atTime(23, 59, 59).atZone(AcademicYears.ZONE).toInstant());

    trainings.evaluate(id, "qa1", 5, 4, 5, 4, "ได้แนวทางเขียน SAR ชัดเจน");
    assertThatThrownBy(() -> trainings.evaluate(id, "qa3", 5, 5, 5, 5, ""))
        .as("did not attend")
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> trainings.evaluate(id, "qa1", 5, 5, 5, 5, ""))
        .as("once")
        .isInstanceOf(IllegalStateException.class);

    // two days before it closes: the reminder reaches qa2 only, the task stays
    EngineTestClock.at(2026, 12, 21, 0, 0);
    management.executeJob(timer(id, TIMER_EVALUATION_REMINDER).getId());
    assertThat(outbox("TRAINING_EVALUATION", id)).containsExactly("qa2");
    assertThat(event(id).status()).isEqualTo(Status.EVALUATION);
    trainings.evaluate(id, "qa2", 3, 4, 3, 2, "");

    EngineTestClock.at(2026, 12, 23, 0, 0);
    management.executeJob(timer(id, TIMER_EVALUATION_CLOSES).getId());
    assertThat(event(id).status()).isEqualTo(Status.REPORT);
    assertThatThrownBy(() -> trainings.evaluate(id, "qa3", 5, 5, 5, 5, ""))
        .isInstanceOf(IllegalStateException.class);

    Summary summary = trainings.summary(id);
    assertThat(summary.answers()).isEqualTo(2);
    assertThat(summary.attendees()).isEqualTo(2);
    assertThat(summary.means()).containsExactly(4.0, 4.0, 4.0, 3.0);
    assertThat(summary.overall()).isEqualTo(3.75);
    assertThat(summary.comments()).containsExactly("ได้แนวทางเขียน SAR ชัดเจน");
    List<SchoolAttendance> rows = trainings.attendance(id);
    assertThat(rows)
        .extracting(SchoolAttendance::schoolCode, SchoolAttendance::qa, SchoolAttendance::walkIns)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1099010001", 1, 0),
            org.assertj.core.groups.Tuple.tuple("1099010002", 1, 1));
    assertThat(trainings.historyOfSchool("1099010002"))
        .anySatisfy(
            a -> {
              assertThat(a.event().id()).isEqualTo(id);
              assertThat(a.people()).isEqualTo(2);
            });
    assertThat(trainings.historyOfSchool("1099010003")).noneMatch(a -> a.event().id() == id);

    trainings.report(
        id, "qaofficer", "ผู้เข้าอบรมเขียน SAR ได้ตามแนวทาง ควรจัดซ้ำสำหรับกลุ่มที่ 2");
    Event closed = event(id);
    assertThat(closed.status()).isEqualTo(Status.CLOSED);
    assertThat(closed.report()).startsWith("ผู้เข้าอบรมเขียน SAR");
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(closed.processInstanceId())
                .finished()
                .count())
        .isEqualTo(1);
  }

  @Test
  void theOrganiserClosesRegistrationAndTheEvaluationEarly() {
    long id = trainings.plan("supervisor1", plan("ประชุมเชิงปฏิบัติการกำหนดค่าเป้าหมาย", 30));
    trainings.decide(id, "supdirector", true, null);
    trainings.register(id, "director2");
    trainings.closeRegistration(id, "supervisor1");
    assertThat(event(id).status()).isEqualTo(Status.ATTENDANCE);
    assertThat(timer(id, TIMER_REGISTRATION_CLOSES)).isNull();
    assertThatThrownBy(() -> trainings.cancel(id, "director2"))
        .isInstanceOf(IllegalStateException.class);
    trainings.recordAttendance(
        id,
        "supervisor1",
        Set.of(trainings.registration(id, "director2").orElseThrow().id()),
        true);
    trainings.closeEvaluation(id, "supervisor1");
    assertThat(event(id).status()).isEqualTo(Status.REPORT);
    assertThat(timer(id, TIMER_EVALUATION_CLOSES)).isNull();
    assertThat(timer(id, TIMER_EVALUATION_REMINDER)).isNull();
    assertThat(trainings.summary(id).answers()).isZero();
    trainings.report(id, "supervisor1", "ปิดรับแบบประเมินก่อนกำหนด");
    assertThat(event(id).status()).isEqualTo(Status.CLOSED);
  }
}
