package th.qaflow.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import th.qaflow.helpdesk.Helpdesk;
import th.qaflow.helpdesk.Helpdesk.Topic;
import th.qaflow.kernel.AcademicYears;

/**
 * The demo's help desk (issue 15 §3a): school 1 asked how to evidence the SAR, supervisor1
 * answered, the school said it was solved and the answer became the district's first FAQ entry;
 * school 5 asked about ONESQA, was not satisfied, asked again and was answered; school 2's question
 * is answered and waits for its reply; school 6's question about the system has waited for its
 * cluster's supervisors for more than three working days (overdue: reminded, escalated to the
 * supervision director). Each step is dated some days before today, inside the academic year.
 */
@Component
class DemoHelpdesk {
  private final Helpdesk helpdesk;
  private final DemoClock clock;

  DemoHelpdesk(Helpdesk helpdesk, DemoClock clock) {
    this.helpdesk = helpdesk;
    this.clock = clock;
  }

  void load(int year) {
    if (!helpdesk.ofSchool("1099010006").isEmpty()) {
      return; // loaded before
    }
    long sar =
        at(
            year,
            30,
            () ->
                helpdesk.ask(
                    "qa1",
                    Topic.SAR,
                    "หลักฐานประกอบ SAR มาตรฐานที่ 3 ควรมีอะไรบ้าง",
                    "มาตรฐานที่ 3 กระบวนการจัดการเรียนการสอนที่เน้นผู้เรียนเป็นสำคัญ"
                        + " โรงเรียนควรแนบหลักฐานใดประกอบการเขียน SAR"));
    String sarAnswer =
        "ใช้หลักฐานที่แสดงกระบวนการจริง เช่น แผนการจัดการเรียนรู้ที่เน้นผู้เรียนเป็นสำคัญ"
            + " บันทึกการนิเทศภายในชั้นเรียน ผลงานนักเรียน และบันทึกหลังสอน"
            + " ไม่ต้องแนบเอกสารทั้งหมด ให้สรุปและอ้างอิงแหล่งที่เก็บไว้";
    at(year, 29, () -> run(() -> helpdesk.answer(sar, "supervisor1", sarAnswer)));
    at(year, 28, () -> run(() -> helpdesk.reply(sar, "qa1", true, "")));
    at(
        year,
        27,
        () ->
            helpdesk.toFaq(
                sar,
                "supervisor1",
                "หลักฐานประกอบการเขียน SAR มาตรฐานที่ 3 กระบวนการจัดการเรียนการสอน",
                sarAnswer));

    long onesqa =
        at(
            year,
            20,
            () ->
                helpdesk.ask(
                    "qa5",
                    Topic.ONESQA,
                    "สมศ. จะเข้าประเมินภายนอกเมื่อใด",
                    "โรงเรียนยังไม่ได้รับหนังสือแจ้งกำหนดการประเมินภายนอกรอบนี้"));
    at(
        year,
        19,
        () ->
            run(
                () ->
                    helpdesk.answer(
                        onesqa,
                        "supervisor2",
                        "สมศ. จะแจ้งกำหนดการผ่านสำนักงานเขตพื้นที่ ติดตามได้ที่หน้าประเมินภายนอก")));
    at(
        year,
        18,
        () ->
            run(
                () ->
                    helpdesk.reply(
                        onesqa, "qa5", false, "ระหว่างรอ โรงเรียนควรเตรียมเอกสารอะไรล่วงหน้า")));
    at(
        year,
        17,
        () ->
            run(
                () ->
                    helpdesk.answer(
                        onesqa,
                        "supervisor2",
                        "เตรียม SAR สามปีล่าสุด แผนพัฒนาคุณภาพการศึกษา และผลการดำเนินงานตามแผน")));
    at(year, 16, () -> run(() -> helpdesk.reply(onesqa, "qa5", true, "")));

    long target =
        at(
            year,
            6,
            () ->
                helpdesk.ask(
                    "qa2",
                    Topic.STANDARDS,
                    "ค่าเป้าหมายมาตรฐานการศึกษาปฐมวัยควรตั้งอย่างไร",
                    "ควรใช้ผลการประเมินปีก่อนหรือค่าเฉลี่ยของเขตพื้นที่"));
    at(
        year,
        5,
        () ->
            run(
                () ->
                    helpdesk.answer(
                        target,
                        "supervisor1",
                        "ใช้ผลการประเมินปีก่อนเป็นฐาน แล้วตั้งเป้าหมายให้สูงขึ้นตามบริบทของสถานศึกษา")));

    // overdue: more than three working days without an answer
    at(
        year,
        10,
        () ->
            helpdesk.ask(
                "qa6",
                Topic.SYSTEM,
                "อัปโหลดไฟล์ SAR ไม่ได้",
                "ไฟล์ PDF ขนาดประมาณ 30 MB ระบบแจ้งว่าไฟล์ใหญ่เกินไป ควรทำอย่างไร"));
  }

  /** Does {@code step} as at {@code daysAgo} days before today, never before the year began. */
  private <T> T at(int year, int daysAgo, Supplier<T> step) {
    if (clock.writingHistory() && clock.ceiling() != null) {
      Instant time = clock.ceiling().minus(Duration.ofDays(daysAgo));
      Instant start =
          AcademicYears.start(year).plusDays(1).atStartOfDay(AcademicYears.ZONE).toInstant();
      clock.moveTo(time.isBefore(start) ? start : time);
    }
    try {
      return step.get();
    } finally {
      clock.backToCeiling();
    }
  }

  private static Boolean run(Runnable r) {
    r.run();
    return Boolean.TRUE;
  }
}
