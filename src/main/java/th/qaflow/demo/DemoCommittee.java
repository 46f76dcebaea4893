package th.qaflow.demo;

import static th.qaflow.committee.CommitteeMeetingProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.committee.Committees;
import th.qaflow.committee.Committees.Kind;
import th.qaflow.committee.Committees.MemberRole;
import th.qaflow.forms.FormSubmission;

/**
 * The demo district's ก.ต.ป.น., through the tasklist's form validation: the district director
 * chairs it, the supervision director is its secretary, the QA officer and an outside member
 * ({@code ktpnmember}) sit on it. Its year runs: the first meeting was held two weeks ago, its
 * minutes approved by the members, one resolution followed up by the QA officer and one still open
 * for supervisor1.
 */
@Component
class DemoCommittee {
  static final String NAME =
      "คณะกรรมการติดตาม ตรวจสอบ ประเมินผลและนิเทศการศึกษา (ก.ต.ป.น.) สพป.สุขใจ เขต 1";

  private final Committees committees;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final DemoSteps steps;
  private final Clock clock;

  DemoCommittee(
      Committees committees,
      RuntimeService runtime,
      TaskService tasks,
      DemoSteps steps,
      Clock clock) {
    this.committees = committees;
    this.tasks = tasks;
    this.runtime = runtime;
    this.steps = steps;
    this.clock = clock;
  }

  void load(int year) {
    if (committees.ofDistrict(DemoDistrict.DISTRICT).stream()
        .anyMatch(c -> c.name().equals(NAME))) {
      return; // loaded before
    }
    LocalDate today = LocalDate.now(clock);
    long id =
        committees.create(
            DemoDistrict.DISTRICT,
            Kind.KTPN,
            null,
            NAME,
            LocalDate.of(today.getYear(), 1, 1),
            LocalDate.of(today.getYear() + 3, 12, 31),
            Committees.DEFAULT_MEETINGS_PER_YEAR,
            "qaofficer");
    committees.addMember(id, "districtdirector", MemberRole.CHAIR);
    committees.addMember(id, "qaofficer", MemberRole.MEMBER);
    committees.addMember(id, "ktpnmember", MemberRole.MEMBER);
    String yearPi = committees.startYear(id, year, "supdirector").orElseThrow();
    ProcessInstance meeting =
        runtime.createProcessInstanceQuery().superProcessInstanceId(yearPi).singleResult();
    LocalDate held = today.minusDays(14);
    for (int step = 0; step < 10; step++) {
      Task task = steps.next(meeting.getId());
      if (task == null) {
        return;
      }
      switch (task.getTaskDefinitionKey()) {
        case TASK_DRAFT_AGENDA -> steps.complete(task, "supdirector", agenda(held, year));
        case TASK_RECORD_MINUTES -> steps.complete(task, "supdirector", minutes(held));
        case TASK_VOTE_ON_MINUTES ->
            steps.complete(task, task.getAssignee(), of(Map.of(VAR_MINUTES_VOTE, VOTE_APPROVE)));
        case TASK_FOLLOW_UP_RESOLUTION -> {
          // the QA officer's resolution is followed up; supervisor1's stays open
          steps.complete(
              tasks
                  .createTaskQuery()
                  .processInstanceId(meeting.getId())
                  .taskAssignee("qaofficer")
                  .singleResult(),
              "qaofficer",
              of(
                  Map.of(
                      VAR_FOLLOW_UP_RESULT,
                      "จัดทำสรุปผลการนิเทศภาคเรียนที่ 1 รายโรงเรียนแล้ว เสนอในการประชุมครั้งถัดไป")));
          return;
        }
        default ->
            throw new IllegalStateException("No demo answers for " + task.getTaskDefinitionKey());
      }
    }
  }

  private static FormSubmission agenda(LocalDate held, int year) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(VAR_MEETING_DATE, held.toString());
    v.put(VAR_MEETING_PLACE, "ห้องประชุมใหญ่ สพป.สุขใจ เขต 1");
    v.put("agendaItems[0].agendaTitle", "พิจารณาแผนการนิเทศ ติดตามและประเมินผล ปีการศึกษา " + year);
    v.put("agendaItems[0].agendaNote", "ฝ่ายเลขานุการเสนอร่างแผนตามผลการสังเคราะห์ SAR");
    v.put(
        "agendaItems[1].agendaTitle",
        "รับทราบผลการสังเคราะห์รายงานการประเมินตนเองของสถานศึกษา ปีการศึกษา " + (year - 1));
    v.put("agendaItems[1].agendaNote", "");
    v.put("agendaItems[2].agendaTitle", "รับทราบผลการประเมินคุณภาพภายนอก (สมศ.)");
    v.put("agendaItems[2].agendaNote", "");
    return of(v);
  }

  private static FormSubmission minutes(LocalDate held) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(
        VAR_MINUTES,
        "ที่ประชุมพิจารณาร่างแผนการนิเทศ ติดตามและประเมินผล และให้ความเห็นชอบโดยมีข้อเสนอแนะ"
            + " ให้เน้นโรงเรียนที่ผลการประเมินต่ำกว่าค่าเป้าหมาย\n"
            + "ที่ประชุมรับทราบผลการสังเคราะห์ SAR และผลการประเมินภายนอก");
    v.put(
        "resolutions[0].resolutionText",
        "นิเทศติดตามโรงเรียนที่ผลการประเมินต่ำกว่าค่าเป้าหมายในกลุ่มโรงเรียนริมน้ำ และรายงานผลในการประชุมครั้งถัดไป");
    v.put("resolutions[0].resolutionOwner", "supervisor1");
    v.put("resolutions[0].resolutionDue", held.plusDays(75).toString());
    v.put(
        "resolutions[1].resolutionText",
        "จัดทำสรุปผลการนิเทศภาคเรียนที่ 1 รายโรงเรียน เสนอคณะกรรมการ");
    v.put("resolutions[1].resolutionOwner", "qaofficer");
    v.put("resolutions[1].resolutionDue", held.plusDays(30).toString());
    return of(v);
  }

  private static FormSubmission of(Map<String, String> values) {
    Map<String, String[]> p = new LinkedHashMap<>();
    values.forEach((k, v) -> p.put(k, new String[] {v}));
    return FormSubmission.of(p);
  }
}
