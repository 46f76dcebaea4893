package th.qaflow.kernel;

import java.time.Instant;
import java.util.List;

/**
 * The district started help for a school below the standard (SchoolAssistance), from the synthesis'
 * below-target list of {@code academicYear}. Published synchronously inside the starting
 * transaction, so the notification module's mail to the school's director and QA group commits or
 * rolls back with the start.
 *
 * @param standards one line per standard below target, as the school's Thai reader reads it (e.g.
 *     "มาตรฐานที่ 1 คุณภาพของผู้เรียน: เป้าหมาย ดีเลิศ ผลการประเมิน ดี")
 * @param standardsEn the same in English
 */
public record SchoolHelpStarted(
    String schoolCode,
    int academicYear,
    String processInstanceId,
    List<String> standards,
    List<String> standardsEn,
    Instant at) {

  public SchoolHelpStarted {
    standards = List.copyOf(standards);
    standardsEn = List.copyOf(standardsEn);
  }
}
