package th.qaflow.demo;

import static th.qaflow.network.NetworkProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.network.NetworkCycles;

/**
 * The demo district's supervision network development of the year, driven through the tasklist's
 * completion (and form validation): the needs surveyed, the plan of three networks (lead teachers,
 * paired schools, an early-years community) returned once by the supervision director and approved,
 * the seminar held and semester one developed; semester two's development is open once the
 * calendar's window has opened (as it has in the demo's December).
 */
@Component
class DemoNetwork {
  static final String READING_LEADS = "เครือข่ายครูแกนนำการอ่าน ป.1–ป.3";
  static final String SISTER_SCHOOLS = "โรงเรียนพี่โรงเรียนน้อง กลุ่มโรงเรียนที่ 1";
  static final String EARLY_YEARS = "ชุมชนครูปฐมวัย";

  private final NetworkCycles cycles;
  private final DemoSteps steps;

  DemoNetwork(NetworkCycles cycles, DemoSteps steps) {
    this.cycles = cycles;
    this.steps = steps;
  }

  /** The cycle of {@code year} running, up to the development of semester two. */
  void load(int year) {
    if (cycles.cycle(DemoDistrict.DISTRICT, year).isPresent()) {
      return; // loaded before
    }
    String pi =
        steps.startInYear(
            year, () -> cycles.start(DemoDistrict.DISTRICT, year, "qaofficer").orElseThrow());
    boolean returned = false;
    for (int step = 0; step < 8; step++) {
      Task task = steps.next(pi);
      if (task == null || task.getTaskDefinitionKey().equals(TASK_DEVELOP_SEMESTER_TWO)) {
        break;
      }
      String key = task.getTaskDefinitionKey();
      boolean returnOnce = key.equals(TASK_APPROVE_PLAN) && !returned;
      returned |= returnOnce;
      steps.complete(
          task,
          key.equals(TASK_APPROVE_PLAN) || key.equals(TASK_HOLD_SEMINAR)
              ? "supdirector"
              : "qaofficer",
          FormSubmission.of(answers(key, year, returnOnce)));
    }
  }

  static Map<String, String[]> answers(String key, int year, boolean returnOnce) {
    Map<String, String[]> p = new LinkedHashMap<>();
    switch (key) {
      case TASK_COLLECT_NEEDS -> {
        put(
            p,
            VAR_DATA,
            "ครูแกนนำ 6 คน ครูต้นแบบ 2 คน โรงเรียนคู่พัฒนา 1 คู่ ยังไม่มีเครือข่ายชุมชน"
                + " ข้อมูลจากทะเบียนเครือข่ายของกลุ่มนิเทศฯ");
        put(p, VAR_RESPONDENTS, "42");
        put(
            p,
            VAR_NEEDS,
            "ครู ป.1–ป.3 ต้องการเครือข่ายการสอนอ่าน โรงเรียนขนาดเล็กต้องการโรงเรียนพี่เลี้ยง"
                + " ครูปฐมวัยต้องการชุมชนแลกเปลี่ยนเรียนรู้ (3 เครือข่าย)");
      }
      case TASK_PLAN_NETWORKS -> {
        put(
            p,
            VAR_PLAN_GOAL,
            "ปีการศึกษา "
                + year
                + " ทุกโรงเรียนอยู่ในเครือข่ายการนิเทศอย่างน้อยหนึ่งเครือข่าย"
                + " ใช้การแลกเปลี่ยนเรียนรู้และ PLC ข้ามโรงเรียน");
        network(p, 0, READING_LEADS, "PERSON", "อรุณี ศรีสุข (ศน.)", "ครูแกนนำ 8 คน 8 โรงเรียน");
        network(p, 1, SISTER_SCHOOLS, "PAIRED_SCHOOLS", "โรงเรียนบ้านหนองบัว", "จับคู่พัฒนา 4 คู่");
        network(p, 2, EARLY_YEARS, "COMMUNITY", "ครูปฐมวัยแกนนำ", "ครูปฐมวัย 10 คน");
      }
      case TASK_APPROVE_PLAN -> {
        put(p, VAR_PLAN_DECISION, returnOnce ? DECISION_RETURN : DECISION_APPROVE);
        if (returnOnce) {
          put(p, VAR_PLAN_COMMENTS, "โปรดระบุเป้าหมายของเครือข่ายชุมชนครูปฐมวัยเป็นจำนวนครู");
        }
      }
      case TASK_HOLD_SEMINAR -> {
        put(p, VAR_SEMINAR_DATE, AcademicYears.start(year).plusDays(40).toString());
        put(p, VAR_SEMINAR_ATTENDANCE, "38");
        put(
            p,
            VAR_SEMINAR_SUMMARY,
            "ตกลงแนวทาง: วง PLC ข้ามโรงเรียนเดือนละครั้ง โรงเรียนพี่เยี่ยมโรงเรียนน้องภาคเรียนละ 2 ครั้ง"
                + " ครูปฐมวัยแลกเปลี่ยนสื่อผ่านกลุ่มออนไลน์");
      }
      case TASK_DEVELOP_SEMESTER_ONE -> {
        put(p, VAR_S1_ACTIVITIES, "9");
        put(
            p,
            VAR_S1_PROGRESS,
            READING_LEADS
                + " | PLC 4 วง ครูแกนนำสาธิตการสอนอ่าน 3 ครั้ง\n"
                + SISTER_SCHOOLS
                + " | จับคู่แล้ว 3 คู่ เยี่ยมกัน 3 ครั้ง\n"
                + EARLY_YEARS
                + " | ประชุมแลกเปลี่ยน 2 ครั้ง");
      }
      default -> throw new IllegalStateException("No demo answers for " + key);
    }
    return p;
  }

  private static void network(
      Map<String, String[]> p, int i, String name, String kind, String lead, String target) {
    put(p, VAR_NETWORKS + "[" + i + "].networkName", name);
    put(p, VAR_NETWORKS + "[" + i + "].networkKind", kind);
    put(p, VAR_NETWORKS + "[" + i + "].networkLead", lead);
    put(p, VAR_NETWORKS + "[" + i + "].networkTarget", target);
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }
}
