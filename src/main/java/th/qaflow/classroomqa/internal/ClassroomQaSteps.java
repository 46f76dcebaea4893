package th.qaflow.classroomqa.internal;

import static th.qaflow.classroomqa.ClassroomQaProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import th.qaflow.classroomqa.ClassroomQaPilots.Pilot;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.kernel.ClassroomQaPilotChosen;
import th.qaflow.kernel.ClassroomQaResultsShared;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;

/**
 * The task listeners of ClassroomQaPilot: they keep the pilot's rows (the choice, each lesson-study
 * cycle, each readiness assessment, the announcement and the sharing) and publish the kernel events
 * the notification module mails. They run in the engine's transaction, so the rows and the mails
 * commit with the step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("classroomQaSteps")
public class ClassroomQaSteps {
  private final JdbcClassroomQaPilots pilots;
  private final OrganisationDirectory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ClassroomQaSteps(
      JdbcClassroomQaPilots pilots,
      OrganisationDirectory directory,
      ApplicationEventPublisher events,
      Clock clock) {
    this.pilots = pilots;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /** The pilot school and its network chosen: the later tasks go to the school and its cluster. */
  public void chosen(DelegateTask task) {
    Pilot pilot = pilot(task);
    String schoolCode = text(task.getVariable(VAR_PILOT_SCHOOL));
    School school =
        directory
            .school(schoolCode)
            .filter(s -> s.districtCode().equals(pilot.districtCode()))
            .orElseThrow(() -> new IllegalArgumentException("Not a school of the district"));
    List<String> network = new ArrayList<>();
    if (task.getVariable(VAR_NETWORK_SCHOOLS) instanceof List<?> list) {
      for (Object o : list) {
        String code = String.valueOf(o);
        if (!code.equals(schoolCode)
            && !network.contains(code)
            && directory
                .school(code)
                .filter(s -> s.districtCode().equals(pilot.districtCode()))
                .isPresent()) {
          network.add(code);
        }
      }
    }
    task.setVariable(ProcessVariables.SCHOOL_CODE, school.code());
    task.setVariable(ProcessVariables.SCHOOL_NAME, school.nameTh());
    task.setVariable(ProcessVariables.CLUSTER_CODE, school.clusterCode());
    pilots.chosen(pilot.id(), school.code(), network);
    events.publishEvent(
        new ClassroomQaPilotChosen(
            pilot.id(),
            school.code(),
            text(task.getVariable(VAR_DISTRICT_NAME)),
            pilot.academicYear(),
            text(task.getVariable(VAR_CHOICE_REASON)),
            link(pilot),
            clock.instant()));
  }

  public void plcPromoted(DelegateTask task) {
    pilots.plcPromoted(
        pilot(task).id(), join(text(task.getVariable(VAR_PLC)), text(task.getVariable(VAR_CO5))));
  }

  /** A lesson-study cycle begins: its row, and its number for the cycle's tasks. */
  public void cycleOpened(DelegateTask task) {
    task.setVariable(VAR_CYCLE_NO, pilots.openCycle(pilot(task).id()));
  }

  public void lessonPlanned(DelegateTask task) {
    pilots.lessonPlanned(
        pilot(task).id(),
        cycleNo(task),
        text(task.getVariable(VAR_LESSON)),
        date(task.getVariable(VAR_LESSON_DATE)),
        text(task.getVariable(VAR_TEAM)),
        text(task.getVariable(VAR_LESSON_PLAN)));
  }

  public void observed(DelegateTask task) {
    pilots.observed(
        pilot(task).id(),
        cycleNo(task),
        text(task.getVariable(VAR_OBSERVERS)),
        text(task.getVariable(VAR_OBSERVATIONS)));
  }

  public void reflected(DelegateTask task) {
    pilots.reflected(pilot(task).id(), cycleNo(task), text(task.getVariable(VAR_REFLECTION)));
  }

  public void revised(DelegateTask task) {
    pilots.revised(pilot(task).id(), cycleNo(task), text(task.getVariable(VAR_REVISION)));
  }

  public void assessed(DelegateTask task) {
    pilots.assessed(
        pilot(task).id(),
        date(task.getVariable(VAR_ASSESSED_ON)),
        text(task.getVariable(VAR_IQA_TEAM)),
        READY.equals(task.getVariable(VAR_READINESS)),
        text(task.getVariable(VAR_READINESS_NOTES)));
  }

  public void improved(DelegateTask task) {
    pilots.improved(pilot(task).id(), text(task.getVariable(VAR_IMPROVEMENT)));
  }

  public void announced(DelegateTask task) {
    LocalDate on = date(task.getVariable(VAR_ANNOUNCED_ON));
    pilots.announced(
        pilot(task).id(), text(task.getVariable(VAR_ANNOUNCEMENT_NO)), on != null ? on : today());
  }

  /** The results spread: every school of the district is told of the model school and the event. */
  public void shared(DelegateTask task) {
    Pilot pilot = pilot(task);
    LocalDate on = date(task.getVariable(VAR_SHARING_ON));
    String sharing = text(task.getVariable(VAR_SHARING));
    pilots.shared(pilot.id(), on != null ? on : today(), sharing);
    List<String> schools =
        directory.schoolsOfDistrict(pilot.districtCode()).stream().map(School::code).toList();
    events.publishEvent(
        new ClassroomQaResultsShared(
            pilot.id(),
            directory.school(pilot.pilotSchoolCode()).map(School::nameTh).orElse(""),
            text(task.getVariable(VAR_DISTRICT_NAME)),
            pilot.academicYear(),
            pilot.announcementNo(),
            on != null ? on : today(),
            sharing,
            schools,
            link(pilot),
            clock.instant()));
  }

  private Pilot pilot(DelegateTask task) {
    return pilots
        .pilotOfInstance(task.getProcessInstanceId())
        .orElseThrow(
            () -> new IllegalStateException("No pilot row of " + task.getProcessInstanceId()));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(AcademicYears.ZONE));
  }

  private static String link(Pilot pilot) {
    return "/classroom-qa?district=" + pilot.districtCode() + "#cqa-" + pilot.academicYear();
  }

  private static int cycleNo(DelegateTask task) {
    return ((Number) task.getVariable(VAR_CYCLE_NO)).intValue();
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "\n\n" + b;
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = String.valueOf(value).strip();
    return s.isEmpty() ? null : s;
  }

  static LocalDate date(Object value) {
    if (value instanceof Date d) {
      return d.toInstant().atZone(AcademicYears.ZONE).toLocalDate();
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    String s = value == null ? null : String.valueOf(value);
    if (s != null && s.length() >= 10 && s.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(s.substring(0, 10));
    }
    return null;
  }
}
