package th.qaflow.tumhome.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.committee.AgendaSource;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;

/**
 * Proposes the TUMHOME drive to ก.ต.ป.น. (004 L276-306: the committee and its sub-committees
 * supervise the schools' development and report progress): once MOU signing has closed, its
 * progress with how many schools signed; once evaluated, the ranking's honoured schools.
 */
@Component
@Order(7)
class TumhomeAgenda implements AgendaSource {
  private final TumhomeDrives drives;
  private final OrganisationDirectory directory;

  TumhomeAgenda(TumhomeDrives drives, OrganisationDirectory directory) {
    this.drives = drives;
    this.directory = directory;
  }

  @Override
  public List<AgendaSuggestion> suggestions(String districtCode, int academicYearBE) {
    Drive drive = drives.drive(districtCode, academicYearBE).orElse(null);
    if (drive == null || drive.mouClosedAt() == null) {
      return List.of();
    }
    if (drive.evaluatedAt() != null) {
      String honoured =
          drives.ranking(drive.id()).stream()
              .filter(TumhomeDrives.Ranked::honoured)
              .map(r -> directory.school(r.schoolCode()).map(School::nameTh).orElse(r.schoolCode()))
              .collect(Collectors.joining(", "));
      return List.of(
          new AgendaSuggestion(
              "TUMHOME",
              "รับทราบผลการประเมินและการจัดลำดับคุณภาพสถานศึกษา TUMHOME 4Q ปีการศึกษา "
                  + academicYearBE,
              honoured.isEmpty() ? "" : "สถานศึกษาที่ได้รับการยกย่องเชิดชูเกียรติ: " + honoured));
    }
    return List.of(
        new AgendaSuggestion(
            "TUMHOME",
            "รับทราบความก้าวหน้าการขับเคลื่อนคุณภาพ TUMHOME 4Q ปีการศึกษา " + academicYearBE,
            "สถานศึกษาลงนามบันทึกข้อตกลงความร่วมมือ "
                + drives.mous(drive.id()).size()
                + " แห่ง; นิเทศ ติดตาม และรายงานความก้าวหน้าตามตัวชี้วัด 4Q"));
  }
}
