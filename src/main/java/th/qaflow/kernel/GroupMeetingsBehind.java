package th.qaflow.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A school group has held (and called) fewer than two meetings in a semester that ends soon
 * (GroupYear's meeting-rule check): its chair and vice-chair are asked by mail to call one, the
 * cluster's supervisors are told. Published synchronously inside the engine's transaction, so the
 * notification module's mails commit or roll back with the step; once per group, year, semester and
 * person.
 *
 * @param leaderIds the chair and vice-chair (the members when none is elected)
 * @param supervisorIds the cluster's supervisors
 * @param link the group's page (relative, /groups/{cluster})
 */
public record GroupMeetingsBehind(
    String clusterCode,
    String groupName,
    int academicYear,
    int semester,
    LocalDate semesterEnds,
    int held,
    int called,
    int required,
    List<String> leaderIds,
    List<String> supervisorIds,
    String link,
    Instant at) {

  public GroupMeetingsBehind {
    leaderIds = List.copyOf(leaderIds);
    supervisorIds = List.copyOf(supervisorIds);
  }
}
