package th.qaflow.monitoring.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Who must act on an open task, from its candidate group names (see {@code Groups}): message keys
 * {@code monitoring.role.*}; a group QA Flow does not name is shown as it is.
 */
final class Responsible {
  private Responsible() {}

  static List<String> roleKeys(String candidateGroups) {
    List<String> keys = new ArrayList<>();
    if (candidateGroups == null || candidateGroups.isBlank()) {
      return keys;
    }
    for (String group : candidateGroups.split(",")) {
      String key = roleKey(group.trim());
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  static String roleKey(String g) {
    if (g.startsWith("school-")) {
      if (g.endsWith("-qa")) {
        return "monitoring.role.schoolQa";
      }
      if (g.endsWith("-director")) {
        return "monitoring.role.schoolDirector";
      }
      if (g.endsWith("-board")) {
        return "monitoring.role.schoolBoard";
      }
    } else if (g.startsWith("cluster-") && g.endsWith("-supervisor")) {
      return "monitoring.role.supervisor";
    } else if (g.startsWith("district-")) {
      if (g.endsWith("-supervision-director")) {
        return "monitoring.role.supervisionDirector";
      }
      if (g.endsWith("-qa-officer")) {
        return "monitoring.role.qaOfficer";
      }
      if (g.endsWith("-director")) {
        return "monitoring.role.districtDirector";
      }
    }
    return g;
  }
}
