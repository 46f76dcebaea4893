package th.qaflow.training.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Component;
import th.qaflow.kernel.AcademicYears;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.School;
import th.qaflow.security.CurrentUser;
import th.qaflow.security.QaUser;
import th.qaflow.training.Trainings;
import th.qaflow.training.Trainings.Attended;

/**
 * A school's training history for templates ({@code ${@trainingHistory.of(code)}}): the events its
 * people attended, for whoever may see the school (its own people, its district's staff, OBEC), so
 * the school's monitoring page shows it without depending on this module.
 */
@Component("trainingHistory")
public class TrainingHistory {
  private final Trainings trainings;
  private final OrganisationDirectory directory;

  TrainingHistory(Trainings trainings, OrganisationDirectory directory) {
    this.trainings = trainings;
    this.directory = directory;
  }

  /** The history, or null when the signed-in user may not see the school. */
  public List<Attended> of(String schoolCode) {
    QaUser user = CurrentUser.get();
    School school = schoolCode == null ? null : directory.school(schoolCode).orElse(null);
    if (user == null || school == null || !user.canSee(school)) {
      return null;
    }
    return trainings.historyOfSchool(schoolCode);
  }

  public String schoolName(String code) {
    return directory.school(code).map(School::nameTh).orElse(code);
  }

  /** The time of day in Thailand, HH:mm. */
  public String time(Instant at) {
    LocalTime t = LocalTime.ofInstant(at, AcademicYears.ZONE);
    return String.format("%02d:%02d", t.getHour(), t.getMinute());
  }
}
