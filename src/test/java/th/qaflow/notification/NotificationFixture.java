package th.qaflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.ImportReport;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;

/**
 * The notification tests' own district 7620 (cluster 7620-C1, schools 7620010001–2), people prefixed
 * {@code n7620}, all with the password "demo", and academic years 2620–2639.
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

  private static final Person ADMIN = new Person("test-admin", "ทดสอบ", "ผู้ดูแล", "test-admin@qaflow.example",
      Role.ADMIN, null, null, List.of(), "th");

  private NotificationFixture() {}

  static void importDistrict(OrganisationImport organisation) {
    check(organisation.importCsv(ImportKind.DISTRICTS, csv("code,name_th,name_en,kind",
        DISTRICT + "," + DISTRICT_NAME + ",Notification District 1,PRIMARY"), ADMIN));
    check(organisation.importCsv(ImportKind.SCHOOLS, csv(
        "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic",
        SCHOOL + ",97620001," + SCHOOL_NAME + ",Ban Chaeng Tuean School," + DISTRICT + "," + CLUSTER + ",กลุ่มแจ้งเตือน,true,true",
        "7620010002,97620002,โรงเรียนบ้านสอง,Ban Song School," + DISTRICT + "," + CLUSTER + ",กลุ่มแจ้งเตือน,false,true"), ADMIN));
    check(organisation.importCsv(ImportKind.PEOPLE, csv(
        "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password",
        QA1 + ",สมหญิง,ใจดี," + QA1 + "@qaflow.example,SCHOOL_QA,," + SCHOOL + ",,demo",
        QA2 + ",สมศรี,ขยัน," + QA2 + "@qaflow.example,SCHOOL_QA,," + SCHOOL + ",,demo",
        DIRECTOR + ",สมชาย,มั่นคง," + DIRECTOR + "@qaflow.example,SCHOOL_DIRECTOR," + DISTRICT + "," + SCHOOL + ",,demo",
        "n7620board,บุญมี,ศรีสุข,n7620board@qaflow.example,SCHOOL_BOARD,," + SCHOOL + ",,demo",
        SUPERVISOR + ",อรุณี,นิเทศดี," + SUPERVISOR + "@qaflow.example,SUPERVISOR," + DISTRICT + ",," + CLUSTER + ",demo",
        OFFICER + ",ปรียา,แก้วมณี," + OFFICER + "@qaflow.example,DISTRICT_QA_OFFICER," + DISTRICT + ",,,demo",
        SUPERVISION_DIRECTOR + ",วิไล,นิเทศก์เอก," + SUPERVISION_DIRECTOR + "@qaflow.example,SUPERVISION_DIRECTOR,"
            + DISTRICT + ",,,demo",
        ADMIN_USER + ",ธนา,ระบบดี," + ADMIN_USER + "@qaflow.example,ADMIN,,,,demo"), ADMIN));
  }

  private static void check(ImportReport report) {
    if (!report.ok()) {
      throw new IllegalStateException("fixture import failed: " + report.errors());
    }
  }

  private static ByteArrayInputStream csv(String... lines) {
    return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sets the engine clock to a Bangkok local time. */
  static void clock(LocalDateTime bangkok) {
    ClockUtil.setCurrentTime(Date.from(bangkok.atZone(AcademicYears.ZONE).toInstant()));
  }

  static String email(String userId) {
    return userId + "@qaflow.example";
  }

  /** Captured mails whose body links to the task. */
  static List<MimeMessage> mailsAbout(GreenMail mail, String taskId) {
    return Arrays.stream(mail.getReceivedMessages()).filter(m -> body(m).contains("/tasks/" + taskId)).toList();
  }

  static List<MimeMessage> mailsTo(GreenMail mail, String userId) {
    return Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(email(userId))).toList();
  }

  static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String kind(MimeMessage m) {
    try {
      return m.getHeader("X-QAFlow-Kind")[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text and HTML parts together. */
  static String body(MimeMessage m) {
    try {
      return text(m, "text/plain") + "\n" + text(m, "text/html");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(jakarta.mail.Part p, String type) throws Exception {
    if (p.isMimeType(type)) {
      return String.valueOf(p.getContent());
    }
    if (p.isMimeType("multipart/*")) {
      jakarta.mail.Multipart mp = (jakarta.mail.Multipart) p.getContent();
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < mp.getCount(); i++) {
        s.append(text(mp.getBodyPart(i), type));
      }
      return s.toString();
    }
    return "";
  }
}
