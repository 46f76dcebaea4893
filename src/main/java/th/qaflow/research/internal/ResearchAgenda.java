package th.qaflow.research.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.committee.AgendaSource;
import th.qaflow.research.ResearchProjects;
import th.qaflow.research.ResearchProjects.Kind;
import th.qaflow.research.ResearchProjects.Project;
import th.qaflow.research.SchoolResearchRegister;
import th.qaflow.research.SchoolResearchRegister.SchoolProject;

/**
 * Proposes the district's research to ก.ต.ป.น.: each project of the year (or last year) with its
 * report written (to take note of the results and recommendations), each approved project of the
 * year still running (to take note of its progress and the rounds of its model), and the schools'
 * research register of the year.
 */
@Component
@Order(7)
class ResearchAgenda implements AgendaSource {
  static final String SOURCE = "RESEARCH";

  private final ResearchProjects projects;
  private final SchoolResearchRegister schools;

  ResearchAgenda(ResearchProjects projects, SchoolResearchRegister schools) {
    this.projects = projects;
    this.schools = schools;
  }

  @Override
  public List<AgendaSuggestion> suggestions(String districtCode, int academicYearBE) {
    List<AgendaSuggestion> items = new ArrayList<>();
    for (Project p : projects.projects(districtCode)) {
      if (p.academicYear() != academicYearBE && p.academicYear() != academicYearBE - 1) {
        continue;
      }
      if (p.summary() != null) {
        items.add(
            new AgendaSuggestion(
                SOURCE,
                "รับทราบรายงานผลการวิจัย "
                    + kind(p.kind())
                    + " เรื่อง "
                    + p.title()
                    + " ปีการศึกษา "
                    + p.academicYear(),
                p.summary()
                    + (p.recommendations() == null ? "" : "\nข้อเสนอแนะ: " + p.recommendations())));
      } else if (p.academicYear() == academicYearBE && p.approvedAt() != null) {
        int rounds = projects.rounds(p.id()).size();
        items.add(
            new AgendaSuggestion(
                SOURCE,
                "รับทราบความก้าวหน้าโครงการวิจัย เรื่อง " + p.title(),
                "ทดลองใช้รูปแบบ/ เทคนิคแล้ว " + rounds + " รอบ"));
      }
    }
    List<SchoolProject> ofYear =
        schools.ofDistrict(districtCode).stream()
            .filter(p -> p.academicYear() == academicYearBE)
            .toList();
    if (!ofYear.isEmpty()) {
      items.add(
          new AgendaSuggestion(
              SOURCE,
              "รับทราบทะเบียนงานวิจัยของสถานศึกษา ปีการศึกษา " + academicYearBE,
              "โครงการวิจัย "
                  + ofYear.size()
                  + " โครงการ (ร่วมกันหลายโรงเรียน "
                  + ofYear.stream().filter(SchoolProject::joint).count()
                  + ") รายงานผลแล้ว "
                  + ofYear.stream().filter(SchoolProject::reported).count()));
    }
    return items;
  }

  private static String kind(Kind kind) {
    return switch (kind) {
      case R2R -> "(R2R)";
      case INNOVATION -> "(นวัตกรรม)";
      case NEEDS -> "(สภาพปัญหาและความต้องการ)";
    };
  }
}
