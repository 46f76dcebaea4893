package th.qaflow.synthesis.internal;

import th.qaflow.organisation.Role;
import th.qaflow.security.QaUser;

/**
 * Who may read a district's current (unpublished) synthesis: its district staff, OBEC and
 * administrators.
 */
final class SynthesisAccess {
  static final int FIRST_YEAR = 2500;
  static final int LAST_YEAR = 2800;

  private SynthesisAccess() {}

  static boolean maySee(QaUser user, String districtCode) {
    if (user == null) {
      return false;
    }
    if (user.role() == null) {
      return user.isOperator();
    }
    return user.role().level() == Role.Level.NATION
        || user.role().level() == Role.Level.DISTRICT && districtCode.equals(user.districtCode());
  }

  static boolean plausibleYear(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }
}
