package th.qaflow.demo;

import static th.qaflow.monitoringreport.MonitoringReportProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.monitoringreport.MonitoringReports;

/**
 * Last year's district-level monitoring report, made from the visits of every school: drafted by
 * the QA officer, returned once by the supervision director, redrafted, approved, reported to the
 * committee and the schools, published. Driven through the tasklist's completion, like {@link
 * DemoYear}.
 */
@Component
class DemoMonitoringReport {
  static final String OVERVIEW =
      "สถานศึกษาทุกแห่งได้รับการตรวจเยี่ยมครบตามแผน ส่วนใหญ่มีคุณภาพระดับดีขึ้นไป"
          + " ผลการดำเนินงานสอดคล้องกับค่าเป้าหมายของสถานศึกษา";

  private final MonitoringReports reports;
  private final DemoSteps steps;

  DemoMonitoringReport(MonitoringReports reports, DemoSteps steps) {
    this.reports = reports;
    this.steps = steps;
  }

  void load(int year) {
    String pi =
        steps.inYear(
            year, () -> reports.start(DemoDistrict.DISTRICT, year, "qaofficer").orElse(null));
    if (pi == null) {
      return; // loaded already
    }
    complete(pi, TASK_DRAFT_REPORT, "qaofficer", draft("ภาพรวมผลการตรวจเยี่ยม"));
    complete(
        pi,
        TASK_APPROVE_REPORT,
        "supdirector",
        Map.of(
            VAR_DECISION, DECISION_RETURN, VAR_COMMENTS, "โปรดสรุปข้อเสนอแนะรายมาตรฐานให้ชัดเจน"));
    complete(pi, TASK_DRAFT_REPORT, "qaofficer", draft(OVERVIEW));
    complete(pi, TASK_APPROVE_REPORT, "supdirector", Map.of(VAR_DECISION, DECISION_APPROVE));
    complete(
        pi,
        TASK_REPORT_TO_COMMITTEE,
        "qaofficer",
        Map.of(
            VAR_COMMITTEE_DATE,
            AcademicYears.firstCalendarYear(year) + "-11-20",
            VAR_COMMITTEE_NOTE,
            "ก.ต.ป.น. รับทราบผลการติดตามตรวจสอบ และให้เขตพื้นที่นิเทศเชิงลึกด้านการวัดและประเมินผล",
            VAR_SCHOOLS_INFORMED,
            "true"));
  }

  private static Map<String, String> draft(String overview) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(VAR_OVERVIEW, overview);
    p.put(
        VAR_STRENGTHS,
        "สถานศึกษามีระบบประกันคุณภาพภายในที่ต่อเนื่อง ครูใช้ผลการประเมินพัฒนาการสอน");
    p.put(VAR_IMPROVEMENTS, "การวิเคราะห์ผลสัมฤทธิ์รายบุคคลและการสอนซ่อมเสริมยังไม่เป็นระบบ");
    p.put(
        VAR_RECOMMENDATIONS,
        "จัดนิเทศเชิงลึกด้านการวัดและประเมินผล และสร้างเครือข่ายแลกเปลี่ยนเรียนรู้ในกลุ่มโรงเรียน");
    p.put(
        VAR_SCHOOL_RECOMMENDATIONS,
        "วิเคราะห์ผลสัมฤทธิ์รายบุคคลและจัดสอนซ่อมเสริมอย่างเป็นระบบ ติดตามผลทุกภาคเรียน");
    return p;
  }

  private void complete(String pi, String key, String userId, Map<String, String> answers) {
    Task task = steps.next(pi);
    if (task == null || !task.getTaskDefinitionKey().equals(key)) {
      throw new IllegalStateException("Demo monitoring report is not at " + key);
    }
    Map<String, String[]> params = new LinkedHashMap<>();
    answers.forEach((k, v) -> params.put(k, new String[] {v}));
    steps.complete(task, userId, FormSubmission.of(params));
  }
}
