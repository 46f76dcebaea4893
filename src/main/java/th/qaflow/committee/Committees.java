package th.qaflow.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The district committees and their meetings: the committee module's API. */
public interface Committees {
  /** The committee of a district: ก.ต.ป.น. itself or one of its sub-committees. */
  enum Kind {
    KTPN,
    SUB,
    /**
     * The committee of a school group (กลุ่มโรงเรียน / สหวิทยาเขต): the directors of its schools.
     */
    GROUP
  }

  enum MemberRole {
    CHAIR,
    SECRETARY,
    MEMBER,
    /** The elected vice-chair of a school group's committee. */
    VICE_CHAIR
  }

  /** How many meetings a year a new committee is set to hold (the seeds are silent). */
  int DEFAULT_MEETINGS_PER_YEAR = 4;

  record Committee(
      long id,
      String districtCode,
      Kind kind,
      Long parentId,
      String name,
      LocalDate termFrom,
      LocalDate termTo,
      int meetingsPerYear) {}

  record Member(long committeeId, String userId, MemberRole role, String displayName) {}

  record Meeting(
      long id,
      long committeeId,
      String processInstanceId,
      int academicYear,
      int meetingNo,
      String status,
      Instant meetingAt,
      String place,
      String minutes,
      int minutesRound,
      Instant approvedAt) {}

  record AgendaItem(int position, String source, String title, String note) {}

  record Vote(int round, String userId, String vote, String objection, Instant at) {}

  record Resolution(
      long id,
      long meetingId,
      int position,
      String text,
      String ownerId,
      LocalDate dueOn,
      String status,
      String taskId,
      String result,
      Instant doneAt) {}

  /**
   * Makes a committee of the district; the district's supervision director(s) become its secretary
   * (004 L199: the director of the supervision unit is the secretary of ก.ต.ป.น.).
   */
  long create(
      String districtCode,
      Kind kind,
      Long parentId,
      String name,
      LocalDate termFrom,
      LocalDate termTo,
      int meetingsPerYear,
      String createdBy);

  /**
   * Makes the committee of a school group (kind {@link Kind#GROUP}) for a cluster: no secretary is
   * added; its chair and vice-chair act as the secretary of its meetings (they draft the agenda and
   * record the minutes).
   */
  long createGroup(
      String districtCode,
      String clusterCode,
      String name,
      LocalDate termFrom,
      LocalDate termTo,
      int meetingsPerYear,
      String createdBy);

  /** The school group committee of a cluster, if it was set up. */
  Optional<Committee> ofCluster(String clusterCode);

  /** The cluster of a school group committee (empty for other kinds). */
  Optional<String> clusterOf(long committeeId);

  /** The member's role on the committee, if they sit on it. */
  Optional<MemberRole> roleOf(long committeeId, String userId);

  /** Adds (or changes the role of) a member; they get the committee's Camunda groups. */
  void addMember(long committeeId, String userId, MemberRole role);

  void removeMember(long committeeId, String userId);

  /** Starts one meeting (CommitteeMeeting) of the committee; the process instance id. */
  String startMeeting(long committeeId, int academicYearBE, String startedBy);

  /** Starts the committee's year (MonitoringCommitteeYear); empty when it runs already. */
  Optional<String> startYear(long committeeId, int academicYearBE, String startedBy);

  Optional<Committee> committee(long id);

  List<Committee> ofDistrict(String districtCode);

  /** The committees the person sits on. */
  List<Committee> ofMember(String userId);

  List<Member> members(long committeeId);

  List<Meeting> meetings(long committeeId);

  Optional<Meeting> meeting(long meetingId);

  List<AgendaItem> agenda(long meetingId);

  List<Vote> votes(long meetingId);

  List<Resolution> resolutions(long meetingId);

  /** The district's resolutions not yet followed up, soonest due first. */
  List<Resolution> openResolutions(String districtCode);

  /** The dates of the district's called meetings (for the calendar and the dashboard). */
  List<Meeting> meetingsOfDistrict(String districtCode);

  /**
   * The meetings of the district's school-group committees (kind GROUP) by cluster code, newest
   * first as {@link #meetings} gives them, in two reads; a cluster whose group has no committee is
   * absent.
   */
  java.util.Map<String, List<Meeting>> groupMeetingsOfDistrict(String districtCode);
}
