package th.qaflow.demo;

import static th.qaflow.goodpractice.GoodPracticeRoundProcess.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.goodpractice.GoodPracticeNominations;
import th.qaflow.goodpractice.GoodPractices;
import th.qaflow.security.QaUsers;

/**
 * The demo district's good-practice rounds, through the page's nomination checks and the tasklist's
 * form validation: last year's round is done (four nominations, three selected, one not, each with
 * its reason; honoured by an announcement, published, shared at an online event); this year's round
 * is open with two nominations (school 1 from its SAR, school 5 by its supervisor).
 */
@Component
class DemoGoodPractice {
  private final GoodPractices rounds;
  private final GoodPracticeNominations nominations;
  private final TaskService tasks;
  private final DemoSteps steps;
  private final QaUsers users;

  DemoGoodPractice(
      GoodPractices rounds,
      GoodPracticeNominations nominations,
      TaskService tasks,
      DemoSteps steps,
      QaUsers users) {
    this.rounds = rounds;
    this.nominations = nominations;
    this.tasks = tasks;
    this.steps = steps;
    this.users = users;
  }

  void load(int lastYear) {
    if (rounds.round(DemoDistrict.DISTRICT, lastYear).isPresent()) {
      return; // loaded before
    }
    String last =
        steps.startInYear(
            lastYear,
            () -> rounds.start(DemoDistrict.DISTRICT, lastYear, "qaofficer").orElseThrow());
    nominate("qa1", "1099010001", lastYear, "BASIC-1", "ชุมนุมคณิตคิดสนุก", MATHS);
    nominate("qa3", "1099010003", lastYear, "BASIC-3", "ครูพี่เลี้ยงชวนคิด (Coaching)", COACHING);
    nominate("supervisor1", "1099010002", lastYear, "BASIC-2", "โรงเรียนปลอดขยะ", WASTE);
    nominate("qa6", "1099010006", lastYear, "BASIC-1", "ติวเข้มก่อนสอบ", CRAMMING);
    drive(last, lastYear);

    steps.startInYear(
        lastYear + 1,
        () -> rounds.start(DemoDistrict.DISTRICT, lastYear + 1, "qaofficer").orElseThrow());
    nominate("qa1", "1099010001", lastYear + 1, "BASIC-1", "บันทึกการอ่านรายวัน", READING);
    nominate("supervisor2", "1099010005", lastYear + 1, "BASIC-3", "ห้องเรียนกลับด้าน", FLIPPED);
  }

  private void nominate(
      String user, String school, int year, String standard, String title, String practice) {
    nominations.nominate(
        users.byId(user),
        school,
        year,
        standard,
        title,
        practice,
        "https://drive.example/" + school + "/good-practice-" + year,
        "รายงานการประเมินตนเอง (SAR) ปีการศึกษา " + year + " และภาพกิจกรรม");
  }

  /** Completes the round's tasks until it ends. */
  private void drive(String pi, int year) {
    for (int step = 0; step < 10; step++) {
      Task task = steps.next(pi);
      if (task == null) {
        return;
      }
      String key = task.getTaskDefinitionKey();
      String user = TASK_SELECT_PRACTICES.equals(key) ? "supdirector" : "qaofficer";
      steps.complete(task, user, FormSubmission.of(answers(key, year)));
    }
  }

  static Map<String, String[]> answers(String key, int year) {
    Map<String, String[]> p = new LinkedHashMap<>();
    switch (key) {
      case TASK_MONITOR_NOMINATIONS -> put(p, "gpCloseConfirmed", "true");
      case TASK_SELECT_PRACTICES -> {
        // the rows come in nomination order (schools 1, 3, 2, 6)
        decide(
            p, 0, DECISION_SELECTED, "ผลสัมฤทธิ์คณิตศาสตร์เพิ่มขึ้นสองปีต่อเนื่อง มีหลักฐานชัดเจน");
        decide(p, 1, DECISION_SELECTED, "ครูทุกคนได้รับการโค้ช ขยายผลสู่โรงเรียนในกลุ่มได้");
        decide(p, 2, DECISION_SELECTED, "ชุมชนมีส่วนร่วม ผลต่อผู้เรียนด้านคุณลักษณะชัดเจน");
        decide(
            p,
            3,
            DECISION_NOT_SELECTED,
            "เน้นการติวเพื่อสอบมากกว่าการพัฒนากระบวนการเรียนรู้ ยังไม่เป็นแบบอย่างได้");
        put(
            p,
            VAR_COMMITTEE,
            "ผอ.กลุ่มนิเทศ ติดตามและประเมินผล (ประธาน), ศน.สมศรี ใจงาม, ศน.ประเสริฐ ดีมาก");
      }
      case TASK_RECORD_HONOURS -> {
        put(p, VAR_HONOURS_KIND, "both");
        put(p, VAR_HONOURS_REFERENCE, "ประกาศ สพป.สุขใจ เขต 1 ที่ 15/" + (year + 1));
        put(p, VAR_HONOURS_DATE, date(year, 6, 10));
        put(p, VAR_HONOURS_NOTE, "มอบเกียรติบัตรในการประชุมผู้บริหารสถานศึกษา");
      }
      case TASK_RECORD_SHARING_EVENT -> {
        put(p, VAR_EVENT_DATE, date(year, 6, 25));
        put(p, VAR_EVENT_MODE, "online");
        put(p, VAR_EVENT_PLACE, "Google Meet ของกลุ่มนิเทศ ติดตามและประเมินผล");
        put(p, VAR_EVENT_ATTENDANCE, "126");
        put(
            p,
            VAR_EVENT_SUMMARY,
            "สามโรงเรียนนำเสนอวิธีปฏิบัติ ครูจาก 8 โรงเรียนแลกเปลี่ยนเป็นกลุ่มย่อย"
                + " โรงเรียนในกลุ่มที่ 2 ขอนำชุมนุมคณิตคิดสนุกไปทดลองใช้ภาคเรียนถัดไป");
      }
      default -> throw new IllegalStateException("No demo answers for " + key);
    }
    return p;
  }

  /**
   * A date in the calendar year after the academic year starts, as the form takes it (CE); capped
   * below 2400, where the form reads a year as BE, for the far-future years the tests use.
   */
  private static String date(int yearBE, int month, int day) {
    return LocalDate.of(Math.min(yearBE - 543 + 1, 2399), month, day).toString();
  }

  private static void decide(Map<String, String[]> p, int i, String decision, String reason) {
    put(p, "gpDecisions[" + i + "].nominationDecision", decision);
    put(p, "gpDecisions[" + i + "].nominationReason", reason);
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }

  private static final String MATHS =
      "ชุมนุมคณิตคิดสนุกทุกวันพุธ นักเรียนเล่นเกมคณิตศาสตร์และโจทย์ปัญหาจากชีวิตจริง"
          + " ครูใช้ผลการทดสอบรายหน่วยปรับกิจกรรม ผลสัมฤทธิ์คณิตศาสตร์ ป.6 เพิ่มขึ้นร้อยละ 12 ใน 2 ปี";
  private static final String COACHING =
      "ครูพี่เลี้ยงสังเกตการสอนและสะท้อนผลทุกสองสัปดาห์ (PLC) เน้นคำถามชวนคิด"
          + " ครูทุกคนมีแผนการสอนที่ใช้คำถามระดับสูง";
  private static final String WASTE =
      "นักเรียนคัดแยกขยะ ธนาคารขยะร่วมกับชุมชน รายได้เข้ากองทุนอาหารกลางวัน";
  private static final String CRAMMING = "ติวเข้มนักเรียน ป.6 ช่วงสองเดือนก่อนสอบ O-NET ทุกเย็น";
  private static final String READING =
      "นักเรียนบันทึกการอ่านทุกวัน ผู้ปกครองลงชื่อ ครูประจำชั้นติดตามรายสัปดาห์";
  private static final String FLIPPED =
      "ครูวิทยาศาสตร์ให้นักเรียนดูคลิปล่วงหน้า แล้วใช้เวลาในห้องทำการทดลองและอภิปราย (พบจากการนิเทศ)";
}
