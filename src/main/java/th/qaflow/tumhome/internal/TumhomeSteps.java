package th.qaflow.tumhome.internal;

import static th.qaflow.tumhome.TumhomeProcess.NEXT_CYCLE_YES;
import static th.qaflow.tumhome.TumhomeProcess.VAR_MEETING_DATE;
import static th.qaflow.tumhome.TumhomeProcess.VAR_MOU_SIGNED;
import static th.qaflow.tumhome.TumhomeProcess.VAR_NEXT_CYCLE;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;

/**
 * The expressions of TumhomeDrive: the meeting listener that opens MOU signing, the listeners that
 * count the signed MOUs and close signing, and the evaluation's. Due dates come from the district
 * calendar (TUMHOME_* stages); {@code inDays} stays for instances still on model version 1 ({@code
 * ${tumhomeSteps.inDays(30)}}). They run in the engine's transaction, so the rows commit with the
 * step.
 */
/* public (in an internal package) so the engine's expression language may call it */
@Component("tumhomeSteps")
public class TumhomeSteps {
  private final JdbcTumhomeDrives drives;
  private final Clock clock;

  TumhomeSteps(JdbcTumhomeDrives drives, Clock clock) {
    this.drives = drives;
    this.clock = clock;
  }

  public Date inDays(int days) {
    return Date.from(clock.instant().plus(Duration.ofDays(days)));
  }

  /** The directors' meeting was held: MOU signing opens on the TUMHOME page. */
  public void meetingHeld(DelegateTask task) {
    LocalDate on = date(task.getVariable(VAR_MEETING_DATE));
    drives.meetingHeld(
        task.getProcessInstanceId(),
        on != null ? on : LocalDate.now(clock.withZone(AcademicYears.ZONE)));
  }

  /** The signing task opens with, and closes with, the number of schools that signed. */
  public void countSigned(DelegateTask task) {
    task.setVariable(VAR_MOU_SIGNED, drives.signedCount(task.getProcessInstanceId()));
  }

  public void signingClosed(DelegateTask task) {
    countSigned(task);
    drives.signingClosed(task.getProcessInstanceId());
  }

  public void evaluated(DelegateTask task) {
    drives.evaluated(
        task.getProcessInstanceId(), NEXT_CYCLE_YES.equals(task.getVariable(VAR_NEXT_CYCLE)));
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
