package th.qaflow.demo;

import static th.qaflow.committee.CommitteeMeetingProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.committee.Committees;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.schoolgroup.GroupYearProcess;
import th.qaflow.schoolgroup.SchoolGroups;
import th.qaflow.supervision.SupervisionPlans;

/**
 * The demo district's two school groups, through the tasklist's form validation.
 * กลุ่มโรงเรียนริมน้ำ (1099-C1: chair director1, vice-chair director2) met 100, 60 and 20 days ago
 * and has called its next meeting in 10 days; กลุ่มโรงเรียนเชิงดอย (1099-C2: chair director5,
 * vice-chair director6) met only 60 days ago and has called none, so it is behind its rule of two
 * meetings a semester; its year is started (the plan to draft), so GroupYear's meeting check
 * reminds it before the semester ends. supervisor1's reading project of the supervision plan is
 * ริมน้ำ's group supervision project. Both groups have 4 schools, so both show the 7–15 warning.
 */
@Component
class DemoSchoolGroups {
  static final String RIVER = "1099-C1";
  static final String HILL = "1099-C2";

  private final SchoolGroups groups;
  private final Committees committees;
  private final DemoSteps steps;
  private final Clock clock;
  private final SupervisionPlans supervision;

  DemoSchoolGroups(
      SchoolGroups groups,
      Committees committees,
      DemoSteps steps,
      Clock clock,
      SupervisionPlans supervision) {
    this.supervision = supervision;
    this.groups = groups;
    this.committees = committees;
    this.steps = steps;
    this.clock = clock;
  }

  void load() {
    if (committees.ofCluster(RIVER).isPresent()) {
      return; // loaded before
    }
    LocalDate today = LocalDate.now(clock.withZone(AcademicYears.ZONE));
    groups.setUp(RIVER, "supervisor1");
    groups.elect(RIVER, "director1", "director2");
    hold(RIVER, "director1", today.minusDays(100), true);
    hold(RIVER, "director1", today.minusDays(60), true);
    hold(RIVER, "director2", today.minusDays(20), true);
    hold(RIVER, "director1", today.plusDays(10), false);
    planYear(AcademicYears.of(today));
    groups.setUp(HILL, "supervisor2");
    groups.elect(HILL, "director5", "director6");
    hold(HILL, "director5", today.minusDays(60), true);
    // เชิงดอย's year runs too (its plan still to draft): a month before the semester ends its
    // meeting check mails director5, director6 and supervisor2 unless it has met by then
    groups.startYear(HILL, AcademicYears.of(today), "director5");
    // supervisor1's project of the supervision plan (when loaded) is ริมน้ำ's group supervision
    supervision
        .plan(DemoDistrict.DISTRICT, AcademicYears.of(today))
        .flatMap(
            plan ->
                supervision.projects(plan.id()).stream()
                    .filter(p -> "supervisor1".equals(p.ownerUserId()))
                    .findFirst())
        .ifPresent(p -> supervision.serveGroup(p.id(), RIVER));
  }

  /** กลุ่มโรงเรียนริมน้ำ's plan of the year: drafted by its chair, approved by supervisor1. */
  private void planYear(int year) {
    String pi = groups.startYear(RIVER, year, "director1").orElseThrow();
    for (int step = 0; step < 4; step++) {
      Task task = steps.next(pi);
      if (task == null) {
        return;
      }
      switch (task.getTaskDefinitionKey()) {
        case GroupYearProcess.TASK_DRAFT_GROUP_PLAN ->
            steps.complete(
                task,
                "director1",
                of(
                    Map.of(
                        GroupYearProcess.VAR_PLAN_GOALS,
                        "นักเรียนทุกโรงเรียนในกลุ่มอ่านออกเขียนได้ตามเกณฑ์ ผลการประเมินด้านการอ่านสูงขึ้นร้อยละ 5",
                        GroupYearProcess.VAR_PLAN_PROJECTS,
                        "ค่ายการอ่านร่วมกันของกลุ่ม; เครือข่ายครูแกนนำภาษาไทย; นิเทศภายในแบบเพื่อนช่วยเพื่อน")));
        case GroupYearProcess.TASK_APPROVE_GROUP_PLAN ->
            steps.complete(
                task,
                "supervisor1",
                of(Map.of(GroupYearProcess.VAR_PLAN_DECISION, GroupYearProcess.DECISION_APPROVE)));
        default -> {
          return; // the chair's assessment waits for the end of the year
        }
      }
    }
  }

  /** One meeting: called for the day; when held, minutes approved and the resolution followed. */
  private void hold(String cluster, String chair, LocalDate day, boolean held) {
    String pi = groups.startMeeting(cluster, AcademicYears.of(day), chair);
    LocalDate today = LocalDate.now(clock.withZone(AcademicYears.ZONE));
    for (int step = 0; step < 12; step++) {
      Task task = steps.next(pi);
      if (task == null) {
        return;
      }
      switch (task.getTaskDefinitionKey()) {
        case TASK_DRAFT_AGENDA -> {
          steps.complete(task, chair, agenda(day));
          if (!held) {
            return;
          }
        }
        case TASK_RECORD_MINUTES -> steps.complete(task, chair, minutes(chair, day));
        case TASK_VOTE_ON_MINUTES ->
            steps.complete(task, task.getAssignee(), of(Map.of(VAR_MINUTES_VOTE, VOTE_APPROVE)));
        case TASK_FOLLOW_UP_RESOLUTION -> {
          if (!day.plusDays(30).isBefore(today)) {
            return; // still being followed up
          }
          steps.complete(
              task,
              task.getAssignee(),
              of(
                  Map.of(
                      VAR_FOLLOW_UP_RESULT,
                      "จัดกิจกรรมแลกเปลี่ยนเรียนรู้ครบทุกโรงเรียนในกลุ่มแล้ว")));
        }
        default ->
            throw new IllegalStateException("No demo answers for " + task.getTaskDefinitionKey());
      }
    }
  }

  private static FormSubmission agenda(LocalDate day) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(VAR_MEETING_DATE, day.toString());
    v.put(VAR_MEETING_PLACE, "ห้องประชุมโรงเรียนประธานกลุ่ม");
    v.put("agendaItems[0].agendaTitle", "ติดตามการดำเนินงานตามแผนพัฒนากลุ่มโรงเรียน");
    v.put("agendaItems[0].agendaNote", "");
    v.put("agendaItems[1].agendaTitle", "แลกเปลี่ยนผลการประกันคุณภาพภายในของโรงเรียนในกลุ่ม");
    v.put("agendaItems[1].agendaNote", "");
    return of(v);
  }

  private static FormSubmission minutes(String chair, LocalDate day) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(
        VAR_MINUTES,
        "ที่ประชุมรับทราบผลการดำเนินงานตามแผนพัฒนากลุ่ม และแลกเปลี่ยนผลการประเมินตนเองของแต่ละโรงเรียน");
    v.put(
        "resolutions[0].resolutionText",
        "จัดกิจกรรมแลกเปลี่ยนเรียนรู้ (PLC) ระหว่างโรงเรียนในกลุ่ม");
    v.put("resolutions[0].resolutionOwner", chair);
    v.put("resolutions[0].resolutionDue", day.plusDays(30).toString());
    return of(v);
  }

  private static FormSubmission of(Map<String, String> values) {
    Map<String, String[]> p = new LinkedHashMap<>();
    values.forEach((k, v) -> p.put(k, new String[] {v}));
    return FormSubmission.of(p);
  }
}
