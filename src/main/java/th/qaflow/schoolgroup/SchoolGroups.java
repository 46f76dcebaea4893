package th.qaflow.schoolgroup;

import java.time.LocalDate;
import java.util.List;

/** School groups and their committees: the schoolgroup module's API. */
public interface SchoolGroups {
  /** 002 L809: a group has 7 to 15 schools (a warning, never a block). */
  int MIN_SCHOOLS = th.qaflow.organisation.Cluster.MIN_SCHOOLS;

  int MAX_SCHOOLS = th.qaflow.organisation.Cluster.MAX_SCHOOLS;

  /** 002 L816: the group committee meets at least twice a semester. */
  int MEETINGS_PER_SEMESTER = 2;

  /** How a semester stands against the meeting rule. */
  enum RuleStatus {
    /** At least two meetings held. */
    MET,
    /** The semester is over with fewer than two meetings. */
    MISSED,
    /** Running; the meetings held and called (dated) make two. */
    SCHEDULED,
    /** Running; fewer than two meetings held or called: ยังไม่ครบ. */
    BEHIND,
    /** Not begun. */
    NOT_YET;

    public boolean behind() {
      return this == MISSED || this == BEHIND;
    }
  }

  record SemesterRule(
      int semester, LocalDate from, LocalDate to, int held, int scheduled, RuleStatus status) {}

  static boolean sizeOk(int schools) {
    return th.qaflow.organisation.Cluster.sizeOk(schools);
  }

  /**
   * The semesters of an academic year as the meeting rule counts them: semester 1 from 16 May to 31
   * October (the break after it included), semester 2 from 1 November to 15 May.
   */
  static List<LocalDate[]> semesters(int academicYearBE) {
    int y = th.qaflow.kernel.AcademicYears.firstCalendarYear(academicYearBE);
    return List.of(
        new LocalDate[] {
          th.qaflow.kernel.AcademicYears.start(academicYearBE), LocalDate.of(y, 10, 31)
        },
        new LocalDate[] {
          LocalDate.of(y, 11, 1), th.qaflow.kernel.AcademicYears.end(academicYearBE)
        });
  }

  /**
   * Sets up the group committee of the cluster (idempotent): its members are the directors of the
   * cluster's schools. The committee's id.
   */
  long setUp(String clusterCode, String by);

  /** Records the committee's election: its chair and vice-chair (two different members). */
  void elect(String clusterCode, String chairUserId, String viceChairUserId);

  /** Calls a meeting of the group committee (CommitteeMeeting); the process instance id. */
  String startMeeting(String clusterCode, int academicYearBE, String by);

  /**
   * Starts the group's year (GroupYear: the group plan, then the chair's assessment of the member
   * schools) once; empty when it runs already.
   */
  java.util.Optional<String> startYear(String clusterCode, int academicYearBE, String by);

  /** The meeting rule, semester by semester, for the academic year. */
  List<SemesterRule> meetingRule(String clusterCode, int academicYearBE);

  /** Whether the group is behind its meeting rule this year (a semester missed or behind). */
  default boolean behind(String clusterCode, int academicYearBE) {
    return meetingRule(clusterCode, academicYearBE).stream().anyMatch(r -> r.status().behind());
  }

  /** The clusters of the district whose group committee is behind its meeting rule. */
  List<String> behindInDistrict(String districtCode, int academicYearBE);
}
