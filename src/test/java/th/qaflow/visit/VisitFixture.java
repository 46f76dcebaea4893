package th.qaflow.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.forms.FormSubmission;
import th.qaflow.forms.UploadedFile;
import th.qaflow.security.QaUsers;
import th.qaflow.standards.StandardsCatalog;
import th.qaflow.tasklist.Completion;
import th.qaflow.tasklist.TaskWork;
import th.qaflow.kernel.ProcessVariables;

/** Drives a visit through the tasklist's real completion (form validation, documents), as people do. */
final class VisitFixture {
  static final String DISTRICT = "1099";
  static final String CLUSTER_1 = "1099-C1";
  static final String CLUSTER_2 = "1099-C2";

  private final TaskWork work;
  private final TaskService tasks;
  private final QaUsers users;

  VisitFixture(TaskWork work, TaskService tasks, QaUsers users) {
    this.work = work;
    this.tasks = tasks;
    this.users = users;
  }

  static String school(int n) {
    return "109901000" + n;
  }

  /** The open task of the visit. */
  Task open(String processInstanceId) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  /** Completes the open task as the user with the fixture's answers (and the decision for the approval). */
  void complete(String processInstanceId, String expectedTask, String userId, String decision) {
    Task task = open(processInstanceId);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(expectedTask);
    Completion done = work.complete(task.getId(), users.byId(userId), submission(task, decision));
    assertThat(done.done()).as(expectedTask + " " + (done.form() == null ? "" : done.form().errors())).isTrue();
  }

  /** Completes every task from planning to the school's acknowledgement, approving the report. */
  void walkToEnd(String processInstanceId, int schoolNo, String supervisor) {
    complete(processInstanceId, DistrictVisitProcess.TASK_PLAN_VISIT, supervisor, null);
    complete(processInstanceId, DistrictVisitProcess.TASK_APPOINT_COMMITTEE, "supdirector", null);
    complete(processInstanceId, DistrictVisitProcess.TASK_PREPARE_EVIDENCE, "qa" + schoolNo, null);
    complete(processInstanceId, DistrictVisitProcess.TASK_RECORD_FINDINGS, supervisor, null);
    complete(processInstanceId, DistrictVisitProcess.TASK_APPROVE_REPORT, "supdirector", "approve");
    complete(processInstanceId, DistrictVisitProcess.TASK_ACKNOWLEDGE_VISIT, "director" + schoolNo, null);
  }

  FormSubmission submission(Task task, String decision) {
    Map<String, String[]> p = new LinkedHashMap<>();
    Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    int year = ((Number) tasks.getVariable(task.getId(), ProcessVariables.ACADEMIC_YEAR)).intValue();
    int ce = AcademicYears.firstCalendarYear(year);
    List<String> standards = values(task, StandardsCatalog.VAR_STANDARD_OPTIONS);
    int rows = rows(task, StandardsCatalog.VAR_STANDARDS).size();
    switch (task.getTaskDefinitionKey()) {
      case DistrictVisitProcess.TASK_PLAN_VISIT -> {
        put(p, "visitDate", ce + "-08-20");
        put(p, "focusStandards[0].focusStandard", standards.get(0));
        put(p, "focusStandards[0].focusNote", "การจัดการเรียนรู้เชิงรุก");
        put(p, "visitPlanNote", "ตรวจเยี่ยมตามแผนนิเทศภาคเรียนที่ 1");
      }
      case DistrictVisitProcess.TASK_APPOINT_COMMITTEE -> {
        put(p, "visitOrderNo", "45/" + year);
        put(p, "committee[0].memberName", "นางสาวนิเทศ ตัวอย่าง");
        put(p, "committee[0].memberPosition", "ศึกษานิเทศก์");
        put(p, "committee[0].memberRole", "chair");
        byte[] pdf = pdf("visit order");
        files.put("visitOrderFile", List.of(new UploadedFile("order.pdf", "application/pdf", pdf.length, pdf)));
      }
      case DistrictVisitProcess.TASK_PREPARE_EVIDENCE -> {
        for (int i = 0; i < rows; i++) {
          put(p, "visitEvidence[" + i + "].evidenceSummary", "หลักฐานมาตรฐานที่ " + (i + 1));
        }
      }
      case DistrictVisitProcess.TASK_RECORD_FINDINGS -> {
        List<String> levels = values(task, StandardsCatalog.VAR_LEVEL_OPTIONS);
        for (int i = 0; i < rows; i++) {
          put(p, "visitFindings[" + i + "].observedLevel", levels.get(0));
          put(p, "visitFindings[" + i + "].findings", "ผลการตรวจเยี่ยมมาตรฐานที่ " + (i + 1));
          put(p, "visitFindings[" + i + "].recommendations", "ข้อเสนอแนะมาตรฐานที่ " + (i + 1));
        }
        put(p, "visitSummary", "สถานศึกษามีความก้าวหน้าตามแผน");
      }
      case DistrictVisitProcess.TASK_APPROVE_REPORT -> {
        put(p, "visitReportDecision", decision);
        if ("return".equals(decision)) {
          put(p, "visitReportComments", "โปรดเพิ่มข้อเสนอแนะมาตรฐานที่ 2");
        }
      }
      case DistrictVisitProcess.TASK_ACKNOWLEDGE_VISIT -> {
        put(p, "visitAcknowledged", "true");
        put(p, "improvementActions[0].actionStandard", standards.get(0));
        put(p, "improvementActions[0].actionText", "จัดอบรมครูเรื่องการวัดผลตามสภาพจริง");
        put(p, "improvementActions[0].actionOwner", "ฝ่ายวิชาการ");
        put(p, "improvementActions[0].actionDueDate", ce + "-12-15");
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

  static byte[] pdf(String text) {
    String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
        + "% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }
}
