package th.qaflow.demo;

import static th.qaflow.supervision.SupervisionPlanProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.supervision.SupervisionPlans;
import th.qaflow.supervision.SupervisionPlans.Project;
import th.qaflow.visit.VisitRounds;

/**
 * The demo district's supervision plan of the year, driven through the tasklist's completion (and
 * form validation): the needs analysed, the plan with two projects returned once by the district
 * director and approved, the year's visit round 1 launched under the reading project, whose owner
 * has reported 60% and reports again; the PLC project's report is open. Two school directors have
 * rated the supervision.
 */
@Component
class DemoSupervision {
  static final String READING = "นิเทศ ติดตามการอ่านออกเขียนได้ ชั้น ป.1–ป.3";
  static final String PLC = "ขับเคลื่อนชุมชนการเรียนรู้ทางวิชาชีพ (PLC) สู่ห้องเรียน";

  private final SupervisionPlans plans;
  private final VisitRounds rounds;
  private final TaskService tasks;
  private final DemoSteps steps;

  DemoSupervision(SupervisionPlans plans, VisitRounds rounds, TaskService tasks, DemoSteps steps) {
    this.plans = plans;
    this.rounds = rounds;
    this.tasks = tasks;
    this.steps = steps;
  }

  /**
   * The plan of {@code year} running; its visit round 1 (loaded before) under the first project.
   */
  void load(int year) {
    if (plans.plan(DemoDistrict.DISTRICT, year).isPresent()) {
      return; // loaded before
    }
    String pi =
        steps.startInYear(
            year, () -> plans.start(DemoDistrict.DISTRICT, year, "supdirector").orElseThrow());
    boolean returned = false;
    for (int step = 0; step < 6; step++) {
      Task task = steps.next(pi);
      if (task == null || task.getTaskDefinitionKey().equals(TASK_REPORT_PROGRESS)) {
        break;
      }
      String key = task.getTaskDefinitionKey();
      boolean returnOnce = key.equals(TASK_APPROVE_PLAN) && !returned;
      returned |= returnOnce;
      steps.complete(
          task,
          key.equals(TASK_APPROVE_PLAN) ? "districtdirector" : "supdirector",
          FormSubmission.of(answers(key, year, returnOnce)));
    }
    long planId = plans.plan(DemoDistrict.DISTRICT, year).orElseThrow().id();
    List<Project> projects = plans.projects(planId);
    rounds.attachProject(DemoDistrict.DISTRICT, year, 1, projects.get(0).id());
    Task reading =
        tasks
            .createTaskQuery()
            .processInstanceId(pi)
            .taskDefinitionKey(TASK_REPORT_PROGRESS)
            .taskAssignee("supervisor1")
            .singleResult();
    if (reading != null) {
      steps.complete(
          reading, "supervisor1", FormSubmission.of(answers(TASK_REPORT_PROGRESS, year, false)));
    }
    plans.rate(
        "1099010001",
        DemoDistrict.DISTRICT,
        year,
        5,
        "ศึกษานิเทศก์ให้คำแนะนำตรงกับปัญหาการอ่านของโรงเรียน",
        "director1");
    plans.rate(
        "1099010002",
        DemoDistrict.DISTRICT,
        year,
        3,
        "อยากให้มีการนิเทศติดตามบ่อยขึ้น",
        "director2");
  }

  static Map<String, String[]> answers(String key, int year, boolean returnOnce) {
    Map<String, String[]> p = new LinkedHashMap<>();
    switch (key) {
      case TASK_ANALYSE_NEEDS -> {
        put(
            p,
            VAR_WORKLOAD,
            "ศึกษานิเทศก์ 2 คน ผู้อำนวยการกลุ่มนิเทศฯ 1 คน ดูแล 8 โรงเรียน 2 กลุ่มโรงเรียน"
                + " งานตามนโยบาย สพฐ. และโครงการพิเศษ");
        put(
            p,
            VAR_NEEDS,
            "ผลการสังเคราะห์ SAR และแบบสำรวจความต้องการ: ครู ป.1–ป.3 ต้องการการนิเทศการสอนอ่าน"
                + " โรงเรียนขนาดเล็กต้องการ PLC ข้ามโรงเรียน");
      }
      case TASK_DRAFT_PLAN -> {
        put(
            p,
            VAR_VISION,
            "ภายในปีงบประมาณ "
                + year
                + " ครูทุกคนได้รับการนิเทศแบบกัลยาณมิตร ใช้ห้องเรียนเป็นฐาน ผู้เรียนอ่านออกเขียนได้");
        put(
            p,
            VAR_STRATEGIES,
            "1. นิเทศแบบบูรณาการโดยใช้พื้นที่เป็นฐาน\n2. ส่งเสริมเครือข่ายการนิเทศและ PLC\n"
                + "3. ใช้เทคโนโลยีในการนิเทศทางไกล");
        put(p, "spProjects[0].projectName", READING);
        put(p, "spProjects[0].projectOwner", "supervisor1");
        put(
            p,
            "spProjects[0].projectObjective",
            "ยกระดับการอ่านออกเขียนได้ของนักเรียนชั้น ป.1–ป.3");
        put(
            p,
            "spProjects[0].projectIndicators",
            "ร้อยละของโรงเรียนที่ได้รับการนิเทศการสอนอ่าน | 100\n"
                + "ร้อยละของนักเรียน ป.1 ที่อ่านออก | 90");
        put(p, "spProjects[1].projectName", PLC);
        put(p, "spProjects[1].projectOwner", "supervisor2");
        put(p, "spProjects[1].projectObjective", "ครูทุกโรงเรียนร่วม PLC อย่างน้อยภาคเรียนละ 2 วง");
        put(p, "spProjects[1].projectIndicators", "จำนวนวง PLC ที่ดำเนินการครบวงจร | 16 วง");
      }
      case TASK_APPROVE_PLAN -> {
        put(p, VAR_PLAN_DECISION, returnOnce ? DECISION_RETURN : DECISION_APPROVE);
        if (returnOnce) {
          put(p, VAR_PLAN_COMMENTS, "โปรดระบุค่าเป้าหมายของโครงการ PLC เป็นจำนวนวงให้ชัดเจน");
        }
      }
      case TASK_REPORT_PROGRESS -> {
        put(p, VAR_PROGRESS_PERCENT, "60");
        put(
            p,
            VAR_PROGRESS_NOTE,
            "นิเทศการสอนอ่านครบ 5 จาก 8 โรงเรียน (รอบที่ 1 ของการตรวจเยี่ยม) นักเรียน ป.1 อ่านออกร้อยละ 78");
        put(p, VAR_PROGRESS_STATUS, STATUS_ONGOING);
      }
      default -> throw new IllegalStateException("No demo answers for " + key);
    }
    return p;
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }
}
