package th.qaflow.classroomqa.internal;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.qaflow.classroomqa.ClassroomQaPilots;
import th.qaflow.classroomqa.ClassroomQaPilots.Cycle;
import th.qaflow.classroomqa.ClassroomQaPilots.Pilot;
import th.qaflow.committee.AgendaSource;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * Proposes the classroom-level QA pilot's progress to ก.ต.ป.น. (seed 000 L380-399: the district
 * supervises the model school and its network): once the pilot school is chosen, the lesson-study
 * cycles so far and the readiness; once announced, the model school and the spreading.
 */
@Component
@Order(9)
class ClassroomQaAgenda implements AgendaSource {
  static final String SOURCE = "CLASSROOM_QA";

  private final ClassroomQaPilots pilots;
  private final OrganisationDirectory directory;

  ClassroomQaAgenda(ClassroomQaPilots pilots, OrganisationDirectory directory) {
    this.pilots = pilots;
    this.directory = directory;
  }

  @Override
  public List<AgendaSuggestion> suggestions(String districtCode, int academicYearBE) {
    Pilot pilot = pilots.pilot(districtCode, academicYearBE).orElse(null);
    if (pilot == null || !pilot.chosen()) {
      return List.of();
    }
    String school =
        directory
            .school(pilot.pilotSchoolCode())
            .map(School::nameTh)
            .orElse(pilot.pilotSchoolCode());
    if (pilot.announced()) {
      return List.of(
          new AgendaSuggestion(
              SOURCE,
              "รับทราบการประกาศสถานศึกษาต้นแบบการประกันคุณภาพระดับห้องเรียน ปีการศึกษา "
                  + academicYearBE,
              school + " ประกาศเลขที่ " + pilot.announcementNo()));
    }
    List<Cycle> cycles = pilots.cycles(pilot.id());
    long complete = cycles.stream().filter(Cycle::complete).count();
    long assessed = pilots.readiness(pilot.id()).size();
    return List.of(
        new AgendaSuggestion(
            SOURCE,
            "รับทราบความก้าวหน้าการประกันคุณภาพระดับห้องเรียน (PLC และ Lesson Study) ปีการศึกษา "
                + academicYearBE,
            "สถานศึกษานำร่อง: "
                + school
                + "; สถานศึกษาในเครือข่าย "
                + pilot.networkSchools().size()
                + " แห่ง; วงจรการพัฒนาบทเรียนร่วมกัน "
                + cycles.size()
                + " รอบ (เสร็จสิ้น "
                + complete
                + " รอบ)"
                + (assessed > 0 ? "; ประเมินความพร้อมแล้ว " + assessed + " ครั้ง" : "")));
  }
}
