package th.qaflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import th.qaflow.organisation.ImportKind;
import th.qaflow.organisation.OrganisationImport;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;
import th.qaflow.support.EngineTestClock;

/**
 * The calendar and escalation tests' own organisation: district 2110 (cluster 2110-C1, schools
 * 2110010001–3) with a person for every role, and district 2111 (school 2111010001) with its own QA
 * officer and school QA. Passwords are {@code demo} so {@code WebSessions.login} works. Each test
 * takes a fresh academic year from 2640–2659, shared by the calendar and cycle test classes.
 */
public final class CalendarFixtures {
  public static final String DISTRICT = "2110";
  public static final String OTHER_DISTRICT = "2111";
  public static final String CLUSTER = "2110-C1";
  public static final String SCHOOL_1 = "2110010001";
  public static final String SCHOOL_2 = "2110010002";
  public static final String SCHOOL_3 = "2110010003";
  public static final String OTHER_SCHOOL = "2111010001";

  private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2640);
  private static final Person ADMIN =
      new Person(
          "admin",
          "ผู้ดูแลระบบ",
          "QA Flow",
          "admin@qaflow.example",
          Role.ADMIN,
          null,
          null,
          List.of(),
          "th");
  private static volatile boolean imported;

  private CalendarFixtures() {}

  public static String user(String name) {
    return "u2110" + name;
  }

  public static int nextYear() {
    int year = NEXT_YEAR.getAndIncrement();
    assertThat(year)
        .as("academic years 2640-2659 belong to the calendar tests")
        .isLessThanOrEqualTo(2659);
    return year;
  }

  public static synchronized void importOrganisation(OrganisationImport imports) {
    if (imported) {
      return;
    }
    check(
        imports,
        ImportKind.DISTRICTS,
        """
        code,name_th,name_en,kind
        2110,สำนักงานเขตพื้นที่การศึกษาประถมศึกษาปฏิทิน เขต 1,Calendar Test District 1,PRIMARY
        2111,สำนักงานเขตพื้นที่การศึกษาประถมศึกษาปฏิทิน เขต 2,Calendar Test District 2,PRIMARY
        """);
    check(
        imports,
        ImportKind.SCHOOLS,
        """
        code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic
        2110010001,92110001,โรงเรียนบ้านปฏิทินหนึ่ง,Ban Calendar 1 School,2110,2110-C1,กลุ่มโรงเรียนปฏิทิน,true,true
        2110010002,92110002,โรงเรียนบ้านปฏิทินสอง,Ban Calendar 2 School,2110,2110-C1,กลุ่มโรงเรียนปฏิทิน,false,true
        2110010003,92110003,โรงเรียนบ้านปฏิทินสาม,Ban Calendar 3 School,2110,2110-C1,กลุ่มโรงเรียนปฏิทิน,false,true
        2111010001,92111001,โรงเรียนบ้านเขตสอง,Ban District Two School,2111,2111-C1,กลุ่มโรงเรียนเขตสอง,false,true
        """);
    check(
        imports,
        ImportKind.PEOPLE,
        """
        user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password
        u2110qaoff,ปรียา,ปฏิทิน,u2110qaoff@qaflow.example,DISTRICT_QA_OFFICER,2110,,,demo
        u2110sup,อรุณี,นิเทศ,u2110sup@qaflow.example,SUPERVISOR,2110,,2110-C1,demo
        u2110supdir,สุรชัย,นิเทศก์ใหญ่,u2110supdir@qaflow.example,SUPERVISION_DIRECTOR,2110,,,demo
        u2110ddir,ประเสริฐ,เขต,u2110ddir@qaflow.example,DISTRICT_DIRECTOR,2110,,,demo
        u2110qa1,สมหญิง,ใจดี,u2110qa1@qaflow.example,SCHOOL_QA,,2110010001,,demo
        u2110dir1,สมชาย,มั่นคง,u2110dir1@qaflow.example,SCHOOL_DIRECTOR,,2110010001,,demo
        u2110board1,บุญมี,ศรีสุข,u2110board1@qaflow.example,SCHOOL_BOARD,,2110010001,,demo
        u2110obec,วิภา,ส่วนกลาง,u2110obec@qaflow.example,OBEC_VIEWER,,,,demo
        u2110admin,ธนา,ระบบ,u2110admin@qaflow.example,ADMIN,,,,demo
        u2111qaoff,มาลี,เขตสอง,u2111qaoff@qaflow.example,DISTRICT_QA_OFFICER,2111,,,demo
        u2111qa1,สมศรี,เขตสอง,u2111qa1@qaflow.example,SCHOOL_QA,,2111010001,,demo
        """);
    imported = true;
  }

  private static void check(OrganisationImport imports, ImportKind kind, String csv) {
    var report =
        imports.importCsv(
            kind, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ADMIN);
    assertThat(report.errors()).as(kind.name()).isEmpty();
  }

  public static void clock(int y, int m, int d, int h, int min) {
    EngineTestClock.at(LocalDateTime.of(y, m, d, h, min));
  }

  public static void clockAt(Date at) {
    EngineTestClock.at(at);
  }
}
