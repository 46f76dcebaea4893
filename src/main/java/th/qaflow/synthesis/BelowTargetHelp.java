package th.qaflow.synthesis;

import java.util.Map;
import java.util.Set;
import th.qaflow.security.QaUser;

/**
 * Implemented by the module that helps schools below the standard: the synthesis page's list of
 * schools below their targets shows each school's help and, to those who may start it, a form
 * posting to {@code /district/assistance/start}. The synthesis module only knows this interface, so
 * the dependency runs from the helper to the synthesis.
 */
public interface BelowTargetHelp {

  /**
   * @param mayStart whether the user may start help for some of the district's schools
   * @param startable the school codes the user may start help for (a supervisor: their clusters')
   * @param caseStatus message key of the help's status, per school code that has a case of the year
   */
  record View(boolean mayStart, Set<String> startable, Map<String, String> caseStatus) {}

  View view(String districtCode, int academicYear, QaUser user);
}
