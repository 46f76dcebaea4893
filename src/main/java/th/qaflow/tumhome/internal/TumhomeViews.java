package th.qaflow.tumhome.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Role;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.tumhome.TumhomeDrives;
import th.qaflow.tumhome.TumhomeDrives.Drive;
import th.qaflow.tumhome.TumhomeDrives.Mou;
import th.qaflow.tumhome.TumhomeDrives.Ranked;
import th.qaflow.tumhome.TumhomeProcess;
import th.qaflow.visit.VisitRounds;
import th.qaflow.visit.VisitRounds.Visit;

/**
 * What the page, the task panels and the dashboard card show of a TUMHOME drive: its open tasks and
 * each school of the district with its MOU (signed or not). Used from templates as {@code
 * ${@tumhomeCard.card(district, year)}} on the district dashboard.
 */
/* public (in an internal package) so templates may call it */
@Component("tumhomeCard")
public class TumhomeViews {
  private final TumhomeDrives drives;
  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final VisitRounds visitRounds;

  TumhomeViews(
      TumhomeDrives drives,
      OrganisationDirectory directory,
      @Lazy TaskService tasks,
      @Lazy VisitRounds visitRounds) {
    this.drives = drives;
    this.directory = directory;
    this.tasks = tasks;
    this.visitRounds = visitRounds;
  }

  /** A ranked school with its name (no person's name: the public page shows these). */
  public record RankRow(String schoolCode, String schoolName, Ranked ranked) {
    public Integer level(String areaCode) {
      return ranked.levels().get(areaCode);
    }
  }

  /** A school of the district and its MOU of the drive (null when not signed). */
  public record SchoolMou(School school, Mou mou) {
    public boolean signed() {
      return mou != null;
    }
  }

  /** A drive as shown: the stage (its open tasks' names), the schools' MOUs. */
  public record DriveView(
      Drive drive,
      List<Task> openTasks,
      List<SchoolMou> schools,
      List<Visit> visits,
      List<RankRow> ranking) {
    public long signedCount() {
      return schools.stream().filter(SchoolMou::signed).count();
    }

    public boolean finished() {
      return drive.evaluatedAt() != null;
    }

    /** The schools that signed the MOU: the mentoring visits them, the evaluation ranks them. */
    public List<SchoolMou> signedSchools() {
      return schools.stream().filter(SchoolMou::signed).toList();
    }

    /** Whether the drive waits at the task (its open task). */
    public boolean at(String taskKey) {
      return openTasks.stream().anyMatch(t -> taskKey.equals(t.getTaskDefinitionKey()));
    }

    public boolean mentoringOpen() {
      return at(TumhomeProcess.TASK_MENTORING);
    }

    public boolean evaluationOpen() {
      return at(TumhomeProcess.TASK_EVALUATE);
    }

    /** The level a school has for an area so far (null when none). */
    public Integer level(String schoolCode, String areaCode) {
      return ranking.stream()
          .filter(r -> r.schoolCode().equals(schoolCode))
          .findFirst()
          .map(r -> r.level(areaCode))
          .orElse(null);
    }
  }

  /**
   * Who sees the district's whole drive: its QA officer, supervision director, district director
   * and supervisors, and administrators.
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

  /** Whether the signed-in user sees the district's drive (the dashboard card asks). */
  public boolean mayOpen(String districtCode) {
    try {
      return maySee(CurrentUser.get(), districtCode);
    } catch (IllegalStateException nobodySignedIn) {
      return false;
    }
  }

  /** The dashboard card: the district's drive of the year, or null when it has none. */
  public DriveView card(String districtCode, int year) {
    return drives.drive(districtCode, year).map(this::view).orElse(null);
  }

  public DriveView view(Drive drive) {
    List<Task> open =
        drive.evaluatedAt() != null
            ? List.of()
            : tasks.createTaskQuery().processInstanceId(drive.processInstanceId()).list();
    Map<String, Mou> byCode = new LinkedHashMap<>();
    for (Mou m : drives.mous(drive.id())) {
      byCode.put(m.schoolCode(), m);
    }
    List<SchoolMou> schools = new ArrayList<>();
    for (School s : directory.schoolsOfDistrict(drive.districtCode())) {
      schools.add(new SchoolMou(s, byCode.get(s.code())));
    }
    List<Visit> visits =
        drive.mentoringRoundNo() == null
            ? List.of()
            : visitRounds.rounds(drive.districtCode(), drive.academicYear()).stream()
                .filter(r -> r.roundNo() == drive.mentoringRoundNo())
                .flatMap(r -> r.visits().stream())
                .toList();
    Map<String, String> names = new LinkedHashMap<>();
    schools.forEach(s -> names.put(s.school().code(), s.school().nameTh()));
    List<RankRow> ranking =
        drives.ranking(drive.id()).stream()
            .map(
                r ->
                    new RankRow(
                        r.schoolCode(),
                        names.computeIfAbsent(
                            r.schoolCode(), c -> directory.school(c).map(School::nameTh).orElse(c)),
                        r))
            .toList();
    return new DriveView(drive, open, List.copyOf(schools), visits, ranking);
  }
}
