package th.qaflow.demo;

import static th.qaflow.tumhome.TumhomeProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;

/**
 * The demo district's TUMHOME 4Q drive of the year, driven through the tasklist's completion (and
 * form validation): the driving team appointed, the baseline of the four areas analysed into a
 * plan, approved by the district director, the school directors' meeting held; then the directors
 * of schools 1, 2, 3 and 5 sign their MOUs, so the QA officer's task to close signing is open with
 * four of the district's schools signed.
 */
@Component
class DemoTumhome {
  /** The demo schools whose directors signed (director1, director2, director3, director5). */
  static final List<Integer> SIGNED = List.of(1, 2, 3, 5);

  private final TumhomeDrives drives;
  private final DemoSteps steps;

  DemoTumhome(TumhomeDrives drives, DemoSteps steps) {
    this.drives = drives;
    this.steps = steps;
  }

  /** The drive of {@code year} running, waiting at the closing of MOU signing. */
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
    for (int n : SIGNED) {
      drives.sign(drive.id(), "109901000" + n, "director" + n);
    }
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
      default -> {}
    }
    return p;
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }
}
