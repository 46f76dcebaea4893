package th.qaflow.demo;

import static th.qaflow.cycle.SchoolQaCycleProcess.*;

import java.util.Map;

/** What the demo schools wrote in each form: realistic Thai answers that pass the forms' validation. */
final class DemoAnswers {
  private DemoAnswers() {}

  static final Map<String, Map<String, String>> FOR_TASK = Map.ofEntries(
      Map.entry(TASK_SET_STANDARDS, Map.of(
          "standardsSummary", "มาตรฐานที่ 1 คุณภาพของผู้เรียน ค่าเป้าหมายระดับดีเลิศ\nมาตรฐานที่ 2 กระบวนการบริหารและการจัดการ ค่าเป้าหมายระดับยอดเยี่ยม\nมาตรฐานที่ 3 กระบวนการจัดการเรียนการสอนที่เน้นผู้เรียนเป็นสำคัญ ค่าเป้าหมายระดับดีเลิศ",
          "standardsFramework", "moe2561",
          "standardsTargetNote", "ปรับค่าเป้าหมายตามผลการประเมินปีที่ผ่านมา")),
      Map.entry(TASK_BOARD_ENDORSE_STANDARDS, Map.of(
          "endorsementDecision", "approve",
          "endorsementComments", "เห็นชอบตามที่เสนอ",
          "endorsementMeetingDate", "2026-05-27",
          "endorsementResolutionNo", "มติที่ 3/2569")),
      Map.entry(TASK_ANNOUNCE_STANDARDS, Map.of(
          "announcementDate", "2026-05-30",
          "announcementRef", "ประกาศโรงเรียน เรื่อง มาตรฐานการศึกษาและค่าเป้าหมาย")),
      Map.entry(TASK_MAKE_PLANS, Map.of(
          "developmentPlanPeriod", "2568-2571",
          "actionPlanSummary", "โครงการพัฒนาการอ่านออกเขียนได้ โครงการห้องเรียนคุณภาพ โครงการนิเทศภายใน",
          "actionPlanProjectCount", "12")),
      Map.entry(TASK_SELF_CHECK_SEMESTER_ONE, Map.of(
          "sc1Progress", "on_track",
          "sc1Findings", "ดำเนินโครงการตามแผนร้อยละ 85 ผลการอ่านของชั้น ป.1 ดีขึ้น",
          "sc1NextActions", "เร่งโครงการนิเทศภายในภาคเรียนที่ 2")),
      Map.entry(TASK_SELF_CHECK_SEMESTER_TWO, Map.of(
          "sc2Progress", "on_track",
          "sc2Findings", "ดำเนินโครงการครบตามแผน",
          "sc2NextActions", "สรุปผลเพื่อจัดทำรายงานการประเมินตนเอง")),
      Map.entry(TASK_INTERNAL_ASSESSMENT, Map.of(
          "iaOverallLevel", "very_good",
          "iaStrengths", "ผู้เรียนมีคุณลักษณะที่พึงประสงค์ ครูใช้สื่อเทคโนโลยีในการสอน",
          "iaImprovements", "ผลสัมฤทธิ์วิชาคณิตศาสตร์ยังต่ำกว่าค่าเป้าหมาย")),
      Map.entry(TASK_DRAFT_SAR, Map.of(
          "sarExecutiveSummary", "โรงเรียนมีผลการประเมินคุณภาพภายในระดับดีเลิศ จุดเด่นคือคุณลักษณะของผู้เรียน จุดที่ควรพัฒนาคือผลสัมฤทธิ์คณิตศาสตร์",
          "sarDocumentLink", "https://drive.example/sar",
          "sarAnnexesComplete", "true")),
      Map.entry(TASK_DIRECTOR_REVIEW_SAR, Map.of(
          "directorDecision", "toBoard",
          "directorComments", "เสนอคณะกรรมการสถานศึกษาพิจารณา")),
      Map.entry(TASK_BOARD_APPROVE_SAR, Map.of(
          "boardDecision", "approve",
          "boardComments", "เห็นชอบรายงาน",
          "boardMeetingDate", "2026-05-10",
          "boardResolutionNo", "มติที่ 2/2569")),
      Map.entry(TASK_SUBMIT_SAR, Map.of(
          "sarSubmittedOn", "2026-05-20",
          "sarSubmittedToESar", "true")),
      Map.entry(TASK_PUBLISH_SAR, Map.of(
          "sarPublicLink", "https://school.example/sar",
          "sarPublishedOn", "2026-05-25")));
}
