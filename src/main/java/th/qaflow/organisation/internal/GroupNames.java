package th.qaflow.organisation.internal;

/** Readable Thai names of the Camunda groups, shown in Camunda Admin and the task list. */
final class GroupNames {

  static final String CAMUNDA_ADMIN = "ผู้ดูแลระบบ QA Flow";
  static final String OBEC_VIEWER = "ผู้ติดตามผล สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (สพฐ.)";

  private GroupNames() {}

  static String schoolQa(String schoolName) {
    return "คณะทำงานประกันคุณภาพ " + school(schoolName);
  }

  static String schoolDirector(String schoolName) {
    return "ผู้อำนวยการ" + school(schoolName);
  }

  static String schoolBoard(String schoolName) {
    return "คณะกรรมการสถานศึกษาขั้นพื้นฐาน " + school(schoolName);
  }

  static String clusterSupervisor(String clusterName) {
    return "ศึกษานิเทศก์ " + clusterName;
  }

  static String supervisionDirector(String districtName) {
    return "ผู้อำนวยการกลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา " + districtName;
  }

  static String districtQaOfficer(String districtName) {
    return "กลุ่มงานส่งเสริมพัฒนาระบบการประกันคุณภาพการศึกษา " + districtName;
  }

  static String districtDirector(String districtName) {
    return "ผู้อำนวยการ" + districtName;
  }

  private static String school(String name) {
    return name.startsWith("โรงเรียน") ? name : "โรงเรียน" + name;
  }
}
