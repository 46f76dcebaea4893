package th.qaflow.demo;

import static th.qaflow.districtplan.DistrictQaPlanProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.districtplan.DistrictPlans;
import th.qaflow.forms.FormSubmission;

/**
 * The demo district's development plan, driven through the tasklist's completion (and form
 * validation) like the rest of the demo: last year drafted the 3-year plan (the director returned
 * it once), its action plan was approved, evaluated (one of three indicators missed), reported and
 * acknowledged; that started this year, whose action plan is approved and waits for the evaluation
 * window.
 */
@Component
class DemoDistrictPlan {
  private final DistrictPlans plans;
  private final TaskService tasks;
  private final DemoSteps steps;

  DemoDistrictPlan(DistrictPlans plans, TaskService tasks, DemoSteps steps) {
    this.plans = plans;
    this.tasks = tasks;
    this.steps = steps;
  }

  /** Last year evaluated and reported, this year's action plan approved and running. */
  void load(int lastYear) {
    if (plans.year(DemoDistrict.DISTRICT, lastYear).isPresent()) {
      return; // loaded before
    }
    String pi =
        steps.startInYear(
            lastYear,
            () -> plans.start(DemoDistrict.DISTRICT, lastYear, "qaofficer").orElseThrow());
    drive(pi, lastYear);
    String thisYear =
        plans.year(DemoDistrict.DISTRICT, lastYear + 1).orElseThrow().processInstanceId();
    drive(thisYear, lastYear + 1);
  }

  /** Completes the instance's tasks until it ends or waits at a timer that is not due yet. */
  private void drive(String pi, int year) {
    boolean returned = false;
    for (int step = 0; step < 20; step++) {
      Task task = steps.next(pi);
      if (task == null) {
        return;
      }
      String key = task.getTaskDefinitionKey();
      boolean returnOnce = key.equals(TASK_APPROVE_DEVELOPMENT_PLAN) && !returned;
      returned |= returnOnce;
      String user =
          switch (key) {
            case TASK_APPROVE_DEVELOPMENT_PLAN, TASK_APPROVE_ACTION_PLAN, TASK_ACKNOWLEDGE_REPORT ->
                "districtdirector";
            default -> "qaofficer";
          };
      steps.complete(
          task, user, FormSubmission.of(answers(key, year, returnOnce, standards(task))));
    }
  }

  /** The standard codes the plan's fields offer (the year's {@code standardOptions}). */
  private List<String> standards(Task task) {
    if (tasks.getVariable(task.getId(), "standardOptions") instanceof List<?> options) {
      return options.stream()
          .filter(Map.class::isInstance)
          .map(o -> String.valueOf(((Map<?, ?>) o).get("value")))
          .toList();
    }
    return List.of();
  }

  static Map<String, String[]> answers(
      String key, int year, boolean returnOnce, List<String> standards) {
    Map<String, String[]> p = new LinkedHashMap<>();
    String basic1 = pick(standards, "BASIC-1");
    String basic3 = pick(standards, "BASIC-3");
    String early1 = pick(standards, "EARLY_CHILDHOOD-1");
    switch (key) {
      case TASK_DRAFT_DEVELOPMENT_PLAN -> {
        put(
            p,
            VAR_DP_VISION,
            "ภายในปีการศึกษา "
                + (year + 2)
                + " สถานศึกษาทุกแห่งมีระบบประกันคุณภาพภายในที่เข้มแข็ง ผู้เรียนคิดวิเคราะห์ได้ตามมาตรฐาน");
        put(p, "dpStrategies[0].strategyName", "ยกระดับผลสัมฤทธิ์และการคิดวิเคราะห์ของผู้เรียน");
        put(p, "dpStrategies[0].strategyStandards", basic1);
        put(
            p,
            "dpStrategies[0].strategyFinding",
            "ผลการสังเคราะห์ SAR: การคิดวิเคราะห์และคณิตศาสตร์เป็นจุดที่ควรพัฒนาของหลายโรงเรียน");
        put(p, "dpStrategies[1].strategyName", "ส่งเสริมการจัดการเรียนรู้ที่เน้นผู้เรียนเป็นสำคัญ");
        put(p, "dpStrategies[1].strategyStandards", basic3);
        put(p, "dpStrategies[2].strategyName", "พัฒนาคุณภาพการจัดประสบการณ์ปฐมวัย");
        put(p, "dpStrategies[2].strategyStandards", early1);
        put(
            p,
            "dpIndicators[0].indicatorName",
            "ร้อยละของโรงเรียนที่มาตรฐานที่ 1 ระดับดีเลิศขึ้นไป");
        put(p, "dpIndicators[0].indicatorStandard", basic1);
        put(p, "dpIndicators[0].indicatorTarget", "ร้อยละ 80 ในปีการศึกษา " + (year + 2));
        put(p, "dpIndicators[1].indicatorName", "ร้อยละของครูที่ใช้การเรียนรู้เชิงรุก");
        put(p, "dpIndicators[1].indicatorStandard", basic3);
        put(p, "dpIndicators[1].indicatorTarget", "ร้อยละ 90");
      }
      case TASK_APPROVE_DEVELOPMENT_PLAN -> {
        put(p, VAR_DEVELOPMENT_PLAN_DECISION, returnOnce ? DECISION_RETURN : DECISION_APPROVE);
        if (returnOnce) {
          put(
              p,
              VAR_DEVELOPMENT_PLAN_COMMENTS,
              "โปรดเพิ่มยุทธศาสตร์ด้านปฐมวัยให้เชื่อมโยงกับผลการสังเคราะห์");
        }
      }
      case TASK_DRAFT_ACTION_PLAN -> {
        put(
            p,
            VAR_AP_SUMMARY,
            "แผนปฏิบัติการปีการศึกษา "
                + year
                + " ตามแผนพัฒนาฯ 3 ปี นำผลการประเมินปีก่อนและผลการสังเคราะห์ SAR มากำหนดโครงการ");
        put(p, "apProjects[0].projectName", "นิเทศการสอนคณิตศาสตร์เชิงรุก");
        put(p, "apProjects[0].projectOwner", "ศน.สมศรี ใจงาม");
        put(p, "apProjects[0].projectStrategy", "ยกระดับผลสัมฤทธิ์และการคิดวิเคราะห์ของผู้เรียน");
        put(p, "apProjects[0].projectStandards", basic1);
        put(p, "apProjects[0].projectBudget", "120000");
        put(p, "apProjects[1].projectName", "ชุมชนการเรียนรู้ทางวิชาชีพ (PLC) ระดับกลุ่มโรงเรียน");
        put(p, "apProjects[1].projectOwner", "กลุ่มนิเทศ ติดตามและประเมินผล");
        put(
            p,
            "apProjects[1].projectStrategy",
            "ส่งเสริมการจัดการเรียนรู้ที่เน้นผู้เรียนเป็นสำคัญ");
        put(p, "apProjects[1].projectStandards", basic3);
        put(p, "apProjects[1].projectBudget", "80000");
        indicator(p, 0, "ร้อยละของโรงเรียนที่มาตรฐานที่ 1 ระดับดีเลิศขึ้นไป", basic1, "ร้อยละ 70");
        indicator(p, 1, "ร้อยละของครูที่ใช้การเรียนรู้เชิงรุก", basic3, "ร้อยละ 85");
        indicator(p, 2, "โรงเรียนปฐมวัยที่มีแผนจัดประสบการณ์ครบทุกด้าน", early1, "8 โรงเรียน");
        put(
            p,
            "apIndicators[0].indicatorFinding",
            "คณิตศาสตร์เป็นจุดที่ควรพัฒนา (ผลการสังเคราะห์)");
      }
      case TASK_APPROVE_ACTION_PLAN -> put(p, VAR_ACTION_PLAN_DECISION, DECISION_APPROVE);
      case TASK_EVALUATE_PLAN -> {
        result(p, 0, "ร้อยละ 62.5 (5 จาก 8 โรงเรียน)", "notAchieved", "รายงานผลการสังเคราะห์ SAR");
        result(p, 1, "ร้อยละ 88", "achieved", "แบบนิเทศการจัดการเรียนรู้ 2 ภาคเรียน");
        result(p, 2, "8 โรงเรียน", "achieved", "แผนการจัดประสบการณ์ของโรงเรียน");
      }
      case TASK_REPORT_EVALUATION -> {
        put(
            p,
            VAR_REPORT_SUMMARY,
            "บรรลุ 2 จาก 3 ตัวชี้วัด ด้านการเรียนรู้เชิงรุกและปฐมวัยบรรลุเป้าหมาย"
                + " ผลสัมฤทธิ์มาตรฐานที่ 1 ยังต่ำกว่าเป้าหมาย");
        put(
            p,
            VAR_REPORT_LESSONS,
            "ปีถัดไปเพิ่มการนิเทศคณิตศาสตร์ในโรงเรียนขนาดเล็ก และติดตามผลรายภาคเรียน");
      }
      case TASK_ACKNOWLEDGE_REPORT -> put(p, VAR_REPORT_DECISION, DECISION_ACKNOWLEDGE);
      default -> throw new IllegalStateException("No demo answers for " + key);
    }
    return p;
  }

  private static void indicator(
      Map<String, String[]> p, int i, String name, String standard, String target) {
    put(p, "apIndicators[" + i + "].indicatorName", name);
    put(p, "apIndicators[" + i + "].indicatorStandard", standard);
    put(p, "apIndicators[" + i + "].indicatorTarget", target);
  }

  private static void result(
      Map<String, String[]> p, int i, String result, String achieved, String evidence) {
    put(p, "evIndicators[" + i + "].indicatorResult", result);
    put(p, "evIndicators[" + i + "].indicatorAchieved", achieved);
    put(p, "evIndicators[" + i + "].indicatorEvidence", evidence);
  }

  private static String pick(List<String> standards, String wanted) {
    return standards.contains(wanted) || standards.isEmpty() ? wanted : standards.get(0);
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }
}
