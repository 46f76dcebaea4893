package th.qaflow.classroomqa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The district's yearly classroom-level QA pilot: start, read, its lesson-study cycles. */
public interface ClassroomQaPilots {

  /** Starts the district's pilot of the academic year; empty when it runs (or ran) already. */
  Optional<String> start(String districtCode, int academicYearBE, String startedBy);

  /** The district's pilots, newest first. */
  List<Pilot> pilots(String districtCode);

  Optional<Pilot> pilot(String districtCode, int academicYearBE);

  /** The pilot whose model school (or network school) this is, newest year first. */
  Optional<Pilot> pilotOfSchool(String schoolCode);

  List<Cycle> cycles(long pilotId);

  List<Readiness> readiness(long pilotId);

  /** A pilot as stored: the model school and its network once chosen, then the milestones. */
  record Pilot(
      long id,
      String districtCode,
      int academicYear,
      String processInstanceId,
      Instant startedAt,
      String startedBy,
      String pilotSchoolCode,
      List<String> networkSchools,
      String plc,
      Instant readyAt,
      String announcementNo,
      LocalDate announcedOn,
      LocalDate sharedOn,
      String sharing,
      Instant finishedAt) {
    public boolean chosen() {
      return pilotSchoolCode != null;
    }

    public boolean announced() {
      return announcedOn != null;
    }

    public boolean finished() {
      return finishedAt != null;
    }
  }

  /** One lesson-study cycle's record: planned, taught and observed, reflected on, revised. */
  record Cycle(
      long id,
      int cycleNo,
      String lesson,
      LocalDate lessonDate,
      String team,
      String lessonPlan,
      String observers,
      String observations,
      String reflection,
      String revision,
      Instant completedAt) {
    public boolean complete() {
      return completedAt != null;
    }
  }

  /** One readiness assessment by the regional IQA team. */
  record Readiness(
      long id,
      int roundNo,
      LocalDate assessedOn,
      String iqaTeam,
      boolean ready,
      String notes,
      String improvement) {}
}
