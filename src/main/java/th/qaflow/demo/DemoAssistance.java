package th.qaflow.demo;

import static th.qaflow.assistance.SchoolAssistanceProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.assistance.AssistanceCases;
import th.qaflow.assistance.AssistanceCases.StartResult;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;

/**
 * The demo's help for a school below the standard, driven through the tasklist's completion (and
 * form validation): last year's synthesis lists school 3 below its mathematics target, so its
 * cluster's supervisor started help; the supervision director appointed the team, the school
 * drafted the plan with its supervisor, the director approved it, and one follow-up visit is
 * recorded (the team wants another). Schools 1, 4 and 5, also below a target, are left for the
 * district to start from the synthesis page.
 */
@Component
class DemoAssistance {
  static final String SCHOOL = "1099010003";

  private final AssistanceCases assistance;
  private final TaskService tasks;
  private final DemoSteps steps;
  private final Clock clock;

  DemoAssistance(AssistanceCases assistance, TaskService tasks, DemoSteps steps, Clock clock) {
    this.clock = clock;
    this.assistance = assistance;
    this.tasks = tasks;
    this.steps = steps;
  }

  void load(int lastYear) {
    if (assistance.start(SCHOOL, lastYear, "supervisor1") != StartResult.STARTED) {
      return; // loaded before (or the school is not below target)
    }
    String pi = assistance.caseOf(SCHOOL, lastYear).orElseThrow().processInstanceId();
    complete(pi, TASK_APPOINT_TEAM, "supdirector", team(lastYear));
    // the plan runs from some months ago to next month, the visit was a few weeks after its start
    LocalDate today = LocalDate.now(clock.withZone(AcademicYears.ZONE));
    complete(pi, TASK_DRAFT_PLAN, "qa3", plan(today.minusMonths(4), today.plusMonths(1)));
    Map<String, String[]> approve = new LinkedHashMap<>();
    put(approve, VAR_PLAN_DECISION, DECISION_APPROVE);
    complete(pi, TASK_APPROVE_PLAN, "supdirector", approve);
    complete(pi, TASK_FOLLOW_UP_VISIT, "supervisor1", visit(today.minusMonths(3)));
  }

  private void complete(String pi, String key, String user, Map<String, String[]> answers) {
    Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    steps.complete(task, user, FormSubmission.of(answers));
  }

  private static Map<String, String[]> team(int year) {
    Map<String, String[]> p = new LinkedHashMap<>();
    member(p, 0, "นางสาวปิยะนันท์ สมชาติ", "ศึกษานิเทศก์ชำนาญการพิเศษ", "district", "chair");
    member(p, 1, "นายวิชัย รักเรียน", "ศึกษานิเทศก์ชำนาญการ", "district", "member");
    member(p, 2, "นางสาวกาญจนา ศรีสุข", "ครูผู้สอนคณิตศาสตร์", "school", "member");
    member(p, 3, "นายประเสริฐ มั่นคง", "หัวหน้างานประกันคุณภาพของโรงเรียน", "school", "secretary");
    put(p, VAR_TEAM_ORDER, "คำสั่งสำนักงานเขตพื้นที่การศึกษา ที่ 215/" + (year + 1));
    return p;
  }

  private static void member(
      Map<String, String[]> p, int i, String name, String position, String side, String role) {
    put(p, "teamMembers[" + i + "].memberName", name);
    put(p, "teamMembers[" + i + "].memberPosition", position);
    put(p, "teamMembers[" + i + "].memberSide", side);
    put(p, "teamMembers[" + i + "].memberRole", role);
  }

  private static Map<String, String[]> plan(LocalDate from, LocalDate to) {
    Map<String, String[]> p = new LinkedHashMap<>();
    put(
        p,
        VAR_PLAN_SUMMARY,
        "ผลสัมฤทธิ์คณิตศาสตร์ของผู้เรียน (มาตรฐานที่ 1) ต่ำกว่าค่าเป้าหมายที่โรงเรียนกำหนด"
            + " ศึกษานิเทศก์และครูร่วมกันวิเคราะห์ผลการทดสอบรายข้อ จัดสอนซ่อมเสริมและนิเทศการสอนในชั้นเรียน");
    put(p, "planItems[0].itemStandard", "BASIC-1");
    put(
        p,
        "planItems[0].itemCause",
        "ผู้เรียนชั้น ป.4–ป.6 ขาดทักษะพื้นฐานการคิดคำนวณ ครูคณิตศาสตร์ไม่ครบชั้น");
    put(
        p,
        "planItems[0].itemActivities",
        "สอนซ่อมเสริมคณิตศาสตร์หลังเลิกเรียนสัปดาห์ละ 3 วัน; ศึกษานิเทศก์นิเทศการสอนเดือนละครั้ง;"
            + " PLC ครูคณิตศาสตร์ของกลุ่มโรงเรียน");
    put(p, "planItems[0].itemOwner", "นางสาวกาญจนา ศรีสุข");
    put(p, "planItems[0].itemFrom", from.toString());
    put(p, "planItems[0].itemTo", to.toString());
    return p;
  }

  private static Map<String, String[]> visit(LocalDate date) {
    Map<String, String[]> p = new LinkedHashMap<>();
    put(p, VAR_VISIT_DATE, date.toString());
    put(
        p,
        VAR_VISIT_FINDINGS,
        "สอนซ่อมเสริมครบตามแผน ผู้เรียนที่เข้าร่วมทำแบบฝึกได้ถูกต้องมากขึ้น"
            + " แต่ยังมีผู้เรียนบางส่วนไม่มาเรียนซ่อมเสริม");
    put(p, VAR_VISIT_ADVICE, "ประสานผู้ปกครองให้ผู้เรียนเข้าร่วม และเก็บผลการทดสอบย่อยรายสัปดาห์");
    put(p, VAR_VISITS_DECISION, VISITS_MORE);
    return p;
  }

  private static void put(Map<String, String[]> p, String name, String value) {
    p.put(name, new String[] {value});
  }
}
