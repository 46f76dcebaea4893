package th.qaflow.demo;

import static th.qaflow.research.ResearchProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import th.qaflow.forms.FormSubmission;
import th.qaflow.research.ResearchProjects;
import th.qaflow.research.ResearchProjects.Kind;
import th.qaflow.research.SchoolResearchProcess;
import th.qaflow.research.SchoolResearchRegister;

/**
 * The demo district's R2R project of the year on how well its QA promotion works (000 L328-329),
 * driven through the tasklist's completion (and form validation): the study, the synthesis of the
 * schools' research, the proposal returned once by the supervision director and approved, the plan,
 * a first round whose model did not work and was revised; the second round's data collection is
 * open (the model loop, 001 L418-422).
 */
@Component
class DemoResearch {
  static final String TITLE = "การพัฒนารูปแบบการส่งเสริมการประกันคุณภาพภายในด้วยการนิเทศแบบ PLC";

  static final String JOINT_TITLE = "การประเมินตนเองแบบร่วมมือของโรงเรียนคู่พัฒนา";
  static final String TOOLS_TITLE = "การใช้ข้อมูลผลสัมฤทธิ์ในการจัดทำ SAR ของโรงเรียนขนาดเล็ก";

  private final ResearchProjects projects;
  private final SchoolResearchRegister schools;
  private final DemoSteps steps;

  DemoResearch(ResearchProjects projects, SchoolResearchRegister schools, DemoSteps steps) {
    this.projects = projects;
    this.schools = schools;
    this.steps = steps;
  }

  /**
   * Two school projects of {@code year}: a joint one of schools 1 and 2 (tools approved, the data
   * record open) and one of school 3 whose tools the adviser sent back once (revised, checked
   * again).
   */
  void loadSchools(int year) {
    if (schools.ofDistrict(DemoDistrict.DISTRICT).stream()
        .anyMatch(p -> p.academicYear() == year)) {
      return; // loaded before
    }
    String joint =
        steps.startInYear(
            year,
            () ->
                schools
                    .project(
                        schools.register(
                            "1099010001",
                            year,
                            JOINT_TITLE,
                            "การประเมินตนเองร่วมกันของโรงเรียนคู่พัฒนาช่วยให้ SAR สะท้อนผลการพัฒนาได้ดีขึ้นหรือไม่",
                            "นภัสสร จันทร์หอม และครูโรงเรียนบ้านท่าน้ำ",
                            List.of("1099010002"),
                            "qa1"))
                    .orElseThrow()
                    .processInstanceId());
    schoolStep(joint, "qa1", SchoolResearchProcess.TASK_DEVELOP_TOOLS, tools("ฉบับที่ 1"));
    schoolStep(joint, "supervisor1", SchoolResearchProcess.TASK_CHECK_TOOLS, check(true));
    String returned =
        steps.startInYear(
            year,
            () ->
                schools
                    .project(
                        schools.register(
                            "1099010003",
                            year,
                            TOOLS_TITLE,
                            "ครูโรงเรียนขนาดเล็กใช้ข้อมูลผลสัมฤทธิ์ในการประเมินตนเองอย่างไร",
                            "กัญญารัตน์ ใจงาม",
                            List.of(),
                            "qa3"))
                    .orElseThrow()
                    .processInstanceId());
    schoolStep(returned, "qa3", SchoolResearchProcess.TASK_DEVELOP_TOOLS, tools("ฉบับที่ 1"));
    schoolStep(returned, "supervisor1", SchoolResearchProcess.TASK_CHECK_TOOLS, check(false));
    schoolStep(returned, "qa3", SchoolResearchProcess.TASK_DEVELOP_TOOLS, tools("ฉบับปรับปรุง"));
  }

  private void schoolStep(String pi, String user, String key, Map<String, String[]> answers) {
    Task task = steps.next(pi);
    if (task == null || !task.getTaskDefinitionKey().equals(key)) {
      throw new IllegalStateException("Demo school research expected " + key + " but has " + task);
    }
    steps.complete(task, user, FormSubmission.of(answers));
  }

  private static Map<String, String[]> tools(String version) {
    Map<String, String[]> p = new LinkedHashMap<>();
    put(p, SchoolResearchProcess.VAR_TOOLS, "แบบสอบถามครูและแบบสัมภาษณ์ผู้บริหาร " + version);
    return p;
  }

  private static Map<String, String[]> check(boolean approve) {
    Map<String, String[]> p = new LinkedHashMap<>();
    put(
        p,
        SchoolResearchProcess.VAR_TOOLS_DECISION,
        approve ? SchoolResearchProcess.DECISION_APPROVE : SchoolResearchProcess.DECISION_RETURN);
    if (!approve) {
      put(
          p,
          SchoolResearchProcess.VAR_TOOLS_COMMENTS,
          "ข้อคำถามที่ 4–6 ซ้ำกัน และยังไม่ถามถึงการใช้ข้อมูล O-NET");
    }
    return p;
  }

  /** The project of {@code year} running, in the second round's data collection. */
  void load(int year) {
    if (projects.projects(DemoDistrict.DISTRICT).stream().anyMatch(p -> p.academicYear() == year)) {
      return; // loaded before
    }
    String pi =
        steps.startInYear(
            year,
            () ->
                projects
                    .project(
                        projects.start(DemoDistrict.DISTRICT, year, Kind.R2R, TITLE, "supdirector"))
                    .orElseThrow()
                    .processInstanceId());
    boolean returned = false;
    boolean revised = false;
    for (int step = 0; step < 14; step++) {
      Task task = steps.next(pi);
      if (task == null) {
        break;
      }
      String key = task.getTaskDefinitionKey();
      if (key.equals(TASK_COLLECT_DATA) && revised) {
        break; // the second round waits for its data
      }
      boolean returnOnce = key.equals(TASK_APPROVE_PROPOSAL) && !returned;
      returned |= returnOnce;
      revised |= key.equals(TASK_REVISE_MODEL);
      steps.complete(
          task,
          key.equals(TASK_APPROVE_PROPOSAL) || key.equals(TASK_EVALUATE_MODEL)
              ? "supdirector"
              : "qaofficer",
          FormSubmission.of(answers(key, year, returnOnce)));
    }
  }

  static Map<String, String[]> answers(String key, int year, boolean returnOnce) {
    Map<String, String[]> p = new LinkedHashMap<>();
    switch (key) {
      case TASK_STUDY_NEEDS -> {
        put(
            p,
            VAR_INNOVATIONS,
            "การนิเทศแบบ PLC ข้ามโรงเรียน การโค้ชรายสัปดาห์ แพลตฟอร์มติดตามออนไลน์");
        put(
            p,
            VAR_PROBLEMS,
            "SAR ของโรงเรียนขนาดเล็กยังไม่สะท้อนผลการพัฒนา ครูขาดความเข้าใจการประเมินตนเอง"
                + " (สรุปจากการสังเคราะห์ SAR ปีการศึกษา "
                + (year - 1)
                + ")");
      }
      case TASK_SYNTHESISE_SCHOOLS -> {
        put(p, VAR_SYNTHESIS_COUNT, "2");
        put(
            p,
            VAR_SYNTHESIS,
            "งานวิจัยของสถานศึกษา 2 เรื่อง: การประเมินตนเองแบบร่วมมือช่วยให้ครูเข้าใจตัวชี้วัด"
                + " โรงเรียนขนาดเล็กยังใช้ข้อมูลผลสัมฤทธิ์ใน SAR น้อย");
      }
      case TASK_DRAFT_PROPOSAL -> {
        put(
            p,
            VAR_QUESTION,
            "รูปแบบการนิเทศแบบ PLC ช่วยให้โรงเรียนดำเนินงานประกันคุณภาพภายในได้ครบวงจรหรือไม่"
                + (returnOnce ? "" : " (กลุ่มเป้าหมาย: โรงเรียนขนาดเล็ก 8 แห่ง)"));
        put(p, VAR_METHOD, "วิจัยและพัฒนา (R&D) 2 วงรอบ ทดลองใช้รูปแบบกับโรงเรียนขนาดเล็ก");
      }
      case TASK_APPROVE_PROPOSAL -> {
        put(p, VAR_PROPOSAL_DECISION, returnOnce ? DECISION_RETURN : DECISION_APPROVE);
        if (returnOnce) {
          put(p, VAR_PROPOSAL_COMMENTS, "โปรดระบุกลุ่มเป้าหมายและจำนวนโรงเรียนให้ชัดเจน");
        }
      }
      case TASK_PLAN -> {
        put(p, VAR_SAMPLE, "โรงเรียนขนาดเล็ก 8 แห่ง ในกลุ่มโรงเรียนริมน้ำและเชิงดอย");
        put(p, VAR_PLAN, "แบบสอบถามความพึงพอใจ แบบประเมินความเข้าใจ SAR เก็บข้อมูลภาคเรียนที่ 1");
      }
      case TASK_COLLECT_DATA -> {
        put(p, VAR_RESPONDENTS, "8");
        put(p, VAR_DATA_COLLECTED, "เก็บข้อมูลครบ 8 โรงเรียน ครู 46 คน");
      }
      case TASK_ANALYSE ->
          put(p, VAR_FINDINGS, "ความเข้าใจการประเมินตนเองเพิ่มขึ้นเพียง 3 ใน 8 โรงเรียน");
      case TASK_EVALUATE_MODEL -> {
        put(p, VAR_MODEL_EVALUATION, "รูปแบบยังไม่ได้ผลกับโรงเรียนที่ไม่มีครูแกนนำ");
        put(p, VAR_MODEL_EFFECTIVE, "no");
      }
      case TASK_REVISE_MODEL ->
          put(p, VAR_REVISION, "เพิ่มการโค้ชรายสัปดาห์โดย ศน. และจับคู่โรงเรียนพี่เลี้ยง");
      default -> throw new IllegalStateException("No demo answers for " + key);
    }
    return p;
  }

  private static void put(Map<String, String[]> p, String key, String value) {
    p.put(key, new String[] {value});
  }
}
