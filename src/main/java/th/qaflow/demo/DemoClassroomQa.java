package th.qaflow.demo;

import static th.qaflow.classroomqa.ClassroomQaProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.classroomqa.ClassroomQaPilots;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;

/**
 * The demo district's classroom-level QA pilot of the year, driven through the tasklist's
 * completion (and form validation): school 2 (โรงเรียนบ้านท่าน้ำ) chosen as the pilot school with
 * schools 3 and 4 in its network, PLC and Lesson Study promoted by supervisor1, the first
 * lesson-study cycle complete (planned by qa2, observed by supervisor1, reflected on, revised), and
 * the second cycle's lesson planned: supervisor1's observation of it is open.
 */
@Component
class DemoClassroomQa {
  static final String PILOT_SCHOOL = "1099010002";
  static final List<String> NETWORK = List.of("1099010003", "1099010004");

  private final ClassroomQaPilots pilots;
  private final DemoSteps steps;

  DemoClassroomQa(ClassroomQaPilots pilots, DemoSteps steps) {
    this.pilots = pilots;
    this.steps = steps;
  }

  /** The pilot of {@code year} running, in its second lesson-study cycle. */
  void load(int year) {
    if (pilots.pilot(DemoDistrict.DISTRICT, year).isPresent()) {
      return; // loaded before
    }
    String pi =
        steps.startInYear(
            year, () -> pilots.start(DemoDistrict.DISTRICT, year, "qaofficer").orElseThrow());
    int cycle = 1;
    for (int step = 0; step < 12; step++) {
      Task task = steps.next(pi);
      if (task == null) {
        return;
      }
      String key = task.getTaskDefinitionKey();
      if (cycle == 2 && key.equals(TASK_TEACH_OBSERVE)) {
        return; // the second cycle's lesson is planned: its observation is open
      }
      steps.complete(task, user(key), FormSubmission.of(answers(key, year, cycle)));
      if (key.equals(TASK_REVISE)) {
        cycle++;
      }
    }
  }

  private static String user(String key) {
    return switch (key) {
      case TASK_CHOOSE -> "qaofficer";
      case TASK_PROMOTE_PLC, TASK_TEACH_OBSERVE -> "supervisor1";
      case TASK_REFLECT -> "director2";
      default -> "qa2";
    };
  }

  static Map<String, String[]> answers(String key, int year, int cycle) {
    Map<String, String[]> p = new LinkedHashMap<>();
    switch (key) {
      case TASK_CHOOSE -> {
        put(p, VAR_PILOT_SCHOOL, PILOT_SCHOOL);
        p.put(VAR_NETWORK_SCHOOLS, NETWORK.toArray(String[]::new));
        put(
            p,
            VAR_CHOICE_REASON,
            "ผู้บริหารและครูพร้อมใช้กระบวนการ PLC ผลการประเมินมาตรฐานที่ 3 อยู่ในระดับดี"
                + " และอยู่ใกล้โรงเรียนในเครือข่าย");
      }
      case TASK_PROMOTE_PLC -> {
        put(
            p,
            VAR_STUDY,
            "ประชุมชี้แจงครูทั้งโรงเรียนเรื่องการประกันคุณภาพระดับห้องเรียนที่ใช้สถานศึกษาเป็นฐาน");
        put(p, VAR_PLC, "ทีมครูคณิตศาสตร์และภาษาไทย 2 ทีม พบกันทุกวันพุธ 15.30 น. แบบกัลยาณมิตร");
        put(
            p,
            VAR_CO5,
            "Co-5 STEPS: ตั้งคำถาม สืบค้น สร้างความรู้ สื่อสาร ตอบแทนสังคม ในคณิตศาสตร์ ป.4");
      }
      case TASK_PLAN_LESSON -> {
        put(
            p,
            VAR_LESSON,
            cycle == 1
                ? "คณิตศาสตร์ ป.4 เรื่องเศษส่วน (การเปรียบเทียบเศษส่วน)"
                : "คณิตศาสตร์ ป.4 เรื่องเศษส่วน (ปรับปรุงจากรอบที่ 1)");
        put(
            p,
            VAR_LESSON_DATE,
            AcademicYears.start(year).plusDays(cycle == 1 ? 60 : 150).toString());
        put(p, VAR_TEAM, "ครูประจำชั้น ป.4 ครูคณิตศาสตร์ ป.5 และครูวิชาการ");
        put(
            p,
            VAR_LESSON_PLAN,
            cycle == 1
                ? "นักเรียนพับกระดาษเปรียบเทียบเศษส่วน ทำงานกลุ่มละ 4 คน และนำเสนอ"
                : "เพิ่มคำถามปลายเปิด ใบงานกลุ่ม และบทบาทในกลุ่มให้ทุกคนได้ลงมือ");
      }
      case TASK_TEACH_OBSERVE -> {
        put(p, VAR_OBSERVERS, "ศน.อรุณี บุญมา และครูในทีม 2 คน");
        put(
            p,
            VAR_OBSERVATIONS,
            "นักเรียนส่วนใหญ่สนใจ แต่นักเรียนกลุ่มหลังไม่ได้ลงมือพับกระดาษ ครูเฉลยเร็วเกินไป");
      }
      case TASK_REFLECT ->
          put(
              p,
              VAR_REFLECTION,
              "ทีมเห็นว่าควรให้เวลานักเรียนคิดมากขึ้น ใช้คำถามปลายเปิด และให้ทุกคนมีบทบาทในกลุ่ม");
      case TASK_REVISE -> {
        put(
            p,
            VAR_REVISION,
            "ปรับใบงานเป็นงานกลุ่มที่มีบทบาท เพิ่มคำถามปลายเปิด 3 ข้อ ขยายเวลาลงมือ");
        put(p, VAR_ANOTHER_CYCLE, "yes");
      }
      default -> {}
    }
    return p;
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }
}
