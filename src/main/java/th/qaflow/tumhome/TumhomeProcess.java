package th.qaflow.tumhome;

/** Ids and variables of bpmn/TumhomeDrive.bpmn, in one place so code and model agree. */
public final class TumhomeProcess {
  public static final String PROCESS_ID = "TumhomeDrive";

  public static final String START = "StartEvent_DriveStarted";
  public static final String TASK_APPOINT_TEAM = "Task_AppointDrivingTeam";
  public static final String TASK_RECORD_BASELINE = "Task_RecordBaseline";
  public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
  public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
  public static final String TASK_HOLD_MEETING = "Task_HoldDirectorsMeeting";
  public static final String TASK_CLOSE_MOU = "Task_CloseMouSigning";
  public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";
  public static final String TASK_MENTORING = "Task_MentoringRound";
  public static final String TASK_EVALUATE = "Task_EvaluateDrive";
  public static final String GATEWAY_NEXT_CYCLE = "Gateway_NextCycle";
  public static final String END_NEXT_CYCLE = "EndEvent_NextCyclePlanned";
  public static final String END_CLOSED = "EndEvent_DriveClosed";

  public static final String VAR_DISTRICT_NAME = "districtName";
  public static final String VAR_STARTED_BY = "startedBy";

  /** T (form TumhomeAppointTeam). */
  public static final String VAR_TEAM = "tmTeam";

  /** U (form TumhomeRecordBaseline): a baseline per area and the analysis into a plan. */
  public static final String VAR_BASELINE_STUDENTS = "tmBaselineStudents";

  public static final String VAR_BASELINE_TEACHERS = "tmBaselineTeachers";
  public static final String VAR_BASELINE_CLASSROOMS = "tmBaselineClassrooms";
  public static final String VAR_BASELINE_DIRECTORS = "tmBaselineDirectors";
  public static final String VAR_PLAN = "tmPlan";

  /** The district director's decision: {@code approve} or {@code return}, with comments. */
  public static final String VAR_PLAN_DECISION = "tmPlanDecision";

  public static final String VAR_PLAN_COMMENTS = "tmPlanComments";
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_RETURN = "return";

  /** M (form TumhomeHoldMeeting). */
  public static final String VAR_MEETING_DATE = "tmMeetingDate";

  public static final String VAR_MEETING_ATTENDANCE = "tmMeetingAttendance";

  /** Set when the MOU signing task opens and when it closes: how many schools signed. */
  public static final String VAR_MOU_SIGNED = "tmMouSigned";

  public static final String VAR_MOU_NOTE = "tmMouNote";

  /** O (form TumhomeReportProgress). */
  public static final String VAR_PROGRESS = "tmProgress";

  /** M (form TumhomeMentoring): the reflection with the schools and the supervision report. */
  public static final String VAR_REFLECTION = "tmReflection";

  public static final String VAR_REPORT = "tmReport";

  /** Version 1's form only: the number of visits (now the visit round's visits). */
  public static final String VAR_VISITS = "tmVisits";

  /** E (form TumhomeEvaluate). */
  public static final String VAR_RESULT_STUDENTS = "tmResultStudents";

  public static final String VAR_RESULT_TEACHERS = "tmResultTeachers";
  public static final String VAR_RESULT_CLASSROOMS = "tmResultClassrooms";
  public static final String VAR_RESULT_DIRECTORS = "tmResultDirectors";

  /**
   * Version 1's form only: the ranking and honours as text (now computed, table tumhome_result).
   */
  public static final String VAR_RANKING = "tmRanking";

  public static final String VAR_HONOURS = "tmHonours";
  public static final String VAR_SHARING = "tmSharing";

  /** {@code yes} or {@code no}. */
  public static final String VAR_NEXT_CYCLE = "tmNextCycle";

  public static final String NEXT_CYCLE_YES = "yes";
  public static final String VAR_NEXT_PLAN = "tmNextPlan";

  private TumhomeProcess() {}

  public static String businessKey(String districtCode, int academicYearBE) {
    return districtCode + "-" + academicYearBE + "-TUMHOME";
  }
}
