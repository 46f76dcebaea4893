package th.qaflow.demo;

import static th.qaflow.visit.DistrictVisitProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.forms.FormSubmission;
import th.qaflow.forms.UploadedFile;
import th.qaflow.security.QaUsers;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.visit.VisitRounds;

/**
 * The demo's visit round: round 1 of the year over cluster 1099-C1, launched by the QA officer, with its
 * four schools at different steps — school 1 done (its findings show in its next self-check), school 2
 * waiting for the director's acknowledgement, school 3's report returned to the supervisor, school 4
 * preparing evidence. Driven through the tasklist's completion, like {@link DemoYear}.
 */
@Component
@ConditionalOnProperty(name = "qaflow.demo.enabled", havingValue = "true")
class DemoVisits {
  private final VisitRounds rounds;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TaskWork work;
  private final QaUsers users;

  DemoVisits(VisitRounds rounds, RuntimeService runtime, TaskService tasks, TaskWork work, QaUsers users) {
    this.rounds = rounds;
    this.runtime = runtime;
    this.tasks = tasks;
    this.work = work;
    this.users = users;
  }

  void load(int year) {
    rounds.launch(users.byId("qaofficer"), DemoDistrict.DISTRICT, year, 1, "1099-C1");
    drive(1, year, null);
    drive(2, year, TASK_ACKNOWLEDGE_VISIT);
    drive(3, year, TASK_APPROVE_REPORT);
    String returned = instance(3, year);
    complete(returned, TASK_APPROVE_REPORT, "supdirector", 3, year, "return");
    drive(4, year, TASK_PREPARE_EVIDENCE);
  }

  /** Completes the visit's tasks in order, stopping (open) at {@code stopAt}, or to the end when null. */
  private void drive(int n, int year, String stopAt) {
    String pi = instance(n, year);
    for (String key : TASKS) {
      if (key.equals(stopAt)) {
        return;
      }
      String userId = switch (key) {
        case TASK_PLAN_VISIT, TASK_RECORD_FINDINGS -> "supervisor1";
        case TASK_APPOINT_COMMITTEE, TASK_APPROVE_REPORT -> "supdirector";
        case TASK_PREPARE_EVIDENCE -> "qa" + n;
        default -> "director" + n;
      };
      complete(pi, key, userId, n, year, "approve");
    }
  }

  private String instance(int n, int year) {
    return runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey("109901000" + n, year, 1)).singleResult().getId();
  }

  private void complete(String processInstanceId, String key, String userId, int n, int year, String decision) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    if (task == null) {
      throw new IllegalStateException("Demo visit of school " + n + " is not at " + key);
    }
    Completion done = work.complete(task.getId(), users.byId(userId), answers(task, n, year, decision));
    if (!done.done()) {
      throw new IllegalStateException("Demo values rejected for " + key + ": " + done.form().errors());
    }
  }

  private FormSubmission answers(Task task, int n, int year, String decision) {
    Map<String, String[]> p = new LinkedHashMap<>();
    Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    int ce = AcademicYears.firstCalendarYear(year);
    List<Map<?, ?>> standards = rows(task, StandardsCatalog.VAR_STANDARDS);
    List<String> standardValues = values(task, StandardsCatalog.VAR_STANDARD_OPTIONS);
    List<String> levels = values(task, StandardsCatalog.VAR_LEVEL_OPTIONS);
    switch (task.getTaskDefinitionKey()) {
      case TASK_PLAN_VISIT -> {
        put(p, "visitDate", ce + "-08-" + (10 + 2 * n));
        put(p, "focusStandards[0].focusStandard", standardValues.get(standardValues.size() - 1));
        put(p, "focusStandards[0].focusNote", "การจัดการเรียนรู้เชิงรุกและการใช้สื่อเทคโนโลยีในชั้นเรียน");
        put(p, "visitPlanNote", "นิเทศ ติดตามตามผลการติดตามตรวจสอบภาคเรียนที่ 1 ขอให้เตรียมแผนการจัดการเรียนรู้และผลงานนักเรียน");
      }
      case TASK_APPOINT_COMMITTEE -> {
        put(p, "visitOrderNo", (100 + n) + "/" + year);
        String[][] members = {{"นางสาวพิมพ์ชนก ศรีสุข", "ศึกษานิเทศก์ชำนาญการพิเศษ", "chair"},
            {"นายสมชาย ใจดี", "ศึกษานิเทศก์ชำนาญการ", "member"}, {"นางวันเพ็ญ แสงทอง", "ศึกษานิเทศก์", "secretary"}};
        for (int i = 0; i < members.length; i++) {
          put(p, "committee[" + i + "].memberName", members[i][0]);
          put(p, "committee[" + i + "].memberPosition", members[i][1]);
          put(p, "committee[" + i + "].memberRole", members[i][2]);
        }
        byte[] order = DemoPdf.onePage(List.of("Visit committee order " + (100 + n) + "/" + year,
            "School 109901000" + n, "District 1099"));
        files.put("visitOrderFile", List.of(new UploadedFile("visit-order-" + n + ".pdf", "application/pdf", order.length, order)));
      }
      case TASK_PREPARE_EVIDENCE -> {
        for (int i = 0; i < standards.size(); i++) {
          put(p, "visitEvidence[" + i + "].evidenceSummary",
              "สรุปผลการดำเนินงาน โครงการ และร่องรอยของ" + standards.get(i).get("standardLabel"));
        }
      }
      case TASK_RECORD_FINDINGS -> {
        for (int i = 0; i < standards.size(); i++) {
          String at = "visitFindings[" + i + "].";
          put(p, at + "observedLevel", levels.get(Math.min(levels.size() - 1, (i + n) % 3 + 1)));
          put(p, at + "findings", "มีหลักฐานการดำเนินงานตามแผนครบถ้วน ผลการดำเนินงานสอดคล้องกับค่าเป้าหมาย");
          put(p, at + "recommendations", i % 2 == 0
              ? "ควรวิเคราะห์ผลสัมฤทธิ์รายบุคคลและจัดสอนซ่อมเสริมอย่างเป็นระบบ"
              : "ควรเผยแพร่แนวปฏิบัติที่ดีให้ครูในกลุ่มโรงเรียน");
        }
        put(p, "visitSummary", "สถานศึกษาดำเนินงานประกันคุณภาพภายในเป็นไปตามแผน มีจุดที่ควรพัฒนาด้านการวัดและประเมินผล");
      }
      case TASK_APPROVE_REPORT -> {
        put(p, "visitReportDecision", decision);
        if ("return".equals(decision)) {
          put(p, "visitReportComments", "โปรดระบุข้อเสนอแนะให้ชัดเจน เป็นรูปธรรม และกำหนดระยะเวลาติดตาม");
        }
      }
      case TASK_ACKNOWLEDGE_VISIT -> {
        put(p, "visitAcknowledged", "true");
        put(p, "improvementActions[0].actionStandard", standardValues.get(0));
        put(p, "improvementActions[0].actionText", "จัดสอนซ่อมเสริมนักเรียนกลุ่มที่มีผลสัมฤทธิ์ต่ำกว่าเกณฑ์ทุกสัปดาห์");
        put(p, "improvementActions[0].actionOwner", "กลุ่มบริหารวิชาการ");
        put(p, "improvementActions[0].actionDueDate", ce + "-10-31");
        put(p, "improvementActions[1].actionStandard", standardValues.get(standardValues.size() - 1));
        put(p, "improvementActions[1].actionText", "จัดชุมชนการเรียนรู้ทางวิชาชีพ (PLC) เรื่องการวัดผลตามสภาพจริง");
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

  private List<Map<?, ?>> rows(Task task, String variable) {
    List<Map<?, ?>> rows = new ArrayList<>();
    if (tasks.getVariable(task.getId(), variable) instanceof List<?> list) {
      list.forEach(o -> rows.add((Map<?, ?>) o));
    }
    return rows;
  }

  private List<String> values(Task task, String variable) {
    return rows(task, variable).stream().map(o -> String.valueOf(o.get("value"))).toList();
  }
}
