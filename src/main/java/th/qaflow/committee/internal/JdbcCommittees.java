package th.qaflow.committee.internal;

import static th.qaflow.committee.CommitteeMeetingProcess.*;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import th.qaflow.committee.CommitteeMeetingProcess;
import th.qaflow.committee.Committees;
import th.qaflow.kernel.ProcessVariables;
import th.qaflow.organisation.Groups;
import th.qaflow.organisation.OrganisationDirectory;
import th.qaflow.organisation.Person;
import th.qaflow.organisation.Role;

/**
 * The committees' tables, and the Camunda groups of each committee ({@link Groups#committeeMember},
 * {@link Groups#committeeSecretary}) kept in step with its members, so the meeting's tasks reach
 * them. A member's new groups count from their next sign-in.
 */
@Service
class JdbcCommittees implements Committees {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final OrganisationDirectory directory;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final TransactionTemplate tx;

  JdbcCommittees(
      JdbcClient jdbc,
      Clock clock,
      OrganisationDirectory directory,
      @Lazy IdentityService identity,
      @Lazy RuntimeService runtime,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.directory = directory;
    this.identity = identity;
    this.runtime = runtime;
    this.tx = tx;
  }

  @Override
  public long create(
      String districtCode,
      Kind kind,
      Long parentId,
      String name,
      LocalDate termFrom,
      LocalDate termTo,
      int meetingsPerYear,
      String createdBy) {
    return tx.execute(
        s -> {
          KeyHolder key = new GeneratedKeyHolder();
          jdbc.sql(
                  """
                  insert into committee (district_code, kind, parent_id, name, term_from, term_to,
                    meetings_per_year, created_at, created_by)
                  values (:d, :kind, :parent, :name, :from, :to, :n, :at, :by)""")
              .param("d", districtCode)
              .param("kind", kind.name())
              .param("parent", parentId)
              .param("name", name)
              .param("from", termFrom)
              .param("to", termTo)
              .param("n", meetingsPerYear)
              .param("at", Timestamp.from(clock.instant()))
              .param("by", createdBy)
              .update(key, "id");
          long id = key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue() : 0;
          if (kind == Kind.GROUP) {
            return id;
          }
          for (Person p : directory.peopleOfDistrict(districtCode)) {
            if (p.role() == Role.SUPERVISION_DIRECTOR) {
              addMember(id, p.userId(), MemberRole.SECRETARY);
            }
          }
          return id;
        });
  }

  @Override
  public long createGroup(
      String districtCode,
      String clusterCode,
      String name,
      LocalDate termFrom,
      LocalDate termTo,
      int meetingsPerYear,
      String createdBy) {
    return tx.execute(
        s -> {
          long id =
              create(
                  districtCode,
                  Kind.GROUP,
                  null,
                  name,
                  termFrom,
                  termTo,
                  meetingsPerYear,
                  createdBy);
          jdbc.sql("update committee set cluster_code = :cl where id = :id")
              .param("cl", clusterCode)
              .param("id", id)
              .update();
          return id;
        });
  }

  @Override
  public Optional<Committee> ofCluster(String clusterCode) {
    return jdbc.sql(COMMITTEE + " where cluster_code = :cl and kind = 'GROUP'")
        .param("cl", clusterCode)
        .query(this::mapCommittee)
        .optional();
  }

  @Override
  public Optional<String> clusterOf(long committeeId) {
    return jdbc.sql("select cluster_code from committee where id = :id")
        .param("id", committeeId)
        .query(String.class)
        .optional()
        .filter(c -> c != null);
  }

  /**
   * Who drafts the agenda and records the minutes: the secretary; in a school group's committee the
   * elected chair and vice-chair (002 L786-826: the chair coordinates and plans the group's work).
   */
  private static boolean actsAsSecretary(Committee c, MemberRole role) {
    if (c != null && c.kind() == Kind.GROUP) {
      return role == MemberRole.CHAIR || role == MemberRole.VICE_CHAIR;
    }
    return role == MemberRole.SECRETARY;
  }

  @Override
  public void addMember(long committeeId, String userId, MemberRole role) {
    tx.executeWithoutResult(
        s -> {
          int changed =
              jdbc.sql(
                      "update committee_member set member_role = :r"
                          + " where committee_id = :c and user_id = :u")
                  .param("r", role.name())
                  .param("c", committeeId)
                  .param("u", userId)
                  .update();
          if (changed == 0) {
            jdbc.sql(
                    "insert into committee_member (committee_id, user_id, member_role, added_at)"
                        + " values (:c, :u, :r, :at)")
                .param("c", committeeId)
                .param("u", userId)
                .param("r", role.name())
                .param("at", Timestamp.from(clock.instant()))
                .update();
          }
          Committee c = committee(committeeId).orElse(null);
          String name = c == null ? "" : c.name();
          join(userId, Groups.committeeMember(committeeId), "กรรมการ " + name);
          String secretary = Groups.committeeSecretary(committeeId);
          if (actsAsSecretary(c, role)) {
            join(userId, secretary, "ฝ่ายเลขานุการ " + name);
          } else {
            leave(userId, secretary);
          }
        });
  }

  @Override
  public void removeMember(long committeeId, String userId) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("delete from committee_member where committee_id = :c and user_id = :u")
              .param("c", committeeId)
              .param("u", userId)
              .update();
          leave(userId, Groups.committeeMember(committeeId));
          leave(userId, Groups.committeeSecretary(committeeId));
        });
  }

  private void join(String userId, String groupId, String name) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group g = identity.newGroup(groupId);
      g.setName(name.length() > 255 ? name.substring(0, 255) : name);
      g.setType("WORKFLOW");
      identity.saveGroup(g);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0
        && identity.createUserQuery().userId(userId).count() > 0) {
      identity.createMembership(userId, groupId);
    }
  }

  private void leave(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
      identity.deleteMembership(userId, groupId);
    }
  }

  @Override
  public String startMeeting(long committeeId, int academicYearBE, String startedBy) {
    Committee c =
        committee(committeeId)
            .orElseThrow(() -> new IllegalArgumentException("committee " + committeeId));
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(VAR_COMMITTEE_ID, committeeId);
    vars.put(ProcessVariables.DISTRICT_CODE, c.districtCode());
    vars.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
    vars.put(VAR_STARTED_BY, startedBy);
    return runtime
        .startProcessInstanceByKey(
            PROCESS_ID,
            CommitteeMeetingProcess.businessKey(c.districtCode(), academicYearBE, committeeId),
            vars)
        .getId();
  }

  @Override
  public Optional<String> startYear(long committeeId, int academicYearBE, String startedBy) {
    Committee c =
        committee(committeeId)
            .orElseThrow(() -> new IllegalArgumentException("committee " + committeeId));
    String key = CommitteeMeetingProcess.businessKey(c.districtCode(), academicYearBE, committeeId);
    if (runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(YEAR_PROCESS_ID)
            .processInstanceBusinessKey(key)
            .count()
        > 0) {
      return Optional.empty();
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(VAR_COMMITTEE_ID, committeeId);
    vars.put(ProcessVariables.DISTRICT_CODE, c.districtCode());
    vars.put(ProcessVariables.ACADEMIC_YEAR, academicYearBE);
    vars.put(VAR_STARTED_BY, startedBy);
    return Optional.of(runtime.startProcessInstanceByKey(YEAR_PROCESS_ID, key, vars).getId());
  }

  // --- meetings, written by the process steps

  long newMeeting(long committeeId, String processInstanceId, int academicYear) {
    int no =
        jdbc.sql(
                "select coalesce(max(meeting_no), 0) from committee_meeting"
                    + " where committee_id = :c and academic_year = :y")
            .param("c", committeeId)
            .param("y", academicYear)
            .query(Integer.class)
            .single();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into committee_meeting (committee_id, process_instance_id, academic_year,
              meeting_no, status, created_at)
            values (:c, :pi, :y, :no, 'AGENDA', :at)""")
        .param("c", committeeId)
        .param("pi", processInstanceId)
        .param("y", academicYear)
        .param("no", no + 1)
        .param("at", Timestamp.from(clock.instant()))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  void called(long meetingId, Instant at, String place, List<AgendaItem> items) {
    jdbc.sql(
            "update committee_meeting set status = 'CALLED', meeting_at = :at, place = :p"
                + " where id = :id")
        .param("at", Timestamp.from(at))
        .param("p", place)
        .param("id", meetingId)
        .update();
    jdbc.sql("delete from committee_agenda_item where meeting_id = :id")
        .param("id", meetingId)
        .update();
    for (AgendaItem i : items) {
      jdbc.sql(
              "insert into committee_agenda_item (meeting_id, position, source, title, note)"
                  + " values (:m, :p, :s, :t, :n)")
          .param("m", meetingId)
          .param("p", i.position())
          .param("s", i.source())
          .param("t", i.title())
          .param("n", i.note())
          .update();
    }
  }

  /** New minutes (a new round of the vote) with their resolutions, replacing the last round's. */
  int minutes(long meetingId, String minutes, List<Resolution> resolutions) {
    jdbc.sql(
            "update committee_meeting set status = 'VOTING', minutes = :m,"
                + " minutes_round = minutes_round + 1 where id = :id")
        .param("m", minutes)
        .param("id", meetingId)
        .update();
    jdbc.sql("delete from committee_resolution where meeting_id = :id")
        .param("id", meetingId)
        .update();
    for (Resolution r : resolutions) {
      jdbc.sql(
              """
              insert into committee_resolution (meeting_id, position, text, owner_id, due_on, status)
              values (:m, :p, :t, :o, :d, 'DRAFT')""")
          .param("m", meetingId)
          .param("p", r.position())
          .param("t", r.text())
          .param("o", r.ownerId())
          .param("d", r.dueOn())
          .update();
    }
    return meeting(meetingId).map(Meeting::minutesRound).orElse(0);
  }

  void vote(long meetingId, int round, String userId, String vote, String objection) {
    int changed =
        jdbc.sql(
                "update committee_vote set vote = :v, objection = :o, voted_at = :at"
                    + " where meeting_id = :m and minutes_round = :r and user_id = :u")
            .param("v", vote)
            .param("o", objection)
            .param("at", Timestamp.from(clock.instant()))
            .param("m", meetingId)
            .param("r", round)
            .param("u", userId)
            .update();
    if (changed == 0) {
      jdbc.sql(
              """
              insert into committee_vote (meeting_id, minutes_round, user_id, vote, objection, voted_at)
              values (:m, :r, :u, :v, :o, :at)""")
          .param("m", meetingId)
          .param("r", round)
          .param("u", userId)
          .param("v", vote)
          .param("o", objection)
          .param("at", Timestamp.from(clock.instant()))
          .update();
    }
  }

  void status(long meetingId, String status) {
    jdbc.sql(
            "update committee_meeting set status = :s"
                + (status.equals("APPROVED") ? ", approved_at = :at" : "")
                + " where id = :id")
        .param("s", status)
        .param("id", meetingId)
        .params(
            status.equals("APPROVED") ? Map.of("at", Timestamp.from(clock.instant())) : Map.of())
        .update();
    if (status.equals("APPROVED")) {
      jdbc.sql("update committee_resolution set status = 'OPEN' where meeting_id = :id")
          .param("id", meetingId)
          .update();
    }
  }

  Optional<Resolution> resolution(long id) {
    return jdbc.sql(RESOLUTION + " where id = :id")
        .param("id", id)
        .query(this::mapResolution)
        .optional();
  }

  void followUpOpened(long resolutionId, String taskId) {
    jdbc.sql("update committee_resolution set task_id = :t where id = :id")
        .param("t", taskId)
        .param("id", resolutionId)
        .update();
  }

  void followedUp(long resolutionId, String result) {
    jdbc.sql(
            "update committee_resolution set status = 'DONE', result = :r, done_at = :at"
                + " where id = :id")
        .param("r", result)
        .param("at", Timestamp.from(clock.instant()))
        .param("id", resolutionId)
        .update();
  }

  // --- reads

  private static final String COMMITTEE =
      "select id, district_code, kind, parent_id, name, term_from, term_to, meetings_per_year"
          + " from committee";
  private static final String MEETING =
      "select id, committee_id, process_instance_id, academic_year, meeting_no, status,"
          + " meeting_at, place, minutes, minutes_round, approved_at from committee_meeting";
  private static final String RESOLUTION =
      "select id, meeting_id, position, text, owner_id, due_on, status, task_id, result, done_at"
          + " from committee_resolution";

  @Override
  public Optional<Committee> committee(long id) {
    return jdbc.sql(COMMITTEE + " where id = :id")
        .param("id", id)
        .query(this::mapCommittee)
        .optional();
  }

  @Override
  public List<Committee> ofDistrict(String districtCode) {
    return jdbc.sql(COMMITTEE + " where district_code = :d order by kind, id")
        .param("d", districtCode)
        .query(this::mapCommittee)
        .list();
  }

  @Override
  public List<Committee> ofMember(String userId) {
    return jdbc.sql(
            COMMITTEE
                + " where id in (select committee_id from committee_member where user_id = :u)"
                + " order by kind, id")
        .param("u", userId)
        .query(this::mapCommittee)
        .list();
  }

  @Override
  public List<Member> members(long committeeId) {
    return jdbc.sql(
            "select user_id, member_role from committee_member where committee_id = :c"
                + " order by case member_role when 'CHAIR' then 0 when 'VICE_CHAIR' then 1"
                + " when 'SECRETARY' then 3 else 2 end, user_id")
        .param("c", committeeId)
        .query(
            (rs, n) ->
                new Member(
                    committeeId,
                    rs.getString(1),
                    MemberRole.valueOf(rs.getString(2)),
                    directory
                        .person(rs.getString(1))
                        .map(Person::displayName)
                        .orElse(rs.getString(1))))
        .list();
  }

  @Override
  public Optional<MemberRole> roleOf(long committeeId, String userId) {
    return jdbc.sql(
            "select member_role from committee_member where committee_id = :c and user_id = :u")
        .param("c", committeeId)
        .param("u", userId)
        .query(String.class)
        .optional()
        .map(MemberRole::valueOf);
  }

  @Override
  public List<Meeting> meetings(long committeeId) {
    return jdbc.sql(
            MEETING + " where committee_id = :c order by academic_year desc, meeting_no desc")
        .param("c", committeeId)
        .query(this::mapMeeting)
        .list();
  }

  @Override
  public Optional<Meeting> meeting(long meetingId) {
    return jdbc.sql(MEETING + " where id = :id")
        .param("id", meetingId)
        .query(this::mapMeeting)
        .optional();
  }

  @Override
  public List<AgendaItem> agenda(long meetingId) {
    return jdbc.sql(
            "select position, source, title, note from committee_agenda_item"
                + " where meeting_id = :m order by position")
        .param("m", meetingId)
        .query(
            (rs, n) ->
                new AgendaItem(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  @Override
  public List<Vote> votes(long meetingId) {
    return jdbc.sql(
            "select minutes_round, user_id, vote, objection, voted_at from committee_vote"
                + " where meeting_id = :m order by minutes_round, voted_at")
        .param("m", meetingId)
        .query(
            (rs, n) ->
                new Vote(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  @Override
  public List<Resolution> resolutions(long meetingId) {
    return jdbc.sql(RESOLUTION + " where meeting_id = :m order by position")
        .param("m", meetingId)
        .query(this::mapResolution)
        .list();
  }

  @Override
  public List<Resolution> openResolutions(String districtCode) {
    return jdbc.sql(
            RESOLUTION
                + " where status = 'OPEN' and meeting_id in (select m.id from committee_meeting m"
                + " join committee c on c.id = m.committee_id where c.district_code = :d"
                + " and c.kind <> 'GROUP')"
                + " order by due_on, id")
        .param("d", districtCode)
        .query(this::mapResolution)
        .list();
  }

  @Override
  public List<Meeting> meetingsOfDistrict(String districtCode) {
    return jdbc.sql(
            MEETING
                + " where meeting_at is not null and committee_id in"
                + " (select id from committee where district_code = :d and kind <> 'GROUP')"
                + " order by meeting_at")
        .param("d", districtCode)
        .query(this::mapMeeting)
        .list();
  }

  @Override
  public Map<String, List<Meeting>> groupMeetingsOfDistrict(String districtCode) {
    Map<Long, String> clusterOf = new HashMap<>();
    jdbc.sql(
            "select id, cluster_code from committee"
                + " where district_code = :d and kind = 'GROUP' and cluster_code is not null")
        .param("d", districtCode)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> clusterOf.put(rs.getLong(1), rs.getString(2)));
    Map<String, List<Meeting>> result = new HashMap<>();
    clusterOf.values().forEach(c -> result.put(c, new ArrayList<>()));
    if (clusterOf.isEmpty()) {
      return result;
    }
    jdbc.sql(MEETING + " where committee_id in (:ids) order by academic_year desc, meeting_no desc")
        .param("ids", List.copyOf(clusterOf.keySet()))
        .query(this::mapMeeting)
        .list()
        .forEach(m -> result.get(clusterOf.get(m.committeeId())).add(m));
    return result;
  }

  private Committee mapCommittee(ResultSet rs, int n) throws SQLException {
    long parentId = rs.getLong(4);
    Long parent = rs.wasNull() ? null : parentId;
    return new Committee(
        rs.getLong(1),
        rs.getString(2),
        Kind.valueOf(rs.getString(3)),
        parent,
        rs.getString(5),
        rs.getDate(6).toLocalDate(),
        rs.getDate(7).toLocalDate(),
        rs.getInt(8));
  }

  private Meeting mapMeeting(ResultSet rs, int n) throws SQLException {
    Timestamp at = rs.getTimestamp(7);
    Timestamp approved = rs.getTimestamp(11);
    return new Meeting(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getInt(5),
        rs.getString(6),
        at == null ? null : at.toInstant(),
        rs.getString(8),
        rs.getString(9),
        rs.getInt(10),
        approved == null ? null : approved.toInstant());
  }

  private Resolution mapResolution(ResultSet rs, int n) throws SQLException {
    Timestamp done = rs.getTimestamp(10);
    return new Resolution(
        rs.getLong(1),
        rs.getLong(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getString(5),
        rs.getDate(6).toLocalDate(),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        done == null ? null : done.toInstant());
  }
}
