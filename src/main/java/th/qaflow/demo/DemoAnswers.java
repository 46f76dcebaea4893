package th.qaflow.demo;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import th.qaflow.kernel.AcademicYears;

/**
 * What the demo schools wrote in each form: realistic Thai answers, one row per standard of the
 * school, as the request parameters a browser would send (see the forms contract: {@code key}, list
 * rows {@code path[i].key}, checklists repeated). The rows follow the school's own {@code
 * standards} variable (and the schools' own extra standard), so a school that offers basic
 * education only answers three standards and one with early childhood too answers six.
 */
final class DemoAnswers {
  private DemoAnswers() {}

  /** Level values of the standards' five levels, best first. */
  static final String[] LEVEL_NAMES = {"", "กำลังพัฒนา", "ปานกลาง", "ดี", "ดีเลิศ", "ยอดเยี่ยม"};

  /** A file the demo would upload. */
  record DemoFile(String filename, String contentType, byte[] content) {}

  /**
   * The SAR file a demo school attaches to its draft (the form's required {@code sarFile}): a real
   * PDF.
   */
  static DemoFile sarFileFor(String schoolCode, int academicYear) {
    byte[] pdf =
        DemoPdf.onePage(
            List.of(
                "Self-Assessment Report (SAR)",
                "School " + schoolCode,
                "Academic year " + academicYear + " (B.E.)",
                "QA Flow demo document"));
    return new DemoFile(
        "รายงานการประเมินตนเอง SAR " + academicYear + " " + schoolCode + ".pdf",
        "application/pdf",
        pdf);
  }

  /**
   * One standard the school answers for: from the cycle's {@code standards}, or the school's own.
   */
  record Row(String code, String topic, String label) {}

  /** The school's own standards, written in SetStandards (schools 1 and 5 have one). */
  static List<Row> ownStandards(int school) {
    if (school == 1 || school == 5) {
      return List.of(
          new Row("SCH-1", "SCH-1", "มาตรฐานอัตลักษณ์ ผู้เรียนมีจิตอาสาและรักษ์สิ่งแวดล้อม"));
    }
    return List.of();
  }

  /** The rows of the cycle's {@code standards} variable, then the school's own standards. */
  static List<Row> rows(List<Map<String, Object>> standards, int school) {
    List<Row> rows = new ArrayList<>(standardRows(standards));
    rows.addAll(ownStandards(school));
    return rows;
  }

  private static List<Row> standardRows(List<Map<String, Object>> standards) {
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> s : standards) {
      String code = String.valueOf(s.get("standardCode"));
      String level = String.valueOf(s.get("educationLevel"));
      String number = code.substring(code.lastIndexOf('-') + 1);
      rows.add(new Row(code, level + "-" + number, Objects.toString(s.get("standardLabel"), code)));
    }
    return rows;
  }

  /**
   * The answers of demo school {@code school} (1–8) to the task's form in the academic year.
   *
   * @param standards the cycle's {@code standards} variable (one map per standard)
   * @param standardOptions the values of the cycle's {@code standardOptions} variable
   */
  static Map<String, String[]> forTask(
      String taskKey,
      int school,
      int academicYear,
      List<Map<String, Object>> standards,
      List<String> standardOptions) {
    Params p = new Params();
    List<Row> rows = rows(standards, school);
    switch (taskKey) {
      case TASK_SET_STANDARDS -> {
        p.put("standardsFramework", "moe2561");
        List<Row> main = standardRows(standards);
        for (int i = 0; i < main.size(); i++) {
          p.put("targets[" + i + "].targetLevel", String.valueOf(target(main.get(i), school)));
          p.put("targets[" + i + "].targetDescription", texts(main.get(i)).target());
          p.put("targets[" + i + "].targetBaseline", baseline(main.get(i), school, academicYear));
        }
        List<Row> own = ownStandards(school);
        for (int i = 0; i < own.size(); i++) {
          p.put("ownStandards[" + i + "].standardCode", own.get(i).code());
          p.put("ownStandards[" + i + "].standardLabel", own.get(i).label());
          p.put("ownStandards[" + i + "].targetLevel", String.valueOf(target(own.get(i), school)));
          p.put("ownStandards[" + i + "].targetDescription", texts(own.get(i)).target());
          p.put(
              "ownStandards[" + i + "].targetBaseline", baseline(own.get(i), school, academicYear));
        }
        p.put(
            "standardsTargetNote",
            "ปรับค่าเป้าหมายจากผลการประเมินตนเองปีการศึกษา " + (academicYear - 1));
      }
      case TASK_BOARD_ENDORSE_STANDARDS -> {
        p.put("endorsementDecision", "approve");
        p.put(
            "endorsementMeetingDate",
            notAfterToday(AcademicYears.start(academicYear).plusDays(11)).toString());
        p.put("endorsementResolutionNo", "3/" + academicYear);
      }
      case TASK_ANNOUNCE_STANDARDS -> {
        p.put(
            "announcementDate",
            notAfterToday(AcademicYears.start(academicYear).plusDays(14)).toString());
        p.put(
            "announcementRef",
            "ประกาศโรงเรียน เรื่อง มาตรฐานการศึกษาและค่าเป้าหมาย ที่ "
                + (10 + school)
                + "/"
                + academicYear);
      }
      case TASK_MAKE_PLANS -> plans(p, school, academicYear, standards, standardOptions);
      case TASK_SELF_CHECK_SEMESTER_ONE -> {
        selfCheck(p, "sc1Rows", rows, school, 1);
        projectChecks(p, 1, school, standards, standardOptions);
      }
      case TASK_SELF_CHECK_SEMESTER_TWO -> {
        selfCheck(p, "sc2Rows", rows, school, 2);
        projectChecks(p, 2, school, standards, standardOptions);
      }
      case TASK_INTERNAL_ASSESSMENT -> {
        p.put("assessmentEvaluators", evaluators(school));
        p.put(
            "assessmentMethod",
            "ตรวจเอกสารและร่องรอยการดำเนินงาน สังเกตการจัดการเรียนรู้ สัมภาษณ์ครู ผู้เรียน และผู้ปกครอง"
                + " วิเคราะห์ผลสัมฤทธิ์ทางการเรียนและผลการทดสอบระดับชาติ");
        p.put(
            "achievementData",
            "ผลสัมฤทธิ์ทางการเรียนระดับดีขึ้นไป: ภาษาไทยร้อยละ "
                + (70 + school)
                + " คณิตศาสตร์ร้อยละ "
                + (60 + school)
                + " ผล O-NET ป.6 และผลการประเมิน NT ป.3 และ RT ป.1 ประกอบการพิจารณา");
        for (int i = 0; i < rows.size(); i++) {
          Row r = rows.get(i);
          Texts t = texts(r);
          String at = "assessment[" + i + "].";
          p.put(at + "achievedLevel", String.valueOf(achieved(r, school)));
          p.put(at + "evidence", t.assessmentEvidence());
          p.put(at + "strengths", t.strengths());
          p.put(at + "improvements", t.improvements());
        }
      }
      case TASK_DRAFT_SAR -> {
        // the file itself is the multipart part sarFile: see sarFileFor
        for (int i = 0; i < rows.size(); i++) {
          p.put(
              "sarLevels[" + i + "].achievedLevel", String.valueOf(achieved(rows.get(i), school)));
          // the SAR's own conclusions, as the report words them (the synthesis reads these)
          p.put("sarLevels[" + i + "].strengths", texts(rows.get(i)).strengths());
          p.put("sarLevels[" + i + "].improvements", texts(rows.get(i)).improvements());
        }
        p.put("sarExecutiveSummary", executiveSummary(rows, school, academicYear));
        p.put("sarAnnexesComplete", "true");
      }
      case TASK_DIRECTOR_REVIEW_SAR -> p.put("directorDecision", "toBoard");
      case TASK_BOARD_APPROVE_SAR -> {
        p.put("boardDecision", "approve");
        p.put("boardRecommendations", boardRecommendations(rows, school));
        p.put(
            "boardMeetingDate",
            notAfterToday(AcademicYears.end(academicYear).minusDays(5)).toString());
        p.put("boardResolutionNo", "2/" + (academicYear + 1));
      }
      case TASK_SUBMIT_SAR -> {
        p.put("sarApprovedVersionConfirmed", "true");
        p.put(
            "sarSubmittedOn",
            notAfterToday(AcademicYears.end(academicYear).plusDays(5)).toString());
        p.put("sarSubmittedToESar", "true");
      }
      case TASK_PUBLISH_SAR -> {
        // odd schools publish a link to their website, even ones the SAR file itself (the multipart
        // part
        // sarPublishedFile: see sarFileFor), so the district's public synthesis serves their files
        if (school % 2 == 0) {
          p.put("sarPublishedAs", "file");
        } else {
          p.put("sarPublishedAs", "link");
          p.put(
              "sarPublicLink",
              "https://www.109901000" + school + ".school.example/sar/" + academicYear);
        }
        p.put(
            "sarPublishedOn",
            notAfterToday(AcademicYears.end(academicYear).plusDays(10)).toString());
      }
      default -> {}
    }
    return p.map;
  }

  /** The school board returns the SAR for redrafting, saying what is missing. */
  static Map<String, String[]> boardReturn(int school, int academicYear) {
    Params p = new Params();
    p.put("boardDecision", "return");
    p.put(
        "boardComments",
        "ระดับคุณภาพมาตรฐานที่ 1 ยังไม่มีหลักฐานสนับสนุนผลสัมฤทธิ์ทางการเรียน "
            + "กรุณาแนบผลการทดสอบ O-NET และผลการประเมินระดับชั้น แล้วทบทวนระดับคุณภาพให้สอดคล้องกับหลักฐาน");
    p.put(
        "boardMeetingDate",
        notAfterToday(AcademicYears.end(academicYear).minusDays(12)).toString());
    p.put("boardResolutionNo", "1/" + (academicYear + 1));
    return p.map;
  }

  // --- targets and levels --------------------------------------------------------------------

  /** The school's target level (1–5) for a standard. */
  static int target(Row r, int school) {
    int base =
        switch (r.topic()) {
          case "EARLY_CHILDHOOD-2", "BASIC-2" -> 5;
          default -> 4;
        };
    if (school == 8 && r.topic().equals("BASIC-2")) {
      base = 4; // a small school with modest goals for its management
    }
    return base;
  }

  /**
   * The level the internal assessment found: mostly on target; some schools fall short or exceed
   * it.
   */
  static int achieved(Row r, int school) {
    int level = target(r, school);
    if (school % 2 == 1 && r.topic().equals("BASIC-1")) {
      level--; // mathematics results below the target: the form warns
    }
    if (school == 4 && r.topic().equals("EARLY_CHILDHOOD-3")) {
      level--;
    }
    if (school == 2 && r.topic().equals("BASIC-3")) {
      level++;
    }
    return Math.max(1, Math.min(5, level));
  }

  /** Last year's result a target is set against (the demo's levels are the same every year). */
  static String baseline(Row r, int school, int academicYear) {
    return "ปีการศึกษา "
        + (academicYear - 1)
        + " ได้ระดับ"
        + LEVEL_NAMES[achieved(r, school)]
        + " (ค่าเป้าหมายระดับ"
        + LEVEL_NAMES[target(r, school)]
        + ")";
  }

  /** The school's internal evaluation committee. */
  static String evaluators(int school) {
    return "คณะกรรมการประเมินและตรวจสอบคุณภาพการศึกษาภายในสถานศึกษา ตามคำสั่งโรงเรียนที่ "
        + (20 + school)
        + ": รองผู้อำนวยการฝ่ายวิชาการ (ประธาน) หัวหน้ากลุ่มสาระการเรียนรู้ และผู้แทนคณะกรรมการสถานศึกษาขั้นพื้นฐาน";
  }

  /** The board's advice for next year: the standards below target first. */
  static String boardRecommendations(List<Row> rows, int school) {
    List<String> below = new ArrayList<>();
    for (Row r : rows) {
      if (achieved(r, school) < target(r, school)) {
        below.add(r.label());
      }
    }
    return below.isEmpty()
        ? "ควรรักษามาตรฐานที่บรรลุค่าเป้าหมาย และเผยแพร่แนวปฏิบัติที่ดีด้านการมีส่วนร่วมของชุมชน"
        : "ปีถัดไปควรเร่งยกระดับ "
            + String.join(", ", below)
            + " โดยกำหนดค่าฐานและตัวชี้วัดที่วัดได้ชัดเจน";
  }

  /** The self-check's rows per project of the plan (the same projects as {@link #plans}). */
  private static void projectChecks(
      Params p,
      int semester,
      int school,
      List<Map<String, Object>> standards,
      List<String> standardOptions) {
    p.put("sc" + semester + "Evaluators", evaluators(school));
    p.put(
        "sc" + semester + "Method",
        "ตรวจเอกสารและร่องรอยตามแผนปฏิบัติการ สังเกตการสอน และประชุมคณะกรรมการเพื่อสรุปผลภาคเรียนที่ "
            + semester);
    List<Project> projects = projectsOf(standards, standardOptions).keySet().stream().toList();
    for (int i = 0; i < projects.size(); i++) {
      String at = "sc" + semester + "Projects[" + i + "].";
      boolean late = school % 2 == 1 && projects.get(i).serves().contains("BASIC-1");
      p.put(
          at + "projectProgress",
          semester == 1 ? (late ? "behind" : "on_track") : (late ? "at_risk" : "achieved"));
      p.put(
          at + "projectResult",
          semester == 1
              ? "ดำเนินกิจกรรมตามแผนแล้วร้อยละ " + (late ? 40 : 55) + " ของกิจกรรมทั้งหมด"
              : "ผลตามตัวชี้วัดร้อยละ " + (late ? 74 : 86) + " เทียบค่าเป้าหมายร้อยละ 80");
    }
  }

  private static void selfCheck(Params p, String list, List<Row> rows, int school, int semester) {
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      Texts t = texts(r);
      boolean short_ = achieved(r, school) < target(r, school);
      String status;
      if (semester == 1) {
        status = short_ ? "behind" : "on_track";
      } else {
        status = short_ ? "at_risk" : r.topic().equals("BASIC-3") ? "on_track" : "achieved";
      }
      String at = list + "[" + i + "].";
      p.put(at + "progressStatus", status);
      p.put(at + "evidence", semester == 1 ? t.evidence1() : t.evidence2());
      p.put(at + "problems", semester == 1 ? t.problems() : short_ ? t.problems() : "");
      p.put(at + "nextActions", semester == 1 ? t.nextActions() : t.nextActions2());
    }
  }

  private static String executiveSummary(List<Row> rows, int school, int academicYear) {
    int[] count = new int[6];
    List<String> below = new ArrayList<>();
    for (Row r : rows) {
      count[achieved(r, school)]++;
      if (achieved(r, school) < target(r, school)) {
        below.add(r.label());
      }
    }
    StringBuilder s =
        new StringBuilder("ผลการประเมินตนเองปีการศึกษา ")
            .append(academicYear)
            .append(" จาก ")
            .append(rows.size())
            .append(" มาตรฐาน:");
    for (int level = 5; level >= 1; level--) {
      if (count[level] > 0) {
        s.append(" ระดับ")
            .append(LEVEL_NAMES[level])
            .append(' ')
            .append(count[level])
            .append(" มาตรฐาน");
      }
    }
    s.append(
        "\nจุดเด่น: ผู้เรียนมีคุณลักษณะที่พึงประสงค์และมีจิตอาสา ชุมชนมีส่วนร่วมในการพัฒนาสถานศึกษา");
    if (below.isEmpty()) {
      s.append("\nทุกมาตรฐานบรรลุค่าเป้าหมายของสถานศึกษา");
    } else {
      s.append("\nมาตรฐานที่ยังไม่บรรลุค่าเป้าหมาย: ")
          .append(String.join(", ", below))
          .append(
              " สถานศึกษาจะยกระดับผลสัมฤทธิ์วิชาคณิตศาสตร์ด้วยการสอนซ่อมเสริมและการนิเทศภายในอย่างต่อเนื่อง");
    }
    return s.toString();
  }

  // --- plans -------------------------------------------------------------------------------------

  record Project(String name, List<String> serves, long budget, String owner, String indicator) {
    Project(String name, List<String> serves, long budget) {
      this(name, serves, budget, ownerOf(serves), "ร้อยละของผู้เรียนที่บรรลุเป้าหมายของ" + name);
    }

    private static String ownerOf(List<String> serves) {
      return serves.get(0).startsWith("EARLY_CHILDHOOD")
          ? "กลุ่มงานปฐมวัย"
          : serves.get(0).equals("BASIC-1") ? "กลุ่มบริหารวิชาการ" : "คณะทำงานประกันคุณภาพภายใน";
    }
  }

  static final List<Project> PROJECTS =
      List.of(
          new Project(
              "โครงการพัฒนาทักษะการอ่าน การเขียน และการคิดคำนวณ", List.of("BASIC-1"), 35_000),
          new Project(
              "โครงการส่งเสริมคุณธรรม จริยธรรม และค่านิยมที่พึงประสงค์",
              List.of("BASIC-1"),
              15_000),
          new Project(
              "โครงการนิเทศภายในและชุมชนการเรียนรู้ทางวิชาชีพ (PLC)",
              List.of("BASIC-2", "BASIC-3"),
              12_000),
          new Project("โครงการห้องเรียนคุณภาพด้วยการเรียนรู้เชิงรุก", List.of("BASIC-3"), 48_500),
          new Project(
              "โครงการส่งเสริมพัฒนาการเด็กปฐมวัยผ่านการเล่น",
              List.of("EARLY_CHILDHOOD-1", "EARLY_CHILDHOOD-3"),
              20_000),
          new Project(
              "โครงการปรับปรุงสนามเด็กเล่นและสภาพแวดล้อมที่ปลอดภัย",
              List.of("EARLY_CHILDHOOD-2"),
              30_000),
          new Project("โครงการธนาคารขยะและโรงเรียนสีเขียว", List.of("SCH-1", "BASIC-1"), 8_000));

  private static void plans(
      Params p,
      int school,
      int academicYear,
      List<Map<String, Object>> standards,
      List<String> standardOptions) {
    p.put("developmentPlanPeriod", (academicYear - 1) + "-" + (academicYear + 2));
    boolean earlyChildhood =
        standards.stream().anyMatch(s -> "EARLY_CHILDHOOD".equals(s.get("educationLevel")));
    p.put(
        "actionPlanSummary",
        "แผนปฏิบัติการประจำปีการศึกษา "
            + academicYear
            + " มุ่งยกระดับผลสัมฤทธิ์ด้านการอ่านและคณิตศาสตร์ พัฒนาการจัดการเรียนรู้เชิงรุก และนิเทศภายในอย่างเป็นระบบ"
            + (earlyChildhood ? " รวมทั้งส่งเสริมพัฒนาการเด็กปฐมวัยทั้ง 4 ด้าน" : "")
            + " โดยมีรองผู้อำนวยการฝ่ายวิชาการกำกับติดตามทุกภาคเรียน");
    p.put("planBasis", "internal", "external", "national", "achievement");
    p.put(
        "planBasisSummary",
        "ผลการประเมินตนเองปีการศึกษา "
            + (academicYear - 1)
            + " มาตรฐานด้านคุณภาพผู้เรียนยังต่ำกว่าค่าเป้าหมาย ผล O-NET คณิตศาสตร์ต่ำกว่าค่าเฉลี่ยระดับประเทศ"
            + " และข้อเสนอแนะของสำนักงานเขตพื้นที่การศึกษาให้เพิ่มหลักฐานเชิงประจักษ์ จึงเน้นการอ่าน การคิดคำนวณ และการนิเทศภายใน");
    int i = 0;
    for (Map.Entry<Project, Set<String>> e : projectsOf(standards, standardOptions).entrySet()) {
      Project project = e.getKey();
      String at = "projects[" + i++ + "].";
      p.put(at + "projectName", project.name());
      p.put(at + "projectStandards", e.getValue().toArray(String[]::new));
      p.put(at + "projectOwner", project.owner());
      p.put(at + "projectIndicator", project.indicator());
      p.put(at + "projectTarget", "ร้อยละ 80");
      p.put(
          at + "projectSchedule",
          "มิถุนายน " + academicYear + " – กุมภาพันธ์ " + (academicYear + 1));
      p.put(at + "projectBudget", String.valueOf(project.budget() + 1_000L * (school % 3)));
    }
  }

  /** The projects of the school's plan with the standard options each serves (levels it offers). */
  private static Map<Project, Set<String>> projectsOf(
      List<Map<String, Object>> standards, List<String> standardOptions) {
    List<String> options =
        standardOptions.isEmpty()
            ? standardRows(standards).stream().map(Row::code).toList()
            : standardOptions;
    Map<Project, Set<String>> projects = new LinkedHashMap<>();
    for (Project project : PROJECTS) {
      Set<String> serves = new LinkedHashSet<>();
      for (String code : project.serves()) {
        options.stream()
            .filter(o -> o.equals(code) || o.startsWith(code + "."))
            .findFirst()
            .ifPresent(serves::add);
      }
      if (!serves.isEmpty()) { // else a level the school does not offer
        projects.put(project, serves);
      }
    }
    return projects;
  }

  // --- texts ------------------------------------------------------------------------------------

  record Texts(
      String target,
      String evidence1,
      String problems,
      String nextActions,
      String evidence2,
      String nextActions2,
      String assessmentEvidence,
      String strengths,
      String improvements) {}

  static Texts texts(Row r) {
    return switch (r.topic()) {
      case "EARLY_CHILDHOOD-1" ->
          new Texts(
              "เด็กร้อยละ 85 มีพัฒนาการด้านร่างกาย อารมณ์ จิตใจ สังคม และสติปัญญาตามเกณฑ์ระดับดีขึ้นไป",
              "แบบบันทึกพัฒนาการเด็กรายบุคคล ผลการชั่งน้ำหนักและวัดส่วนสูง ภาพกิจกรรมเคลื่อนไหวและจังหวะ",
              "เด็กบางคนมีน้ำหนักต่ำกว่าเกณฑ์ และขาดเรียนบ่อยในช่วงฤดูฝน",
              "ประสานผู้ปกครองเรื่องโภชนาการ จัดอาหารเสริมและติดตามน้ำหนักทุกเดือน",
              "สรุปผลการประเมินพัฒนาการปลายปี เด็กร้อยละ 88 มีพัฒนาการตามเกณฑ์ระดับดีขึ้นไป",
              "ส่งต่อข้อมูลพัฒนาการเด็กรายบุคคลให้ครูชั้นประถมศึกษาปีที่ 1",
              "ผลการประเมินพัฒนาการ 4 ด้านรายบุคคล สมุดบันทึกสุขภาพ แฟ้มสะสมผลงานเด็ก",
              "เด็กมีสุขนิสัยที่ดี ร่าเริง แจ่มใส กล้าแสดงออก และช่วยเหลือตนเองได้เหมาะสมกับวัย",
              "ทักษะการใช้กล้ามเนื้อมัดเล็กและการคิดแก้ปัญหาของเด็กบางส่วนยังต้องส่งเสริม");
      case "EARLY_CHILDHOOD-2" ->
          new Texts(
              "มีหลักสูตรสถานศึกษาปฐมวัยที่ยืดหยุ่น ครูปฐมวัยทุกคนได้รับการพัฒนาอย่างน้อยปีละ 20 ชั่วโมง และสภาพแวดล้อมปลอดภัย",
              "หลักสูตรสถานศึกษาปฐมวัย บันทึกการประชุมผู้ปกครอง รายงานการตรวจความปลอดภัยของสนามเด็กเล่น",
              "มีครูปฐมวัยไม่ครบชั้น ต้องใช้ครูอัตราจ้างช่วยสอน",
              "ขอสนับสนุนครูอัตราจ้างจากองค์การบริหารส่วนตำบล และจัดอบรมครูพี่เลี้ยง",
              "รายงานการพัฒนาครู เกียรติบัตรการอบรม ผลการประเมินความพึงพอใจของผู้ปกครอง",
              "ปรับปรุงหลักสูตรสถานศึกษาปฐมวัยจากผลการประเมินและข้อเสนอของผู้ปกครอง",
              "หลักสูตรสถานศึกษา รายงานการประชุมคณะกรรมการสถานศึกษาขั้นพื้นฐาน แผนผังความปลอดภัยของอาคารและสนามเด็กเล่น",
              "ผู้บริหารและผู้ปกครองมีส่วนร่วมในการพัฒนาหลักสูตรและสภาพแวดล้อมการเรียนรู้",
              "ควรพัฒนาระบบสารสนเทศพัฒนาการเด็กให้เป็นปัจจุบันและใช้ข้อมูลวางแผนได้");
      case "EARLY_CHILDHOOD-3" ->
          new Texts(
              "ครูปฐมวัยทุกคนจัดประสบการณ์ผ่านการเล่นและการลงมือทำ และประเมินพัฒนาการตามสภาพจริงภาคเรียนละ 2 ครั้ง",
              "แผนการจัดประสบการณ์ บันทึกหลังการสอน แฟ้มสะสมผลงานเด็ก",
              "มุมประสบการณ์ในห้องเรียนมีสื่อไม่เพียงพอ",
              "จัดทำสื่อจากวัสดุท้องถิ่นร่วมกับผู้ปกครอง",
              "ภาพกิจกรรมบ้านนักวิทยาศาสตร์น้อย ผลงานเด็ก บันทึกการสังเกตพฤติกรรม",
              "เผยแพร่สื่อและกิจกรรมที่ได้ผลให้ครูในกลุ่มโรงเรียน",
              "แผนการจัดประสบการณ์ บันทึกหลังการสอน ผลการประเมินพัฒนาการตามสภาพจริง",
              "ครูจัดกิจกรรมบูรณาการผ่านการเล่น เด็กได้ลงมือทำและเรียนรู้อย่างมีความสุข",
              "ครูควรใช้ผลการประเมินพัฒนาการมาปรับการจัดประสบการณ์ให้เหมาะกับเด็กรายบุคคล");
      case "BASIC-1" ->
          new Texts(
              "ผู้เรียนร้อยละ 80 มีผลสัมฤทธิ์ทางการเรียนระดับดีขึ้นไป และร้อยละ 90 มีคุณลักษณะที่พึงประสงค์ระดับดีขึ้นไป",
              "ผลการประเมินการอ่านออกเขียนได้ ผลสัมฤทธิ์ทางการเรียนภาคเรียนที่ 1 ผลการทดสอบ RT และ NT ปีที่ผ่านมา",
              "ผลสัมฤทธิ์วิชาคณิตศาสตร์ของชั้นประถมศึกษาปีที่ 4–6 ต่ำกว่าค่าเป้าหมาย",
              "จัดสอนซ่อมเสริมคณิตศาสตร์หลังเลิกเรียน และใช้แบบฝึกทักษะการคิดคำนวณ",
              "ผลสัมฤทธิ์ทางการเรียนภาคเรียนที่ 2 ผลการประเมินคุณลักษณะอันพึงประสงค์ บันทึกกิจกรรมจิตอาสา",
              "วิเคราะห์ผลการทดสอบระดับชาติเพื่อวางแผนยกระดับผลสัมฤทธิ์ในปีถัดไป",
              "ผลสัมฤทธิ์ทางการเรียนรายวิชา ผลการทดสอบ O-NET และ NT ผลการประเมินคุณลักษณะอันพึงประสงค์",
              "ผู้เรียนอ่านออกเขียนได้ตามเกณฑ์ มีวินัย รับผิดชอบ และมีจิตอาสา",
              "ผลสัมฤทธิ์วิชาคณิตศาสตร์และทักษะการคิดวิเคราะห์ยังต่ำกว่าค่าเป้าหมาย");
      case "BASIC-2" ->
          new Texts(
              "สถานศึกษามีแผนพัฒนาคุณภาพที่ชัดเจน บริหารแบบมีส่วนร่วม และนิเทศภายในครบทุกห้องเรียนภาคเรียนละ 2 ครั้ง",
              "แผนปฏิบัติการประจำปี คำสั่งแต่งตั้งคณะกรรมการ บันทึกการนิเทศภายใน รายงานการประชุม PLC",
              "การนิเทศภายในภาคเรียนที่ 1 ทำได้ร้อยละ 70 เนื่องจากครูติดภารกิจอบรม",
              "จัดตารางนิเทศภายในใหม่ และให้ครูแกนนำช่วยนิเทศแบบเพื่อนช่วยเพื่อน",
              "บันทึกการนิเทศภายในครบทุกห้องเรียน รายงานผลการดำเนินโครงการ รายงานการประชุมคณะกรรมการสถานศึกษาขั้นพื้นฐาน",
              "นำผลการนิเทศและข้อมูลสารสนเทศมาปรับแผนปฏิบัติการปีถัดไป",
              "แผนพัฒนาการจัดการศึกษา แผนปฏิบัติการ รายงานผลการนิเทศ ผลการประเมินความพึงพอใจของผู้ปกครอง",
              "ผู้บริหารใช้หลักการมีส่วนร่วม ชุมชนและคณะกรรมการสถานศึกษาขั้นพื้นฐานสนับสนุนทรัพยากร",
              "ควรนำผลการนิเทศและข้อมูลสารสนเทศมาใช้ปรับปรุงแผนอย่างเป็นระบบ");
      case "BASIC-3" ->
          new Texts(
              "ครูร้อยละ 90 จัดการเรียนรู้เชิงรุก ใช้สื่อและเทคโนโลยี และให้ข้อมูลย้อนกลับแก่ผู้เรียน",
              "แผนการจัดการเรียนรู้ บันทึกหลังสอน ภาพกิจกรรมการเรียนรู้เชิงรุก ผลการสังเกตชั้นเรียน",
              "ครูบางส่วนยังใช้การบรรยายเป็นหลัก และคอมพิวเตอร์สำหรับผู้เรียนมีไม่เพียงพอ",
              "จัด PLC แลกเปลี่ยนเทคนิคการสอนเชิงรุก และขอรับบริจาคอุปกรณ์จากศิษย์เก่า",
              "ผลการสังเกตชั้นเรียนภาคเรียนที่ 2 ครูร้อยละ 85 จัดการเรียนรู้เชิงรุก",
              "ขยายผลการสอนเชิงรุกสู่ครูทุกกลุ่มสาระการเรียนรู้",
              "แผนการจัดการเรียนรู้ ผลการสังเกตชั้นเรียน ผลงานผู้เรียน บันทึกการให้ข้อมูลย้อนกลับ",
              "ครูจัดกิจกรรมให้ผู้เรียนได้ลงมือปฏิบัติ และใช้แหล่งเรียนรู้ในชุมชน",
              "ครูควรใช้ผลการประเมินระหว่างเรียนให้ข้อมูลย้อนกลับเพื่อพัฒนาผู้เรียนรายบุคคล");
      case "SCH-1" ->
          new Texts(
              "ผู้เรียนร้อยละ 90 ร่วมกิจกรรมจิตอาสาและกิจกรรมรักษ์สิ่งแวดล้อมอย่างน้อยภาคเรียนละ 2 ครั้ง",
              "สมุดบันทึกความดี ภาพกิจกรรมธนาคารขยะและปลูกต้นไม้",
              "กิจกรรมบางส่วนต้องเลื่อนเพราะฝนตก",
              "จัดกิจกรรมชดเชยในภาคเรียนที่ 2",
              "สรุปยอดเงินฝากธนาคารขยะ บันทึกชั่วโมงจิตอาสาของผู้เรียน",
              "ขยายผลกิจกรรมธนาคารขยะสู่ชุมชน",
              "บันทึกชั่วโมงจิตอาสา รายงานโครงการธนาคารขยะ เกียรติบัตรโรงเรียนสีเขียว",
              "ผู้เรียนร่วมโครงการธนาคารขยะอย่างต่อเนื่องและชักชวนครอบครัวร่วมคัดแยกขยะ",
              "ควรขยายผลสู่ชุมชนและเก็บหลักฐานการดำเนินงานให้เป็นระบบ");
      default ->
          new Texts(
              "ค่าเป้าหมายระดับดีเลิศ ตามผลการประเมินปีที่ผ่านมา: " + r.label(),
              "รายงานผลการดำเนินงานภาคเรียนที่ 1: " + r.label(),
              "",
              "ดำเนินงานตามแผนและติดตามผลภาคเรียนที่ 2",
              "รายงานผลการดำเนินงานภาคเรียนที่ 2: " + r.label(),
              "สรุปผลเพื่อการประเมินคุณภาพภายใน",
              "รายงานผลการดำเนินงานตลอดปีการศึกษา: " + r.label(),
              "ดำเนินงานครบตามแผน",
              "ควรเก็บหลักฐานการดำเนินงานให้เป็นระบบ");
    };
  }

  /** A demo date never lies in the future (the demo may load early in the year). */
  private static LocalDate notAfterToday(LocalDate date) {
    LocalDate today = LocalDate.now(AcademicYears.ZONE);
    return date.isAfter(today) ? today : date;
  }

  /** Request parameters in the order they are put. */
  private static final class Params {
    final Map<String, String[]> map = new LinkedHashMap<>();

    void put(String name, String... values) {
      map.put(name, values);
    }
  }
}
