package th.qaflow.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisation of the national benchmark as the CSV files an administrator uploads: {@code
 * districts} districts, one of them with {@code bigDistrictSchools} schools (the 250-school
 * district of the goals) and the others sharing the rest; clusters of 15 schools; per school a QA
 * lead, a director and a board member (a second QA member in every third school); per district a QA
 * officer, a supervision director, a director and a supervisor per cluster. Only the users the
 * benchmark signs in as get a password; the import gives everyone else a random one.
 */
final class NationalDataset {
  static final String HEADER_PEOPLE =
      "user_id,first_name,last_name,email,role,district_code,school_code,cluster_codes,password";
  static final int CLUSTER_SIZE = 15;
  static final String PASSWORD = "demo";

  final int districts;
  final int schools;
  final int bigDistrictSchools;
  int people;

  NationalDataset(int districts, int schools, int bigDistrictSchools) {
    this.districts = districts;
    this.schools = schools;
    this.bigDistrictSchools = bigDistrictSchools;
  }

  /** The 250-school district. */
  String bigDistrict() {
    return district(0);
  }

  /** A district that the benchmark starts over the engine's REST API (the P4 baseline). */
  String restDistrict() {
    return district(1);
  }

  static String district(int d) {
    return String.valueOf(7000 + d);
  }

  int schoolsOf(int d) {
    if (d == 0) {
      return bigDistrictSchools;
    }
    int rest = schools - bigDistrictSchools;
    int others = districts - 1;
    return rest / others + (d - 1 < rest % others ? 1 : 0);
  }

  static String school(int d, int s) {
    return String.format("%s%06d", district(d), s + 1);
  }

  static String cluster(int d, int s) {
    return district(d) + "-C" + (s / CLUSTER_SIZE + 1);
  }

  /** The users signed in as: a school QA lead, the first cluster's supervisor, the QA officer. */
  static String schoolQa(int d, int s) {
    return "qa" + school(d, s);
  }

  static String supervisor(int d, int c) {
    return "sup" + district(d) + "c" + (c + 1);
  }

  static String qaOfficer(int d) {
    return "qao" + district(d);
  }

  /** districts.csv, schools.csv and people.csv of the whole nation into {@code dir}. */
  void write(Path dir) throws IOException {
    write(dir, 0, districts);
  }

  /** The files of districts {@code from} (inclusive) to {@code to} (exclusive) into {@code dir}. */
  void write(Path dir, int from, int to) throws IOException {
    Files.createDirectories(dir);
    people = 0;
    try (Writer w = Files.newBufferedWriter(dir.resolve("districts.csv"), StandardCharsets.UTF_8)) {
      w.write("code,name_th,name_en,kind\n");
      for (int d = from; d < to; d++) {
        w.write(
            "%s,สำนักงานเขตพื้นที่การศึกษาทดสอบ %d,Test Educational Service Area Office %d,PRIMARY\n"
                .formatted(district(d), d + 1, d + 1));
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("schools.csv"), StandardCharsets.UTF_8)) {
      w.write(
          "code,smis_code,name_th,name_en,district_code,cluster_code,cluster_name_th,early_childhood,basic\n");
      for (int d = from; d < to; d++) {
        for (int s = 0; s < schoolsOf(d); s++) {
          String code = school(d, s);
          w.write(
              "%s,%s,โรงเรียนทดสอบ %s,Test School %s,%s,%s,กลุ่มโรงเรียนที่ %d,%s,true\n"
                  .formatted(
                      code,
                      String.format("%03d%05d", d, s + 1),
                      code,
                      code,
                      district(d),
                      cluster(d, s),
                      s / CLUSTER_SIZE + 1,
                      s % 2 == 0));
        }
      }
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("people.csv"), StandardCharsets.UTF_8)) {
      w.write(HEADER_PEOPLE + "\n");
      for (int d = from; d < to; d++) {
        String dc = district(d);
        person(w, qaOfficer(d), "DISTRICT_QA_OFFICER", dc, "", "", true);
        person(w, "sdir" + dc, "SUPERVISION_DIRECTOR", dc, "", "", false);
        person(w, "ddir" + dc, "DISTRICT_DIRECTOR", dc, "", "", false);
        int clusters = (schoolsOf(d) + CLUSTER_SIZE - 1) / CLUSTER_SIZE;
        for (int c = 0; c < clusters; c++) {
          person(w, supervisor(d, c), "SUPERVISOR", dc, "", cluster(d, c * CLUSTER_SIZE), c == 0);
        }
        for (int s = 0; s < schoolsOf(d); s++) {
          String sc = school(d, s);
          person(w, schoolQa(d, s), "SCHOOL_QA", "", sc, "", s == 0);
          if (s % 3 == 0) {
            person(w, "qb" + sc, "SCHOOL_QA", "", sc, "", false);
          }
          person(w, "dir" + sc, "SCHOOL_DIRECTOR", "", sc, "", false);
          person(w, "brd" + sc, "SCHOOL_BOARD", "", sc, "", false);
        }
      }
    }
  }

  private void person(
      Writer w,
      String id,
      String role,
      String district,
      String school,
      String clusters,
      boolean signsIn)
      throws IOException {
    people++;
    w.write(
        "%s,ทดสอบ,ผู้ใช้ %s,%s@bench.example,%s,%s,%s,%s,%s\n"
            .formatted(id, id, id, role, district, school, clusters, signsIn ? PASSWORD : ""));
  }

  /** The bootstrap folder: just an administrator who can sign in and upload the rest. */
  static void writeBootstrap(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("people.csv"),
        HEADER_PEOPLE + "\nadmin,ผู้ดูแล,ระบบ,admin@bench.example,ADMIN,,,," + PASSWORD + "\n",
        StandardCharsets.UTF_8);
  }

  List<String> districtCodes() {
    List<String> codes = new ArrayList<>();
    for (int d = 0; d < districts; d++) {
      codes.add(district(d));
    }
    return codes;
  }
}
