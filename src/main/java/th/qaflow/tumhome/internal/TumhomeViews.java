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

  TumhomeViews(TumhomeDrives drives, OrganisationDirectory directory, @Lazy TaskService tasks) {
    this.drives = drives;
    this.directory = directory;
    this.tasks = tasks;
  }

  /** A school of the district and its MOU of the drive (null when not signed). */
  public record SchoolMou(School school, Mou mou) {
    public boolean signed() {
      return mou != null;
    }
  }

  /** A drive as shown: the stage (its open tasks' names), the schools' MOUs. */
  public record DriveView(Drive drive, List<Task> openTasks, List<SchoolMou> schools) {
    public long signedCount() {
      return schools.stream().filter(SchoolMou::signed).count();
    }

    public boolean finished() {
      return drive.evaluatedAt() != null;
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
    return new DriveView(drive, open, List.copyOf(schools));
  }
}
