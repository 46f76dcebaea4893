package th.qaflow.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import th.qaflow.support.TestOrganisation;

/**
 * CSV files for one fictional district per test: district {@code d} (4 digits), cluster {@code
 * d-C1}, schools {@code d01000n} (SMIS {@code 9d00n}), users prefixed {@code u<d>}.
 */
final class TestData {

  private static final AtomicInteger NEXT = new AtomicInteger(2000);

  static final String DISTRICT_HEADER = "code,name_th,name_en,kind";
  static final String SCHOOL_HEADER =
      "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic";
  static final String PEOPLE_HEADER =
      "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password";

  static final Person ADMIN = TestOrganisation.ADMIN;

  final String d = String.valueOf(NEXT.getAndIncrement());

  String district() {
    return d;
  }

  String districtName() {
    return "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต " + d;
  }

  String cluster() {
    return d + "-C1";
  }

  String school(int n) {
    return d + "01000" + n;
  }

  String smis(int n) {
    return "9" + d + "00" + n;
  }

  String user(String name) {
    return "u" + d + name;
  }

  String districtsCsv() {
    return lines(DISTRICT_HEADER, d + "," + districtName() + ",Test District " + d + ",PRIMARY");
  }

  String schoolRow(int n) {
    return school(n)
        + ","
        + smis(n)
        + ",โรงเรียนบ้านทดสอบ"
        + n
        + ",Ban Test "
        + n
        + " School,"
        + d
        + ","
        + cluster()
        + ",กลุ่มโรงเรียนทดสอบ,"
        + (n % 2 == 0 ? "false" : "true")
        + ",true";
  }

  String schoolsCsv() {
    return lines(SCHOOL_HEADER, schoolRow(1), schoolRow(2));
  }

  String personRow(
      String name,
      String first,
      String last,
      Role role,
      String district,
      String school,
      String clusters,
      String password) {
    return String.join(
        ",",
        user(name),
        first,
        last,
        user(name) + "@qaflow.example",
        role.name(),
        district,
        school,
        clusters,
        password);
  }

  /** One person per role, all with password "secret". */
  String peopleCsv() {
    return lines(
        PEOPLE_HEADER,
        personRow("qa1", "สมหญิง", "ใจดี", Role.SCHOOL_QA, "", school(1), "", "secret"),
        personRow("dir1", "สมชาย", "มั่นคง", Role.SCHOOL_DIRECTOR, d, school(1), "", "secret"),
        personRow("board1", "บุญมี", "ศรีสุข", Role.SCHOOL_BOARD, "", school(1), "", "secret"),
        personRow("sup", "อรุณี", "นิเทศดี", Role.SUPERVISOR, d, "", cluster(), "secret"),
        personRow("supdir", "สุรชัย", "ทองคำ", Role.SUPERVISION_DIRECTOR, d, "", "", "secret"),
        personRow("qaoff", "ปรียา", "แก้วมณี", Role.DISTRICT_QA_OFFICER, d, "", "", "secret"),
        personRow("ddir", "ประเสริฐ", "วงศ์ไทย", Role.DISTRICT_DIRECTOR, d, "", "", "secret"),
        personRow("obec", "วิภา", "ศรีสุข", Role.OBEC_VIEWER, "", "", "", "secret"),
        personRow("admin", "ธนา", "ระบบดี", Role.ADMIN, "", "", "", "secret"));
  }

  Person qaOfficer() {
    return new Person(
        user("qaoff"),
        "ปรียา",
        "แก้วมณี",
        user("qaoff") + "@qaflow.example",
        Role.DISTRICT_QA_OFFICER,
        d,
        null,
        List.of(),
        "th");
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  static ByteArrayInputStream utf8(String csv) {
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}
