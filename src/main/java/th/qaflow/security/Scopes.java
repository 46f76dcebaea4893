package th.qaflow.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import th.qaflow.organisation.School;

/**
 * The one read rule for a school's work, used by every page, download and task that shows it: the
 * user's role scope ({@link QaUser#canSee(School)}), plus the schools of open tasks handed to the
 * user by name ({@link HeldWork}), so a review the officer gives to a supervisor of another cluster
 * stays readable to them.
 */
@Component
public class Scopes {
  private final ObjectProvider<HeldWork> held;

  Scopes(ObjectProvider<HeldWork> held) {
    this.held = held;
  }

  public boolean canSee(QaUser user, School school) {
    if (user == null || school == null) {
      return user != null && user.isOperator();
    }
    if (user.canSee(school)) {
      return true;
    }
    List<HeldWork> holders = held.orderedStream().toList();
    return !user.isReadOnly()
        && holders.stream().anyMatch(h -> h.holdsWorkOf(user.userId(), school.code()));
  }
}
