package th.qaflow.demo;

import static th.qaflow.district.DistrictQaCycleProcess.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.district.DistrictCycles;
import th.qaflow.district.SarReviewProcess;
import th.qaflow.forms.FormSubmission;
import th.qaflow.forms.UploadedFile;
import th.qaflow.kernel.AcademicYears;

/**
 * The district's side of the demo: its DistrictQaCycle of each year, driven through the same task
 * completion people use, and the supervisors' acceptance of the finished schools' SARs.
 */
final class DemoDistrictYear {
  private final DistrictCycles districtCycles;
  private final DemoSteps steps;
  private final TaskService tasks;

  DemoDistrictYear(DistrictCycles districtCycles, DemoSteps steps, TaskService tasks) {
    this.districtCycles = districtCycles;
    this.steps = steps;
    this.tasks = tasks;
  }

  /**
   * Starts the district's cycle of the year and completes its tasks until {@code stopAt} is open.
   */
  String startAndDrive(int year, String stopAt) {
    String pi =
        steps.startInYear(
            year,
            () -> districtCycles.start(DemoDistrict.DISTRICT, year, "qaofficer").orElseThrow());
    drive(pi, year, stopAt);
    return pi;
  }

  private void drive(String pi, int year, String stopAt) {
    for (int step = 0; step < 20; step++) {
      Task task = steps.next(pi);
      if (task == null || task.getTaskDefinitionKey().equals(stopAt)) {
        return;
      }
      String user =
          task.getTaskDefinitionKey().equals(TASK_APPOINT_COMMITTEE) ? "supdirector" : "qaofficer";
      complete(
          task,
          user,
          answers(task.getTaskDefinitionKey(), year),
          files(task.getTaskDefinitionKey(), year));
    }
  }

  /**
   * The cluster's supervisor studies the school's submitted SAR (the open review of its year) and
   * gives advice; the district advises, it does not accept or certify a SAR.
   */
  void adviseOnReview(String schoolCode, int year, String supervisor) {
    answerReview(
        schoolCode,
        year,
        supervisor,
        SarReviewProcess.DECISION_ADVICE,
        "รายงานครบถ้วน ควรเพิ่มหลักฐานเชิงประจักษ์ของมาตรฐานที่ 3 ในปีถัดไป");
  }

  /** The cluster's supervisor asks the school to revise its SAR (a revision round follows). */
  void requestRevision(String schoolCode, int year, String supervisor) {
    answerReview(
        schoolCode,
        year,
        supervisor,
        SarReviewProcess.DECISION_REVISE,
        "ควรเพิ่มผลการประเมินมาตรฐานที่ 2 ในภาคผนวก และสรุปแนวทางพัฒนาให้ชัดเจน");
  }

  private void answerReview(
      String schoolCode, int year, String supervisor, String decision, String advice) {
    Task review =
        tasks
            .createTaskQuery()
            .processDefinitionKey(SarReviewProcess.PROCESS_ID)
            .processInstanceBusinessKey(schoolCode + "-" + year)
            .singleResult();
    if (review == null) {
      throw new IllegalStateException("No SAR review open for " + schoolCode + " in " + year);
    }
    Map<String, String[]> p = new LinkedHashMap<>();
    p.put(SarReviewProcess.VAR_REVIEW_DECISION, new String[] {decision});
    p.put(SarReviewProcess.VAR_REVIEW_COMMENTS, new String[] {advice});
    complete(review, supervisor, p, Map.of());
  }

  private void complete(
      Task task,
      String userId,
      Map<String, String[]> params,
      Map<String, List<UploadedFile>> files) {
    steps.complete(task, userId, new FormSubmission(params, files));
  }

  private static String day(LocalDate date) {
    LocalDate today = LocalDate.now(AcademicYears.ZONE);
    return (date.isAfter(today) ? today : date).toString();
  }

  /**
   * The district's own documents the demo attaches (guidance, committee order, last year's report).
   */
  static Map<String, List<UploadedFile>> files(String taskKey, int year) {
    return switch (taskKey) {
      case TASK_PUBLISH_GUIDANCE -> {
        // the guidance and the SAR template, which the district's schools download once published
        Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
        files.putAll(
            file(
                "guidanceFile",
                "guidance-" + year + ".pdf",
                "District QA guidance and calendar, academic year " + year));
        files.putAll(
            file(
                "sarTemplateFile",
                "sar-template-" + year + ".pdf",
                "Self-Assessment Report (SAR) template, academic year " + year));
        yield files;
      }
      case TASK_APPOINT_COMMITTEE ->
          file(
              "committeeOrderFile",
              "committee-order-45-" + year + ".pdf",
              "Order 45/" + year + ": district monitoring committee");
      case TASK_REPORT_LAST_YEAR ->
          file(
              "lastYearReportFile",
              "report-" + (year - 1) + ".pdf",
              "District QA report, academic year " + (year - 1));
      case TASK_REPORT_SYNTHESIS ->
          file(
              "districtReportFile",
              "district-report-" + year + ".pdf",
              "District QA synthesis report, academic year " + year);
      default -> Map.of();
    };
  }

  private static Map<String, List<UploadedFile>> file(String key, String filename, String title) {
    byte[] pdf = DemoPdf.onePage(List.of(title, "Demo district " + DemoDistrict.DISTRICT));
    return Map.of(key, List.of(new UploadedFile(filename, "application/pdf", pdf.length, pdf)));
  }

  static Map<String, String[]> answers(String taskKey, int year) {
    Map<String, String[]> p = new LinkedHashMap<>();
    LocalDate start = AcademicYears.start(year);
    switch (taskKey) {
      case TASK_PUBLISH_GUIDANCE -> {
        p.put(
            "guidanceSummary",
            new String[] {
              "แนวทางการประกันคุณภาพภายในตามกฎกระทรวง พ.ศ. 2561 ปฏิทินการดำเนินงาน และแบบรายงาน SAR ของปีการศึกษา "
                  + year
            });
        p.put("calendarChecked", new String[] {"true"});
      }
      case TASK_APPOINT_COMMITTEE -> {
        p.put("committeeOrderNo", new String[] {"45/" + year});
        p.put("committeeOrderDate", new String[] {day(start.plusDays(20))});
        p.put(
            "committeeMembers",
            new String[] {
              "นายสุรชัย ทองคำ ประธานกรรมการ\nนางสาวอรุณี นิเทศดี กรรมการ\nนางปรียานุช แก้วมณี กรรมการและเลขานุการ"
            });
      }
      case TASK_REPORT_LAST_YEAR -> {
        p.put(
            "lastYearSummary",
            new String[] {
              "สถานศึกษาส่วนใหญ่มีผลการประเมินระดับดีขึ้นไป จุดที่ต้องพัฒนาคือผลสัมฤทธิ์ทางวิชาการ"
            });
        p.put("lastYearReportedOn", new String[] {day(start.plusDays(40))});
      }
      case TASK_RUN_VISIT_ROUNDS -> p.put("visitRoundsDone", new String[] {"true"});
      case TASK_CHASE_MISSING_SARS -> {
        p.put(
            "chaseActions",
            new String[] {"โทรศัพท์ติดตามผู้อำนวยการสถานศึกษาและมีหนังสือแจ้งกำหนดส่งใหม่"});
        p.put("chasedOn", new String[] {day(AcademicYears.end(year).plusDays(17))});
      }
      case TASK_CONFIRM_REVIEWS_DONE -> {
        p.put("reviewsConfirmed", new String[] {"true"});
        p.put("reviewsNote", new String[] {"โรงเรียนที่ 7 และ 8 ยังไม่ส่ง SAR"});
      }
      default -> {}
    }
    return p;
  }
}
