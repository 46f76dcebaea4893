package th.qaflow.demo;

import static th.qaflow.visit.DistrictVisitProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.forms.FormSubmission;
import th.qaflow.forms.UploadedFile;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.standards.StandardsCatalog;

/**
 * What the people of a district visit enter at each of its steps. The demo's visit round fills the
 * forms with these, and so do the visit tests (one fixture for both: a form that stops taking them
 * fails a test, not the demo's start). Public for the tests; the texts a test looks for on a page
 * are constants.
 */
public final class DemoVisitAnswers {
  /** The supervisor's overall summary of the visit. */
  public static final String SUMMARY =
      "สถานศึกษาดำเนินงานประกันคุณภาพภายในเป็นไปตามแผน มีจุดที่ควรพัฒนาด้านการวัดและประเมินผล";

  /** The findings of every standard. */
  public static final String FINDINGS =
      "มีหลักฐานการดำเนินงานตามแผนครบถ้วน ผลการดำเนินงานสอดคล้องกับค่าเป้าหมาย";

  /** The recommendation of the first standard (and every other one after it). */
  public static final String FIRST_RECOMMENDATION =
      "ควรวิเคราะห์ผลสัมฤทธิ์รายบุคคลและจัดสอนซ่อมเสริมอย่างเป็นระบบ";

  /**
   * The first improvement action the school commits to when it acknowledges the visit, and who owns
   * it.
   */
  public static final String FIRST_ACTION =
      "จัดสอนซ่อมเสริมนักเรียนกลุ่มที่มีผลสัมฤทธิ์ต่ำกว่าเกณฑ์ทุกสัปดาห์";

  public static final String FIRST_ACTION_OWNER = "กลุ่มบริหารวิชาการ";

  private DemoVisitAnswers() {}

  /**
   * The answers to the open visit task of school {@code n} of the demo district (1099010001 is 1),
   * and the report's approval {@code decision} ("approve" or "return").
   */
  public static FormSubmission of(TaskService tasks, Task task, int n, int year, String decision) {
    Map<String, String[]> p = new LinkedHashMap<>();
    Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    int ce = AcademicYears.firstCalendarYear(year);
    List<Map<?, ?>> standards = rows(tasks, task, StandardsCatalog.VAR_STANDARDS);
    List<String> standardValues = values(tasks, task, StandardsCatalog.VAR_STANDARD_OPTIONS);
    List<String> levels = values(tasks, task, StandardsCatalog.VAR_LEVEL_OPTIONS);
    switch (task.getTaskDefinitionKey()) {
      case TASK_PLAN_VISIT -> {
        put(p, "visitDate", ce + "-08-" + (10 + 2 * n));
        put(p, "focusStandards[0].focusStandard", standardValues.get(standardValues.size() - 1));
        put(
            p,
            "focusStandards[0].focusNote",
            "การจัดการเรียนรู้เชิงรุกและการใช้สื่อเทคโนโลยีในชั้นเรียน");
        put(
            p,
            "visitPlanNote",
            "นิเทศ ติดตามตามผลการติดตามตรวจสอบภาคเรียนที่ 1 ขอให้เตรียมแผนการจัดการเรียนรู้และผลงานนักเรียน");
      }
      case TASK_APPOINT_COMMITTEE -> {
        put(p, "visitOrderNo", (100 + n) + "/" + year);
        String[][] members = {
          {"นางสาวพิมพ์ชนก ศรีสุข", "ศึกษานิเทศก์ชำนาญการพิเศษ", "chair"},
          {"นายสมชาย ใจดี", "ศึกษานิเทศก์ชำนาญการ", "member"},
          {"นางวันเพ็ญ แสงทอง", "ศึกษานิเทศก์", "secretary"}
        };
        for (int i = 0; i < members.length; i++) {
          put(p, "committee[" + i + "].memberName", members[i][0]);
          put(p, "committee[" + i + "].memberPosition", members[i][1]);
          put(p, "committee[" + i + "].memberRole", members[i][2]);
        }
        byte[] order =
            DemoPdf.onePage(
                List.of(
                    "Visit committee order " + (100 + n) + "/" + year,
                    "School 109901000" + n,
                    "District 1099"));
        files.put(
            "visitOrderFile",
            List.of(
                new UploadedFile(
                    "visit-order-" + n + ".pdf", "application/pdf", order.length, order)));
      }
      case TASK_PREPARE_EVIDENCE -> {
        for (int i = 0; i < standards.size(); i++) {
          put(
              p,
              "visitEvidence[" + i + "].evidenceSummary",
              "สรุปผลการดำเนินงาน โครงการ และร่องรอยของ" + standards.get(i).get("standardLabel"));
        }
      }
      case TASK_RECORD_FINDINGS -> {
        for (int i = 0; i < standards.size(); i++) {
          String at = "visitFindings[" + i + "].";
          put(p, at + "observedLevel", levels.get(Math.min(levels.size() - 1, (i + n) % 3 + 1)));
          put(p, at + "findings", FINDINGS);
          put(
              p,
              at + "recommendations",
              i % 2 == 0 ? FIRST_RECOMMENDATION : "ควรเผยแพร่แนวปฏิบัติที่ดีให้ครูในกลุ่มโรงเรียน");
        }
        put(p, "visitSummary", SUMMARY);
      }
      case TASK_APPROVE_REPORT -> {
        put(p, "visitReportDecision", decision);
        if ("return".equals(decision)) {
          put(
              p,
              "visitReportComments",
              "โปรดระบุข้อเสนอแนะให้ชัดเจน เป็นรูปธรรม และกำหนดระยะเวลาติดตาม");
        }
      }
      case TASK_ACKNOWLEDGE_VISIT -> {
        put(p, "visitAcknowledged", "true");
        put(p, "improvementActions[0].actionStandard", standardValues.get(0));
        put(p, "improvementActions[0].actionText", FIRST_ACTION);
        put(p, "improvementActions[0].actionOwner", FIRST_ACTION_OWNER);
        put(p, "improvementActions[0].actionDueDate", ce + "-10-31");
        put(
            p,
            "improvementActions[1].actionStandard",
            standardValues.get(standardValues.size() - 1));
        put(
            p,
            "improvementActions[1].actionText",
            "จัดชุมชนการเรียนรู้ทางวิชาชีพ (PLC) เรื่องการวัดผลตามสภาพจริง");
        put(p, "improvementActions[1].actionOwner", "หัวหน้ากลุ่มสาระการเรียนรู้");
        put(p, "improvementActions[1].actionDueDate", (ce + 1) + "-01-31");
      }
      default -> throw new IllegalArgumentException(task.getTaskDefinitionKey());
    }
    return new FormSubmission(p, files);
  }

  private static void put(Map<String, String[]> p, String name, String value) {
    p.put(name, new String[] {value});
  }

  private static List<Map<?, ?>> rows(TaskService tasks, Task task, String variable) {
    List<Map<?, ?>> rows = new ArrayList<>();
    if (tasks.getVariable(task.getId(), variable) instanceof List<?> list) {
      list.forEach(o -> rows.add((Map<?, ?>) o));
    }
    return rows;
  }

  private static List<String> values(TaskService tasks, Task task, String variable) {
    return rows(tasks, task, variable).stream().map(o -> String.valueOf(o.get("value"))).toList();
  }
}
