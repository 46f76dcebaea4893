package th.qaflow.demo;

import static th.qaflow.tumhome.TumhomeProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.security.QaUsers;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeDrives.Mou;
import th.qaflow.visit.VisitRounds;

/**
 * The demo district's TUMHOME 4Q drive of the year, driven through the tasklist's completion (and
 * form validation): the driving team appointed, the baseline of the four areas analysed into a
 * plan, approved by the district director, the school directors' meeting held; the directors of
 * schools 1, 2, 3 and 5 sign their MOUs in the days after it was recorded, the QA officer closes
 * signing, the supervision progress is reported, and the mentoring's visit round ({@link
 * #MENTORING_ROUND}, DistrictVisit) is launched for the four MOU schools, so the mentoring task is
 * open with the round's visits.
 */
@Component
class DemoTumhome {
  /** The demo schools whose directors signed (director1, director2, director3, director5). */
  static final List<Integer> SIGNED = List.of(1, 2, 3, 5);

  /** The visit round of the mentoring (round 1 of the year is the supervision plan's). */
  static final int MENTORING_ROUND = 2;

  private final TumhomeDrives drives;
  private final DemoSteps steps;
  private final VisitRounds visitRounds;
  private final QaUsers users;
  private final HistoryService history;

  DemoTumhome(
      TumhomeDrives drives,
      DemoSteps steps,
      VisitRounds visitRounds,
      QaUsers users,
      HistoryService history) {
    this.drives = drives;
    this.steps = steps;
    this.visitRounds = visitRounds;
    this.users = users;
    this.history = history;
  }

  /** The drive of {@code year} running, waiting at the mentoring with its visit round launched. */
  void load(int year) {
    if (drives.drive(DemoDistrict.DISTRICT, year).isPresent()) {
      return; // loaded before
    }
    String pi =
        steps.startInYear(
            year, () -> drives.start(DemoDistrict.DISTRICT, year, "qaofficer").orElseThrow());
    for (int step = 0; step < 5; step++) {
      Task task = steps.next(pi);
      if (task == null || task.getTaskDefinitionKey().equals(TASK_CLOSE_MOU)) {
        break;
      }
      String key = task.getTaskDefinitionKey();
      steps.complete(
          task,
          key.equals(TASK_APPROVE_PLAN) ? "districtdirector" : "qaofficer",
          FormSubmission.of(answers(key, year)));
    }
    Drive drive = drives.drive(DemoDistrict.DISTRICT, year).orElseThrow();
    // signed in the days after the meeting was recorded (signing opened), within the year
    HistoricTaskInstance meeting =
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(pi)
            .taskDefinitionKey(TASK_HOLD_MEETING)
            .finished()
            .singleResult();
    Instant opened =
        meeting == null
            ? drive.meetingOn().atTime(10, 0).atZone(AcademicYears.ZONE).toInstant()
            : meeting.getEndTime().toInstant();
    for (int n : SIGNED) {
      Instant on = opened.plus(Duration.ofDays(1L + n)).plus(Duration.ofHours(2));
      steps.at(on, () -> drives.sign(drive.id(), "109901000" + n, "director" + n));
    }
    for (String key : List.of(TASK_CLOSE_MOU, TASK_REPORT_PROGRESS)) {
      Task task = steps.next(pi);
      if (task == null || !task.getTaskDefinitionKey().equals(key)) {
        return;
      }
      steps.complete(task, "qaofficer", FormSubmission.of(answers(key, year)));
    }
    List<String> schools = drives.mous(drive.id()).stream().map(Mou::schoolCode).toList();
    visitRounds.launchForSchools(
        users.byId("supdirector"), DemoDistrict.DISTRICT, year, MENTORING_ROUND, schools);
    drives.mentoringRound(drive.id(), MENTORING_ROUND);
  }

  static Map<String, String[]> answers(String key, int year) {
    Map<String, String[]> p = new LinkedHashMap<>();
    switch (key) {
      case TASK_APPOINT_TEAM ->
          put(
              p,
              VAR_TEAM,
              "ผอ.สพท. ประธาน ผอ.กลุ่มนิเทศฯ รองประธาน ศึกษานิเทศก์ทุกคน ประธานกลุ่มโรงเรียน"
                  + " และผู้แทนคณะกรรมการสถานศึกษา กรรมการ");
      case TASK_RECORD_BASELINE -> {
        put(p, VAR_BASELINE_STUDENTS, "ผลสัมฤทธิ์คณิตศาสตร์ ป.6 ต่ำกว่าเป้าหมาย 4 โรงเรียน");
        put(p, VAR_BASELINE_TEACHERS, "ครูร้อยละ 40 ยังไม่ใช้สื่อเทคโนโลยีในการสอน");
        put(p, VAR_BASELINE_CLASSROOMS, "ห้องเรียนขนาดเล็กขาดสื่อการเรียนรู้");
        put(p, VAR_BASELINE_DIRECTORS, "ผู้อำนวยการใหม่ 2 คน ต้องการพี่เลี้ยง");
        put(
            p,
            VAR_PLAN,
            "ปีการศึกษา "
                + year
                + ": พัฒนาครูด้านสื่อเทคโนโลยี ห้องเรียนคุณภาพโรงเรียนละ 1 ห้อง"
                + " จับคู่ผู้อำนวยการพี่เลี้ยง");
      }
      case TASK_APPROVE_PLAN -> put(p, VAR_PLAN_DECISION, DECISION_APPROVE);
      case TASK_HOLD_MEETING -> {
        put(p, VAR_MEETING_DATE, AcademicYears.start(year).plusDays(30).toString());
        put(p, VAR_MEETING_ATTENDANCE, "8");
      }
      case TASK_CLOSE_MOU -> put(p, VAR_MOU_NOTE, "ลงนามครบตามที่ประชุมตกลง 4 โรงเรียน");
      case TASK_REPORT_PROGRESS ->
          put(
              p,
              VAR_PROGRESS,
              "ก.ต.ป.น. นิเทศติดตามภาคเรียนที่ 1: ผ่านตัวชี้วัดด้านครู 3 ใน 4 ข้อ"
                  + " ห้องเรียนคุณภาพครบทุกโรงเรียนที่ลงนาม");
      default -> {}
    }
    return p;
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }
}
