package th.qaflow.demo;

import static th.qaflow.onesqa.ExternalAssessmentProcess.*;
import static th.qaflow.onesqa.ExternalAssessmentSchoolProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.onesqa.ExternalAssessmentSchoolProcess;
import th.qaflow.onesqa.ExternalAssessments;

/**
 * The demo's ONESQA coordination of a year for district 1099, driven through the same task
 * completion (and form validation) people use: criteria published, every school's readiness
 * declared and confirmed (school 7 returned once by its supervisor), the list sent to OBEC with two
 * target schools; school 1 objected to its first schedule and now prepares for the visit, school
 * 5's director has its schedule to review. Called once by {@link DemoYear} when the demo loads.
 */
@Component
class DemoExternalAssessment {
  private static final Logger log = LoggerFactory.getLogger(DemoExternalAssessment.class);

  private final ExternalAssessments external;
  private final DemoSteps steps;
  private final TaskService tasks;
  private final RuntimeService runtime;

  DemoExternalAssessment(
      ExternalAssessments external, DemoSteps steps, TaskService tasks, RuntimeService runtime) {
    this.external = external;
    this.steps = steps;
    this.tasks = tasks;
    this.runtime = runtime;
  }

  void load(int year) {
    int ce = AcademicYears.firstCalendarYear(year);
    ExternalAssessments.StartResult started =
        steps.inYear(year, () -> external.start(DemoDistrict.DISTRICT, year, "qaofficer"));
    if (!started.started()) {
      return; // loaded before
    }
    String pi = started.processInstanceId();
    complete(
        pi,
        TASK_PUBLISH_CRITERIA,
        null,
        "qaofficer",
        "criteriaPublishedOn",
        ce + "-06-02",
        "criteriaReference",
        "หนังสือ สมศ. ที่ 0001/" + year + " คู่มือการประเมินคุณภาพภายนอก รอบห้า",
        "criteriaGuidance",
        "โปรดศึกษาตัวบ่งชี้ 16 ตัวของ สมศ. และแจ้งความพร้อมภายในกำหนด");
    String[] readiness = {READY, READY, SUPPORT, READY, READY, SUPPORT, NOT_READY, READY};
    for (int n = 1; n <= 8; n++) {
      String school = school(n);
      String r = readiness[n - 1];
      if (n == 7) {
        complete(pi, TASK_DECLARE_READINESS, school, "director7", "readiness", READY);
        complete(
            pi,
            TASK_CONFIRM_READINESS,
            school,
            "supervisor2",
            "readinessDecision",
            DECISION_RETURN,
            "supervisorComment",
            "จากการนิเทศ โรงเรียนยังขาดครูคณิตศาสตร์และผลสัมฤทธิ์ต่ำกว่าเป้าหมาย โปรดทบทวน");
      }
      complete(
          pi,
          TASK_DECLARE_READINESS,
          school,
          "director" + n,
          "readiness",
          r,
          "readinessNote",
          READY.equals(r) ? null : "ขาดครูบางสาขา ต้องการการนิเทศด้านการวัดผล");
      complete(
          pi,
          TASK_CONFIRM_READINESS,
          school,
          n <= 4 ? "supervisor1" : "supervisor2",
          "readinessDecision",
          DECISION_CONFIRM,
          "confirmedReadiness",
          r);
    }
    List<String> listed = new java.util.ArrayList<>();
    if (runtime.getVariable(pi, VAR_READINESS_ROWS) instanceof List<?> rows) {
      rows.forEach(r -> listed.add(String.valueOf(((Map<?, ?>) r).get("schoolCode"))));
    }
    complete(
        pi,
        TASK_SEND_READINESS_LIST,
        null,
        "qaofficer",
        "readinessListSentOn",
        ce + "-08-10",
        "targetRows[" + listed.indexOf(school(1)) + "].target",
        "true",
        "targetRows[" + listed.indexOf(school(5)) + "].target",
        "true");
    complete(pi, TASK_CONFIRM_SARS, null, "qaofficer", "sarsChecked", "true");

    String one = assessment(school(1), year);
    schedule(one, ce, "11-24");
    complete(
        one,
        TASK_REVIEW_SCHEDULE,
        null,
        "director1",
        "scheduleResponse",
        RESPONSE_OBJECT,
        "objectionReason",
        "ผู้ประเมินท่านหนึ่งเคยเป็นครูของโรงเรียน (ส่วนได้เสีย) และวันที่ 24 ตรงกับวันสอบปลายภาค");
    schedule(one, ce, "12-08");
    complete(one, TASK_REVIEW_SCHEDULE, null, "director1", "scheduleResponse", RESPONSE_ACCEPT);
    String five = assessment(school(5), year);
    schedule(five, ce, "12-15");
    log.info("Demo ONESQA coordination {} of district {} loaded", year, DemoDistrict.DISTRICT);
  }

  private void schedule(String pi, int ce, String day) {
    complete(
        pi,
        TASK_RECORD_SCHEDULE,
        null,
        "qaofficer",
        "visitStartOn",
        ce + "-" + day,
        "visitEndOn",
        ce + "-" + day,
        "assessors",
        "ผศ.ดร.สมชาย ประเมินดี (ประธาน)\nนางสาวสุดา วัดผล (กรรมการ)",
        "onesqaLetter",
        "สมศ. 0512/" + ce);
  }

  private String assessment(String school, int year) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(ExternalAssessmentSchoolProcess.PROCESS_ID)
        .processInstanceBusinessKey(ExternalAssessmentSchoolProcess.businessKey(school, year))
        .singleResult()
        .getId();
  }

  private static String school(int n) {
    return "109901000" + n;
  }

  private void complete(String pi, String key, String school, String userId, Object... values) {
    Task task =
        tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).list().stream()
            .filter(
                t ->
                    school == null
                        || school.equals(
                            tasks.getVariable(t.getId(), ProcessVariables.SCHOOL_CODE)))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Demo: no " + key + " for " + school));
    Map<String, String[]> params = new HashMap<>();
    for (int i = 0; i < values.length; i += 2) {
      Object v = values[i + 1];
      if (v != null) {
        params.put(
            (String) values[i],
            v instanceof String[] many ? many : new String[] {String.valueOf(v)});
      }
    }
    steps.complete(task, userId, FormSubmission.of(params));
  }

  /** For the test of the demo: the schools' state after {@link #load}. */
  List<th.qaflow.onesqa.SchoolState> schools(int year) {
    return external.schools(DemoDistrict.DISTRICT, year);
  }
}
