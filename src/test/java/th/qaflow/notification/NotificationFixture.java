package th.qaflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import th.qaflow.cycle.CycleService;
import th.qaflow.cycle.SchoolQaCycleProcess;
import th.qaflow.notification.internal.OutboxSender;
import th.qaflow.notification.internal.ReminderScanner;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.support.EngineTestClock;
import th.qaflow.support.Mails;
import th.qaflow.support.TestOrganisation;

/**
 * The notification tests' own district 7620 (cluster 7620-C1, schools 7620010001–2), people
 * prefixed {@code n7620}, all with the password "demo", and academic years 2620–2639.
 */
final class NotificationFixture {
  static final String DISTRICT = "7620";
  static final String CLUSTER = "7620-C1";
  static final String SCHOOL = "7620010001";
  static final String SCHOOL_NAME = "โรงเรียนบ้านแจ้งเตือน";
  static final String QA1 = "n7620qa1";
  static final String QA2 = "n7620qa2";
  static final String DIRECTOR = "n7620dir";
  static final String SUPERVISOR = "n7620sup";
  static final String OFFICER = "n7620qaoff";
  static final String SUPERVISION_DIRECTOR = "n7620supdir";
  static final String DISTRICT_NAME = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาแจ้งเตือน เขต 1";
  static final String ADMIN_USER = "n7620admin";

  private NotificationFixture() {}

  static void importDistrict(OrganisationImport organisation) {
    TestOrganisation.importLines(
        organisation,
        ImportKind.DISTRICTS,
        "code,name_th,name_en,kind",
        DISTRICT + "," + DISTRICT_NAME + ",Notification District 1,PRIMARY");
    TestOrganisation.importLines(
        organisation,
        ImportKind.SCHOOLS,
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        SCHOOL
            + ",97620001,"
            + SCHOOL_NAME
            + ",Ban Chaeng Tuean School,"
            + DISTRICT
            + ","
            + CLUSTER
            + ",กลุ่มแจ้งเตือน,true,true",
        "7620010002,97620002,โรงเรียนบ้านสอง,Ban Song School,"
            + DISTRICT
            + ","
            + CLUSTER
            + ",กลุ่มแจ้งเตือน,false,true");
    TestOrganisation.importLines(
        organisation,
        ImportKind.PEOPLE,
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        QA1 + ",สมหญิง,ใจดี," + QA1 + "@qaflow.example,SCHOOL_QA,," + SCHOOL + ",,demo",
        QA2 + ",สมศรี,ขยัน," + QA2 + "@qaflow.example,SCHOOL_QA,," + SCHOOL + ",,demo",
        DIRECTOR
            + ",สมชาย,มั่นคง,"
            + DIRECTOR
            + "@qaflow.example,SCHOOL_DIRECTOR,"
            + DISTRICT
            + ","
            + SCHOOL
            + ",,demo",
        "n7620board,บุญมี,ศรีสุข,n7620board@qaflow.example,SCHOOL_BOARD,," + SCHOOL + ",,demo",
        SUPERVISOR
            + ",อรุณี,นิเทศดี,"
            + SUPERVISOR
            + "@qaflow.example,SUPERVISOR,"
            + DISTRICT
            + ",,"
            + CLUSTER
            + ",demo",
        OFFICER
            + ",ปรียา,แก้วมณี,"
            + OFFICER
            + "@qaflow.example,DISTRICT_QA_OFFICER,"
            + DISTRICT
            + ",,,demo",
        SUPERVISION_DIRECTOR
            + ",วิไล,นิเทศก์เอก,"
            + SUPERVISION_DIRECTOR
            + "@qaflow.example,SUPERVISION_DIRECTOR,"
            + DISTRICT
            + ",,,demo",
        ADMIN_USER + ",ธนา,ระบบดี," + ADMIN_USER + "@qaflow.example,ADMIN,,,,demo");
  }

  /** Sets the engine clock to a Bangkok local time. */
  static void clock(LocalDateTime bangkok) {
    EngineTestClock.at(bangkok);
  }

  static String email(String userId) {
    return userId + "@qaflow.example";
  }

  static List<MimeMessage> mailsTo(GreenMail mail, String userId) {
    return Mails.addressedTo(mail, email(userId));
  }

  /**
   * Starts the school's cycle of that year on 16 May (its first day) and returns its first task.
   */
  static Task startCycle(CycleService cycles, TaskService tasks, int year) {
    clock(LocalDateTime.of(year - 543, 5, 16, 8, 0));
    cycles.startSchool(SCHOOL, year, "test").orElseThrow();
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(SchoolQaCycleProcess.businessKey(SCHOOL, year))
        .singleResult();
  }

  /**
   * The engine clock to that Bangkok time, then what a node does at that moment: scan for due
   * reminders, send.
   */
  static void at(ReminderScanner scanner, OutboxSender sender, LocalDateTime bangkok) {
    clock(bangkok);
    scanner.scan();
    sender.drain();
  }
}
