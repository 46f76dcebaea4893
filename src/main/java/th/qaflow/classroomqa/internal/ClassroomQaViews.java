package th.qaflow.classroomqa.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.classroomqa.ClassroomQaPilots;
import th.qaflow.classroomqa.ClassroomQaPilots.Cycle;
import th.qaflow.classroomqa.ClassroomQaPilots.Pilot;
import th.qaflow.classroomqa.ClassroomQaPilots.Readiness;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;

/**
 * What the page, the district dashboard's card and the school page's badge show of a pilot: its
 * open tasks, the model school and its network, each lesson-study cycle, each readiness assessment.
 * Used from templates as {@code @classroomQaCard}.
 */
/* public (in an internal package) so templates may call it */
@Component("classroomQaCard")
public class ClassroomQaViews {
  private final ClassroomQaPilots pilots;
  private final OrganisationDirectory directory;
  private final TaskService tasks;

  ClassroomQaViews(
      ClassroomQaPilots pilots, OrganisationDirectory directory, @Lazy TaskService tasks) {
    this.pilots = pilots;
    this.directory = directory;
    this.tasks = tasks;
  }

  /** A pilot as shown. */
  public record PilotView(
      Pilot pilot,
      School school,
      List<School> network,
      List<Task> openTasks,
      List<Cycle> cycles,
      List<Readiness> readiness) {
    public long completeCycles() {
      return cycles.stream().filter(Cycle::complete).count();
    }
  }

  /**
   * The school page's badge: the pilot's year and whether the school is the model, or in its
   * network.
   */
  public record Badge(int academicYear, boolean announced, boolean network) {}

  /**
   * The district's staff (QA officer, supervision director, district director, supervisors) and
   * administrators see the district's pilots.
   */
  public static boolean maySee(QaUser user, String district) {
    if (user.role() == Role.ADMIN) {
      return true;
    }
    return (user.role() == Role.DISTRICT_QA_OFFICER
            || user.role() == Role.SUPERVISION_DIRECTOR
            || user.role() == Role.DISTRICT_DIRECTOR
            || user.role() == Role.SUPERVISOR)
        && district != null
        && district.equals(user.districtCode());
  }

  /** The pilot school's own users (its QA working group and director) see their pilot. */
  public Optional<Pilot> ownPilot(QaUser user) {
    if ((user.role() != Role.SCHOOL_QA && user.role() != Role.SCHOOL_DIRECTOR)
        || user.schoolCode() == null) {
      return Optional.empty();
    }
    return pilots.pilotOfSchool(user.schoolCode());
  }

  /** Whether the signed-in user's school is a pilot school (the bar's link asks). */
  public boolean isPilotSchoolUser() {
    try {
      return ownPilot(CurrentUser.get()).isPresent();
    } catch (IllegalStateException nobodySignedIn) {
      return false;
    }
  }

  /** Whether the signed-in user sees the district's pilots (the dashboard card asks). */
  public boolean mayOpen(String districtCode) {
    try {
      return maySee(CurrentUser.get(), districtCode);
    } catch (IllegalStateException nobodySignedIn) {
      return false;
    }
  }

  /** The dashboard card: the district's pilot of the year, or null when it has none. */
  public PilotView card(String districtCode, int year) {
    return pilots.pilot(districtCode, year).map(this::view).orElse(null);
  }

  /** The school page's badge, or null when the school takes no part in a pilot. */
  public Badge badge(String schoolCode, String districtCode) {
    List<Pilot> all = pilots.pilots(districtCode);
    for (Pilot p : all) {
      if (schoolCode.equals(p.pilotSchoolCode())) {
        return new Badge(p.academicYear(), p.announced(), false);
      }
    }
    for (Pilot p : all) {
      if (p.networkSchools().contains(schoolCode)) {
        return new Badge(p.academicYear(), false, true);
      }
    }
    return null;
  }

  public PilotView view(Pilot pilot) {
    List<Task> open =
        pilot.finished()
            ? List.of()
            : tasks.createTaskQuery().processInstanceId(pilot.processInstanceId()).list();
    School school =
        pilot.pilotSchoolCode() == null
            ? null
            : directory.school(pilot.pilotSchoolCode()).orElse(null);
    List<School> network =
        pilot.networkSchools().stream().map(directory::school).flatMap(Optional::stream).toList();
    return new PilotView(
        pilot, school, network, open, pilots.cycles(pilot.id()), pilots.readiness(pilot.id()));
  }
}
